// `--nginx-version auto` reads the nginx core version from what `nginx -v` prints, whichever build it is.
import { describe, expect, it } from "vitest";
import { nginxCoreVersion } from "../../src/cli/nginx-version.js";

describe("nginxCoreVersion", () => {
  it.each([
    ["nginx version: nginx/1.22.1", "1.22.1"],
    ["nginx version: openresty/1.21.4.1", "1.21.4"],
    ["nginx version: Tengine/2.3.3 (nginx/1.18.0)", "1.18.0"],
    ["nginx version: nginx/1.25.3 (Ubuntu)", "1.25.3"],
  ])("%s → %s", (output, version) => {
    expect(nginxCoreVersion(output)).toBe(version);
  });

  it("finds nothing in an answer without a version", () => {
    expect(nginxCoreVersion("nginx: command not found")).toBeUndefined();
  });
});
