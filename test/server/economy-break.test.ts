import { describe, expect, test, vi } from "vitest";
import { economyProblem } from "../../server/game/economy-trial.js";
import { Match, UnresolvableQuarter } from "../../server/game/match.js";
import { log } from "../../server/log.js";
import { gameConfig } from "../../shared/config/override.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import { CREATE_INVALID_OPTIONS, type RoomSettingsInput } from "../../shared/schemas/protocol.js";
import { SCENARIOS } from "../../shared/schemas/vocabulary.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { Table } from "./flow-helpers.js";
import { host, nextRejection, storeServer, waitFor } from "./helpers.js";

/**
 * Economies that break the model. The config schema now bounds every dial (no single in-range
 * value, and no combination tried here, breaks a game), so these reach the engine only past the
 * schema: a config built by hand, a game stored by an older build, or a rule change that makes an
 * in-range economy break. The trial and the per-quarter check are the second line for them:
 * before, the engine's throw left the room through a message handler or a timer and Colyseus
 * stopped the whole process — every game of every class on it.
 */
const served = storeServer("sos-economy-break-");

/** Infinite at once: a start cash of 1e308 (the mood is NaN after quarter 1). */
const BROKEN_AT_ONCE = { start: { cash: 1e308 } };
/** Passes the 12-quarter trial: the API market grows 1e20-fold a quarter and passes 1e308 late in a 40-quarter game. */
const BROKEN_IN_PLAY = { api: { volumeGrowth: 1e20 } };

