// The complete, correct WebSocket config the rules' good examples are built from: every rule must pass it,
// so an example shows the whole right way, not one fix with other problems around it.

const UPGRADE_MAP = ["    map $http_upgrade $connection_upgrade {", "        default upgrade;", "        ''      close;", "    }"];
const ORIGIN_MAP = ["    map $http_origin $origin_ok {", "        default                    0;", '        "https://chat.example.com" 1;', "    }"];

/** The lines of a WebSocket location that does everything right, indented for a location in a server. */
export const GOOD_WEBSOCKET_LOCATION = [
  "if ($origin_ok = 0) {",
  "    return 403;",
  "}",
  "limit_conn sockets 20;",
  "proxy_pass http://127.0.0.1:3000;",
  "proxy_http_version 1.1;",
  "proxy_set_header Upgrade $http_upgrade;",
  "proxy_set_header Connection $connection_upgrade;",
  "proxy_read_timeout 1h;",
];

export interface ExampleParts {
  /** Directives at the top of the server block (after listen, server_name and certificates). */
  server?: string[];
  /** The location's body, unindented; default: GOOD_WEBSOCKET_LOCATION. */
  location?: string[];
  path?: string;
}

export function goodWebSocketConfig(parts: ExampleParts = {}): string {
  const indent = (prefix: string, lines: string[]): string[] => lines.map((l) => `${prefix}${l}`);
  return [
    "events {",
    "    worker_connections 1024;",
    "}",
    "http {",
    ...UPGRADE_MAP,
    ...ORIGIN_MAP,
    "    limit_conn_zone $binary_remote_addr zone=sockets:10m;",
    "    server {",
    "        listen 443 ssl;",
    "        server_name chat.example.com;",
    "        ssl_certificate /etc/ssl/chat.pem;",
    "        ssl_certificate_key /etc/ssl/chat.key;",
    ...indent("        ", parts.server ?? []),
    `        location ${parts.path ?? "/ws/"} {`,
    ...indent("            ", parts.location ?? GOOD_WEBSOCKET_LOCATION),
    "        }",
    "    }",
    "}",
    "",
  ].join("\n");
}

/** A location whose proxy_read_timeout line carries `comment` above it: the suppression rules' examples. */
export function suppressionExample(comment: string, timeout: string): string {
  return `events {}\nhttp {\n    server {\n        location / {\n            ${comment}\n            proxy_read_timeout ${timeout};\n            proxy_pass http://127.0.0.1:8080;\n        }\n    }\n}\n`;
}
