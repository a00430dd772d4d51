// action.yml: a well-formed composite action whose inputs map to real CLI flags, and whose lint script behaves as documented.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/run-cli.js";

interface Step { id?: string; name?: string; uses?: string; run?: string; shell?: string; with?: Record<string, string>; env?: Record<string, string>; "working-directory"?: string }
interface Action {
  name: string; description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

// No YAML parser is an npm dependency; Debian's python3-yaml comes with pre-commit, which the test set-up installs.
function parseYaml(path: string): unknown {
  const r = spawnSync("/usr/bin/python3", ["-c", "import sys, json, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", path], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cannot parse ${path} with python3-yaml (scripts/install-test-deps.sh installs it): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const action = parseYaml(join(ROOT, "action.yml")) as Action;
const lintStep = action.runs.steps.find((s) => s.id === "lint");
const script = lintStep?.run ?? "";
const EXPECTED_INPUTS = ["paths", "nginx-version", "config", "format", "sarif-file", "fail-on"];

describe("action.yml structure", () => {
  it("is a composite action with a name, description and documented inputs", () => {
    expect(action.name).toBe("wslint");
    expect(action.description).toBeTruthy();
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs).sort()).toEqual([...EXPECTED_INPUTS].sort());
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
    expect(action.inputs.format.default).toBe("github");
    expect(action.inputs["fail-on"].default).toBe("error");
  });

  it("sets up Node 20 and installs wslint from the action's own checkout", () => {
    const setup = action.runs.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(String(setup?.with?.["node-version"])).toBe("20");
    const install = action.runs.steps.find((s) => s.run?.includes("npm ci"));
    expect(install?.["working-directory"]).toBe("${{ github.action_path }}");
    expect(script).toContain('"$GITHUB_ACTION_PATH/bin/wslint.js"');
  });

  it("gives every run step a shell, uses every input, and names only inputs that exist", () => {
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe("bash");
    const text = readFileSync(join(ROOT, "action.yml"), "utf8");
    const used = new Set([...text.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...EXPECTED_INPUTS].sort());
    for (const [name, out] of Object.entries(action.outputs ?? {})) {
      const id = /steps\.([\w-]+)\.outputs/.exec(out.value)?.[1];
      expect(action.runs.steps.some((s) => s.id === id), name).toBe(true);
    }
  });

  it("never pastes an input into a script (inputs go through env, against script injection)", () => {
    for (const step of action.runs.steps) expect(step.run ?? "").not.toMatch(/\$\{\{/);
  });
});

describe("action.yml against the CLI", () => {
  const help = runCli(["--help"]).stdout.replace(/\s+/g, " ");

  it("passes only flags that `wslint --help` lists", () => {
    const flags = new Set([...script.matchAll(/(?<![\w-])(--[a-z][a-z-]*)/g)].map((m) => m[1]));
    expect([...flags].sort()).toEqual(["--config", "--format", "--max-warnings", "--nginx-version"]);
    for (const flag of flags) expect(help, `wslint --help lacks ${flag}`).toContain(`${flag} `);
  });

  it("asks only for formats the CLI offers: the default `github`, and `sarif` for sarif-file", () => {
    const choices = /--format <format>.*?\(choices: ([^)]*)\)/.exec(help)?.[1] ?? "";
    expect(choices).toContain('"github"');
    expect(choices).toContain('"sarif"');
  });
});

describe("action.yml lint script, run with bash as GitHub runs it", () => {
  let tmp = "";
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "wslint-action-"));
    writeFileSync(join(tmp, "script.sh"), script);
    writeFileSync(join(tmp, "good.conf"), "events {}\nhttp {\n    server {\n        listen 8080;\n    }\n}\n");
    writeFileSync(join(tmp, "bad.conf"), "events {}\nhttp {\n    server {\n        listen 8080\n    }\n}\n");
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function runStep(inputs: Record<string, string>) {
    const output = join(tmp, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, "");
    const env: Record<string, string> = { ...process.env as Record<string, string>, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, NO_COLOR: "1" };
    for (const name of EXPECTED_INPUTS) env[`INPUT_${name.toUpperCase().replace(/-/g, "_")}`] = inputs[name] ?? action.inputs[name].default ?? "";
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", join(tmp, "script.sh")], { cwd: tmp, env, encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: readFileSync(output, "utf8") };
  }

  it("fails on an error, prints annotations, writes SARIF and the exit-code output", () => {
    const r = runStep({ paths: "good.conf\nbad.conf", "sarif-file": "out/wslint.sarif", "nginx-version": "1.22.1" });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::error file=bad\.conf,line=4/m);
    expect(r.output).toBe("exit-code=1\n");
    const sarif = JSON.parse(readFileSync(join(tmp, "out/wslint.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it("passes a clean config, and with fail-on never passes a broken one but still reports it", () => {
    expect(runStep({ paths: "good.conf" }).status).toBe(0);
    const never = runStep({ paths: "bad.conf", "fail-on": "never" });
    expect(never.status).toBe(0);
    expect(never.output).toBe("exit-code=1\n");
  });

  it("rejects an unknown fail-on value, and a usage error is never hidden", () => {
    const bogus = runStep({ paths: "good.conf", "fail-on": "sometimes" });
    expect(bogus.status).toBe(2);
    expect(bogus.stdout).toContain("::error title=wslint::fail-on must be");
    expect(runStep({ paths: "missing.conf", "fail-on": "never" }).status).toBe(2);
  });
});
