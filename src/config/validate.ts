// Validates a parsed config against the shipped JSON Schema with ajv, and its `ignore` globs, which no schema
// can check, and words each failure as `file: key.path: what is wrong`, so a user can find the key without
// reading ajv's JSON pointers.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import shippedSchema from "../../schema/wslint.config.schema.json" with { type: "json" };
import { didYouMean } from "./did-you-mean.js";
import { ignoreGlobError } from "./ignore.js";
import { ConfigError, type ConfigIssue, type WslintConfig } from "./types.js";

const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // verbose: errors carry their schema, where `errorMessage` and the known property names are.
    // strictTuples off: `[severity, options]` may omit its options, which strict mode takes for a mistake.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTuples: false });
    ajv.addKeyword("errorMessage");
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Returns the config typed, or throws a ConfigError listing every problem; `file` is the name to show. */
export function validateConfig(data: unknown, file: string, schema: object = shippedSchema): WslintConfig {
  const validate = validatorFor(schema);
  const issues = validate(data) ? [] : schemaIssues(validate.errors ?? [], data);
  issues.push(...ignoreGlobIssues(data));
  if (issues.length === 0) return data as WslintConfig;
  throw new ConfigError(file, issues);
}

function schemaIssues(errors: ErrorObject[], data: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const issue = describe(error, data);
    if (!issue) continue;
    const key = `${issue.keyPath}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** Each `ignore` string that is not a valid glob; values of the wrong type are the schema's to report. */
function ignoreGlobIssues(data: unknown): ConfigIssue[] {
  const ignore = data !== null && typeof data === "object" ? (data as Record<string, unknown>).ignore : undefined;
  if (!Array.isArray(ignore)) return [];
  const issues: ConfigIssue[] = [];
  ignore.forEach((glob, index) => {
    const error = typeof glob === "string" ? ignoreGlobError(glob) : undefined;
    if (error) issues.push({ keyPath: formatKeyPath(["ignore", String(index)], data), message: `not a valid glob: ${error}` });
  });
  return issues;
}

function describe(error: ErrorObject, data: unknown): ConfigIssue | undefined {
  // An if/then/else failure repeats what its branch already said.
  if (error.keyword === "if") return undefined;
  const segments = pointerSegments(error.instancePath);
  const keyPath = formatKeyPath(segments, data);
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    const known = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
    const hint = didYouMean(key, known);
    const path = formatKeyPath([...segments, key], data);
    if (segments.length === 0) return { keyPath: path, message: `unknown key; ${hint ? `did you mean "${hint}"?` : `expected one of ${known.join(", ")}`}` };
    if (segments.length === 1 && segments[0] === "rules") {
      return { keyPath: path, message: `unknown rule; ${hint ? `did you mean "${hint}"?` : 'run "wslint rules" for the list'}` };
    }
    if (known.length === 0) return { keyPath: path, message: "unknown option: this rule has no options" };
    return { keyPath: path, message: `unknown option; ${hint ? `did you mean "${hint}"?` : `expected one of ${known.join(", ")}`}` };
  }
  // A wrong type says so plainly; `errorMessage` words what is wrong with a value of the right type.
  if (typeof parent?.errorMessage === "string" && error.keyword !== "type") return { keyPath, message: parent.errorMessage };
  return { keyPath, message: wording(error, params) };
}

function wording(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(", ")}`;
    case "type":
      return `must be ${article(String(params.type))}`;
    case "minLength":
      return params.limit === 1 ? "must not be empty" : `must be at least ${params.limit} characters long`;
    case "maxLength":
      return `must be at most ${params.limit} characters long`;
    case "minItems":
      return `must have at least ${params.limit} item${params.limit === 1 ? "" : "s"}`;
    case "maxItems":
    case "additionalItems":
      return `must have at most ${params.limit} item${params.limit === 1 ? "" : "s"}`;
    case "required":
      return `must have "${params.missingProperty}"`;
    default:
      return error.message ?? "is not valid";
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: "an object", array: "an array", string: "a string", number: "a number", integer: "an integer",
    boolean: "true or false", null: "null",
  };
  return type.split(",").map((t) => words[t] ?? t).join(" or ");
}

/** JSON Pointer (`/rules/proxy-http-version/1`) to its unescaped segments. */
function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `rules["proxy-http-version"][1].minimum`: indexes where the data is an array, dots for plain names. */
function formatKeyPath(segments: string[], data: unknown): string {
  let out = "";
  let node: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(node)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return out;
}
