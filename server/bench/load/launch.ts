import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { RATE_LIMIT_ENV } from "../../ops/rate-limit.js";
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
/** What a step runs: the game (`npm start`'s entry) or the bare room (bare-server.ts). */
const ENTRIES = { game: "server/main.ts", bare: path.relative(ROOT, path.join(import.meta.dirname, "bare-server.ts")) } as const;
export type ServerKind = keyof typeof ENTRIES;
/** Lines of server output kept to explain a crash. */
const KEPT_LINES = 40;

/** Every bench client comes from 127.0.0.1: the limits per address (docs/deploy.md) are off, as in the bare room. */
const NO_RATE_LIMITS = Object.fromEntries(Object.values(RATE_LIMIT_ENV).map((name) => [name, "off"]));

export async function freePort(): Promise<number> {
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

/** One server process as started by `serverProcess`. */
interface ProcessHandle {
  url: string;
  pid: number;
  probe(request: { probe: "reset" } | { probe: "read"; gc: boolean }): Promise<ProbeReport>;
  stop(): Promise<void>;
}

/**
 * `npm start`'s entry (server/main.ts), or the bare room's, as one child process on a free
 * port, with a fresh data folder and the probe preloaded; `--expose-gc` lets the probe measure
 * the heap after a full collection. `nodeArgs` go to that Node (e.g. `--cpu-prof` to profile
 * the server).
 */
async function serverProcess(nodeArgs: readonly string[], env: Record<string, string>, kind: ServerKind = "game"): Promise<ProcessHandle> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "sos-bench-"));
  const child = spawn(process.execPath, ["--expose-gc", ...nodeArgs, "--import", "tsx", "--import", PROBE, ENTRIES[kind]], {
    cwd: ROOT,
    env: { ...process.env, ...NO_RATE_LIMITS, ...env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_ADDRESS: `127.0.0.1:${port}` },
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
      await terminate(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    await waitHealthy(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid as number, probe, stop };
}

/** SIGTERM, then SIGKILL after 5 s. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** The bench's view of a set of server processes. */
function handleOf(processes: readonly ProcessHandle[], extraStop: () => Promise<void> = async () => {}): ServerHandle {
  return {
    endpoints: processes.map((p) => p.url),
    pids: processes.map((p) => p.pid),
    probe: (request) => Promise.all(processes.map((p) => p.probe(request))),
    stop: async () => {
      await Promise.all(processes.map((p) => p.stop()));
      await extraStop();
    },
  };
}

/** One server process, as `npm start` runs it (no Redis), or the bare room's (`kind: "bare"`). */
export const mainProcess =
  (nodeArgs: readonly string[] = [], kind: ServerKind = "game", env: Record<string, string> = {}): ServerLauncher =>
  async () =>
    handleOf([await serverProcess(nodeArgs, env, kind)]);

/**
 * `count` server processes sharing one game world through Redis (REDIS_URL, or a
 * `redis-server` started here on a free port with persistence off), each advertising its own
 * address, as docs/deploy.md runs them behind a proxy.
 */
export const clusterProcesses =
  (count: number, nodeArgs: readonly string[] = []): ServerLauncher =>
  async () => {
    const redis = process.env.REDIS_URL ? { url: process.env.REDIS_URL, stop: async () => {} } : await startRedis();
    const processes: ProcessHandle[] = [];
    try {
      for (let i = 0; i < count; i++) processes.push(await serverProcess(nodeArgs, { REDIS_URL: redis.url, PROCESS_ID: `bench-${i + 1}` }));
    } catch (error) {
      await Promise.all(processes.map((p) => p.stop()));
      await redis.stop();
      throw error;
    }
    return handleOf(processes, redis.stop);
  };

/** A throwaway Redis on loopback for one step; its data is dropped (`FLUSHALL` is not needed: it never persists). */
async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  children.add(child);
  const failed = new Promise<never>((_, reject) =>
    child.once("error", (error) => reject(new Error(`cannot start redis-server (${error.message}): install it or set REDIS_URL`))),
  );
  const ready = (async () => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await canConnect(port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("redis-server did not start within 10 s");
  })();
  await Promise.race([ready, failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await terminate(child);
      children.delete(child);
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
