import { describe, expect, test, vi } from "vitest";
import type { JoinRequest } from "../../server/flow/types.js";
import { mirror } from "../../server/rooms/effects.js";
import { MarketRoomState } from "../../server/rooms/state.js";
import { fitAction } from "../../shared/engine/validate.js";
import { CLOSE_CODES, ClientMessageSchemas, JOIN_ERRORS, LOG_LIMIT, READMIT_SECONDS } from "../../shared/schemas/protocol.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { logSentence } from "../../shared/words/log.js";
import { TABLE_KEY, Table } from "./flow-helpers.js";

/** Fast phases: no news or report pauses. */
const FAST = { newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30 };
/** Slow timers: nothing moves unless the test moves it. */
const SLOW = { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300 };

/** The newest log entry as the console words it in English. */
const lastSaid = (table: Table): string => {
  const entry = table.flow.log.at(-1);
  return entry ? logSentence(entry) : "";
};

function matchOf(table: Table) {
  const match = table.flow.match;
  if (!match) throw new Error("no match");
  return match;
}

describe("the quarter loop", () => {
  test("two players and two bots play 8 quarters; bots are in as decisions open; the final state equals the engine's replay", () => {
    const t = new Table({ ...FAST, firms: 4, quarters: 8, seed: "flow-full", bots: ["scaler", "builder"] });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    expect(t.flow.roster.players.map((p) => [p.name, p.firmId, p.host])).toEqual([
      ["Ada", "f1", true],
      ["Bo", "f2", false],
    ]);
    t.ok(ada, "start");
    for (let q = 0; q < 8; q++) {
      expect([t.phase, t.quarter]).toEqual(["decide", q]);
      const match = matchOf(t);
      expect(["f1", "f2", "f3", "f4"].map((id) => match.pending.has(id) || !match.isActive(id))).toEqual([false, false, true, true]);
      if (match.isActive("f1")) t.ok(ada, "submit", { action: { train: 1 } });
      if (match.isActive("f2")) t.ok(bo, "submit", { action: { marketing: 1 } });
    }
    expect(t.phase).toBe("over");
    const match = matchOf(t);
    expect(match.record.quarters).toHaveLength(8);
    expect(firstDifference(replay(match.record).states.at(-1), match.state)).toBeNull();
    expect(t.flow.standings()).toHaveLength(4);
    const writes = t.effects.flatMap((e) => (e.type === "persist" && e.write.op !== "lobby" ? [e.write.op] : []));
    expect(writes).toEqual(["started", ...Array(8).fill("resolved")]);
  });

  test("an expired timer repeats each firm's previous action, fitted by the engine, and the record holds what was applied", () => {
    const t = new Table({ ...FAST, decisionSeconds: 10, seed: "flow-timer" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    t.ok(ada, "start");
    t.ok(ada, "submit", { action: { train: 30 }, quarter: 1 }); // the quarter it is for, as the panel sends it
    t.ok(bo, "submit", { action: { efficiency: 3 } });
    expect(t.quarter).toBe(1);
    expect(t.timer?.ms).toBe(10_000);
    t.advance(9_999);
    expect(t.quarter).toBe(1);
    t.advance(1);
    expect(t.quarter).toBe(2);
    const match = matchOf(t);
    const [q1, q2] = match.record.quarters;
    const after1 = replay(match.record).states[1];
    if (!q1 || !q2 || !after1) throw new Error("missing quarters");
    // f1 and f2 are players' firms (f3, f4 are bots, which decide anew each quarter).
    for (const firm of after1.firms.slice(0, 2))
      expect(q2.actions[firm.id]).toEqual(fitAction(after1, firm, q1.actions[firm.id] as NonNullable<(typeof q1.actions)[string]>));
    const resolved = t.effects.filter((e) => e.type === "persist" && e.write.op === "resolved");
    expect(resolved.at(-1)).toMatchObject({ write: { quarter: 2, actions: q2.actions } });
  });

  test("the submission that completes a quarter is acknowledged, then the quarter resolves on `settle`, with the actions in at that moment", () => {
    const t = new Table({ ...FAST, seed: "flow-settle" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    t.ok(ada, "start");
    const data = (action: object) => ClientMessageSchemas.submit.parse({ action });
    const submit = (from: string, action: object) =>
      t.flow.step({ type: "message", playerId: from, facilitator: false, kind: "submit", data: data(action), now: t.now, seed: "" });
    expect(submit(ada, { train: 1 }).effects.some((e) => e.type === "settle")).toBe(false);
    const last = submit(bo, { marketing: 1 });
    // Bo's acknowledgement, then `settle`: no resolution in this step.
    expect(last.effects.map((e) => e.type)).toEqual(["toFirm", "mirror", "settle"]);
    expect(t.quarter).toBe(0);
    // Bo changes his mind before the settle comes: accepted, and the quarter resolves with it.
    expect(submit(bo, { marketing: 2 }).effects.map((e) => e.type)).toEqual(["toFirm", "mirror", "settle"]);
    const settled = t.flow.step({ type: "settle", now: t.now });
    expect(settled.effects.some((e) => e.type === "persist" && e.write.op === "resolved")).toBe(true);
    expect(t.quarter).toBe(1);
    expect(matchOf(t).record.quarters[0]?.actions.f2).toMatchObject({ marketing: 2 });
    // The second settle finds the quarter resolved: nothing happens.
    expect(t.flow.step({ type: "settle", now: t.now }).effects).toEqual([]);
  });

  test("a settle that comes when a firm is no longer in, or the timer is paused, resolves nothing", () => {
    const t = new Table({ ...FAST, seed: "flow-settle-paused" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    t.ok(ada, "start");
    t.ok(ada, "submit", { action: { train: 1 } });
    const data = ClientMessageSchemas.submit.parse({ action: {} });
    const submit = t.flow.step({ type: "message", playerId: bo, facilitator: false, kind: "submit", data, now: t.now, seed: "" });
    expect(submit.effects.at(-1)).toEqual({ type: "settle" });
    t.ok("facilitator", "pause", {});
    expect(t.flow.step({ type: "settle", now: t.now }).effects).toEqual([]);
    expect([t.phase, t.quarter]).toEqual(["decide", 0]);
  });

  test("a stale timer (from a phase that ended early) changes nothing", () => {
    const t = new Table({ ...SLOW, seed: "flow-stale" });
    const ada = t.join("Ada");
    t.ok(ada, "start");
    const newsTimer = t.timer;
    if (!newsTimer) throw new Error("news is timed");
    t.ok("facilitator", "forceNext");
    expect(t.phase).toBe("decide");
    t.step({ type: "timer", id: newsTimer.id, now: t.now });
    expect([t.phase, t.quarter]).toEqual(["decide", 0]);
  });

  test("the news and report phases are timed; the quarter resolves as soon as every firm is in", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-phases" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    t.ok(ada, "start");
    expect([t.phase, t.timer?.ms, t.flow.timer.deadline]).toEqual(["news", 30_000, t.now + 30_000]);
    t.expire();
    expect([t.phase, t.timer?.ms]).toEqual(["decide", 300_000]);
    t.ok(ada, "submit", { action: {} });
    expect(t.quarter).toBe(0);
    t.ok(bo, "submit", { action: {} });
    expect([t.phase, t.quarter, t.timer?.ms]).toEqual(["report", 1, 30_000]);
    t.expire();
    expect([t.phase, t.quarter]).toEqual(["news", 1]);
  });
});

describe("who sees what", () => {
  test("a submission is acknowledged to the firm's members only; a draft to the teammates, not its author", () => {
    const t = new Table({ ...FAST, teamSize: 2, firms: 3, seed: "flow-team" });
    const ada = t.join("Ada");
    const bo = t.join("Bo", { firmId: "f1" });
    t.join("Cy");
    t.ok(ada, "start");
    const draft = t.ok(bo, "draft", { action: { train: 42 } });
    expect(draft.effects).toEqual([
      { type: "toFirm", firmId: "f1", except: bo, message: { type: "draft", payload: { by: "Bo", action: expect.objectContaining({ train: 42 }) } } },
    ]);
    const submit = t.ok(bo, "submit", { action: { train: 41 } });
    expect(submit.effects.filter((e) => e.type === "toFirm")).toEqual([
      { type: "toFirm", firmId: "f1", except: null, message: { type: "accepted", payload: expect.objectContaining({ by: "Bo", quarter: 1 }) } },
    ]);
    // Private figures go to each player for their own firm (addressed by player, never broadcast).
    expect(t.effects.filter((e) => e.type === "private").every((e) => e.type === "private" && (e.playerId === null || typeof e.playerId === "string"))).toBe(
      true,
    );
  });

  test("a submission mirrors only its firm's submitted flag; the last firm in resolves and mirrors the whole game", () => {
    const t = new Table({ ...FAST, firms: 2, seed: "flow-submitted" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    t.ok(ada, "start");
    const first = t.ok(ada, "submit", { action: { train: 1 } });
    expect(first.effects.filter((e) => e.type === "mirror")).toEqual([{ type: "mirror", part: "submitted", firmId: "f1" }]);
    const last = t.ok(bo, "submit", { action: { train: 1 } });
    const mirrored = last.effects.flatMap((e) => (e.type === "mirror" ? [e.part] : []));
    expect(mirrored[0]).toBe("submitted");
    expect(mirrored).toContain("game");
    expect(t.quarter).toBe(1);
  });

  test("a quarter mirrors the game once, at its resolution: not again when the next quarter's news opens, so resolvedAt stays the resolution's time", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-mirror-once" });
    const ada = t.join("Ada");
    const state = new MarketRoomState();
    const gameMirrors = () => t.effects.filter((e) => e.type === "mirror" && e.part === "game").length;
    /** Applies the step's mirror effects as the room does, at wall-clock time `at`. */
    const apply = (from: number, at: number) => {
      vi.setSystemTime(at);
      for (const e of t.since(from)) if (e.type === "mirror") mirror(state, t.flow, e);
    };
    vi.useFakeTimers();
    try {
      let from = t.effects.length;
      t.ok(ada, "start");
      apply(from, 1_000);
      expect(gameMirrors()).toBe(1); // the start: quarter 0's figures and news
      t.expire(); // news → decide
      from = t.effects.length;
      t.ok(ada, "submit", { action: { train: 1 } }); // the bot is in: the quarter resolves
      apply(from, 2_000);
      expect([t.phase, t.quarter, gameMirrors(), state.resolvedAt]).toEqual(["report", 1, 2, 2_000]);
      from = t.effects.length;
      t.expire(); // report → news of quarter 2
      apply(from, 3_000);
      expect([t.phase, gameMirrors(), state.resolvedAt, state.quarter]).toEqual(["news", 2, 2_000, 1]);
      expect(state.market.news.length).toBe(t.flow.match?.state.market.news.length);
    } finally {
      vi.useRealTimers();
    }
  });

  test("decisions open with the bots' firms in: only their submitted flags are mirrored, not the whole roster", () => {
    const t = new Table({ ...SLOW, firms: 3, seed: "flow-bots-in" });
    const ada = t.join("Ada");
    t.ok(ada, "start");
    const from = t.effects.length;
    t.expire(); // news → decide
    expect(t.phase).toBe("decide");
    expect(t.since(from).filter((e) => e.type === "mirror")).toEqual([
      { type: "mirror", part: "submitted", firmId: "f2" },
      { type: "mirror", part: "submitted", firmId: "f3" },
    ]);
  });
});

describe("refusals change nothing", () => {
  test("outside the phase, for another firm, as host when not host, against the rules", () => {
    const t = new Table({ ...FAST, seed: "flow-refusals" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    expect(t.send(bo, "start").rejection).toMatchObject({ code: "NOT_HOST" });
    expect(t.send(bo, "addBot", { strategy: "scaler" }).rejection).toMatchObject({ code: "NOT_HOST" });
    expect(t.send(ada, "submit", { action: {} }).rejection).toMatchObject({ code: "WRONG_PHASE" });
    expect(t.send(ada, "removeBot", { firmId: "f2" }).rejection).toMatchObject({ code: "SEAT_TAKEN" });
    t.ok(ada, "start");
    const before = JSON.stringify([t.flow.roster, matchOf(t).state, [...matchOf(t).pending]]);
    expect(t.send(ada, "submit", { action: {}, firmId: "f2" }).rejection).toMatchObject({ code: "NOT_YOUR_FIRM" });
    // A submit meant for another quarter (a late one that crossed a resolution) is refused, not played now.
    expect(t.send(ada, "submit", { action: {}, quarter: 2 }).rejection).toMatchObject({
      code: "WRONG_PHASE",
      reason: "staleQuarter",
      params: { quarter: 2, now: 1 },
    });
    // The refusal carries the numbers a player's screen words it with: the spend and the budget it broke.
    expect(t.send(ada, "submit", { action: { train: 1e9 } }).rejection).toMatchObject({
      code: "ILLEGAL_ACTION",
      engineCode: "OVER_BUDGET",
      params: { value: 1e9, limit: expect.any(Number) },
    });
    expect(t.send(ada, "configure", { quarters: 6 }).rejection).toMatchObject({ code: "WRONG_PHASE" });
    expect(t.send(ada, "pause").rejection).toMatchObject({ code: "NOT_FACILITATOR" });
    expect(JSON.stringify([t.flow.roster, matchOf(t).state, [...matchOf(t).pending]])).toBe(before);
  });

  test("joining: name taken (any case), room full, game started, bad token", () => {
    const t = new Table({ ...FAST, firms: 2 });
    const ada = t.join("Ada");
    expect(() => t.join("ADA")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.NAME_TAKEN }));
    expect(() => t.join("Bo", { token: "not-a-token-of-this-game" })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.BAD_TOKEN }));
    t.join("Bo");
    expect(() => t.join("Cy")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.ROOM_FULL }));
    t.ok(ada, "start");
    expect(() => t.join("Dee")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.GAME_STARTED }));
  });

  test("the host edits the lobby: a refused setting leaves every other unchanged", () => {
    const t = new Table({ ...FAST, firms: 3, teamSize: 2 });
    const ada = t.join("Ada");
    t.join("Bo", { firmId: "f1" });
    const quarters = t.flow.config.quarters;
    expect(t.send(ada, "configure", { teamSize: 1, quarters: 6 }).rejection).toMatchObject({ code: "BAD_SETTINGS" });
    expect([t.flow.settings.teamSize, t.flow.settings.quarters, t.flow.config.quarters]).toEqual([2, undefined, quarters]);
    t.ok(ada, "configure", { quarters: 6, private: false });
    expect([t.flow.settings.quarters, t.flow.config.quarters]).toEqual([6, 6]);
    expect(t.effects.at(-2)).toEqual({ type: "mirror", part: "roster" });
    expect(t.effects.at(-1)).toEqual({ type: "persist", write: { op: "lobby" } });
    expect(t.effects.some((e) => e.type === "visibility" && !e.private)).toBe(true);
  });
});

