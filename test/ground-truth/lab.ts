// Everything one scenario starts (nginx, backends, blackholes, DNS stubs, relays, temp dirs), stopped together on success or failure.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBlackhole, type Blackhole } from "../support/blackhole.js";
import { startDnsStub, type DnsStub } from "../support/dns-stub.js";
import { freePort } from "../support/free-port.js";
import { startNginx, type RunningNginx } from "../support/nginx-process.js";
import { startTcpRecorder, type TcpRecorder } from "../support/tcp-recorder.js";
import { startBackend, type Backend, type BackendOptions } from "../support/ws-backend.js";
import { closeSocket } from "../support/ws-client.js";
import type WebSocket from "ws";

/** Labs not yet stopped, so the suite's afterAll can stop what a timed-out scenario left running. */
export const openLabs = new Set<Lab>();

export class Lab {
  private readonly stops: Array<() => Promise<void> | void> = [];

  constructor() {
    openLabs.add(this);
  }

  private keep<T>(thing: T, stop: () => Promise<void> | void): T {
    this.stops.push(stop);
    return thing;
  }

  port(): Promise<number> {
    return freePort();
  }

  async backend(options: BackendOptions = {}): Promise<Backend> {
    const backend = await startBackend(options);
    return this.keep(backend, () => backend.close());
  }

  /** nginx on `config`, started once every port in `ports` (its listeners) accepts connections. */
  async nginx(config: string, ports: number[]): Promise<RunningNginx> {
    const nginx = await startNginx(config, ports);
    return this.keep(nginx, () => nginx.stop());
  }

  async blackhole(): Promise<Blackhole> {
    const blackhole = await startBlackhole();
    return this.keep(blackhole, () => blackhole.close());
  }

  async dns(): Promise<DnsStub> {
    const dns = await startDnsStub();
    return this.keep(dns, () => dns.close());
  }

  async recorder(targetPort: number): Promise<TcpRecorder> {
    const recorder = await startTcpRecorder(targetPort);
    return this.keep(recorder, () => recorder.close());
  }

  /** A socket the lab closes at the end if the scenario did not. */
  socket(socket: WebSocket): WebSocket {
    return this.keep(socket, async () => void (await closeSocket(socket, 500)));
  }

  tmpdir(): string {
    const dir = mkdtempSync(join(tmpdir(), "wslint-gt-"));
    return this.keep(dir, () => rmSync(dir, { recursive: true, force: true }));
  }

  /** Stops everything, last started first (nginx before the backend it proxies to); errors do not stop the rest. */
  async stop(): Promise<void> {
    openLabs.delete(this);
    const errors: unknown[] = [];
    for (const stop of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length) throw errors[0];
  }
}
