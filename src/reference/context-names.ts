// How contexts are named in messages: the way nginx's documentation names them.
import type { ContextName } from "./contexts.js";

const LABELS: Record<ContextName, string> = {
  main: "the main context",
  events: "events",
  http: "http",
  server: "server",
  location: "location",
  "if-in-location": "if in location",
  "if-in-server": "if in server",
  limit_except: "limit_except",
  upstream: "upstream",
  stream: "stream",
  "stream-server": "stream server",
  "stream-upstream": "stream upstream",
  mail: "mail",
  "mail-server": "mail server",
};

export function contextLabel(context: ContextName): string {
  return LABELS[context];
}
