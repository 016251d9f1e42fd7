import { expect, test } from "vitest";
import { restoreGames } from "../../server/app.js";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { keptGame, restoredStart } from "../../server/rooms/restore.js";
import { facilitate, join, storeServer, track, waitFor } from "./helpers.js";

/** What a restart keeps besides started games: lobbies and the pause; and what it lets go: games left idle. */

const served = storeServer("sos-restore-");
const store = served.store;

const SLOW = { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300 };

/** The room stops as on SIGTERM (its game stays stored), then the server brings its games back. */
async function restart(server: MarketRoom): Promise<MarketRoom> {
  const code = server.roomId;
  server.onBeforeShutdown();
  await waitFor(() => !served.colyseus.getRoomById(code));
  expect(await restoreGames(store)).toContain(code);
  return served.colyseus.getRoomById(code) as unknown as MarketRoom;
}

test("a class lobby survives a restart: its students, seats, settings and log come back, and the students rejoin by token", async () => {
  const { facilitator, server, key } = await facilitate(served.colyseus, { ...SLOW, firms: 4 });
  const code = server.roomId;
  const ada = await join(served.colyseus, code, { name: "Ada" });
  const bo = await join(served.colyseus, code, { name: "Bo", firmId: "f3" });
  facilitator.room.send("configure", { quarters: 6 });
  await waitFor(() => ada.room.state.settings.quarters === 6);

  const back = await restart(server);
  expect(back.flow.phaseName).toBe("lobby");
  expect(back.flow.roster.players.map((p) => [p.name, p.firmId, p.connected])).toEqual([
    ["Ada", "f1", false],
    ["Bo", "f3", false],
  ]);
  const ada2 = await join(served.colyseus, code, { name: "Ada", token: ada.last("welcome")?.token });
  expect(ada2.last("welcome")?.firmId).toBe("f1");
  expect(ada2.room.state.settings.quarters).toBe(6);
  const console2 = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
  expect((await waitFor(() => console2.last("console"))).log.map((e) => e.command)).toEqual(["configure"]);
  await join(served.colyseus, code, { name: "Bo", token: bo.last("welcome")?.token });
  console2.room.send("start");
  await waitFor(() => ada2.room.state.phase === "news");
  expect(ada2.room.state.firms.map((f) => f.controller)).toEqual(["human", "bot", "human", "bot"]);
  expect(store.lobbyCodes()).not.toContain(code);
});

test("a paused game comes back paused: the quarter it resumes at waits, frozen, for the facilitator", async () => {
  const { facilitator, server, key } = await facilitate(served.colyseus, { ...SLOW, firms: 3, seed: "paused" });
  const code = server.roomId;
  const ada = await join(served.colyseus, code, { name: "Ada" });
  facilitator.room.send("start");
  await waitFor(() => ada.room.state.phase === "news");
  facilitator.room.send("pause");
  await waitFor(() => ada.room.state.paused);

  const back = await restart(server);
  expect([back.flow.phaseName, back.state.paused, back.state.deadline, back.state.remaining]).toEqual(["news", true, 0, 30_000]);
  const console2 = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
  await waitFor(() => console2.last("console"));
  console2.room.send("resume");
  await waitFor(() => console2.room.state.paused === false && console2.room.state.deadline > 0);
  expect(store.load(code)?.paused).toBe(false);
});

test("a started game left with no one connected expires after the idle time: the room closes, the record stays, and it is not restored", async () => {
  const { facilitator, server } = await facilitate(served.colyseus, { ...SLOW, firms: 2, seed: "idle" });
  const code = server.roomId;
  server.limits = { ...server.limits, idleSeconds: 0.5 };
  const ada = await join(served.colyseus, code, { name: "Ada" });
  facilitator.room.send("start");
  await waitFor(() => ada.room.state.phase === "news");
  facilitator.room.send("forceNext");
  facilitator.room.send("forceNext");
  await waitFor(() => ada.room.state.quarter === 1);
  await Promise.all([ada.room.leave(), facilitator.room.leave()]);
  await waitFor(() => !served.colyseus.getRoomById(code), 5000);
  const saved = store.load(code);
  expect(saved?.status).toBe("playing");
  expect(saved?.record.quarters).toHaveLength(1);
  expect(store.unfinished().map((g) => g.code)).not.toContain(code);
  expect(await restoreGames(store)).not.toContain(code);
});

test("a lobby everyone left is gone from the store when its room closes, and is not restored", async () => {
  const { facilitator, server } = await facilitate(served.colyseus, { ...SLOW, firms: 2 });
  const code = server.roomId;
  const ada = await join(served.colyseus, code, { name: "Ada" });
  await waitFor(() => store.loadLobby(code)?.players.length === 1);
  await Promise.all([ada.room.leave(), facilitator.room.leave()]);
  await waitFor(() => !served.colyseus.getRoomById(code), 5000);
  expect(store.loadLobby(code)).toBeNull();
  expect(await restoreGames(store)).not.toContain(code);
});

test("a game recorded by another engine version is not restored (its record would replay as another game): the store keeps it, and the log says why", async () => {
  const { facilitator, server } = await facilitate(served.colyseus, { ...SLOW, firms: 3, seed: "old-engine" });
  const code = server.roomId;
  const ada = await join(served.colyseus, code, { name: "Ada" });
  facilitator.room.send("start");
  await waitFor(() => ada.room.state.phase === "news");
  server.onBeforeShutdown();
  await waitFor(() => !served.colyseus.getRoomById(code));
  (store as unknown as { db: { prepare(sql: string): { run(...args: unknown[]): unknown } } }).db
    .prepare("UPDATE games SET engine_version = ? WHERE code = ?")
    .run("2.4.0", code);

  expect(await restoreGames(store)).not.toContain(code);
  expect(store.load(code)?.status).toBe("playing");
  // What restoreGames logs ("could not restore game") names both versions.
  expect(() => restoredStart(code, keptGame(store, code))).toThrow(/engine 2\.4\.0; this server runs engine \d+\.\d+\.\d+, which cannot replay it/);
});