/** The scenario's economy with `patch` laid over it as is, past the schema's ranges. */
const config = (patch: Record<string, unknown>, quarters = 8): EconomyConfig => {
  const loaded = gameConfig("ai-2025", quarters, {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  const over = (base: unknown, top: unknown): unknown =>
    top && typeof top === "object" && !Array.isArray(top)
      ? Object.fromEntries(Object.entries(base as object).map(([k, v]) => [k, k in top ? over(v, (top as Record<string, unknown>)[k]) : v]))
      : top;
  return over(loaded.value, patch) as EconomyConfig;
};

const createError = (settings: RoomSettingsInput) =>
  served.colyseus.sdk.create("market", { name: "Ada", settings }).then(
    () => null,
    (e: { code: number; message: string }) => e,
  );

describe("the engine cannot resolve a quarter", () => {
  test("Match.resolve throws UnresolvableQuarter and changes nothing: state, record, pending and queued injections stay", () => {
    const match = new Match(config(BROKEN_AT_ONCE), "break", [
      { id: "f1", name: "A" },
      { id: "f2", name: "B" },
    ]);
    const before = structuredClone(match.state);
    match.injections.push({ kind: "regime", regime: "model" });
    const thrown = (() => {
      try {
        match.resolve();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(UnresolvableQuarter);
    expect((thrown as UnresolvableQuarter).quarter).toBe(1);
    expect((thrown as UnresolvableQuarter).detail).toMatch(/is not a finite number/);
    expect(firstDifference(before, match.state)).toBeNull();
    expect(match.record.quarters).toHaveLength(0);
    expect(match.injections).toHaveLength(1);
  });

  test("the trial refuses economies that break the model within 12 quarters and accepts every scenario at every length", () => {
    expect(economyProblem(config(BROKEN_AT_ONCE))).toMatch(/breaks the model in quarter 1 .*market\.sentiment = NaN/);
    expect(economyProblem(config({ sectors: { support: { tam: 1e308 } } }))).toMatch(/quarter [12] .*(NaN|Infinity)/);
    expect(economyProblem(config({ capability: { k0: 1e-308 } }))).toMatch(/quarter 1 .*NaN/);
    // The bots keep the momentum term at 0; the firm that never submits (an absent player) does not.
    expect(economyProblem(config({ sentiment: { momentum: 1e308 } }))).toMatch(/quarter 1 .*NaN/);
    expect(economyProblem(config(BROKEN_IN_PLAY, 40))).toBeNull();
    for (const scenario of SCENARIOS)
      for (const quarters of [4, 12, 40]) {
        const loaded = gameConfig(scenario, quarters, {});
        expect(loaded.ok && economyProblem(loaded.value), `${scenario} ${quarters}q`).toBeNull();
      }
  });
});

describe("a room whose economy breaks the model", () => {
  test("when the decision timer runs out on a quarter that cannot resolve, the table ends the game and notes an error", () => {
    // A game stored before the trial existed (the table takes the settings as they are).
    const t = new Table({ newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, firms: 3, quarters: 8, seed: "timer" }, "friends", config(BROKEN_AT_ONCE));
    const ada = t.join("Ada");
    t.ok(ada, "start");
    expect([t.phase, t.quarter]).toEqual(["decide", 0]);
    const from = t.effects.length;
    t.expire();
    expect([t.phase, t.quarter]).toEqual(["over", 0]);
    const effects = t.since(from);
    expect(effects).toContainEqual({
      type: "note",
      level: "error",
      message: "game ended: the engine cannot resolve its next quarter",
      fields: { quarter: 1, detail: "market.sentiment = NaN is not a finite number" },
    });
    expect(effects).toContainEqual({ type: "persist", write: { op: "ended" } });
  });

  test("create with such an economy is refused by the schema's range (400, naming the key and the range) and makes no room", async () => {
    const error = await createError({ economy: BROKEN_AT_ONCE });
    expect(error?.code).toBe(CREATE_INVALID_OPTIONS);
    expect(error?.message).toMatch(/settings\.economy\.start\.cash: must be more than 0 and at most 1000000/);
  });

  test("configure with such an economy is BAD_SETTINGS naming the key and its range, and the lobby keeps its economy", async () => {
    const { player: ada } = await host(served.colyseus, "Ada", { economy: { api: { pool: 2000 } } });
    const refused = await nextRejection(ada, () => ada.room.send("configure", { economy: BROKEN_IN_PLAY }));
    expect(refused).toMatchObject({ type: "configure", code: "BAD_SETTINGS" });
    expect(refused.issues).toEqual([
      { path: "economy.api.volumeGrowth", message: "must be at least -0.5 and at most 1", problem: { problem: "tooBig", max: 1, inclusive: true } },
    ]);
    expect(JSON.parse(ada.room.state.settings.economy)).toEqual({ api: { pool: 2000 } });
  });

  test("a quarter it cannot resolve ends the game at the last resolved quarter; the process and its other games carry on", async () => {
    const errors = vi.spyOn(log, "error");
    const fast = { newsSeconds: 0, reportSeconds: 0, decisionSeconds: 0, firms: 3, quarters: 40 };
    const { player: ada, server } = await host(served.colyseus, "Ada", { ...fast, seed: "break" });
    // Past both checks (no in-range economy found breaks a game): laid on the lobby as a stored older game would hold it.
    server.flow.applySettings(server.flow.settings, config(BROKEN_IN_PLAY, 40));
    const { player: bo } = await host(served.colyseus, "Bo", { ...fast, seed: "fine" });
    let submitted = -1;
    ada.room.onStateChange((state) => {
      if (state.phase !== "decide" || submitted === state.quarter) return;
      submitted = state.quarter;
      ada.room.send("submit", { action: {} });
    });
    ada.room.send("start");
    bo.room.send("start");
    await waitFor(() => ada.room.state.phase === "over", 30_000);
    const last = ada.room.state.quarter;
    expect(last).toBeGreaterThan(12);
    expect(last).toBeLessThan(40);
    // No notice: the client words any notice as the store failing.
    expect(ada.room.state.notice).toBe("");
    expect(ada.room.state.standings.length).toBe(3);
    expect(errors).toHaveBeenCalledWith(
      "game ended: the engine cannot resolve its next quarter",
      expect.objectContaining({ code: server.roomId, quarter: last + 1 }),
    );
    // Stored as over at its last resolved quarter (never restored); its record replays to the room's final state.
    const saved = served.store.load(server.roomId);
    expect(saved?.status).toBe("over");
    expect(saved?.record.quarters).toHaveLength(last);
    expect(firstDifference(saved && replay(saved.record).states.at(-1), server.match?.state)).toBeNull();
    // The other game plays on in the same process.
    await waitFor(() => bo.room.state.phase === "decide");
    bo.room.send("submit", { action: {} });
    await waitFor(() => bo.room.state.phase === "decide" && bo.room.state.quarter === 1);
    errors.mockRestore();
  });

  test("a throw out of a message handler is logged with its stack and stops neither the room nor the process", async () => {
    const errors = vi.spyOn(log, "error");
    const { player: ada, server } = await host(served.colyseus, "Ada", { newsSeconds: 0, reportSeconds: 0, decisionSeconds: 0, firms: 2 });
    const flowStep = server.flow.step.bind(server.flow);
    const once = vi.spyOn(server.flow, "step").mockImplementationOnce(() => {
      throw new Error("a bug in the flow");
    });
    ada.room.send("ready", { ready: true });
    await waitFor(() => errors.mock.calls.find(([message]) => message === "room error: the room and the process carry on"));
    expect(errors).toHaveBeenCalledWith(
      "room error: the room and the process carry on",
      expect.objectContaining({ code: server.roomId, method: "onMessage", error: expect.stringContaining("a bug in the flow") }),
    );
    once.mockImplementation(flowStep);
    ada.room.send("start");
    await waitFor(() => ada.room.state.phase === "decide");
    errors.mockRestore();
  });
});
