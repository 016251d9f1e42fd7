import { describe, expect, test } from "vitest";
import { Match } from "../../server/game/match.js";
import { gameConfig } from "../../shared/config/override.js";
import { ActionInputSchema } from "../../shared/schemas/action.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { Table } from "./flow-helpers.js";

/** Inputs that are valid by the schema but that a hostile or careless client sends on purpose. */
describe("hostile but well-formed inputs", () => {
  test("an action of negative zeros (-0 passes 'at least 0') plays like zeros: the live game equals the replay of its JSON record", () => {
    const config = gameConfig("ai-2025", 6, {});
    if (!config.ok) throw new Error(config.error.message);
    const match = new Match(config.value, "negative-zero", [
      { id: "f1", name: "A" },
      { id: "f2", name: "B" },
    ]);
    const input = ActionInputSchema.parse({ train: -0, efficiency: -0, compliance: -0, marketing: -0, raise: -0, apps: { support: -0, media: 12 } });
    expect(Object.is(input.train, -0)).toBe(true);
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
