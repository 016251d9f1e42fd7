/**
 * Two real server processes sharing one Redis: a game created on one is listed, found by
 * code and joined through the other, and plays to the end equal to its replay. Then the
 * process running a game dies: the other explains it to anyone joining, the code stays
 * reserved for the dead process, and the game resumes when that process comes back.
 */
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { GameStore } from "../../server/store/games.js";
import { score } from "../../shared/engine/score.js";
import { joinRefusalReason } from "../../shared/schemas/protocol.js";
import { replay } from "../../shared/sim/record.js";
import { reportRows } from "../../shared/synced.js";
import { type RoomState, waitFor } from "./helpers.js";
import { enter, playQuarter, REDIS_URL, redis, redisAvailable, type ServerProcess, startServer, stop, tempDir } from "./processes.js";

const PORT_A = 2611;
const PORT_B = 2612;
const DIR_A = tempDir("sos-cluster-a-");
const DIR_B = tempDir("sos-cluster-b-");
const available = await redisAvailable();
const running: ServerProcess[] = [];

const processEnv = (id: string, port: number, dir: string) => ({
  REDIS_URL,
  PROCESS_ID: id,
  PUBLIC_ADDRESS: `localhost:${port}`,
  DATA_DIR: dir,
});

async function start(id: string, port: number, dir: string): Promise<ServerProcess> {
  const server = await startServer(port, processEnv(id, port, dir));
  running.push(server);
  return server;
}

/** What the players saw equals the engine's replay of the stored record. */
function expectEqualToReplay(dir: string, code: string, seen: RoomState): void {
  const store = new GameStore(path.join(dir, "games.sqlite"));
  const saved = store.load(code);
  store.close();
  if (!saved) throw new Error(`game ${code} not stored in ${dir}`);
  expect(saved.status).toBe("over");
  const { states, reports } = replay(saved.record);
  expect(seen.firms.length).toBe(saved.record.firms.length);
  for (const [i, firm] of seen.firms.entries()) {
    expect(
      reportRows(firm)
        .map((row) => row.valuation)
        .slice(1),
    ).toEqual(reports.map((r) => Math.fround(r.firms[i]?.valuation ?? Number.NaN))); // float32 in the state
  }
  const final = states.at(-1);
  if (!final) throw new Error("no replayed state");
  expect(seen.standings.map((s) => ({ firmId: s.firmId, rank: s.rank, score: s.score }))).toEqual(
    score(final).map((s) => ({ firmId: s.firmId, rank: s.rank, score: s.score })),
  );
}

const get = (port: number, url: string) => fetch(`http://localhost:${port}${url}`);

