import { describe, expect, test } from "vitest";
import { debriefInputFrom } from "../../client/debrief/from-state.js";
import { barNameLines, COMPACT_FONT_SIZE, FONT_SIZE, textWidth } from "../../client/debrief/measure.js";
import { compactTurnLabel, ticksAround, turnLabels, turnsRightPad } from "../../client/debrief/ticks.js";
import { syntheticMarket } from "../../client/market/bench/synthetic.js";
import { computeDebrief } from "../../shared/debrief/analytics.js";
import { wordsFor } from "../../shared/debrief/text.js";
import { translator } from "../../shared/i18n/catalog.js";
import { shortMoney } from "../../shared/i18n/format.js";
import { marketPoints, reportRows } from "../../shared/synced.js";
import { turnShort, turnWordsFor } from "../../shared/words/turns.js";

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
  // Drawn boxes of the shown labels, in order, for the overlap checks.
  const boxes = (at: (number | null)[], widths: number[]) =>
    at.flatMap((c, i) => (c === null ? [] : [{ from: c - (widths[i] ?? 0) / 2, to: c + (widths[i] ?? 0) / 2 }]));
  const gaps = (at: (number | null)[], widths: number[]) => boxes(at, widths).flatMap((box, i, all) => (i === 0 ? [] : [box.from - (all[i - 1]?.to ?? 0)]));

  test("every turn's label where they fit: the 1920×1080 debrief dropped 第 1 回合 and 第 7 回合 with room to spare", () => {
    // The bubble-ratio chart at 1920×1080: turns 107 px apart, "第 N 回合" 69 px wide, a 74 px left margin, 14 px right.
    const xs = Array.from({ length: 9 }, (_, i) => 74 + 107 * i);
    const widths = xs.map(() => 69);
    const at = turnLabels(xs, widths, 0, 74 + 107 * 8 + 14);
    expect(at.every((c) => c !== null)).toBe(true);
    expect(Math.min(...gaps(at, widths))).toBeGreaterThanOrEqual(12);
    // Inside the chart: the last label slides left of its tick rather than run past the edge.
    const drawn = boxes(at, widths);
    expect(drawn.at(-1)?.to).toBeLessThanOrEqual(74 + 107 * 8 + 14);
    expect(drawn[0]?.from).toBeGreaterThanOrEqual(0);
  });

  test("the debrief's full chart (760 wide, nine turns in Chinese) has room for every turn's label: the right margin fits the last one centred", () => {
    const zh = translator("zh-CN");
    const labels = Array.from({ length: 9 }, (_, q) => zh("common.turn.short", { turn: q }));
    const widths = labels.map((l) => Math.max(24, textWidth(l, FONT_SIZE)));
    const CHART_WIDTH = 760; // panels.ts CHART_WIDTH
    const left = 64;
    const right = turnsRightPad(labels.at(-1) ?? "");
    const xs = labels.map((_, q) => left + (q / 8) * (CHART_WIDTH - left - right));
    expect(turnLabels(xs, widths, 0, CHART_WIDTH).every((c) => c !== null)).toBe(true);
    // With the old 14 px margin the last label slid into the one before it: every second label only.
    const tight = labels.map((_, q) => left + (q / 8) * (CHART_WIDTH - left - 14));
    expect(turnLabels(tight, widths, 0, CHART_WIDTH).filter((c) => c !== null).length).toBe(5);
  });

  test("where they do not fit, a regular step from the first, with the last, none touching", () => {
    // A phone: turns 48 px apart, labels 62 px wide: every second one.
    const xs = Array.from({ length: 9 }, (_, i) => 50 + 48 * i);
    const widths = xs.map(() => 62);
    const at = turnLabels(xs, widths, 0, 50 + 48 * 8 + 14);
    expect(at.map((c) => c !== null)).toEqual([true, false, true, false, true, false, true, false, true]);
    // Thirteen turns 30 px apart: every third would crowd the last (slid inside the edge), so every fourth.
    const xs13 = Array.from({ length: 13 }, (_, i) => 50 + 30 * i);
    const at13 = turnLabels(
      xs13,
      xs13.map(() => 62),
      0,
      50 + 30 * 12 + 14,
    );
    expect(at13.flatMap((c, i) => (c === null ? [] : [i]))).toEqual([0, 4, 8, 12]);
    expect(
      Math.min(
        ...gaps(at, widths),
        ...gaps(
          at13,
          xs13.map(() => 62),
        ),
      ),
    ).toBeGreaterThanOrEqual(12);
    expect(turnLabels([10], [30], 0, 100)).toEqual([15]);
  });
});

describe("a firm's small chart (240 px) labels its turns", () => {
  // svg.ts's compact layout: the plot starts right of the widest y label ("40亿美元") and ends 8 px from the edge.
  const shown = (labels: string[], locale: "en" | "zh-CN") => {
    const left = Math.max(44, Math.ceil(textWidth(shortMoney(locale, 4e3), COMPACT_FONT_SIZE)) + 10);
    const widths = labels.map((l) => Math.max(24, textWidth(l, COMPACT_FONT_SIZE)));
    const xs = labels.map((_, q) => left + (q / (labels.length - 1)) * (240 - left - 8));
    return turnLabels(xs, widths, left, 240, 8).filter((c) => c !== null).length;
  };

  test("in Chinese it labels more than its first and last turn (第 0 回合 … 第 8 回合 left nothing between): bare numbers, as short as Q4 / T4", () => {
    for (const quarters of [8, 16]) {
      const turns = turnWordsFor(quarters);
      for (const locale of ["zh-CN", "en"] as const) {
        const tr = translator(locale);
        const compact = Array.from({ length: quarters + 1 }, (_, q) => compactTurnLabel(tr, q, turns));
        expect(shown(compact, locale), `${locale} ${quarters}`).toBeGreaterThanOrEqual(4);
      }
      const zh = translator("zh-CN");
      expect(
        shown(
          Array.from({ length: quarters + 1 }, (_, q) => turnShort(zh, q, turns)),
          "zh-CN",
        ),
      ).toBeLessThanOrEqual(3);
    }
    expect(compactTurnLabel(translator("zh-CN"), 4, turnWordsFor(8))).toBe("4");
    expect(compactTurnLabel(translator("en"), 4, turnWordsFor(8))).toBe("T4");
    expect(compactTurnLabel(translator("en"), 4, turnWordsFor(16))).toBe("Q4");
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
