import { describe, expect, test } from "vitest";
import { formatShortMoney, niceTicks } from "../../client/market/axis.js";
import { syntheticMarket } from "../../client/market/bench/synthetic.js";
import { formatCountdown, ServerClock } from "../../client/market/clock.js";
import { byValuation, type FirmFigures, firmFigures, formatChange, phaseLabel, quarterLabel } from "../../client/market/figures.js";
import { eventSentence, newsSentences, tickerJoint } from "../../client/market/news.js";
import type { MarketRoomStateShape } from "../../client/net/state.js";
import { translator } from "../../shared/i18n/catalog.js";
import { EVENT_KINDS } from "../../shared/schemas/vocabulary.js";
import { marketPoints, reportRows } from "../../shared/synced.js";
import { lengthHint, spanLine, turnShort, turnWordsFor } from "../../shared/words/turns.js";
import { EXAMPLE_EVENTS } from "../helpers/events.js";

describe("the market's numbers", () => {
  test("share price change: arrows as well as colour, and nothing before the first report", () => {
    expect(formatChange(0.052)).toBe("▲ 5.2%");
    expect(formatChange(-0.123)).toBe("▼ 12%");
    expect(formatChange(0.0001)).toBe("— 0.0%");
    expect(formatChange(null)).toBe("");
  });

  test("figures come from the latest report; the leaderboard puts the delisted last", () => {
    const market = syntheticMarket(4, "f2");
    market.advance("boom");
    const figures = firmFigures(market.state, "f2");
    expect(figures.map((f) => f.seat)).toEqual([1, 2, 3, 4]);
    expect(figures[1]?.mine).toBe(true);
    const first = market.state.firms[0];
    const last = reportRows(first).at(-1);
    expect(figures[0]?.valuation).toBe(last?.valuation);
    expect(figures[0]?.priceChange).toBeCloseTo((last?.sharePrice ?? 0) / (reportRows(first).at(-2)?.sharePrice ?? 1) - 1, 9);
    const ranked = byValuation([{ ...(figures[0] as FirmFigures), valuation: 1e9, delisted: true }, ...figures.slice(1)]);
    expect(ranked.at(-1)?.firmId).toBe("f1");
    expect(ranked[0]?.valuation).toBeGreaterThanOrEqual(ranked[1]?.valuation ?? 0);
  });

  test("the quarter: the one being played; in the report phase the one whose results are in (as the report says), the next named by the countdown; at the end the last", () => {
    const state = { phase: "decide", quarter: 2, paused: false, settings: { quarters: 16, scenario: "ai-2025", economy: "" } } as MarketRoomStateShape;
    expect(quarterLabel(state)).toBe("Quarter 3 of 16");
    expect(phaseLabel(state)).toBe("Decide");
    // Quarter 2 has resolved: the bar and the report beside it name the same quarter, and the countdown the next.
    expect(quarterLabel({ ...state, phase: "report" })).toBe("Quarter 2 of 16");
    expect(phaseLabel({ ...state, phase: "report" })).toBe("Results");
    const eight = { ...state, phase: "report", quarter: 1, settings: { ...state.settings, quarters: 8 } } as MarketRoomStateShape;
    // Not "Turn 2 of 8 · Turn 1 results" (the header had moved on while the results were of turn 1).
    expect(`${quarterLabel(eight)} · ${phaseLabel(eight)}`).toBe("Turn 1 of 8 · Results");
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(en("market.status.countdown.report.turn", { next: 2, left: "0:05" })).toBe("· turn 2 opens in 0:05");
    expect(en("market.status.countdown.report", { next: 3, left: "0:05" })).toBe("· quarter 3 opens in 0:05");
    expect(zh("market.status.countdown.report.turn", { next: 2, left: "0:05" })).toBe("· 第 2 回合 0:05 后开始");
    expect(zh("market.status.phase.results")).toBe("结果");
    expect(quarterLabel({ ...state, phase: "news", quarter: 0 })).toBe("Quarter 1 of 16");
    expect(quarterLabel({ ...state, phase: "over", quarter: 16 })).toBe("Quarter 16 of 16");
    expect(phaseLabel({ ...state, phase: "report", paused: true })).toBe("Paused");
  });

  test("a turn is called a quarter only when it is one: other lengths say turn, and the status bar says what a turn spans", () => {
    const at = (quarters: number, economy = "") =>
      ({ phase: "decide", quarter: 2, settings: { quarters, scenario: "ai-2025", economy } }) as MarketRoomStateShape;
    expect(quarterLabel(at(4))).toBe("Turn 3 of 4");
    expect(quarterLabel(at(8))).toBe("Turn 3 of 8");
    expect(quarterLabel(at(24))).toBe("Turn 3 of 24");
    // A designer's economy with a fixed clock plays a quarter a turn at any length.
    expect(quarterLabel(at(8, JSON.stringify({ clock: { scaleWithLength: false } })))).toBe("Quarter 3 of 8");
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(spanLine(en, turnWordsFor(4))).toBe("Each turn is a year of the story.");
    expect(spanLine(en, turnWordsFor(8))).toBe("Each turn is 6 months of the story.");
    expect(spanLine(en, turnWordsFor(40))).toBe("Each turn is 1.2 months of the story.");
    expect(spanLine(en, turnWordsFor(16))).toBe("");
    expect(spanLine(zh, turnWordsFor(8))).toBe("每回合相当于故事中的 6 个月。");
    expect(lengthHint(en, 8, turnWordsFor(8))).toBe("8 turns · 6 months each");
    expect(lengthHint(en, 16, turnWordsFor(16))).toBe("16 quarters · one quarter a turn");
    expect(lengthHint(zh, 12, turnWordsFor(12))).toBe("12 个回合 · 每回合 4 个月");
    expect(lengthHint(zh, 16, turnWordsFor(16))).toBe("16 个季度 · 每回合 1 个季度");
    expect(turnShort(en, 3, turnWordsFor(8))).toBe("T3");
    expect(turnShort(zh, 3, turnWordsFor(16))).toBe("第 3 季");
  });

  test("axis ticks are round and cover the data; money reads in $M or $B", () => {
    expect(niceTicks(0, 930)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(-120, 380)).toEqual([-200, -100, 0, 100, 200, 300, 400]);
    expect(formatShortMoney(0)).toBe("$0");
    expect(formatShortMoney(500)).toBe("$500M");
    expect(formatShortMoney(1500)).toBe("$1.5B");
    expect(formatShortMoney(12_000)).toBe("$12B");
    expect(formatShortMoney(2.5)).toBe("$2.5M");
  });
});

