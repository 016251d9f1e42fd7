import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { checkProtocol, protocolFiles } from "../../server/protocol/export.js";
import { DEFAULT_LIMITS } from "../../server/rooms/limits.js";
import { idleAction } from "../../shared/engine/validate.js";
import { MAX_OPTIONS_DEPTH } from "../../shared/schemas/protocol.js";
import { host, waitFor } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let colyseus: ColyseusTestServer;
let bot: ChildProcess | null = null;

beforeAll(async () => {
  colyseus = await boot(createApp());
});
afterAll(async () => {
  // npx runs the bot in a child of its own: end the whole group we started, if it is still running.
  if (bot?.pid && bot.exitCode === null) process.kill(-bot.pid);
  await colyseus.shutdown();
});

test("docs/protocol is what `npm run protocol` writes from the schemas", () => {
  expect(checkProtocol()).toEqual([]);
});

test("the limits in index.json are the server's defaults", () => {
  const index = JSON.parse(protocolFiles().get("index.json") ?? "{}");
  expect(index.limits).toEqual({
    maxMessageBytes: DEFAULT_LIMITS.maxMessageBytes,
    messagesPerSecond: DEFAULT_LIMITS.messagesPerSecond,
    abuseRejections: DEFAULT_LIMITS.abuseRejections,
    abuseWindowMs: DEFAULT_LIMITS.abuseWindowMs,
    graceSeconds: DEFAULT_LIMITS.graceSeconds,
    maxOptionsDepth: MAX_OPTIONS_DEPTH,
  });
});

test("the example bot joins by code and plays its firm to the end", async () => {
  const settings = { firms: 3, quarters: 4, newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, seed: "example-bot" };
  const { player: hostPlayer, server } = await host(colyseus, "Host", settings);
  bot = spawn("npx", ["tsx", "docs/protocol/example-bot.ts", "ws://localhost:2568", server.roomId, "Robo"], {
    cwd: ROOT,
    detached: true, // its own process group, so that afterAll can end npx and the bot together
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  bot.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  bot.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => bot?.on("exit", (code) => resolve(code)));

  const state = hostPlayer.room.state;
  await waitFor(() => state.players.length === 2, 15_000);
  expect(state.players[1]).toMatchObject({ name: "Robo", firmId: "f2" });
  hostPlayer.room.send("start");
  for (let q = 0; q < 4; q++) {
    await waitFor(() => state.phase === "decide" && state.quarter === q);
    hostPlayer.room.send("submit", { action: {} });
    await waitFor(() => state.quarter === q + 1);
  }
  await waitFor(() => state.phase === "over");

  expect(await exited, `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(0);
  expect(stdout).toMatch(/game over: Robo \(.+\) ranked [1-3] of 3/);
  // One accepted submission per quarter, and no refusal it gave up on.
  expect(stdout.match(/^Q\d: /gm)).toEqual(["Q1: ", "Q2: ", "Q3: ", "Q4: "]);
  expect(stderr).not.toMatch(/could not recover/);
  expect(hostPlayer.all("rejected")).toEqual([]);

  const actions = server.match?.record.quarters.map((quarter) => quarter.actions.f2) ?? [];
  expect(actions).toHaveLength(4);
  expect(actions.some((a) => a && !isDeepStrictEqual(a, idleAction(a)))).toBe(true);
}, 40_000);
