/**
 * SIGTERM mid-game: the process tells its players why it closes them (CLOSE_CODES.SHUTDOWN),
 * exits 0, and after a restart the game is back at its last resolved quarter (a decision
 * made in the unfinished quarter is gone) and plays to the end equal to its replay. One
 * player gets back in the way the browser client does: its seat token, retried with backoff.
 */
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, describe, expect, test } from "vitest";
import { retryWithBackoff } from "../../client/net/rejoin.js";
import { saveSeat } from "../../client/net/seat.js";
import { Session } from "../../client/net/session.js";
import { GameStore } from "../../server/store/games.js";
import { CLOSE_CODES } from "../../shared/schemas/protocol.js";
import { replay } from "../../shared/sim/record.js";
import { reportRows } from "../../shared/synced.js";
import { MemoryStore } from "../helpers/memory-store.js";
import { type RoomState, waitFor } from "./helpers.js";
import { enter, playQuarter, REDIS_URL, redis, redisAvailable, type ServerProcess, startServer, stop, tempDir } from "./processes.js";

const PORT = 2614;
const withRedis = await redisAvailable();
const running: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => stop(s, "SIGKILL")));
});

async function sigtermMidGame(env: Record<string, string>, dataDir: string, whileDown?: (code: string) => Promise<void>): Promise<void> {
  const sdk = new Client(`http://localhost:${PORT}`);
  const first = await startServer(PORT, env);
  running.push(first);
  const settings = { firms: 3, quarters: 5, seed: "sigterm", newsSeconds: 0, reportSeconds: 0, decisionSeconds: 60, bots: ["builder" as const] };
  const ada = await enter(sdk.create("market", { name: "Ada", settings }));
  const code = ada.room.roomId;
  const bo = await enter(sdk.joinById(code, { name: "Bo" }));
  await waitFor(() => ada.room.state.players.length === 2);
  ada.room.send("start");
  for (let q = 0; q < 2; q++) await playQuarter(ada, bo, q);
  // The host's console in another tab (the key from the creating connection).
  const desk = await sdk.joinById(code, { facilitatorKey: await waitFor(() => ada.key()) });
  desk.reconnection.enabled = false;
  desk.onMessage("*", () => {});
  const deskLeft = new Promise<{ code: number; reason?: string }>((resolve) => desk.onLeave((code, reason) => resolve({ code, reason })));

  // Mid-quarter: Ada has decided quarter 3; Bo's connection dropped (his seat waits for him
  // through the grace period). Shutting down must not hand his firm to a stand-in bot, which
  // would complete and resolve the quarter.
  await waitFor(() => ada.room.state.phase === "decide" && ada.room.state.quarter === 2);
  ada.room.send("submit", { action: { train: 99 } });
  await waitFor(() => ada.room.state.firms.find((f) => f.id === ada.welcome.firmId)?.submitted);
  bo.room.connection.close(3000, "network gone");
  await waitFor(() => ada.room.state.players.find((p) => p.id === bo.welcome.playerId)?.connected === false);

  expect(await stop(first, "SIGTERM")).toBe(0);
  const left = await ada.left;
  expect(left.code).toBe(CLOSE_CODES.SHUTDOWN);
  expect(left.reason).toBe("the server is restarting: your game resumes at its last finished quarter");
  // Every connection is told, the console too.
  expect(await deskLeft).toEqual({ code: CLOSE_CODES.SHUTDOWN, reason: left.reason });
  expect(first.output()).toMatch(/"msg":"shutting down"/);
  expect(first.output()).toMatch(new RegExp(`"msg":"room closed for shutdown".*"code":"${code}".*"kept":true,"quarter":2`));

  await whileDown?.(code);

  // Bo's page does what the client does on a SHUTDOWN close: it retries its seat token.
  const store = new MemoryStore();
  saveSeat(store, { code, name: "Bo", reconnectionToken: "", seatToken: bo.welcome.token });
  const session = new Session(`ws://localhost:${PORT}`, store);
  let tries = 0;
  const rejoined = retryWithBackoff(
    () => {
      tries++;
      return session.rejoin();
    },
    { delays: [250], attempts: 200 },
  );

  // Back up: the game is at its last resolved quarter; Ada's quarter-3 decision is gone.
  const second = await startServer(PORT, env);
  running.push(second);
  const ada2 = await enter(sdk.joinById(code, { name: "Ada", token: ada.welcome.token }));
  const back = await rejoined;
  if (!back) throw new Error("Bo did not get back in");
  expect(tries).toBeGreaterThan(1);
  expect(back.welcome).toMatchObject({ playerId: bo.welcome.playerId, firmId: bo.welcome.firmId });
  back.room.onMessage("private", () => {});
  const bo2 = { room: back.room as Room<unknown, RoomState>, welcome: back.welcome, left: new Promise<never>(() => {}), key: () => null };
  expect(ada2.room.state.quarter).toBe(2);
  await waitFor(() => ada2.room.state.phase === "decide");
  expect(ada2.room.state.firms.find((f) => f.id === ada.welcome.firmId)?.submitted).toBe(false);
  for (let q = 2; q < 5; q++) await playQuarter(ada2, bo2, q);
  await waitFor(() => bo2.room.state.phase === "over" && bo2.room.state.standings.length === 3);

  const games = new GameStore(path.join(dataDir, "games.sqlite"));
  const saved = games.load(code);
  games.close();
  if (!saved) throw new Error("game not stored");
  expect(saved.status).toBe("over");
  expect(saved.record.quarters).toHaveLength(5);
  expect(saved.record.quarters[2]?.actions[ada.welcome.firmId as string]).toMatchObject({ train: 12 });
  const { reports } = replay(saved.record);
  for (const [i, firm] of bo2.room.state.firms.entries()) {
    // The state carries float32.
    expect(
      reportRows(firm)
        .map((row) => row.valuation)
        .slice(1),
    ).toEqual(reports.map((r) => Math.fround(r.firms[i]?.valuation ?? Number.NaN)));
  }
  await Promise.all([ada2.room.leave(), bo2.room.leave()]);
  expect(await stop(second, "SIGTERM")).toBe(0);
}

describe("SIGTERM", () => {
  test("one process: players are told, the process exits 0, the game resumes at its last resolved quarter and ends equal to its replay", async () => {
    const dataDir = tempDir("sos-sigterm-");
    await sigtermMidGame({ DATA_DIR: dataDir }, dataDir);
  }, 120_000);

  test.skipIf(!withRedis)(
    "with Redis: the code stays reserved for the process while it restarts",
    async () => {
      const dataDir = tempDir("sos-sigterm-redis-");
      await redis(REDIS_URL, "DEL", "market:owners");
      await sigtermMidGame({ DATA_DIR: dataDir, REDIS_URL, PROCESS_ID: "sigterm", PUBLIC_ADDRESS: `localhost:${PORT}` }, dataDir, async (code) => {
        expect(await redis(REDIS_URL, "HGET", "market:owners", code)).toBe("sigterm");
      });
      // Finished, the game gave its code back.
      expect(await redis(REDIS_URL, "HLEN", "market:owners")).toBe("0");
    },
    120_000,
  );
});
