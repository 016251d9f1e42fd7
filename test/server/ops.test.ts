/**
 * Operations: the monitor behind basic auth, liveness and readiness (including Redis going
 * away under a running process), the JSON-line logger, and one data directory per process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createApp } from "../../server/app.js";
import { Logger } from "../../server/log.js";
import { claimDataDir } from "../../server/ops/datadir.js";
import { Health } from "../../server/ops/health.js";
import { failedStart, redisAvailable, type ServerProcess, startServer, stop, tempDir } from "./processes.js";

const auth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });

describe("in one process", () => {
  let colyseus: ColyseusTestServer;
  const health = new Health(false);
  beforeAll(async () => {
    colyseus = await boot(createApp({ clientDir: tempDir("sos-empty-"), health, monitor: { user: "admin", password: "correct horse battery" } }));
  });
  afterAll(async () => {
    await colyseus.shutdown();
  });
  const get = (url: string, headers: Record<string, string> = {}) => fetch(`http://localhost:2568${url}`, { headers });

  test("the monitor answers only with its user name and password", async () => {
    const anonymous = await get("/colyseus/api");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect((await get("/colyseus/api", auth("admin", "wrong password"))).status).toBe(401);
    expect((await get("/colyseus/api", auth("root", "correct horse battery"))).status).toBe(401);
    const allowed = await get("/colyseus/api", auth("admin", "correct horse battery"));
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ rooms: [], connections: 0 });
    expect((await get("/colyseus/", auth("admin", "correct horse battery"))).status).toBe(200);
  });

  test("live while the process answers; ready only between start-up and shutdown", async () => {
    const ready = async () => {
      const res = await get("/healthz/ready");
      return { status: res.status, body: await res.json() };
    };
    expect(await (await get("/healthz/live")).json()).toEqual({ live: true });
    expect(await ready()).toEqual({ status: 503, body: { ready: false, reason: "starting" } });
    health.stage = "ready";
    expect(await ready()).toEqual({ status: 200, body: { ready: true } });
    health.stage = "stopping";
    expect(await ready()).toEqual({ status: 503, body: { ready: false, reason: "shutting down" } });
    expect((await get("/healthz/live")).status).toBe(200);
    expect(await (await get("/healthz")).json()).toEqual({ ok: true });
  });
});

test("log lines are JSON with level, time, message and the fields given; quieter levels are dropped", () => {
  const lines: string[] = [];
  const errors: string[] = [];
  const logger = new Logger({ format: "json", level: "info", base: { process: "a" }, sink: { out: (l) => lines.push(l), err: (l) => errors.push(l) } });
  logger.child({ roomId: "K7MXQA", code: "K7MXQA" }).info("game started", { players: 2 });
  logger.debug("hidden");
  logger.error("could not restore game", { error: new Error("boom") });
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0] as string)).toMatchObject({ level: "info", msg: "game started", process: "a", roomId: "K7MXQA", code: "K7MXQA", players: 2 });
  expect(Date.parse(JSON.parse(lines[0] as string).time)).not.toBeNaN();
  expect(JSON.parse(errors[0] as string)).toMatchObject({ level: "error", error: "boom" });
});

test("a data directory belongs to the first process that used it", () => {
  const dir = tempDir("sos-datadir-");
  expect(claimDataDir(dir, "a")).toEqual({ ok: true });
  expect(readFileSync(path.join(dir, "process-id"), "utf8")).toBe("a\n");
  expect(claimDataDir(dir, "a")).toEqual({ ok: true });
  const refused = claimDataDir(dir, "b");
  expect(refused.ok).toBe(false);
  expect(!refused.ok && refused.message).toMatch(/belongs to process "a", not "b".*PROCESS_ID=a/);
});

test("a corrupt games.sqlite stops the server at start with exit 2, naming DATA_DIR, the file and what is wrong", async () => {
  const dir = tempDir("sos-corrupt-");
  writeFileSync(path.join(dir, "games.sqlite"), "not a database ".repeat(500));
  const { code, output } = await failedStart(2617, { DATA_DIR: dir });
  expect(code).toBe(2);
  expect(output).toContain(`DATA_DIR ${dir}`);
  expect(output).toContain(path.join(dir, "games.sqlite"));
  expect(output).toMatch(/not a database/);
  expect(output).not.toMatch(/\n\s+at /); // no stack trace
}, 60_000);

describe("the monitor's route without a password", () => {
  test("is not mounted", async () => {
    const server = await startServer(2615, { DATA_DIR: tempDir("sos-nomonitor-"), MONITOR_PASSWORD: "" });
    try {
      expect((await fetch("http://localhost:2615/colyseus/api")).status).toBe(404);
      expect(await (await fetch("http://localhost:2615/healthz/ready")).json()).toEqual({ ready: true });
    } finally {
      await stop(server, "SIGTERM");
    }
  }, 60_000);
});

const hasRedisServer = spawnable("redis-server");

function spawnable(command: string): boolean {
  try {
    return readFileSync(`/usr/bin/${command}`).length > 0;
  } catch {
    return false;
  }
}

describe.skipIf(!hasRedisServer)("readiness follows Redis", () => {
  const REDIS_PORT = 2629;
  let redisServer: ChildProcess | null = null;
  let server: ServerProcess | null = null;
  const startRedis = () => {
    const child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    redisServer = child;
    return child;
  };
  afterAll(async () => {
    if (server) await stop(server, "SIGKILL");
    redisServer?.kill("SIGKILL");
  });

  test("a process whose Redis goes away is live but not ready, and ready again when it is back", async () => {
    startRedis();
    const url = `redis://127.0.0.1:${REDIS_PORT}`;
    await vi.waitFor(async () => expect(await redisAvailable(url, { required: false })).toBe(true), { timeout: 10_000, interval: 100 });
    server = await startServer(2616, { DATA_DIR: tempDir("sos-ready-"), REDIS_URL: url, PROCESS_ID: "ready", PUBLIC_ADDRESS: "localhost:2616" });
    const ready = async () => (await fetch("http://localhost:2616/healthz/ready")).json();
    expect(await ready()).toEqual({ ready: true });

    const down = redisServer as ChildProcess | null;
    down?.kill("SIGKILL");
    await new Promise((resolve) => down?.once("exit", resolve));
    await vi.waitFor(async () => expect(await ready()).toEqual({ ready: false, reason: "redis unreachable" }), { timeout: 10_000, interval: 200 });
    expect(await (await fetch("http://localhost:2616/healthz/live")).json()).toEqual({ live: true });

    startRedis();
    await vi.waitFor(async () => expect(await ready()).toEqual({ ready: true }), { timeout: 20_000, interval: 200 });
  }, 60_000);
});
