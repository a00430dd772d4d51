// Names for the blocks a directive can sit in, and the mapping from the reference's context strings to them.

export type ContextName =
  | "main"
  | "events"
  | "http"
  | "server"
  | "location"
  | "if-in-location"
  | "if-in-server"
  | "limit_except"
  | "upstream"
  | "stream"
  | "stream-server"
  | "stream-upstream"
  | "mail"
  | "mail-server";

export type Family = "core" | "http" | "stream" | "mail";

export const ALL_CONTEXTS: readonly ContextName[] = [
  "main", "events", "http", "server", "location", "if-in-location", "if-in-server", "limit_except",
  "upstream", "stream", "stream-server", "stream-upstream", "mail", "mail-server",
];

const FAMILY: Record<ContextName, Family> = {
  main: "core",
  events: "core",
  http: "http",
  server: "http",
  location: "http",
  "if-in-location": "http",
  "if-in-server": "http",
  limit_except: "http",
  upstream: "http",
  stream: "stream",
  "stream-server": "stream",
  "stream-upstream": "stream",
  mail: "mail",
  "mail-server": "mail",
};

export function familyOf(context: ContextName): Family {
  return FAMILY[context];
}

const HTTP_BLOCKS = ["http", "server", "location", "if in location", "if", "limit_except", "upstream"];

/**
 * The family a module belongs to, from its name. A module outside the ngx_http_/ngx_stream_/ngx_mail_ naming
 * (ngx_otel_module) is an http one when the reference places it only in http blocks; the rest ("Core
 * functionality", whose error_log also sits in stream and mail, perftools, mgmt) are core.
 */
export function familyOfModule(module: string, referenceContexts: readonly string[]): Family {
  if (module.startsWith("ngx_http_")) return "http";
  if (module.startsWith("ngx_stream_")) return "stream";
  if (module.startsWith("ngx_mail_")) return "mail";
  const httpOnly = referenceContexts.length > 0 && referenceContexts.every((c) => HTTP_BLOCKS.includes(c));
  return httpOnly ? "http" : "core";
}

/**
 * The reference says "server" and "upstream" for the blocks of every family; the module tells which one is
 * meant. Core directives that name "server" (error_log) are valid in the server blocks of all three.
 */
const BY_FAMILY: Record<Family, Record<string, readonly ContextName[]>> = {
  http: {
    main: ["main"],
    http: ["http"],
    server: ["server"],
    location: ["location"],
    "if in location": ["if-in-location"],
    // rewrite's directives say plain "if": both the server-level and the location-level if.
    if: ["if-in-server", "if-in-location"],
    limit_except: ["limit_except"],
    upstream: ["upstream"],
  },
  stream: { main: ["main"], stream: ["stream"], server: ["stream-server"], upstream: ["stream-upstream"] },
  mail: { main: ["main"], mail: ["mail"], server: ["mail-server"] },
  core: {
    main: ["main"],
    events: ["events"],
    http: ["http"],
    stream: ["stream"],
    mail: ["mail"],
    server: ["server", "stream-server", "mail-server"],
    location: ["location"],
  },
};

/**
 * Maps one directive's reference contexts to ours. The reference writes "any" (include) as an empty string.
 * Blocks we do not model (NGINX Plus's mgmt, acme_issuer, oidc_provider) map to nothing.
 */
export function contextsOf(module: string, referenceContexts: readonly string[]): ContextName[] {
  const table = BY_FAMILY[familyOfModule(module, referenceContexts)];
  const result = new Set<ContextName>();
  for (const context of referenceContexts) {
    if (context === "") return [...ALL_CONTEXTS];
    for (const name of table[context] ?? []) result.add(name);
  }
  return [...result];
}
