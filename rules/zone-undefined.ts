// Flags limit_conn, limit_req and *_cache directives naming a shared memory zone that nothing defines.
import { defineRule } from "../src/engine/rule.js";
import type { ConfigNode } from "../src/workspace/tree.js";

/** Each directive that uses a zone, the directive that defines such zones, and how nginx -t words the failure. */
const USERS: ReadonlyMap<string, { definer: string; example: string; fails: (zone: string) => string }> = new Map([
  ["limit_conn", { definer: "limit_conn_zone", example: "limit_conn_zone $binary_remote_addr zone=NAME:10m;", fails: zeroSize }],
  ["limit_req", { definer: "limit_req_zone", example: "limit_req_zone $binary_remote_addr zone=NAME:10m rate=10r/s;", fails: zeroSize }],
  ...["proxy", "fastcgi", "uwsgi", "scgi"].map((m) => [
    `${m}_cache`,
    { definer: `${m}_cache_path`, example: `${m}_cache_path /var/cache/nginx/NAME keys_zone=NAME:10m;`, fails: (zone: string) => `"${m}_cache" zone "${zone}" is unknown` },
  ] as const),
]);

function zeroSize(zone: string): string {
  return `zero size shared memory zone "${zone}"`;
}

const config = (zone: string): string =>
  `events {}\nhttp {\n${zone}    server {\n        listen 8080;\n        location /api/ {\n            limit_conn clients 20;\n            proxy_pass http://127.0.0.1:3000;\n        }\n    }\n}\n`;

export default defineRule({
  meta: {
    id: "zone-undefined",
    type: "validation",
    severity: "error",
    docs: {
      summary: "A `limit_conn`, `limit_req` or `proxy_cache` (fastcgi, uwsgi, scgi) naming a zone no `*_zone` or `*_cache_path` defines.",
      why: 'The zone is shared memory that `limit_conn_zone`, `limit_req_zone` or `proxy_cache_path ... keys_zone=` creates; a name nothing defines has no size, and nginx -t fails with `zero size shared memory zone "name"` (with no line number) or `"proxy_cache" zone "name" is unknown` (on the last line of the http block). Pasting only the location half of a tutorial\'s limit is the usual way to get here.',
      fix: "Define the zone in http (`limit_conn_zone $binary_remote_addr zone=clients:10m;`), or correct the name.",
    },
    examples: {
      bad: [config("")],
      good: [config("    limit_conn_zone $binary_remote_addr zone=clients:10m;\n")],
    },
  },
  visits: [...USERS.keys()],
  visit(node, ctx, tree) {
    if (node.context === "opaque") return;
    const use = USERS.get(node.name)!;
    const zone = zoneUsed(node);
    const stream = node.context.startsWith("stream");
    const zones = ctx.model.symbolsOf(tree).zones;
    if (!zone || zone.includes("$") || zones.get(`${stream ? "stream " : ""}${use.definer}`)?.has(zone)) return;
    const fix = `define it in ${stream ? "stream" : "http"}: ${use.example.replace(/NAME/g, zone)}`;
    // Zones share one namespace: a name another directive created is taken, and nginx says so instead.
    const other = [...zones].find(([, names]) => names.has(zone))?.[0];
    if (other !== undefined) {
      const own = use.example.replace(/NAME/g, `${zone}_${node.name.replace(/^limit_|_cache$/g, "")}`);
      const message = `the shared memory zone "${zone}" is already declared for a different use (by ${other}); give ${node.name} a zone of its own ("${own}") and name that here`;
      ctx.report({ node, message: `${message}; nginx -t fails` });
      return;
    }
    if (tree.contextSource === "main") ctx.report({ node, message: `${use.fails(zone)}: no ${use.definer} defines zone "${zone}"; ${fix}` });
    else ctx.report({ node, severity: "warning", message: `zone "${zone}" is not defined in the linted files (no ${use.definer}); ${fix}` });
  },
});

/** The zone a directive names: `limit_conn NAME n`, `limit_req zone=NAME ...`, `proxy_cache NAME` (not `off`). */
function zoneUsed(node: ConfigNode): string | undefined {
  const args = node.directive.args.map((a) => a.value);
  if (node.name === "limit_req") return args.find((a) => a.startsWith("zone="))?.slice("zone=".length);
  if (node.name.endsWith("_cache")) return args[0] === "off" ? undefined : args[0];
  return args[0];
}
