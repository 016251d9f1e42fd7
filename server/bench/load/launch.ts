import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProbeReport, ProbeRequest } from "./probe-types.js";

/** A running game server as the bench sees it: where clients connect and which processes to measure. */
export interface ServerHandle {
  /** HTTP base URLs of the server processes (`http://127.0.0.1:port`); rooms are spread over them. */
  endpoints: string[];
  /** The server's process ids, for CPU and RSS from /proc. */
  pids: number[];
  /** Asks every server process's probe; one report each. */
  probe(request: { probe: "reset" } | { probe: "read"; gc: boolean }): Promise<ProbeReport[]>;
  /** Stops the server and removes what it wrote; safe to call twice. */
  stop(): Promise<void>;
}

/** How a bench step starts its server: the one thing a multi-process mode swaps. */
export type ServerLauncher = () => Promise<ServerHandle>;

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PROBE = path.join(import.meta.dirname, "probe.ts");
/** Lines of server output kept to explain a crash. */
const KEPT_LINES = 40;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was healthy`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server at ${url} was not healthy within ${timeoutMs} ms`);
}

/** Every child started here, so that an interrupted bench never leaves a server running. */
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/**
 * `npm start`'s entry (server/main.ts) as one child process on a free port, with a fresh
 * data folder and the probe preloaded; `--expose-gc` lets the probe measure the heap after
 * a full collection. `nodeArgs` go to that Node (e.g. `--cpu-prof` to profile the server).
 */
export const mainProcess =
  (nodeArgs: readonly string[] = []): ServerLauncher =>
  async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "sos-bench-"));
    const child = spawn(process.execPath, ["--expose-gc", ...nodeArgs, "--import", "tsx", "--import", PROBE, "server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    children.add(child);
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(...chunk.toString().split("\n").filter(Boolean));
      output.splice(0, Math.max(0, output.length - KEPT_LINES));
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    let stopping = false;
    child.once("exit", (code, signal) => {
      children.delete(child);
      if (!stopping) console.error(`server exited unexpectedly (${code ?? signal}); last output:\n${output.join("\n")}`);
    });

    let nextId = 1;
    const waiting = new Map<number, (report: ProbeReport) => void>();
    child.on("message", (message: ProbeReport) => {
      if (typeof message === "object" && message !== null && "id" in message) waiting.get(message.id)?.(message);
    });
    const probe = (request: { probe: "reset" } | { probe: "read"; gc: boolean }): Promise<ProbeReport> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => reject(new Error(`the server's probe did not answer ${request.probe}`)), 30_000);
        waiting.set(id, (report) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(report);
        });
        child.send({ ...request, id } satisfies ProbeRequest);
      });

    const url = `http://127.0.0.1:${port}`;
    const stop = async () => {
      if (!stopping) {
        stopping = true;
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((r) => child.once("exit", r));
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
          await exited;
          clearTimeout(timer);
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
    };
    try {
      await waitHealthy(url, child, 30_000);
    } catch (error) {
      await stop();
      throw error;
    }
    return {
      endpoints: [url],
      pids: [child.pid as number],
      probe: async (request) => [await probe(request)],
      stop,
    };
  };
