// What nginx rejects about listen sockets shared between servers: an http address:port taken twice by one server,
// given socket options by two servers, or made the default server by two (ngx_http_add_addresses, src/http/ngx_http.c);
// a stream address:port taken twice at all (ngx_stream_core_listen).
import type { Finding } from "../../src/engine/rule.js";
import { listenSocket, type ListenSocket } from "../../src/model/listen-socket.js";
import { lineReference, type ConfigNode } from "../../src/workspace/tree.js";
import { firstHere } from "./pairs.js";

interface HttpSocket {
  /** The listen of each server on the socket; a snippet's top level is one server, keyed by undefined. */
  servers: Map<ConfigNode | undefined, ConfigNode>;
  options?: ListenSocket;
  defaultServer?: ListenSocket;
}

/** A checker fed one tree's nodes in document order, the order nginx reads listens in. */
export function listenChecker(report: (finding: Finding) => void): (node: ConfigNode) => void {
  const http = new Map<string, HttpSocket>();
  const stream = new Map<string, ConfigNode>();
  const flag = (later: ConfigNode, earlier: ConfigNode, message: string, first: string) =>
    report({ node: later, range: later.directive.range, message, related: [firstHere(earlier, first)] });

  return (node) => {
    if (node.name !== "listen" || node.directive.recovered) return;
    if (node.context === "stream-server") {
      const socket = listenSocket(node);
      if (!socket) return;
      const key = `${socket.address}${socket.udp ? " udp" : ""}`;
      const earlier = stream.get(key);
      if (!earlier) stream.set(key, node);
      else {
        const message = `duplicate "${socket.address}" address and port pair (also at ${lineReference(earlier, node)}): nginx listens on an address once across all stream servers`;
        flag(node, earlier, message, `"${socket.address}" first here`);
      }
      return;
    }
    if (node.context !== "server") return;
    const socket = listenSocket(node);
    if (!socket) return;
    const server = node.parent;
    const key = `${socket.address}${socket.udp ? " udp" : ""}`;
    const seen = http.get(key);
    if (!seen) {
      http.set(key, {
        servers: new Map([[server, node]]),
        options: socket.socketOption ? socket : undefined,
        defaultServer: socket.defaultServer ? socket : undefined,
      });
      return;
    }
    const again = seen.servers.get(server);
    if (again) {
      const message = `a duplicate listen ${socket.address}: this server already listens on it at ${lineReference(again, node)}; delete one of the two`;
      return flag(node, again, message, `first listen on ${socket.address} here`);
    }
    seen.servers.set(server, node);
    if (socket.socketOption) {
      if (seen.options) {
        const earlier = seen.options;
        const message = `duplicate listen options for ${socket.address}: "${socket.socketOption.value}" sets socket options, and the listen at ${lineReference(earlier.node, node)} already sets them ("${earlier.socketOption!.value}"); nginx takes them from one listen per address:port, so keep them on one server`;
        return flag(node, earlier.node, message, `socket options for ${socket.address} set here`);
      }
      seen.options = socket;
    }
    if (socket.defaultServer) {
      if (seen.defaultServer) {
        const earlier = seen.defaultServer.node;
        const message = `a duplicate default server for ${socket.address}: the listen at ${lineReference(earlier, node)} already makes its server the default; keep "default_server" on one server per address:port`;
        return flag(node, earlier, message, `default server for ${socket.address} here`);
      }
      seen.defaultServer = socket;
    }
  };
}