describe.skipIf(!available)("two processes sharing Redis", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  const viaA = new Client(`http://localhost:${PORT_A}`);
  const viaB = new Client(`http://localhost:${PORT_B}`);

  beforeAll(async () => {
    await redis(REDIS_URL, "FLUSHDB");
    [a, b] = await Promise.all([start("cluster-a", PORT_A, DIR_A), start("cluster-b", PORT_B, DIR_B)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(running.map((s) => stop(s, "SIGKILL")));
  });

  test("a game created on A is listed, found by code and joined through B, and ends equal to its replay", async () => {
    expect(await (await get(PORT_A, "/healthz/ready")).json()).toEqual({ ready: true });
    expect(await (await get(PORT_B, "/healthz/ready")).json()).toEqual({ ready: true });
    const settings = {
      firms: 3,
      quarters: 4,
      seed: "cluster",
      private: false,
      name: "Cross",
      newsSeconds: 0,
      reportSeconds: 0,
      decisionSeconds: 30,
      bots: ["pivot" as const],
    };
    const ada = await enter(viaA.create("market", { name: "Ada", settings }));
    const code = ada.room.roomId;

    // B lists it and finds it by code, though A runs it.
    const listed = (await (await get(PORT_B, "/api/rooms")).json()) as { code: string }[];
    expect(listed.map((r) => r.code)).toContain(code);
    expect(await (await get(PORT_B, `/api/rooms/${code}`)).json()).toMatchObject({ code, title: "Cross", phase: "lobby", players: 1 });

    // Bo joins by code through B; the seat reservation sends him to A's public address.
    const bo = await enter(viaB.joinById(code, { name: "Bo" }));
    await waitFor(() => ada.room.state.players.length === 2 && bo.room.state.players.length === 2);
    expect(bo.welcome.firmId).not.toBe(ada.welcome.firmId);
    expect(a.output()).toContain(`"msg":"room created","process":"cluster-a","roomId":"${code}"`);
    expect(b.output()).not.toContain(code);

    ada.room.send("start");
    for (let q = 0; q < 4; q++) await playQuarter(ada, bo, q);
    await waitFor(() => bo.room.state.phase === "over" && bo.room.state.standings.length === 3);
    expectEqualToReplay(DIR_A, code, bo.room.state);
    await Promise.all([ada.room.leave(), bo.room.leave()]);
  }, 90_000);

  test("when A dies, joins through B say why, the code stays A's, and the game resumes when A is back", async () => {
    const settings = { firms: 3, quarters: 4, seed: "orphan", newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, bots: ["scaler" as const] };
    const ada = await enter(viaA.create("market", { name: "Ada", settings }));
    const code = ada.room.roomId;
    const bo = await enter(viaB.joinById(code, { name: "Bo" }));
    await waitFor(() => ada.room.state.players.length === 2);
    ada.room.send("start");
    for (let q = 0; q < 2; q++) await playQuarter(ada, bo, q);

    // A is killed without warning and does not come back (yet).
    expect(await stop(a, "SIGKILL")).toBeNull();
    const info = await get(PORT_B, `/api/rooms/${code}`);
    expect(info.status).toBe(503);
    expect(((await info.json()) as { error: string }).error).toMatch(
      new RegExp(`game ${code} is not running right now: .*\\(cluster-a\\) is down or restarting`),
    );
    const refused = await viaB.joinById(code, { name: "Ada", token: ada.welcome.token }).then(
      () => null,
      (error: { code: number; message: string }) => error,
    );
    expect(refused).toMatchObject({ code: 503 });
    expect(refused?.message).toMatch(/resumes at its last finished quarter when that server is back/);
    // The reason leads the message, so a client words it without reading the prose.
    expect(joinRefusalReason(refused?.message)).toBe("GAME_OFFLINE");
    // The code stays reserved for A: no other game can take it.
    expect(await redis(REDIS_URL, "HGET", "market:owners", code)).toBe("cluster-a");

    // Another process may not take A's data directory.
    await expect(startServer(2613, processEnv("cluster-x", 2613, DIR_A))).rejects.toThrow(/DATA_DIR \S+ belongs to process \W+cluster-a\W+, not \W+cluster-x/);

    // A comes back (same PROCESS_ID, same DATA_DIR): the game resumes at quarter 2.
    a = await start("cluster-a", PORT_A, DIR_A);
    expect(a.output()).toContain(`Restored 1 unfinished game(s): ${code}`);
    expect(await (await get(PORT_B, `/api/rooms/${code}`)).json()).toMatchObject({ code, phase: expect.stringMatching(/news|decide/) });
    const ada2 = await enter(viaB.joinById(code, { name: "Ada", token: ada.welcome.token }));
    const bo2 = await enter(viaB.joinById(code, { name: "Bo", token: bo.welcome.token }));
    expect(ada2.room.state.quarter).toBe(2);
    for (let q = 2; q < 4; q++) await playQuarter(ada2, bo2, q);
    await waitFor(() => bo2.room.state.phase === "over" && bo2.room.state.standings.length === 3);
    expectEqualToReplay(DIR_A, code, bo2.room.state);
    await Promise.all([ada2.room.leave(), bo2.room.leave()]);
    // A finished game gives its code back.
    await vi.waitFor(async () => expect(await redis(REDIS_URL, "HGET", "market:owners", code)).toBe(""), { timeout: 10_000, interval: 50 });
  }, 120_000);
});
