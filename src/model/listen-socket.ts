// The socket a `listen` binds, as nginx compares them (ngx_cmp_sockaddr on the parsed address) and prints them
// (ngx_sock_ntop: `0.0.0.0:8088`, `[::]:8088`, `unix:/run/app.sock`), with the parameters nginx allows once per socket.
import type { Word } from "../syntax/ast.js";
import type { ConfigNode } from "../workspace/tree.js";
import { parseListen } from "./listen.js";

export interface ListenSocket {
  node: ConfigNode;
  /** The address as nginx prints it; equal texts are the same socket. */
  address: string;
  /** `default_server` (or its old spelling `default`). */
  defaultServer: boolean;
  /**
   * The first parameter that sets socket options. ngx_http_core_listen marks them `set`, and ngx_http_add_addresses
   * takes them from one listen of an address only.
   */
  socketOption: Word | undefined;
  /**
   * A UDP socket (stream `udp`, http `quic` since nginx 1.25.0) does not clash with a TCP one on the same address:
   * `listen 443 quic reuseport;` and `listen 443 ssl;` in one server are two sockets.
   */
  udp: boolean;
}

/**
 * Parameters that set socket options on Linux (ngx_http_core_listen, 1.22). `setfib=` and `accept_filter=` are
 * FreeBSD's: Debian's nginx rejects the first as an invalid parameter and ignores the second.
 */
const SOCKET_OPTION = /^(bind|deferred|reuseport|(backlog|rcvbuf|sndbuf|fastopen|so_keepalive)=.*|ipv6only=o.*)$/;

/** undefined for an address nginx would resolve by name (`localhost:8080`): wslint does not guess what DNS answers. */
export function listenSocket(node: ConfigNode): ListenSocket | undefined {
  const listen = parseListen(node);
  const [first, ...params] = node.directive.args;
  const address = listen && (listen.unix ? first.value : socketAddress(listen.host, listen.port));
  if (address === undefined) return undefined;
  return {
    node,
    address,
    defaultServer: params.some((w) => w.value === "default_server" || w.value === "default"),
    socketOption: params.find((w) => SOCKET_OPTION.test(w.value)),
    udp: params.some((w) => w.value === "udp" || w.value === "quic"),
  };
}

/** `8088`, `*:8088`, `0.0.0.0:8088` → `0.0.0.0:8088` (parseListen has read the port, 80 when none is written). */
function socketAddress(host: string | undefined, port: number | undefined): string | undefined {
  if (host === undefined || host === "*") return withPort("0.0.0.0", port);
  const v6 = /^\[([^\]]*)\]$/.exec(host);
  if (v6) {
    const inner = canonicalIpv6(v6[1]);
    return inner && withPort(`[${inner}]`, port);
  }
  const ipv4 = canonicalIpv4(host);
  return ipv4 && withPort(ipv4, port);
}

function withPort(host: string, port: number | undefined): string | undefined {
  return port !== undefined && Number.isInteger(port) && port >= 1 && port <= 65535 ? `${host}:${port}` : undefined;
}

/** ngx_inet_addr: four decimal octets, leading zeros allowed (`127.000.0.1` is 127.0.0.1). */
function canonicalIpv4(host: string): string | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(host)) return undefined;
  const octets = host.split(".").map(Number);
  return octets.every((o) => o <= 255) ? octets.join(".") : undefined;
}

/** `0::0` and `::` are one address: the URL parser writes IPv6 addresses in their compressed form. */
function canonicalIpv6(inner: string): string | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(inner)) return undefined;
  try {
    return new URL(`http://[${inner}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}