describe("the countdown", () => {
  test("a stale welcome is corrected by the first deadline seen: time left never exceeds the phase", () => {
    // The welcome came at server time 1,000,000 (local 2,000,000); the lobby then lasted
    // 5 minutes, so the Market reads it 300 s late.
    const later = 2_000_000 + 300_000;
    const clock = new ServerClock(1_000_000, later);
    const deadline = 1_000_000 + 300_000 + 90_000; // a 90 s phase that just began
    expect(clock.secondsLeft(deadline, later)).toBe(390);
    clock.observeDeadline(deadline, 90, later);
    expect(clock.secondsLeft(deadline, later)).toBe(90);
    expect(clock.secondsLeft(deadline, later + 30_500)).toBe(60);
    expect(clock.secondsLeft(deadline, later + 100_000)).toBe(0);
    expect(formatCountdown(65)).toBe("1:05");
  });
});

describe("the news ticker", () => {
  test("every event kind reads as a sentence", () => {
    const examples = EXAMPLE_EVENTS;
    for (const kind of EVENT_KINDS) expect(eventSentence(examples[kind])).toMatch(/^[A-Z"].+\.$/);
    expect(eventSentence(examples.gpuShock)).toBe("GPU shock: compute is 40% dearer for everyone.");
    expect(eventSentence(examples.rateChange)).toContain("1 percentage point");
    expect(eventSentence(examples.adoptionWave)).toContain("medical diagnosis assistance market grows 30%");
    expect(eventSentence(examples.selloff)).toContain("falls 25%");
    expect(
      newsSentences([
        { kind: "selloff", json: JSON.stringify(examples.selloff) },
        { kind: "odd", json: "{" },
      ]),
    ).toEqual([eventSentence(examples.selloff), "A news item could not be read."]);
  });
});

describe("the ticker's joints between items", () => {
  test("no dot after a sentence's full stop in either language; the dot only between items without one", () => {
    expect(tickerJoint("未来 2 个季度，能力提升的平均速度缩水。")).toBe("");
    expect(`缩水。${tickerJoint("缩水。")}开源`).toBe("缩水。开源");
    expect(tickerJoint("GPU shock: compute is 40% dearer for everyone.")).toBe(" ");
    expect(tickerJoint('Analysts call it "a bubble."')).toBe(" ");
    expect(tickerJoint("Helios delisted")).toBe(" · ");
  });
});

describe("the synthetic market", () => {
  test("a correction deflates narrative, and delisted firms drop out with a last report", () => {
    const market = syntheticMarket(6, null, 3);
    market.advance("boom");
    const before = firmFigures(market.state, null);
    market.advance("correction", 2);
    const after = firmFigures(market.state, null);
    expect(after.filter((f) => f.delisted)).toHaveLength(2);
    expect(marketPoints(market.state.market).at(-1)?.delisted).toHaveLength(2);
    for (const f of after.filter((x) => !x.delisted)) {
      const was = before.find((b) => b.firmId === f.firmId);
      expect(f.valuation - f.fundamentals).toBeLessThan((was?.valuation ?? 0) - (was?.fundamentals ?? 0));
    }
  });
});
