// nginx versions as numbers, so defaults and removals can be decided by comparison.

export interface NginxVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/**
 * The target when nothing says otherwise: Ubuntu 24.04 LTS's nginx. Older than 1.29.7, so HTTP/1.0 to
 * upstreams is still the default, which is what most deployed nginx does today.
 */
export const DEFAULT_NGINX_VERSION = "1.24.0";

export function parseVersion(text: string): NginxVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: text.trim() };
}

/** True when `version` is `other` or newer. */
export function atLeast(version: NginxVersion, other: string): boolean {
  const o = parseVersion(other);
  if (!o) return false;
  return (
    version.major - o.major || version.minor - o.minor || version.patch - o.patch
  ) >= 0;
}