describe("the facilitator's controls", () => {
  test("pause freezes the timer: nothing resolves even with every firm in; resume resolves at once; extend adds time, also while paused", () => {
    const t = new Table({ ...SLOW, firms: 3, seed: "flow-pause" }, "class");
    const ada = t.join("Ada");
    expect(t.send("facilitator", "pause").rejection).toMatchObject({ code: "WRONG_PHASE" });
    t.ok("facilitator", "start");
    t.ok("facilitator", "forceNext");
    expect([t.phase, t.timer?.ms]).toEqual(["decide", 300_000]);
    t.advance(100_000);
    t.ok("facilitator", "extend", { seconds: 60 });
    expect(t.timer?.ms).toBe(260_000);
    expect(lastSaid(t)).toBe("Extended the decision phase by 60 s (260 s left)");
    t.advance(10_000);
    t.ok("facilitator", "pause");
    expect(lastSaid(t)).toBe("Paused the decision timer with 250 s left");
    expect([t.timer, t.flow.timer.paused, t.flow.timer.deadline, t.flow.timer.remaining]).toEqual([null, true, 0, 250_000]);
    expect(t.send("facilitator", "pause").rejection).toMatchObject({ code: "WRONG_PHASE" });
    t.ok("facilitator", "extend", { seconds: 30 });
    expect(t.flow.timer.remaining).toBe(280_000);
    t.advance(1_000_000);
    t.ok(ada, "submit", { action: { train: 7 } });
    expect([t.phase, t.quarter]).toEqual(["decide", 0]);
    t.ok("facilitator", "resume");
    expect(lastSaid(t)).toBe("Resumed the decision timer with 280 s left");
    expect([t.phase, t.quarter, t.flow.timer.paused]).toEqual(["report", 1, false]);
    expect(matchOf(t).record.quarters[0]?.actions.f1?.train).toBe(7);
    expect(t.send("facilitator", "resume").rejection).toMatchObject({ code: "WRONG_PHASE" });
    expect(t.send("facilitator", "extend", { seconds: 10 }).rejection).toMatchObject({ code: "WRONG_PHASE" });
  });

  test("a failing store freezes the timer with its time left (no resolution); recovery runs it again and resolves if every firm is in", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-store" }, "class");
    const ada = t.join("Ada");
    t.ok("facilitator", "start");
    t.ok("facilitator", "forceNext");
    t.advance(100_000);
    t.step({ type: "storeFailed", now: t.now, notice: "The server cannot save this game." });
    expect([t.timer, t.flow.timer.paused, t.flow.timer.remaining]).toEqual([null, true, 200_000]);
    t.advance(1_000_000);
    t.ok(ada, "submit", { action: { train: 3 } });
    expect([t.phase, t.quarter]).toEqual(["decide", 0]);
    t.step({ type: "storeRecovered", now: t.now });
    expect([t.phase, t.quarter, t.flow.timer.paused]).toEqual(["report", 1, false]);
  });

  test("a failing store leaves a facilitator's pause as it was: recovery does not resume it", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-store-paused" }, "class");
    t.ok("facilitator", "start");
    t.ok("facilitator", "pause");
    t.step({ type: "storeFailed", now: t.now, notice: "The server cannot save this game." });
    t.step({ type: "storeRecovered", now: t.now });
    expect([t.timer, t.flow.timer.paused]).toEqual([null, true]);
  });

  test("the log keeps its newest LOG_LIMIT entries; each is stored and shown once, the start stores those before it", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-log" }, "class");
    t.ok("facilitator", "addBot", { strategy: "balanced" });
    const before = t.effects.length;
    t.ok("facilitator", "start");
    const started = t.effects.slice(before).find((e) => e.type === "persist" && e.write.op === "started");
    expect(started).toMatchObject({ write: { log: [{ command: "addBot" }] } });
    for (let i = 0; i < LOG_LIMIT; i++) t.ok("facilitator", "extend", { seconds: 5 });
    expect(t.flow.log).toHaveLength(LOG_LIMIT);
    expect(t.flow.log[0]?.command).toBe("extend");
    const last = t.effects.slice(-2);
    expect(last).toEqual([
      { type: "persist", write: { op: "logged", entries: [t.flow.log.at(-1)] } },
      { type: "consoleUpdate", entries: [t.flow.log.at(-1)] },
    ]);
  });

  test("a phase entered while paused starts frozen with its full time", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-frozen" }, "class");
    t.ok("facilitator", "start");
    t.ok("facilitator", "pause");
    t.ok("facilitator", "forceNext");
    expect([t.phase, t.timer, t.flow.timer.paused, t.flow.timer.remaining]).toEqual(["decide", null, true, 300_000]);
  });

  test("forceNext: news → decide, decide → resolve (missing firms repeat), report → next quarter; refused in the lobby and once over", () => {
    const t = new Table({ ...SLOW, firms: 3, seed: "flow-force" }, "class");
    t.join("Ada");
    expect(t.send("facilitator", "forceNext").rejection).toMatchObject({ code: "WRONG_PHASE" });
    t.ok("facilitator", "start");
    t.ok("facilitator", "forceNext");
    expect(lastSaid(t)).toBe("Ended the news of quarter 1 early: decisions are open");
    t.ok("facilitator", "forceNext");
    expect(t.flow.log.at(-1)).toMatchObject({ phase: "decide", quarter: 0, params: { from: "decide", quarter: 1, missing: [t.flow.roster.seat("f1")?.name] } });
    expect(lastSaid(t)).toBe(`Resolved quarter 1 now; ${t.flow.roster.seat("f1")?.name} made no move (nothing to repeat yet)`);
    // The log names firms, never their ids.
    expect(lastSaid(t)).not.toMatch(/\bf\d+\b/);
    expect([t.phase, t.quarter]).toEqual(["report", 1]);
    expect(Object.keys(matchOf(t).record.quarters[0]?.actions ?? {})).toEqual(["f1", "f2", "f3"]);
    t.ok("facilitator", "forceNext");
    expect(lastSaid(t)).toBe("Ended the report of quarter 1 early: quarter 2 begins");
    t.ok("facilitator", "endGame");
    expect([t.phase, t.timer, t.flow.timer.deadline]).toEqual(["over", null, 0]);
    expect(t.send("facilitator", "forceNext").rejection).toMatchObject({ code: "WRONG_PHASE" });
    expect(t.send("facilitator", "endGame").rejection).toMatchObject({ code: "WRONG_PHASE" });
    expect(t.flow.log.map((e) => e.command)).toEqual(["start", "forceNext", "forceNext", "forceNext", "endGame"]);
  });

  test("in the lobby: game controls are WRONG_PHASE; removing frees the seat, replacing sets its bot", () => {
    const t = new Table({ ...SLOW, firms: 3 }, "class");
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    for (const kind of ["pause", "resume", "forceNext", "endGame"] as const)
      expect(t.send("facilitator", kind).rejection, kind).toMatchObject({ code: "WRONG_PHASE" });
    expect(t.send("facilitator", "inject", { injection: { kind: "disclosure", on: true } }).rejection).toMatchObject({ code: "WRONG_PHASE" });
    const removed = t.ok("facilitator", "removePlayer", { playerId: ada });
    expect(removed.effects).toContainEqual({ type: "close", playerId: ada, except: null, code: CLOSE_CODES.REMOVED, reason: expect.any(String) });
    expect(lastSaid(t)).toMatch(/^Removed “Ada” from Northwind; the seat is open again/);
    t.ok("facilitator", "replaceWithBot", { playerId: bo, strategy: "scaler" });
    expect(t.flow.roster.seat("f2")?.bot).toBe("scaler");
    expect(t.flow.roster.players).toEqual([]);
    // The seats are open again: a newcomer takes the first.
    const cy = t.join("Cy");
    expect(t.flow.roster.player(cy)?.firmId).toBe("f1");
    t.ok("facilitator", "start");
    t.ok("facilitator", "endGame");
    const over = JSON.stringify([t.flow.roster, t.flow.log]);
    expect(t.send("facilitator", "removePlayer", { playerId: cy }).rejection).toMatchObject({ code: "WRONG_PHASE" });
    expect(JSON.stringify([t.flow.roster, t.flow.log])).toBe(over);
  });
});

