import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Room } from "@colyseus/sdk";
import type { ServerMessages } from "../../shared/schemas/protocol.js";
import { type RoomState, waitFor } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The Redis the cluster tests share (TEST_REDIS_URL; .ci/run starts one on loopback): database 15 by default. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/15";

/** A real server process (`server/main.ts`, as `npm start` runs it) and what it printed. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

/** The test's environment without the server's cluster and monitor settings (each test sets its own). */
function inherited(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["REDIS_URL", "PROCESS_ID", "PUBLIC_ADDRESS", "MONITOR_PASSWORD", "MONITOR_USER", "LOG_LEVEL"]) delete env[key];
  return env;
}

/** Spawns `server/main.ts` without waiting for it to start. */
function spawnServer(port: number, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...inherited(), PORT: String(port), RECONNECT_GRACE_SECONDS: "60", LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

/** A server that must refuse to start: its exit code and what it printed. */
export async function failedStart(port: number, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const server = spawnServer(port, env);
  const code = await waitFor(() => server.child.exitCode !== null || server.output().includes("Scale or Ship is running"), 30_000).then(() => {
    server.child.kill("SIGKILL");
    return server.exited;
  });
  return { code, output: server.output() };
}

export async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const server = spawnServer(port, env);
  const { child, output } = server;
  await waitFor(() => output().includes("Scale or Ship is running") || child.exitCode !== null, 30_000).catch(() => undefined);
  if (!output().includes("Scale or Ship is running")) {
    child.kill("SIGKILL");
    throw new Error(`server on port ${port} did not start:\n${output()}`);
  }
  return server;
}

/** Sends `signal` and resolves with the exit code once the process is gone. */
export async function stop(server: ServerProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  return server.exited;
}

/** One Redis command over a plain socket (tests only: no client library needed). */
export function redis(url: string, ...command: string[]): Promise<string> {
  const { hostname, port, pathname } = new URL(url);
  const db = pathname.slice(1) || "0";
  const encode = (args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let data = "";
    socket.setTimeout(2000, () => socket.destroy(new Error(`redis at ${hostname}:${port} did not answer`)));
    socket.on("error", reject);
    socket.on("data", (d) => {
      data += d;
      // SELECT's reply, then the command's (a simple value, an error or a bulk string).
      const lines = data.split("\r\n");
      if (lines.length >= 3 && (!lines[1]?.startsWith("$") || lines[1] === "$-1" || lines.length >= 4)) {
        socket.end();
        const reply = lines[1] ?? "";
        if (reply.startsWith("-")) reject(new Error(reply.slice(1)));
        else resolve(reply.startsWith("$") ? (reply === "$-1" ? "" : (lines[2] ?? "")) : reply.replace(/^[+:]/, ""));
      }
    });
    socket.connect(Number(port || 6379), hostname, () => socket.write(encode(["SELECT", db]) + encode(command)));
  });
}

/**
 * Whether the tests' Redis answers. Locally, tests that need it skip with a message when it
 * does not; on CI (CI=true) it must be there.
 */
export async function redisAvailable(url = REDIS_URL, { required = true } = {}): Promise<boolean> {
  try {
    return (await redis(url, "PING")) === "PONG";
  } catch {
    if (!required) return false;
    if (process.env.CI) throw new Error(`CI needs Redis at ${url} (.ci/run starts it)`);
    console.warn(`Skipping the Redis tests: no Redis answers at ${url}. Start one: redis-server --port 6379 --save '' --appendonly no`);
    return false;
  }
}

/** A player of a real server process: the room (automatic reconnection off), its welcome, and how it was left. */
export type Seat = {
  room: Room<unknown, RoomState>;
  welcome: ServerMessages["welcome"];
  left: Promise<{ code: number; reason?: string }>;
  /** The facilitator key, if this connection created a friends game (its first `console` message). */
  key: () => string | null;
};

/** Joins (or creates) and waits for the welcome; the test decides when to come back. */
export async function enter(promise: Promise<Room>): Promise<Seat> {
  const room = (await promise) as Room<unknown, RoomState>;
  room.reconnection.enabled = false;
  room.onMessage("private", () => {});
  let key: string | null = null;
  room.onMessage("console", (message: ServerMessages["console"]) => {
    key ??= message.key;
  });
  room.onMessage("consoleUpdate", () => {});
  const left = new Promise<{ code: number; reason?: string }>((resolve) => room.onLeave((code, reason) => resolve({ code, reason })));
  const welcome = await new Promise<ServerMessages["welcome"]>((resolve) => room.onMessage("welcome", resolve));
  return { room, welcome, left, key: () => key };
}

/** Both players submit in the decision phase of `quarter`; resolves once both see it resolved. */
export async function playQuarter(a: Seat, b: Seat, quarter: number): Promise<void> {
  await waitFor(() => a.room.state.phase === "decide" && a.room.state.quarter === quarter, 15_000);
  a.room.send("submit", { action: { train: 10 + quarter, apps: { support: 5 } } });
  b.room.send("submit", { action: { efficiency: 2, marketing: quarter } });
  await waitFor(() => a.room.state.quarter === quarter + 1 && b.room.state.quarter === quarter + 1, 15_000);
}
