// An esbuild plugin that gives the CLI bundle a slim @nginx/reference-lib: the same getDirectives() and
// getVariables() answers for Format.Markdown, computed here at build time, without the descriptions.
//
// Why: the reference is 1.8 MB of JavaScript, nine tenths of it prose that only the language server's hover
// shows. Compiling and running it was about a quarter of the CLI's start-up; the slim module is ~170 kB of JSON
// that JSON.parse reads in a couple of milliseconds. The language server keeps the full package.
import { Format, getDirectives, getVariables } from "@nginx/reference-lib";

const NAMESPACE = "wslint-slim-reference";

function slimModuleSource() {
  const directives = getDirectives(Format.Markdown).map((d) => ({ ...d, description: "" }));
  const variables = getVariables(Format.Markdown).map((v) => ({ ...v, description: "" }));
  // JSON.parse of a string literal is faster to load than the same data as object literals.
  const json = (value) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  return [
    `export const Format = ${JSON.stringify(Format)};`,
    `const markdownOnly = (format) => { if (format !== Format.Markdown) throw new Error("the CLI bundle carries the reference in Markdown only"); };`,
    `export function getDirectives(format) { markdownOnly(format); return ${json(directives)}; }`,
    `export function getVariables(format) { markdownOnly(format); return ${json(variables)}; }`,
  ].join("\n");
}

export const slimReference = {
  name: "slim-reference",
  setup(build) {
    build.onResolve({ filter: /^@nginx\/reference-lib$/ }, () => ({ path: "reference-lib", namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: slimModuleSource(), loader: "js" }));
  },
};
