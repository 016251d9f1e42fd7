import { afterEach, describe, expect, it } from "vitest";
import { usableCapability } from "../../shared/bots/plan.js";
import { builder, DIALS } from "../../shared/bots/strategies.js";
import { createGame, seedRng, viewFor } from "../../shared/index.js";
import { configFor, seats } from "../helpers/play.js";

const dial = DIALS.builder.reach;
afterEach(() => {
  DIALS.builder.reach = dial;
});

describe("the shippers' reach (DIALS.builder.reach)", () => {
  it("builder enters a sector its model meets at 70% of the need, not one it meets at 60%", () => {
    const state = createGame(configFor("ai-2025"), "reach-1", seats(3));
    // Open models that meet industrial inspection's need (48) at 80% once the app gap is paid, medical diagnosis's (66) at 58%.
    state.market.openBaseline = 0.8 * 48 + state.config.openBaseline.appGap;
    const view = viewFor(state, { kind: "firm", firmId: "f1" });
    expect(usableCapability(view)).toBeCloseTo(0.8 * 48, 6);
    DIALS.builder.reach = 0.9;
    expect(builder(view, seedRng("b")).apps.industrial ?? 0).toBe(0);
    DIALS.builder.reach = 0.7;
    const action = builder(view, seedRng("b"));
    expect(action.apps.industrial ?? 0).toBeGreaterThan(0);
    expect(action.apps.medical ?? 0).toBe(0);
  });
});
