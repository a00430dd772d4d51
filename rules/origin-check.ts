// Flags WebSocket locations where nothing in nginx checks the Origin of the handshake.
import { defineRule } from "../src/engine/rule.js";
import { directivesIn, levelsFrom } from "../src/model/levels.js";
import { enclosingServer } from "../src/model/listen.js";
import type { Symbols } from "../src/model/symbols.js";
import { describeWebSocket, isWeak } from "../src/model/websocket.js";
import type { ConfigNode, ConfigTree } from "../src/workspace/tree.js";

const HEAD = "events {\n    worker_connections 1024;\n}\nhttp {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        ''      close;\n    }\n";
const ORIGIN_MAP = "    map $http_origin $origin_ok {\n        default                    0;\n        \"https://chat.example.com\" 1;\n    }\n";
const server = (check: string): string =>
  `    limit_conn_zone $binary_remote_addr zone=sockets:10m;\n    server {\n        listen 443 ssl;\n        server_name chat.example.com;\n        ssl_certificate /etc/ssl/chat.pem;\n        ssl_certificate_key /etc/ssl/chat.key;\n        location /ws/ {\n${check}            limit_conn sockets 20;\n            proxy_pass http://127.0.0.1:3000;\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_read_timeout 1h;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "origin-check",
    type: "suggestion",
    severity: "info",
    verifiedOn: "1.22.1",
    docs: {
      summary: "A WebSocket location where nothing checks `$http_origin`.",
      why: "Browsers send cookies with a WebSocket handshake from any site and do not apply CORS to it, so a page on another origin can open a socket as the logged-in user (cross-site WebSocket hijacking) unless someone checks the `Origin` header. Rejecting unknown origins in nginx is defence in depth: non-browser clients can forge Origin, so the application must check it too.",
      fix: "Map the allowed origins and refuse the rest in the location (`if` with `return` is safe):\n\n```nginx\nmap $http_origin $origin_ok {\n    default                    0;\n    \"https://chat.example.com\" 1;\n}\n# in the WebSocket location:\nif ($origin_ok = 0) {\n    return 403;\n}\n```\n\nBrowsers always send Origin with a WebSocket handshake but not with same-origin GET requests, so when the location also serves long-polling (socket.io, SignalR) or pages, add `'' 1;` to the map. With lua-nginx-module, a `rewrite_by_lua*`, `access_by_lua*` or `set_by_lua*` in force whose code reads `ngx.var.http_origin` (or the Origin request header) counts as a check too.",
    },
    examples: {
      bad: [`${HEAD}${server("")}`],
      good: [`${HEAD}${ORIGIN_MAP}${server("            if ($origin_ok = 0) {\n                return 403;\n            }\n")}`],
    },
  },
  check(ctx) {
    for (const ws of ctx.model.distinctWebsocketLocations()) {
      if (isWeak(ws) || luaReadsOrigin(ws.block, ws.tree)) continue;
      if (checksOrigin(ws.block, originVariablesOf(ctx.model.symbolsOf(ws.tree)))) continue;
      ctx.report({
        node: ws.block ?? ws.proxyPass,
        message: `${describeWebSocket(ws)} accepts handshakes from any Origin: nothing checks $http_origin, so a page on another site can open a socket with the user's cookies (cross-site WebSocket hijacking); map the allowed origins and add "if ($origin_ok = 0) { return 403; }" (the application must check Origin too)`,
      });
    }
  },
});

const originVariablesByTree = new WeakMap<Symbols, Set<string>>();

/** The variables that carry the Origin header in one tree, computed once per tree's symbols. */
function originVariablesOf(symbols: Symbols): Set<string> {
  let found = originVariablesByTree.get(symbols);
  if (!found) originVariablesByTree.set(symbols, (found = derivedFrom("http_origin", symbols.variables)));
  return found;
}

/** `source` and every variable a map or set computes from it, directly or through another such variable. */
function derivedFrom(source: string, variables: ReadonlyMap<string, ConfigNode[]>): Set<string> {
  const found = new Set([source]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, nodes] of variables) {
      if (found.has(name)) continue;
      const computed = nodes.some((n) => (n.name === "map" || n.name === "set") && usesAny(n.directive.args[n.name === "map" ? 0 : 1]?.value, found));
      if (computed) {
        found.add(name);
        grew = true;
      }
    }
  }
  return found;
}

function usesAny(text: string | undefined, names: ReadonlySet<string>): boolean {
  for (const m of (text ?? "").matchAll(/\$\{?([A-Za-z0-9_]+)\}?/g)) if (names.has(m[1]) || names.has(m[1].toLowerCase())) return true;
  return false;
}

/** An `if` on an Origin variable in the proxying block, an enclosing location, or the server. */
function checksOrigin(block: ConfigNode | undefined, names: ReadonlySet<string>): boolean {
  const isCheck = (c: ConfigNode): boolean => c.name === "if" && c.directive.args.some((a) => usesAny(a.value, names));
  const server = enclosingServer(block);
  for (let n = block; n; n = n.parent) {
    if (isCheck(n) || n.children.some(isCheck)) return true;
    if (n === server) break;
  }
  return false;
}

/** Lua code that reads the Origin header: `ngx.var.http_origin`, `headers["Origin"]`, `headers.origin`. */
const READS_ORIGIN = /http_origin\b|\[\s*(["'])origin\1\s*\]|headers\w*(?:\(\s*\))?\s*\.\s*origin\b/i;

/** The Lua code of a `*_by_lua_block` body or of the inline `*_by_lua` form (its last argument); files are unread. */
function luaCode(node: ConfigNode): string {
  const d = node.directive;
  if (d.rawBody) return d.rawBody.text;
  return d.name.value.endsWith("_by_lua") ? (d.args.at(-1)?.value ?? "") : "";
}

/**
 * Lua that runs before the request is proxied and reads Origin (lua-nginx-module): the rewrite_by_lua* and
 * access_by_lua* in force (each phase inherited from the nearest level that sets it), or a set_by_lua* that runs on
 * the way (the block or a level around it).
 */
function luaReadsOrigin(block: ConfigNode | undefined, tree: ConfigTree): boolean {
  const levels = levelsFrom(block, tree);
  for (const phase of ["rewrite", "access"]) {
    const forms = [`${phase}_by_lua`, `${phase}_by_lua_block`, `${phase}_by_lua_file`];
    const inForce = levels.map((level) => forms.flatMap((name) => directivesIn(level, name))).find((nodes) => nodes.length > 0);
    if (inForce?.some((n) => READS_ORIGIN.test(luaCode(n)))) return true;
  }
  return levels.some((level) => ["set_by_lua", "set_by_lua_block"].some((name) => directivesIn(level, name).some((n) => READS_ORIGIN.test(luaCode(n)))));
}
