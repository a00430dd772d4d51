// What an http server listens on, as ngx_http_core_listen reads `listen`: address, port, and the ssl, http2 and
// quic parameters; and the server block a directive belongs to.
import { directivesIn } from "./levels.js";
import type { Word } from "../syntax/ast.js";
import type { ConfigNode } from "../workspace/tree.js";

export interface Listen {
  node: ConfigNode;
  /** The address as written (`*`, `127.0.0.1`, `[::1]`, `localhost`), undefined when only a port is given. */
  host: string | undefined;
  /** undefined for a unix socket. A `listen` without a port listens on 80. */
  port: number | undefined;
  unix: boolean;
  /** Bound to 127.0.0.0/8, ::1 or localhost: reachable from this machine only. */
  loopback: boolean;
  ssl: boolean;
  /** HTTP/3 over QUIC, which is always TLS. */
  quic: boolean;
  /** The `http2` parameter word, when written. */
  http2: Word | undefined;
}

/** A server listening on no `listen` at all listens on *:80 (ngx_http_core_server, when run as root). */
export const DEFAULT_LISTEN_PORT = 80;

/** Several rules ask about the same listen lines for every WebSocket location of a server: parse each once. */
const parsed = new WeakMap<ConfigNode, Listen | undefined>();

export function parseListen(node: ConfigNode): Listen | undefined {
  if (!parsed.has(node)) parsed.set(node, readListen(node));
  return parsed.get(node);
}

function readListen(node: ConfigNode): Listen | undefined {
  const [address, ...params] = node.directive.args;
  if (!address) return undefined;
  const has = (p: string): boolean => params.some((w) => w.value === p);
  const base = { node, ssl: has("ssl"), quic: has("quic"), http2: params.find((w) => w.value === "http2") };
  const text = address.value;
  if (text.startsWith("unix:")) return { ...base, host: undefined, port: undefined, unix: true, loopback: true };
  let host: string | undefined;
  let port: number | undefined;
  const v6 = /^(\[[^\]]*\])(?::(\d+))?$/.exec(text);
  if (v6) [host, port] = [v6[1], v6[2] === undefined ? undefined : Number(v6[2])];
  else if (/^\d+$/.test(text)) port = Number(text);
  else {
    const colon = text.lastIndexOf(":");
    // Decimal digits only, as ngx_atoi reads them: Number() would take "0x50" or "1e2".
    [host, port] = colon < 0 ? [text, undefined] : [text.slice(0, colon), /^\d+$/.test(text.slice(colon + 1)) ? Number(text.slice(colon + 1)) : NaN];
  }
  const loopback = host !== undefined && /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i.test(host);
  return { ...base, host, port: port ?? DEFAULT_LISTEN_PORT, unix: false, loopback };
}

/** The `listen` lines of an http server block. */
export function serverListens(server: ConfigNode): Listen[] {
  return server.children.filter((c) => c.name === "listen").flatMap((c) => parseListen(c) ?? []);
}

/** The http `server` block a node sits in (the node itself when it is one). */
export function enclosingServer(node: ConfigNode | undefined): ConfigNode | undefined {
  for (let n = node; n; n = n.parent) if (n.name === "server" && n.context === "http") return n;
  return undefined;
}

/** `ssl on;` in the server or in http makes every listen of the server TLS (removed in nginx 1.25.1). */
export function sslOnInForce(server: ConfigNode): boolean {
  return inForceInServer(server, "ssl").at(-1)?.directive.args[0]?.value === "on";
}

/**
 * The lines of a server-level directive in force in `server`: its own, else those of the block around it (http,
 * stream), as nginx merges server settings. Indexed look-ups: the block around can hold thousands of directives.
 */
export function inForceInServer(server: ConfigNode, name: string): readonly ConfigNode[] {
  const own = directivesIn({ node: server, children: server.children }, name);
  return own.length > 0 || !server.parent ? own : directivesIn({ node: server.parent, children: server.parent.children }, name);
}
