import path from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, expect, test } from "vitest";
import { GameStore } from "../../server/store/games.js";
import { JOIN_ERRORS } from "../../shared/schemas/protocol.js";
import { replay } from "../../shared/sim/record.js";
import { reportRows } from "../../shared/synced.js";
import { waitFor } from "./helpers.js";
import { enter, playQuarter, type ServerProcess, startServer, stop, tempDir } from "./processes.js";

const PORT = 2602;
const DATA_DIR = tempDir("sos-data-");
const running: ServerProcess[] = [];

/** The real server, as `npm start` runs it, in its own process. */
async function start(): Promise<ServerProcess> {
  const server = await startServer(PORT, { DATA_DIR });
  running.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(running.map((s) => stop(s, "SIGKILL")));
});

test("a game survives a real server restart mid-game and finishes equal to an uninterrupted replay of its log", async () => {
  const sdk = new Client(`ws://localhost:${PORT}`);
  const first = await start();
  const settings = { firms: 3, quarters: 6, seed: "restart", newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, bots: ["pivot" as const] };
  const ada = await enter(sdk.create("market", { name: "Ada", settings }));
  const code = ada.room.roomId;
  const bo = await enter(sdk.joinById(code, { name: "Bo" }));
  await waitFor(() => ada.room.state.players.length === 2);
  ada.room.send("start");
  for (let q = 0; q < 3; q++) await playQuarter(ada, bo, q);

  // The process dies without warning (no chance to save anything more) and comes back.
  await stop(first, "SIGKILL");
  await start();
  const info = (await (await fetch(`http://localhost:${PORT}/api/rooms/${code}`)).json()) as { phase: string };
  expect(["news", "decide"]).toContain(info.phase);

  // Ada returns with her seat token. Bo lost his: his name alone takes nothing until Ada, the
  // host, lets him back in.
  const ada2 = await enter(sdk.joinById(code, { name: "Ada", token: ada.welcome.token }));
  const ask = "bos-new-phone-ask-0001";
  const refused = await sdk.joinById(code, { name: "Bo", ask }).then(
    () => null,
    (e: { code: number }) => e,
  );
  expect(refused).toMatchObject({ code: JOIN_ERRORS.SEAT_HELD });
  await waitFor(() => ada2.room.state.players.find((p) => p.name === "Bo")?.asking);
  ada2.room.send("letBackIn", { playerId: bo.welcome.playerId });
  await waitFor(() => ada2.room.state.players.find((p) => p.name === "Bo")?.asking === false);
  const bo2 = await enter(sdk.joinById(code, { name: "Bo", ask }));
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
    const seen = reportRows(firm).map((row) => row.valuation);
    const replayed = reports.map((r) => Math.fround(r.firms[i]?.valuation ?? Number.NaN)); // the state carries float32
    expect(seen.slice(1)).toEqual(replayed);
  }
  expect(ada2.room.state.standings.map((s) => s.firmId)).toHaveLength(3);
  await Promise.all([ada2.room.leave(), bo2.room.leave()]);
}, 120_000);
