import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, test, vi } from "vitest";
import { restoreGames } from "../../server/app.js";
import { configFor } from "../../server/flow/config.js";
import { Match } from "../../server/game/match.js";
import type { Player, Seat } from "../../server/game/roster.js";
import { log } from "../../server/log.js";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { keptGame, restoredStart } from "../../server/rooms/restore.js";
import { GameStore } from "../../server/store/games.js";
import { JOIN_ERRORS, RoomSettingsSchema } from "../../shared/schemas/protocol.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { join, storeServer, waitFor } from "./helpers.js";

/**
 * Games stored by an older build, crafted into a store file: a record whose action holds null
 * (NaN written as JSON), an economy with a figure that is no number, an override a range now
 * refuses. Before, each threw out of the restore ("could not restore game") and the game was
 * gone for its players at every restart.
 */

const SEATS: Seat[] = [
  { firmId: "f1", name: "Helios", bot: "balanced" },
  { firmId: "f2", name: "Borealis", bot: "scaler" },
];
const ADA: Player = { id: "ada1", name: "Ada", token: "ada-token-0123456789ab", firmId: "f1", host: true, ready: false, connected: false, away: false };

/** Stores a 2-firm game of `quarters` resolved quarters (bots play both firms) under `code`; the settings' economy as given. */
function storeGame(store: GameStore, code: string, quarters: number, economy: Record<string, unknown> = {}): Match {
  const settings = RoomSettingsSchema.parse({ quarters: 8, firms: 2, seed: code, newsSeconds: 30, decisionSeconds: 300, reportSeconds: 30 });
  const config = configFor(settings);
  if (!config.ok) throw new Error(config.message);
  const match = new Match(
    config.value,
    code,
    SEATS.map((s) => ({ id: s.firmId, name: s.name })),
  );
  store.started(code, { ...settings, economy }, match.record, SEATS, [ADA], { mode: "friends", keyHash: "k".repeat(64), log: [], queued: [] });
  for (let q = 1; q <= quarters; q++) {
    for (const seat of SEATS) match.pending.set(seat.firmId, { action: match.botAction(seat.firmId, seat.bot), by: "bot", bot: true });
    const { recorded } = match.resolve();
    store.resolved(code, q, recorded, JSON.stringify([ADA]), false);
  }
  return match;
}

/** Edits the store file under the store, as an older build would have left it. */
function craft(file: string, sql: string): void {
  const db = new Database(file);
  db.prepare(sql).run();
  db.close();
}

describe("a stored game from an older build", () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sos-legacy-")), "games.sqlite");
  const store = new GameStore(file);
  afterEach(() => vi.restoreAllMocks());

  test("an action holding null (NaN in JSON) in quarter 3 of 4: the game comes back at quarter 2, the store forgets quarters 3–4, a warning says why", () => {
    const warn = vi.spyOn(log, "warn");
    const played = storeGame(store, "NULLAC", 4);
    craft(file, `UPDATE quarters SET actions = json_set(actions, '$.f1.train', json('null')) WHERE code = 'NULLAC' AND quarter = 3`);
    const start = restoredStart("NULLAC", keptGame(store, "NULLAC"), store);
    if (start.kind !== "restored") throw new Error("not a game");
    expect(start.match.state.quarter).toBe(2);
    expect(start.match.record.quarters).toHaveLength(2);
    expect(firstDifference(replay({ ...played.record, quarters: played.record.quarters.slice(0, 2) }).states.at(-1), start.match.state)).toBeNull();
    expect(store.load("NULLAC")?.record.quarters).toHaveLength(2);
    expect(warn).toHaveBeenCalledWith(
      "game restored at its last sound quarter: its record cannot be replayed past it",
      expect.objectContaining({ code: "NULLAC", quarter: 2, recorded: 4, detail: expect.stringMatching(/train must be a finite number, got null/) }),
    );
    // Quarter 3 can be stored again when it is played.
    expect(() => store.resolved("NULLAC", 3, { actions: "{}", injections: "[]" }, "[]", false)).not.toThrow();
  });

  test("an economy with a figure that is no number is not restored, with a message naming the figure (the record stays)", () => {
    storeGame(store, "NULLCF", 3);
    craft(file, `UPDATE games SET config = json_set(config, '$.api.pool', json('null')) WHERE code = 'NULLCF'`);
    expect(() => restoredStart("NULLCF", keptGame(store, "NULLCF"), store)).toThrow(
      expect.objectContaining({ code: JOIN_ERRORS.CODE_UNAVAILABLE, message: expect.stringMatching(/stored economy's api\.pool is not a number/) }),
    );
    expect(store.load("NULLCF")?.record.quarters).toHaveLength(3);
  });

  test("a started game whose override a range now refuses plays on with its record's economy; such a lobby comes back with the scenario's", () => {
    const warn = vi.spyOn(log, "warn");
    storeGame(store, "RANGEG", 2, { api: { pool: 5e6 } });
    const game = restoredStart("RANGEG", keptGame(store, "RANGEG"), store);
    expect(game.kind === "restored" && game.match.state.quarter).toBe(2);
    expect(game.settings.economy).toEqual({ api: { pool: 5e6 } });
    store.lobby({
      code: "RANGEL",
      mode: "friends",
      settings: RoomSettingsSchema.parse({ economy: { api: { pool: 1e6 } } }),
      seats: SEATS,
      players: [ADA],
      keyHash: null,
      log: [],
    });
    craft(file, `UPDATE lobbies SET settings = json_set(settings, '$.economy.api.pool', 5e6) WHERE code = 'RANGEL'`);
    const lobby = restoredStart("RANGEL", keptGame(store, "RANGEL"), store);
    expect([lobby.kind, lobby.settings.economy, lobby.config.api.pool]).toEqual(["restoredLobby", {}, 1240]);
    expect(warn).toHaveBeenCalledWith(
      "lobby restored without its economy override: today's config schema refuses it",
      expect.objectContaining({ code: "RANGEL", detail: expect.stringMatching(/api\.pool: must be at least 0 and at most 1000000/) }),
    );
  });
});

describe("over sockets", () => {
  const served = storeServer("sos-legacy-room-");

  test("after a restart the player rejoins by token at the last sound quarter and the game plays on, storing the quarter again", async () => {
    storeGame(served.store, "NULLRM", 3);
    craft(served.store.file, `UPDATE quarters SET actions = json_set(actions, '$.f2.raise', json('null')) WHERE code = 'NULLRM' AND quarter = 2`);
    expect(await restoreGames(served.store)).toContain("NULLRM");
    const server = served.colyseus.getRoomById("NULLRM") as unknown as MarketRoom;
    expect(server.match?.state.quarter).toBe(1);
    const ada = await join(served.colyseus, "NULLRM", { name: "Ada", token: ADA.token });
    expect(ada.last("welcome")?.firmId).toBe("f1");
    expect(ada.room.state.quarter).toBe(1);
    server.command("forceNext", {});
    await waitFor(() => ada.room.state.phase === "decide");
    ada.room.send("submit", { action: {} });
    await waitFor(() => ada.room.state.quarter === 2);
    expect(served.store.load("NULLRM")?.record.quarters).toHaveLength(2);
    expect(firstDifference(replay(served.store.load("NULLRM")?.record ?? server.match?.record ?? ({} as never)).states.at(-1), server.match?.state)).toBeNull();
  });
});
