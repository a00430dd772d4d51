// Makes throwaway self-signed certificates with the openssl CLI (node:crypto cannot issue certificates).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

export interface SelfSigned {
  certPath: string;
  keyPath: string;
  /** The certificate in PEM, to trust it as the client's CA or hand it to a Node TLS server. */
  cert: string;
  key: string;
}

/**
 * Writes NAME.pem and NAME.key into `dir`: P-256 (fast to make), valid one day, for `name` (an IP address or a DNS
 * name, in the subject alternative name that clients check).
 */
export async function makeSelfSigned(dir: string, name = "127.0.0.1"): Promise<SelfSigned> {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}.key`);
  const san = isIP(name) ? `IP:${name}` : `DNS:${name}`;
  await promisify(execFile)("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
    "-keyout", keyPath, "-out", certPath, "-days", "1", "-subj", `/CN=${name}`, "-addext", `subjectAltName=${san}`,
  ], { timeout: 20_000 });
  return { certPath, keyPath, cert: readFileSync(certPath, "utf8"), key: readFileSync(keyPath, "utf8") };
}