describe("players who leave and come back", () => {
  test("in the lobby a player who leaves frees the seat; the host role passes on", () => {
    const t = new Table({ ...FAST, firms: 2 });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    t.step({ type: "leave", playerId: ada, now: t.now });
    expect(t.flow.roster.players.map((p) => [p.id, p.host])).toEqual([[bo, true]]);
  });

  test("past the grace period a stand-in bot plays the seat; the token reclaims it and withdraws the stand-in's move", () => {
    const t = new Table({ ...FAST, seed: "flow-grace", decisionSeconds: 60 });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    const token = t.flow.roster.player(bo)?.token ?? "";
    t.ok(ada, "start");
    t.step({ type: "drop", playerId: bo });
    expect(t.flow.roster.player(bo)?.connected).toBe(false);
    expect(t.flow.roster.controller("f2")).toBe("human");
    t.step({ type: "leave", playerId: bo, now: t.now });
    expect(t.flow.roster.controller("f2")).toBe("standIn");
    expect(matchOf(t).pending.get("f2")).toMatchObject({ bot: true });
    t.ok(ada, "submit", { action: {} });
    expect(t.quarter).toBe(1);
    expect(matchOf(t).pending.get("f2")).toMatchObject({ bot: true });
    // A name alone never takes a seat in a started game.
    expect(() => t.join("Bo")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    const back = t.join("Bo", { token });
    expect(back).toBe(bo);
    expect(matchOf(t).pending.has("f2")).toBe(false);
    expect(t.flow.roster.controller("f2")).toBe("human");
    t.ok(bo, "submit", { action: { train: 3 } });
    expect(matchOf(t).pending.get("f2")?.by).toBe("Bo");
  });

  test("a reconnection closes any other connection of the same player", () => {
    const t = new Table({ ...FAST });
    const ada = t.join("Ada");
    const step = t.step({ type: "reconnect", session: "again", playerId: ada, now: t.now });
    expect(step.effects[0]).toEqual({ type: "close", playerId: ada, except: "again", code: CLOSE_CODES.RECLAIMED, reason: expect.any(String) });
    expect(step.effects).toContainEqual({ type: "welcome", playerId: ada });
  });
});

describe("coming back without the seat token", () => {
  test("a name alone is refused with SEAT_HELD and shows as asking; once let back in, the device that asked takes the seat with a new token", () => {
    const ASK = "ask-of-adas-phone-0001";
    const t = new Table({ ...SLOW, firms: 3, seed: "flow-readmit" }, "class");
    const ada = t.join("Ada");
    const oldToken = t.flow.roster.player(ada)?.token ?? "";
    t.ok("facilitator", "start");
    expect(() => t.join("ADA")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_IN_USE, message: expect.stringContaining("another device") }));
    t.step({ type: "leave", playerId: ada, now: t.now });
    expect(() => t.join("Ada", { ask: ASK })).toThrow(
      expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD, message: expect.stringContaining("the facilitator") }),
    );
    expect(t.flow.asking.has(ada)).toBe(true);
    expect(t.effects.at(-1)).toEqual({ type: "consoleUpdate", entries: [] });
    expect(() => t.join("Cy")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.GAME_STARTED }));

    t.ok("facilitator", "letBackIn", { playerId: ada });
    expect(lastSaid(t)).toBe("Let “Ada” back in: the device that asked may join for 5 minutes");
    expect(t.flow.asking.has(ada)).toBe(false);
    // The approval is the asking device's: the name alone, or from another device, takes nothing
    // (and shows as asking again, without cancelling the approval).
    expect(() => t.join("Ada")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    expect(() => t.join("Ada", { ask: "ask-of-a-classmate-0002" })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    expect(t.flow.asking.has(ada)).toBe(true);
    expect(t.join("ada", { ask: ASK })).toBe(ada);
    const player = t.flow.roster.player(ada);
    expect([player?.connected, player?.away, player?.token === oldToken]).toEqual([true, false, false]);
    expect(t.effects.filter((e) => e.type === "persist").at(-1)).toEqual({ type: "persist", write: { op: "rostered" } });
    // The approval is used up, and the old token is dead.
    t.step({ type: "leave", playerId: ada, now: t.now });
    expect(() => t.join("Ada", { ask: ASK })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    expect(() => t.join("Ada", { token: oldToken })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.BAD_TOKEN }));
  });

  test("let back in, then asking from another device: the log says so once, in both languages; letting in again moves the approval to the newer device", () => {
    const PHONE = "ask-of-adas-phone-0001";
    const LAPTOP = "ask-of-adas-laptop-0002";
    const t = new Table({ ...SLOW, firms: 3, seed: "flow-ask-again" }, "class");
    const ada = t.join("Ada");
    t.ok("facilitator", "start");
    t.step({ type: "leave", playerId: ada, now: t.now });
    expect(() => t.join("Ada", { ask: PHONE })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    expect(t.flow.asking.get(ada)).toEqual({ since: t.now, ask: PHONE });
    // A first ask is not "again": nothing in the log but the facilitator's own actions.
    expect(t.flow.log.some((e) => e.command === "askedAgain")).toBe(false);
    t.ok("facilitator", "letBackIn", { playerId: ada });
    const logged = t.flow.log.length;
    // The phone's approval stands; the laptop asks: the console hears it is another device, once however often it tries.
    expect(() => t.join("Ada", { ask: LAPTOP })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    expect(() => t.join("Ada", { ask: LAPTOP })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    expect(t.flow.log.length).toBe(logged + 1);
    const entry = t.flow.log.at(-1);
    expect(entry && "params" in entry ? [entry.command, entry.params] : null).toEqual(["askedAgain", { player: "Ada", playerId: ada }]);
    expect(t.effects).toContainEqual({ type: "consoleUpdate", entries: [entry] });
    expect(lastSaid(t)).toBe("“Ada”, let back in, asks again from another device: letting in again moves the approval to it");
    expect(entry ? logSentence(entry, "zh-CN") : "").toBe("“Ada”已获准重新加入，又从另一台设备发出请求：再次允许会把许可转给这台设备");
    expect(t.flow.asking.get(ada)?.ask).toBe(LAPTOP);
    // Letting in again moves the approval: the laptop comes in, the phone no longer can.
    t.ok("facilitator", "letBackIn", { playerId: ada });
    expect(t.flow.asking.has(ada)).toBe(false);
    expect(() => t.join("Ada", { ask: PHONE })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    // The phone's refused try was itself an ask from another device than the laptop's standing approval.
    expect(lastSaid(t)).toBe("“Ada”, let back in, asks again from another device: letting in again moves the approval to it");
    expect(t.join("Ada", { ask: LAPTOP })).toBe(ada);
    expect(t.flow.asking.has(ada)).toBe(false);
  });

  test("nobody is let back in before asking: the approval is refused (notAsking), and an ask without a device id cannot be approved", () => {
    const t = new Table({ ...SLOW, firms: 3, seed: "flow-readmit-ask" }, "class");
    const ada = t.join("Ada");
    t.ok("facilitator", "start");
    t.step({ type: "leave", playerId: ada, now: t.now });
    expect(t.send("facilitator", "letBackIn", { playerId: ada }).rejection).toMatchObject({ code: "WRONG_PHASE", reason: "notAsking" });
    // An old client's ask (no id) shows on the console but cannot be told apart from anyone's: refused too.
    expect(() => t.join("Ada")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    expect(t.send("facilitator", "letBackIn", { playerId: ada }).rejection).toMatchObject({ reason: "notAsking" });
    expect(() => t.join("Ada")).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
  });

  test("a friends game's host lets a player back in; other players cannot; the approval lapses after READMIT_SECONDS", () => {
    const t = new Table({ ...SLOW, firms: 3, seed: "flow-readmit-host" });
    const hal = t.join("Hal");
    const gus = t.join("Gus");
    const ivy = t.join("Ivy");
    expect(t.send(hal, "letBackIn", { playerId: gus }).rejection).toMatchObject({ code: "WRONG_PHASE" });
    t.ok(hal, "start");
    expect(t.send(hal, "letBackIn", { playerId: gus }).rejection).toMatchObject({ code: "SEAT_TAKEN" });
    t.step({ type: "leave", playerId: gus, now: t.now });
    expect(t.send(ivy, "letBackIn", { playerId: gus }).rejection).toMatchObject({ code: "NOT_HOST" });
    expect(t.send(hal, "letBackIn", { playerId: "nobody" }).rejection).toMatchObject({ code: "NO_SUCH_PLAYER" });
    const ask = "ask-of-gus-laptop-0001";
    expect(() => t.join("Gus", { ask })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD }));
    t.ok(hal, "letBackIn", { playerId: gus });
    t.now += READMIT_SECONDS * 1000 + 1;
    expect(() => t.join("Gus", { ask })).toThrow(expect.objectContaining({ code: JOIN_ERRORS.SEAT_HELD, message: expect.stringContaining("the host") }));
    t.ok(hal, "letBackIn", { playerId: gus });
    expect(t.join("Gus", { ask })).toBe(gus);
  });
});

describe("who comes in, and as what", () => {
  /** A connection's join as the room passes it on (the session is new each time). */
  let sessions = 0;
  const joining = (t: Table, request: JoinRequest, creator = false) =>
    t.step({ type: "join", session: `c${++sessions}`, request, fresh: { id: `q${sessions}`, token: "fresh-token-xxxxxxxxxx" }, creator, now: t.now });

  test("a class market's console: the creator with { facilitator: true }, or anyone with the key; a wrong key or a non-creator is refused and bound to nothing", () => {
    const t = new Table({ ...SLOW, firms: 2 }, "class");
    const creator = joining(t, { as: "console", key: null }, true);
    expect(creator.refusal).toBeUndefined();
    expect(creator.effects).toEqual(
      expect.arrayContaining([
        { type: "bind", session: expect.any(String), playerId: null, facilitator: true },
        { type: "console", session: expect.any(String) },
      ]),
    );
    // A class market's console does not decide whether the room lives on: the game's phase does.
    expect(creator.effects.some((e) => e.type === "keepAlive")).toBe(false);
    const impostor = joining(t, { as: "console", key: null }, false);
    expect(impostor.refusal).toMatchObject({ code: JOIN_ERRORS.INVALID_OPTIONS, message: expect.stringContaining("facilitatorKey") });
    expect(impostor.effects).toEqual([]);
    const wrong = joining(t, { as: "console", key: "not-the-key-0123456789-abcdefghij" });
    expect(wrong.refusal).toMatchObject({ code: JOIN_ERRORS.BAD_TOKEN });
    expect(wrong.effects).toEqual([]);
    expect(joining(t, { as: "console", key: TABLE_KEY }).refusal).toBeUndefined();
  });

  test("a friends game's console needs the key (its host's own connection gets it by joining as the creator); a console there lets the room close when empty", () => {
    const t = new Table({ ...SLOW, firms: 2 });
    expect(joining(t, { as: "console", key: null }, true).refusal).toMatchObject({ code: JOIN_ERRORS.INVALID_OPTIONS });
    const step = joining(t, { as: "console", key: TABLE_KEY });
    expect(step.refusal).toBeUndefined();
    expect(step.effects).toContainEqual({ type: "keepAlive", value: false });
  });

  test("a screen is bound to no player, sees no console and changes nothing; options that parse as nothing are refused with their words", () => {
    const t = new Table({ ...SLOW, firms: 2 });
    const screen = joining(t, { as: "spectator" });
    expect([screen.refusal, screen.effects]).toEqual([
      undefined,
      [{ type: "bind", session: expect.any(String), playerId: null, facilitator: false, spectator: true }],
    ]);
    const invalid = joining(t, { as: "invalid", code: JOIN_ERRORS.INVALID_OPTIONS, message: "invalid join options: name: Too small" });
    expect([invalid.refusal, invalid.effects]).toEqual([{ code: JOIN_ERRORS.INVALID_OPTIONS, message: "invalid join options: name: Too small" }, []]);
    expect(t.flow.roster.players).toEqual([]);
  });

  test("admission before a seat is reserved: a key or token is credentialed, a lobby newcomer needs a place, anything else is counted as one to refuse; nothing is seated", () => {
    const t = new Table({ ...SLOW, firms: 2, teamSize: 1 }, "class");
    const admit = (request: JoinRequest) => t.step({ type: "admit", request, now: t.now });
    expect(admit({ as: "console", key: TABLE_KEY }).admission).toBe("credentialed");
    expect(admit({ as: "console", key: "not-the-key-0123456789-abcdefghij" }).admission).toBe("refused");
    expect(admit({ as: "console", key: null }).admission).toBe("refused");
    expect(admit({ as: "spectator" }).admission).toBe("refused");
    expect(admit({ as: "invalid", code: JOIN_ERRORS.INVALID_OPTIONS, message: "x" }).admission).toBe("refused");
    expect(admit({ as: "player", name: "Ada" }).admission).toBe("newcomer");
    expect(t.flow.roster.players).toEqual([]);
    const ada = t.join("Ada", { creator: false });
    const token = t.flow.roster.player(ada)?.token ?? "";
    expect(admit({ as: "player", name: "ada" })).toMatchObject({ admission: "refused", refusal: { code: JOIN_ERRORS.NAME_TAKEN } });
    expect(admit({ as: "player", name: "Bo", token: "no-such-token-xxxxxxxx" })).toMatchObject({
      admission: "refused",
      refusal: { code: JOIN_ERRORS.BAD_TOKEN },
    });
    expect(admit({ as: "player", name: "Ada", token }).admission).toBe("credentialed");
    t.ok("facilitator", "start");
    // In a started game a join that passes is a seat holder's (a token, or a name let back in).
    expect(admit({ as: "player", name: "Ada", token }).admission).toBe("credentialed");
    expect(admit({ as: "player", name: "Cy" })).toMatchObject({ admission: "refused", refusal: { code: JOIN_ERRORS.GAME_STARTED } });
  });

  test("a lobby newcomer's join uses its promised place, refused or not; a token holder's does not", () => {
    const t = new Table({ ...SLOW, firms: 2 });
    const first = joining(t, { as: "player", name: "Ada" }, true);
    expect([first.refusal, first.admission]).toEqual([undefined, "newcomer"]);
    expect(joining(t, { as: "player", name: "ADA" }).admission).toBe("newcomer");
    const token = t.flow.roster.players[0]?.token ?? "";
    expect(joining(t, { as: "player", name: "Ada", token }).admission).toBeUndefined();
  });
});

describe("when a game is kept, expires or is dropped", () => {
  test("a failing store refuses the facilitator's and host's commands with its notice, and nothing changes; players still play; recovery lifts it", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-unsaved" }, "class");
    const ada = t.join("Ada");
    t.ok("facilitator", "start");
    t.ok("facilitator", "forceNext");
    const notice = "The server cannot save this game (the server's disk is full).";
    t.step({ type: "storeFailed", now: t.now, notice });
    const before = t.effects.length;
    for (const [kind, payload] of [
      ["extend", { seconds: 10 }],
      ["forceNext", {}],
      ["endGame", {}],
      ["start", {}],
    ] as const)
      expect(t.send("facilitator", kind, payload).rejection).toEqual({ code: "STORE_UNAVAILABLE", message: notice });
    expect(t.effects.length).toBe(before);
    expect([t.phase, t.flow.log.map((e) => e.command)]).toEqual(["decide", ["start", "forceNext"]]);
    t.ok(ada, "submit", { action: { train: 2 } });
    t.step({ type: "storeRecovered", now: t.now });
    expect([t.phase, t.quarter]).toEqual(["report", 1]);
    t.ok("facilitator", "pause");
  });

  test("a started, unfinished game nobody is at asks for the idle watch; anyone connected, a lobby or a finished game does not", () => {
    const t = new Table({ ...FAST, firms: 2, quarters: 4, seed: "flow-idle" });
    const idle = (anyone: boolean) => t.step({ type: "presence", anyone }).effects;
    expect(idle(false)).toEqual([{ type: "idle", watch: false }]);
    const from = t.effects.length;
    const ada = t.join("Ada");
    // Someone came in: the watch stops.
    expect(t.since(from)).toContainEqual({ type: "idle", watch: false });
    t.ok(ada, "start");
    expect(idle(false)).toEqual([{ type: "idle", watch: true }]);
    expect(idle(true)).toEqual([{ type: "idle", watch: false }]);
    for (let q = 0; q < 4; q++) t.ok(ada, "submit", { action: {} });
    expect(t.phase).toBe("over");
    expect(idle(false)).toEqual([{ type: "idle", watch: false }]);
    // A late expiry for a finished game does nothing.
    expect(t.step({ type: "idleExpired", idleSeconds: 60, now: t.now }).effects).toEqual([]);
  });

  test("an idle game expires: stored as expired, its timer stopped, the room closed; the log line says after how long", () => {
    const t = new Table({ ...SLOW, firms: 2, seed: "flow-expire" }, "class");
    t.join("Ada");
    t.ok("facilitator", "start");
    const step = t.step({ type: "idleExpired", idleSeconds: 600, now: t.now });
    expect(step.effects).toEqual([
      { type: "note", message: "game expired: no one connected", fields: { idleSeconds: 600, quarter: 0 } },
      { type: "persist", write: { op: "expired" } },
      { type: "cancel" },
      { type: "dispose" },
    ]);
  });

  test("a lobby everyone left is dropped from the store when its room closes, but kept when the process stops; a started game is never dropped", () => {
    const t = new Table({ ...SLOW, firms: 2 }, "class");
    expect(t.step({ type: "dispose", stopping: true }).effects).toEqual([]);
    expect(t.step({ type: "dispose", stopping: false }).effects).toEqual([{ type: "persist", write: { op: "dropLobby" } }]);
    expect(t.flow.resumable).toBe(true);
    t.ok("facilitator", "start");
    expect(t.step({ type: "dispose", stopping: false }).effects).toEqual([]);
    expect(t.flow.resumable).toBe(true);
    t.ok("facilitator", "endGame");
    expect(t.flow.resumable).toBe(false);
  });
});
