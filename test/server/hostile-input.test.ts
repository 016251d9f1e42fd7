import { describe, expect, test } from "vitest";
import { Match } from "../../server/game/match.js";
import { parseMessage } from "../../server/rooms/messages.js";
import { gameConfig } from "../../shared/config/override.js";
import { ActionInputSchema } from "../../shared/schemas/action.js";
import { ClientMessageSchemas } from "../../shared/schemas/protocol.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { Table } from "./flow-helpers.js";

/** Inputs that are valid by the schema but that a hostile or careless client sends on purpose. */
describe("hostile but well-formed inputs", () => {
  test("an action of negative zeros (-0 passes 'at least 0') is read as zeros, so the live game equals the replay of its JSON record", () => {
    const config = gameConfig("ai-2025", 6, {});
    if (!config.ok) throw new Error(config.error.message);
    const match = new Match(config.value, "negative-zero", [
      { id: "f1", name: "A" },
      { id: "f2", name: "B" },
    ]);
    const input = ActionInputSchema.parse({ train: -0, efficiency: -0, compliance: -0, marketing: -0, raise: -0, apps: { support: -0, media: 12 } });
    // Canonical on parse, before anything else sees it (the schema, not a patch in the match).
    for (const value of [input.train, input.efficiency, input.compliance, input.marketing, input.raise, input.apps.support])
      expect(Object.is(value, 0)).toBe(true);
    while (!match.over) {
      const accepted = match.submit("f1", input, "A");
      expect(accepted.ok && Object.is(accepted.value.train, 0)).toBe(true);
      match.pending.set("f2", { action: match.botAction("f2", "scaler"), by: "scaler bot", bot: true });
      match.resolve();
    }
    // What the store and the export hold is JSON, where -0 is 0.
    const stored = JSON.parse(JSON.stringify(match.record));
    expect(firstDifference(replay(stored).states.at(-1), match.state)).toBeNull();
  });

  test("every number a submit, draft or injection carries is canonical on parse: -0 arrives as 0, other values unchanged", () => {
    const submit = ClientMessageSchemas.submit.parse({ action: { train: -0, apps: { driving: -0, media: 7.5 }, raise: 1e-9 } });
    expect(Object.is(submit.action.train, 0)).toBe(true);
    expect(Object.is(submit.action.apps.driving, 0)).toBe(true);
    expect([submit.action.apps.media, submit.action.raise]).toEqual([7.5, 1e-9]);
    const draft = ClientMessageSchemas.draft.parse({ action: { marketing: -0 } });
    expect(Object.is(draft.action.marketing, 0)).toBe(true);
    const events = [
      { kind: "rateChange", delta: -0 },
      { kind: "openRelease", jump: -0 },
      { kind: "selloff", depth: -0 },
    ];
    for (const event of events) {
      const injection = ClientMessageSchemas.inject.parse({ injection: { kind: "event", event } });
      const figures = Object.values(injection.injection.kind === "event" ? injection.injection.event : {}).filter((v) => typeof v === "number");
      expect(figures.length).toBe(1);
      expect(Object.is(figures[0], 0)).toBe(true);
    }
    // Still refused where they were: a negative amount is not -0.
    expect(ClientMessageSchemas.submit.safeParse({ action: { train: -1e-300 } }).success).toBe(false);
  });

  test("submit's quarter: anything but a whole quarter 1–40 is INVALID_MESSAGE naming the field (msgpack carries NaN, ±Infinity, -0, 1.5, huge)", () => {
    for (const quarter of [0, -0, -1, 1.5, 41, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "1", null]) {
      const parsed = parseMessage("submit", { action: {}, quarter });
      expect("rejection" in parsed && parsed.rejection, String(quarter)).toMatchObject({
        code: "INVALID_MESSAGE",
        issues: expect.arrayContaining([expect.objectContaining({ path: "quarter" })]),
      });
    }
    expect(parseMessage("submit", { action: {}, quarter: 40 })).toMatchObject({ kind: "submit", data: { quarter: 40 } });
  });

  test("a class market of bots with every timer at 0 resolves one quarter per timer, not the whole game in the start message", () => {
    // Anyone may create one: before, 40 firms × 40 quarters resolved inside `start` and held the event loop (every room of the process) for 0.7–1.4 s.
    const t = new Table({ newsSeconds: 0, reportSeconds: 0, decisionSeconds: 0, firms: 6, quarters: 5, seed: "cascade" }, "class");
    t.ok("facilitator", "start");
    expect([t.phase, t.quarter]).toEqual(["report", 1]);
    expect(t.timer?.ms).toBe(0);
    for (let q = 2; q <= 4; q++) {
      t.expire();
      expect([t.phase, t.quarter]).toEqual(["report", q]);
    }
    t.expire();
    expect([t.phase, t.quarter]).toEqual(["over", 5]);
    const match = t.flow.match;
    expect(match && firstDifference(replay(match.record).states.at(-1), match.state)).toBeNull();
  });

  test("with a player's firm at the table, zero timers still run straight on to the next decision", () => {
    const t = new Table({ newsSeconds: 0, reportSeconds: 0, decisionSeconds: 0, firms: 3, quarters: 5, seed: "cascade" });
    const ada = t.join("Ada");
    t.ok(ada, "start");
    t.ok(ada, "submit", { action: {} });
    expect([t.phase, t.quarter, t.timer]).toEqual(["decide", 1, null]);
  });
});
