// Time, size and offset values, with the answers nginx 1.22.1 -t gave for the same text.
import { describe, expect, it } from "vitest";
import { parseOffset, parseSize, parseTime } from "../../src/reference/values.js";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("parseTime", () => {
  it.each<[string, number]>([
    ["0", 0],
    ["5", 5 * S],
    ["01", 1 * S],
    ["60s", 60 * S],
    ["500ms", 500],
    ["1s500ms", 1500],
    ["1m1ms", M + 1],
    ["1h30m", H + 30 * M],
    ["1w2d3h4m5s6ms", 7 * D + 2 * D + 3 * H + 4 * M + 5 * S + 6],
    ["25d", 25 * D], // nginx 1.22 has no 32-bit cap
    // nginx's own quirks, each accepted by nginx -t:
    ["1h 30m", H + 30 * M],
    ["1h30", H + 30 * S],
    ["h1", S],
    ["1hm", H],
    [" 1", S],
  ])("ms precision reads %j as %i ms", (text, ms) => {
    expect(parseTime(text, { ms: true })).toBe(ms);
  });

  it.each([
    "", " ", "ms", "30m1h", "1h1h", "1d1w", "1ms1s", "1M", "1y", "1 h", "1H", "1S", "1.5", "-1", "+1",
    "1msx", "1 ms", "9223372036854775808", "9223372036854775807",
  ])("ms precision rejects %j", (text) => {
    expect(parseTime(text, { ms: true })).toBeUndefined();
  });

  it("takes months and years at second precision", () => {
    expect(parseTime("1M", { ms: false })).toBe(30 * D);
    expect(parseTime("1y", { ms: false })).toBe(365 * D);
    expect(parseTime("1y2M", { ms: false })).toBe(365 * D + 60 * D);
    expect(parseTime("69y", { ms: false })).toBe(69 * 365 * D);
    expect(parseTime("1h30m", { ms: false })).toBe(H + 30 * M);
  });

  it.each(["1ms", "1s1ms", "2M1y", "1y1y", "1 h", "", "9223372036854775808"])(
    "second precision rejects %j",
    (text) => {
      expect(parseTime(text, { ms: false })).toBeUndefined();
    },
  );
});

describe("parseSize", () => {
  it.each<[string, number]>([
    ["0", 0],
    ["512", 512],
    ["1k", 1024],
    ["1K", 1024],
    ["01k", 1024],
    ["4m", 4 * 1024 * 1024],
    ["4M", 4 * 1024 * 1024],
    ["9007199254740991k", 9007199254740991 * 1024],
  ])("reads %j as %i bytes", (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(["", "k", "1g", "1G", "1kb", "1 k", " 1k", "-1", "+1", "1.5", "9223372036854775808", "9007199254740992k"])(
    "rejects %j",
    (text) => {
      expect(parseSize(text)).toBeUndefined();
    },
  );
});

describe("parseOffset", () => {
  it("also takes gigabytes", () => {
    expect(parseOffset("1g")).toBe(1024 ** 3);
    expect(parseOffset("2G")).toBe(2 * 1024 ** 3);
    expect(parseOffset("10m")).toBe(10 * 1024 ** 2);
    expect(parseOffset("100")).toBe(100);
  });

  it.each(["", "g", "1t", "1gb", "8589934592g"])("rejects %j", (text) => {
    expect(parseOffset(text)).toBeUndefined();
  });
});
