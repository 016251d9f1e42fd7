import { describe, expect, test } from "vitest";
import { debriefInputFrom } from "../../client/debrief/from-state.js";
import { ticksAround } from "../../client/debrief/ticks.js";
import { syntheticMarket } from "../../client/market/bench/synthetic.js";
import { computeDebrief } from "../../shared/debrief/analytics.js";
import { wordsFor } from "../../shared/debrief/text.js";
import { marketPoints, reportRows } from "../../shared/synced.js";

describe("the debrief's client helpers", () => {
  test("the room state becomes a plain input: every firm's reports, the market's history, the viewer's firm", () => {
    const market = syntheticMarket(3, "f2");
    market.advance("boom");
    market.advance("correction", 1);
    const state = market.state;
    const input = debriefInputFrom(state, "f2");
    expect(input.mine).toBe("f2");
    expect(input.firms.map((f) => f.id)).toEqual(state.firms.map((f) => f.id));
    expect(input.firms[0]?.history.map((r) => r.valuation)).toEqual(reportRows(state.firms[0]).map((r) => r.valuation));
    expect(input.market.map((p) => p.bubbleRatio)).toEqual(marketPoints(state.market).map((p) => p.bubbleRatio));
    expect(Array.isArray(input.bots)).toBe(true);
    expect(debriefInputFrom(state, null).mine).toBeUndefined();
    // Plain copies: later changes to the state do not reach the input.
    const before = JSON.stringify(input);
    market.advance("boom");
    expect(JSON.stringify(input)).toBe(before);
    expect(computeDebrief(input, wordsFor("en")).firms.find((f) => f.mine)?.id).toBe("f2");
  });

  test("ratio axes span their own range in round steps, without forcing zero in", () => {
    expect(ticksAround(1.23, 2.91, 4)).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(ticksAround(0.3, 1.1, 4)).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1.2]);
    expect(ticksAround(1, 1, 4).length).toBeGreaterThan(1);
  });
});
