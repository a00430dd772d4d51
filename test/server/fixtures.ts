// Configs and helpers the language-server tests share: a temp workspace, the CLI as the reference answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit } from "vscode-languageserver-protocol";
import { allRules } from "../../rules/index.js";
import { runCli } from "../support/run-cli.js";

/** A WebSocket location that lacks `proxy_http_version 1.1` (proxy-http-version, fixable), with the rest right. */
export const WS_CONFIG = `events {}
http {
    proxy_read_timeout 1h;
    upstream backend {
        server 127.0.0.1:9000;
    }
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://backend;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 2h;
        }
    }
}
`;

/** Settings that leave only `ruleId` on, so "clean" stays a fact about that rule as more rules are added. */
export function onlyRule(ruleId: string): { rules: Record<string, string> } {
  return { rules: Object.fromEntries(allRules.filter((r) => r.meta.id !== ruleId).map((r) => [r.meta.id, "off"])) };
}

export function tempWorkspace(files: Record<string, string> = {}): { dir: string; path: (rel: string) => string; write: (rel: string, text: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "wslint-lsp-"));
  const path = (rel: string): string => join(dir, rel);
  const write = (rel: string, text: string): string => {
    mkdirSync(dirname(path(rel)), { recursive: true });
    writeFileSync(path(rel), text);
    return path(rel);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { dir, path, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "nginx", 0, text), edits);
}

/** 0-based position of the first occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const doc = TextDocument.create("file:///x", "nginx", 0, text);
  return doc.positionAt(offset + delta);
}

/** A diagnostic as "rule line:col-line:col severity message", 1-based like the CLI's JSON. */
export function diagnosticKey(d: Diagnostic): string {
  const sev = ["", "error", "warning", "info", "hint"][d.severity ?? 1];
  return `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${sev} ${d.message}`;
}

interface CliProblem {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What the CLI says about `text` linted as `path` (through stdin), in diagnosticKey's form. */
export function cliKeys(path: string, text: string): string[] {
  const run = runCli(["-f", "json", "--stdin-filename", path, "-"], { input: text });
  if (run.code !== 0 && run.code !== 1) throw new Error(`wslint exited ${run.code}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { problems: CliProblem[] }[] };
  return report.files.flatMap((f) => f.problems).map((p) => `${p.ruleId} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity} ${p.message}`);
}
