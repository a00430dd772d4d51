// `$` references read as nginx's script compiler reads them: what nginx -t rejects is reported, captures are not.
import { describe, expect, it } from "vitest";
import { lintText } from "../support/lint-text.js";

function found(value: string): string[] {
  const text = `events {}\nhttp {\n    server {\n        listen 8080;\n        location ~ ^/(a)(b) {\n            return 200 ${value};\n        }\n    }\n}\n`;
  return lintText(text).filter((p) => p.ruleId === "undefined-variable").map((p) => p.message.split(";")[0].split(":")[0]);
}

describe("variable references", () => {
  it.each([
    ['"$"', ["invalid variable name"]],
    ["$uri$", ["invalid variable name"]],
    ["$$", ["invalid variable name"]], // twice on one word: said once
    ['"cost: 5$."', ["invalid variable name"]],
    ["${}", ["invalid variable name"]],
    ['"${uri"', ['the closing bracket in "uri" variable is missing']],
    ["${1}", ['unknown "1" variable']],
    ["$0", ['unknown "0" variable']],
  ])("reports %s as nginx -t does", (value, messages) => {
    expect(found(value)).toEqual(messages);
  });

  it.each(["$1x", "$2$1", "$10", "${uri}s", '"$uri$is_args$args"'])("accepts %s (captures and well-formed names)", (value) => {
    expect(found(value)).toEqual([]);
  });

  it("leaves a `$` alone where nginx reads a regular expression or a plain string", () => {
    const text = [
      "events {}",
      "http {",
      "    server {",
      "        listen 8080;",
      "        location ~ [^/]\\.php(/|$) {",
      "            fastcgi_split_path_info ^(.+?\\.php)(/.*)$;",
      "            proxy_cookie_path ~^/app(.*)$ /$1;",
      "            gzip_disable \"MSIE [1-6]\\.(?!.*SV1)$\";",
      "            proxy_hide_header X-Price$;",
      "            add_header X-Cost$ 5;",
      "            proxy_hide_header X-$internal;",
      "            ssi_types text/$x;",
      "        }",
      "    }",
      "}",
      "",
    ].join("\n");
    expect(lintText(text).filter((p) => p.ruleId === "undefined-variable")).toEqual([]);
  });
});
