import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, expect, test } from "vitest";
import { GameStore } from "../../server/store/games.js";
import type { ServerMessages } from "../../shared/schemas/protocol.js";
import { replay } from "../../shared/sim/record.js";
import { type RoomState, waitFor } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = 2602;
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "sos-data-"));
const running: ChildProcess[] = [];

/** The real server, as `npm start` runs it, in its own process. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATA_DIR, RECONNECT_GRACE_SECONDS: "60" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  await waitFor(() => output.includes("Scale or Ship is running"), 30_000).catch(() => {
    throw new Error(`server did not start:\n${output}`);
  });
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

afterAll(async () => {
  await Promise.all(running.map((c) => stop(c, "SIGKILL")));
});

type Seat = { room: Room<unknown, RoomState>; welcome: ServerMessages["welcome"] };

async function enter(promise: Promise<Room>): Promise<Seat> {
  const room = (await promise) as Room<unknown, RoomState>;
  room.reconnection.enabled = false; // the test decides when to come back
  const welcome = await new Promise<ServerMessages["welcome"]>((resolve) => room.onMessage("welcome", resolve));
  return { room, welcome };
}

async function playQuarter(a: Seat, b: Seat, quarter: number): Promise<void> {
  await waitFor(() => a.room.state.phase === "decide" && a.room.state.quarter === quarter, 15_000);
  a.room.send("submit", { action: { train: 10 + quarter, apps: { support: 5 } } });
  b.room.send("submit", { action: { efficiency: 2, marketing: quarter } });
  await waitFor(() => a.room.state.quarter === quarter + 1, 15_000);
}

test("a game survives a real server restart mid-game and finishes equal to an uninterrupted replay of its log", async () => {
  const sdk = new Client(`ws://localhost:${PORT}`);
  const first = await startServer();
  const settings = { firms: 3, quarters: 6, seed: "restart", newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, bots: ["pivot" as const] };
  const ada = await enter(sdk.create("market", { name: "Ada", settings }));
  const code = ada.room.roomId;
  const bo = await enter(sdk.joinById(code, { name: "Bo" }));
  await waitFor(() => ada.room.state.players.length === 2);
  ada.room.send("start");
  for (let q = 0; q < 3; q++) await playQuarter(ada, bo, q);

  // The process dies without warning (no chance to save anything more) and comes back.
  await stop(first, "SIGKILL");
  await startServer();
  const info = (await (await fetch(`http://localhost:${PORT}/api/rooms/${code}`)).json()) as { phase: string };
  expect(["news", "decide"]).toContain(info.phase);

  // Ada returns with her seat token, Bo with the code and his name.
  const ada2 = await enter(sdk.joinById(code, { name: "Ada", token: ada.welcome.token }));
  const bo2 = await enter(sdk.joinById(code, { name: "Bo" }));
  expect(ada2.welcome.firmId).toBe(ada.welcome.firmId);
  expect(bo2.welcome).toMatchObject({ firmId: bo.welcome.firmId, playerId: bo.welcome.playerId });
  expect(ada2.room.state.quarter).toBe(3);
  for (let q = 3; q < 6; q++) await playQuarter(ada2, bo2, q);
  await waitFor(() => ada2.room.state.phase === "over");

  const store = new GameStore(path.join(DATA_DIR, "games.sqlite"));
  const saved = store.load(code);
  store.close();
  if (!saved) throw new Error("game not stored");
  expect(saved.status).toBe("over");
  expect(saved.record.quarters).toHaveLength(6);
  expect(saved.record.quarters[0]?.actions.f1).toMatchObject({ train: 10, apps: { support: 5 } });

  // Every quarter the players saw, before and after the restart, is the uninterrupted replay's.
  const { reports } = replay(saved.record);
  for (const [i, firm] of ada2.room.state.firms.entries()) {
    const seen = firm.history.map((row) => row.valuation);
    const replayed = reports.map((r) => r.firms[i]?.valuation);
    expect(seen.slice(1)).toEqual(replayed);
  }
  expect(ada2.room.state.standings.map((s) => s.firmId)).toHaveLength(3);
  await Promise.all([ada2.room.leave(), bo2.room.leave()]);
}, 120_000);
