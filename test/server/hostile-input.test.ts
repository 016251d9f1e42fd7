import { describe, expect, test } from "vitest";
import { Match } from "../../server/game/match.js";
import { gameConfig } from "../../shared/config/override.js";
import { ActionInputSchema } from "../../shared/schemas/action.js";
import { firstDifference, replay } from "../../shared/sim/record.js";

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
});
