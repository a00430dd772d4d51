// Built-in variables: the reference's names, the NAME families, captures, and what nginx 1.22 -t accepts.
import { describe, expect, it } from "vitest";
import { builtinVariableNames, isBuiltinVariable } from "../../src/reference/variables.js";

describe("isBuiltinVariable", () => {
  it.each([
    "request_uri", "remote_addr", "host", "scheme", "proxy_add_x_forwarded_for", "upstream_addr",
    "ssl_preread_server_name", // stream
    "http_upgrade", "http_", "sent_http_content_type", "sent_trailer_x", "cookie_session", "arg_id",
    "upstream_http_location", "upstream_trailer_x", "upstream_cookie_id", "jwt_header_alg", "jwt_claim_sub",
    "proxy_protocol_tlv_alpn",
    "REQUEST_URI", "Http_Host", // nginx lowercases names
    "1", "9", "10", // $10 is capture 1 followed by "0"
    "msie", "modern_browser", "tcpinfo_rtt", // missing from the reference, known to nginx
  ])("knows $%s", (name) => {
    expect(isBuiltinVariable(name)).toBe(true);
  });

  it.each(["connection_upgrade", "0", "geoip_country_code", "http", "foo", ""])("does not know $%s", (name) => {
    expect(isBuiltinVariable(name)).toBe(false);
  });
});

describe("builtinVariableNames", () => {
  it("lists names without $, families as prefixes, sorted", () => {
    const names = builtinVariableNames();
    expect(names).toContain("request_uri");
    expect(names).toContain("http_");
    expect(names).toContain("msie");
    expect(names.some((n) => n.startsWith("$") || n.endsWith("_NAME"))).toBe(false);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
  });
});
