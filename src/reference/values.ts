// Parses time, size and offset values exactly as nginx does (src/core/ngx_parse.c), so a linter agrees with nginx -t.

// NGX_MAX_INT_T_VALUE, NGX_MAX_SIZE_T_VALUE and NGX_MAX_OFF_T_VALUE on 64-bit Linux. BigInt keeps the
// overflow checks exact where a double would round.
const MAX = 2n ** 63n - 1n;

// ngx_parse_time's steps: each unit must come after every unit already seen.
const ST_MONTH = 2;
const ST_SEC = 7;
const ST_MSEC = 8;
const ST_LAST = 9;

const UNITS: Readonly<Record<string, { step: number; seconds: bigint }>> = {
  y: { step: 1, seconds: 365n * 24n * 3600n },
  M: { step: ST_MONTH, seconds: 30n * 24n * 3600n },
  w: { step: 3, seconds: 7n * 24n * 3600n },
  d: { step: 4, seconds: 24n * 3600n },
  h: { step: 5, seconds: 3600n },
  m: { step: 6, seconds: 60n },
  s: { step: ST_SEC, seconds: 1n },
};

/**
 * A time in milliseconds, or undefined where nginx says "invalid value". Units y M w d h m s ms, largest
 * first and each once; a bare number is seconds. `ms: true` mirrors the millisecond-precision directives
 * (ngx_conf_set_msec_slot), which reject M and y; otherwise `ms` itself is rejected. nginx's quirks are kept:
 * spaces may follow a unit (`"1h 30m"` is valid, `"1 h"` is not), a trailing bare number adds seconds
 * (`1h30`), and limits are 64-bit, so nginx 1.22 accepts `proxy_read_timeout 25d` (seen with nginx -t).
 */
export function parseTime(text: string, options: { ms: boolean }): number | undefined {
  const isSec = !options.ms;
  let step = isSec ? 0 : ST_MONTH;
  let value = 0n;
  let total = 0n;
  let valid = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i++];
    if (ch >= "0" && ch <= "9") {
      value = value * 10n + BigInt(ch.charCodeAt(0) - 48);
      if (value > MAX) return undefined;
      valid = true;
      continue;
    }
    let scale: bigint;
    let max: bigint;
    if (ch === "m" && text[i] === "s") {
      if (isSec || step >= ST_MSEC) return undefined;
      i++;
      step = ST_MSEC;
      scale = 1n;
      max = MAX;
    } else if (ch === " ") {
      // A space ends a bare number, which then counts as seconds; no unit may follow it.
      if (step >= ST_SEC) return undefined;
      step = ST_LAST;
      scale = 1n;
      max = MAX;
    } else {
      const unit = UNITS[ch];
      if (!unit || step >= unit.step) return undefined;
      step = unit.step;
      scale = unit.seconds;
      max = MAX / unit.seconds;
    }
    if (step !== ST_MSEC && !isSec) {
      scale *= 1000n;
      max /= 1000n;
    }
    if (value > max) return undefined;
    value *= scale;
    if (total > MAX - value) return undefined;
    total += value;
    value = 0n;
    while (text[i] === " ") i++;
  }
  if (!valid) return undefined;
  if (!isSec) {
    if (value > MAX / 1000n) return undefined;
    value *= 1000n;
  }
  if (total > MAX - value) return undefined;
  const result = Number(total + value);
  return isSec ? result * 1000 : result;
}

/** ngx_parse_size and ngx_parse_offset: one optional unit letter at the end, digits before it. */
function parseScaled(text: string, units: Readonly<Record<string, bigint>>): number | undefined {
  const scale = units[text.slice(-1)];
  const digits = scale === undefined ? text : text.slice(0, -1);
  if (!/^[0-9]+$/.test(digits)) return undefined;
  const value = BigInt(digits);
  const factor = scale ?? 1n;
  if (value > MAX / factor) return undefined;
  return Number(value * factor);
}

const K = 1024n;
const SIZE_UNITS = { k: K, K, m: K * K, M: K * K };
const OFFSET_UNITS = { ...SIZE_UNITS, g: K * K * K, G: K * K * K };

/** Bytes, or undefined where nginx says "invalid value": k/K and m/M only (`1g` fails for a size). */
export function parseSize(text: string): number | undefined {
  return parseScaled(text, SIZE_UNITS);
}

/** Bytes for the ngx_conf_set_off_slot directives (client_max_body_size, ...), which also take g/G. */
export function parseOffset(text: string): number | undefined {
  return parseScaled(text, OFFSET_UNITS);
}
