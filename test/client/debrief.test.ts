import { describe, expect, test } from "vitest";
import { debriefInputFrom } from "../../client/debrief/from-state.js";
import { barNameLines } from "../../client/debrief/measure.js";
import { shownLabels, ticksAround } from "../../client/debrief/ticks.js";
import { syntheticMarket } from "../../client/market/bench/synthetic.js";
import { computeDebrief } from "../../shared/debrief/analytics.js";
import { wordsFor } from "../../shared/debrief/text.js";
import { translator } from "../../shared/i18n/catalog.js";
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

describe("a chart's turn labels", () => {
  test("never touch: the first label runs a whole width to the right of its tick, the last to the left (第 0 回合 ran into 第 1 回合 at 1920×1080)", () => {
    // Nine turns 80 px apart, labels 62 px wide ("第 N 回合" at 13 px).
    const xs = Array.from({ length: 9 }, (_, i) => 40 + 80 * i);
    const widths = xs.map(() => 62);
    const shown = shownLabels(xs, widths);
    expect(shown[0]).toBe(true);
    expect(shown[8]).toBe(true);
    // Label 1 (centred at 120, from 89) would start inside label 0 (40–102): left out.
    expect(shown[1]).toBe(false);
    const drawn = xs.map((x, i) => (i === 0 ? [x, x + 62] : i === 8 ? [x - 62, x] : [x - 31, x + 31])).filter((_, i) => shown[i]) as [number, number][];
    for (let i = 1; i < drawn.length; i++) expect((drawn[i] as [number, number])[0] - (drawn[i - 1] as [number, number])[1]).toBeGreaterThanOrEqual(12);
    // Short labels ("T3") far apart: all of them.
    expect(
      shownLabels(
        xs,
        xs.map(() => 16),
      ).every(Boolean),
    ).toBe(true);
    expect(shownLabels([10], [30])).toEqual([true]);
  });
});

describe("the value chart's name column", () => {
  test("the player's firm keeps its whole name on a phone: '(you)' goes to a second line instead of cutting the name (it read 'Nor… (you)')", () => {
    const en = translator("en");
    const zh = translator("zh-CN");
    // A laptop's column (154 px of room): one line.
    expect(barNameLines(en, "Northwind", true, 154)).toEqual(["Northwind (you)"]);
    // A phone's (83 px, a 390 px screen): the name whole, the mark below.
    expect(barNameLines(en, "Northwind", true, 83)).toEqual(["Northwind", "(you)"]);
    expect(barNameLines(zh, "Northwind", true, 83)).toEqual(["Northwind", "（你）"]);
    // Others' names are one line; a name too wide for any line is still cut.
    expect(barNameLines(en, "Meridian", false, 83)).toEqual(["Meridian"]);
    expect(barNameLines(en, "Very Long Firm Name Inc", true, 83)[0]).toMatch(/…$/);
  });
});
