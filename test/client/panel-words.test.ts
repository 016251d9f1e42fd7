import { describe, expect, test } from "vitest";
import { setLocale } from "../../client/i18n.js";
import { draftProblem, guideTitle, lastHeading, lastValue, rangeValue, repeatWarning } from "../../client/panel/words.js";
import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import { translator } from "../../shared/i18n/catalog.js";
import { turnWordsFor } from "../../shared/words/turns.js";

describe("the panel's guide, which stays until dismissed", () => {
  test("it says 'your first turn' only on the first turn; later it says what it is (read on turn 20)", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const tr = translator(locale);
      for (const turns of [turnWordsFor(8), turnWordsFor(16)]) {
        const first = guideTitle(0, turns, tr);
        expect(first).toMatch(/first|第一/);
        for (const quarter of [1, 19]) {
          const later = guideTitle(quarter, turns, tr);
          expect(later).not.toMatch(/first|第一/);
          expect(later).not.toBe(first);
        }
      }
    }
  });
});

describe("the estimate's table: where the firm is, and where this plan would take it", () => {
  test("a range whose ends are written the same is one figure: a first turn's revenue read '$0–$0' (390×844, Scale)", () => {
    setLocale("en");
    expect(rangeValue(0, 0, 0, true)).toBe("$0");
    expect(rangeValue(1300, 2500, 1900, true)).toBe("$1.3B–$2.5B");
    expect(rangeValue(31.21, 31.24, 31.22, false)).toBe("31.2");
    setLocale("zh-CN");
    expect(rangeValue(0, 0, 0, true)).toBe("0美元");
    setLocale("en");
  });

  const last = { quarter: 3, revenue: 312.4, operatingProfit: 35.06, cash: 949.2, capability: 30.14, fundamentals: 1475.4, valuation: 2837.3, rampCost: 0 };
  const start = { ...last, quarter: 0, revenue: 0, operatingProfit: 0 };

  test("the reference column is the firm's own last report, never a difference that reads as a loss (turn 2 showed −$3,474M beside a default plan)", () => {
    setLocale("en");
    expect(lastHeading(last, turnWordsFor(8))).toBe("Last turn");
    expect(lastHeading(last, turnWordsFor(16))).toBe("Last quarter");
    expect(lastHeading(start, turnWordsFor(8))).toBe("At the start");
    // Each cell in its row's format: the ranged rows' short money, the others' own.
    expect(lastValue(last, "valuation", true)).toBe("$2.8B");
    expect(lastValue(last, "revenue", true)).toBe("$312M");
    expect(lastValue(last, "fundamentals", true)).toBe("$1,475M");
    expect(lastValue(last, "operatingProfit", true)).toBe("$35.1M");
    expect(lastValue(last, "capability", false)).toBe("30.1");
    // Before the first turn there is no revenue or profit yet: a dash, not $0.
    expect(lastValue(start, "revenue", true)).toBe("—");
    expect(lastValue(start, "operatingProfit", true)).toBe("—");
    expect(lastValue(start, "cash", true)).toBe("$949M");
    setLocale("zh-CN");
    expect(lastHeading(last, turnWordsFor(8))).toBe("上回合");
    expect(lastHeading(start, turnWordsFor(8))).toBe("开局时");
    expect(lastValue(last, "valuation", true)).toBe("28.4亿美元");
    setLocale("en");
  });
});

describe("what happens without a submission, in the panel's words", () => {
  const start = createGame(DEFAULT_CONFIG, "panel-words", [
    { id: "f1", name: "Northwind" },
    { id: "f2", name: "Helios" },
  ]);
  const firm = (state: typeof start) => {
    const f = state.firms.find((x) => x.id === "f1");
    if (!f) throw new Error("no firm f1");
    return f;
  };

  /** The game after one quarter in which f1 trained `train` and did nothing else. */
  const afterPlan = (train: number) =>
    resolveQuarter(
      start,
      { f1: { train, apps: {}, efficiency: 0, compliance: 0, marketing: 0, raise: 0, distill: false, openWeights: false, hardware: "flexible" } },
      [],
    ).state;

  test("before the first quarter there is no last plan: the firm spends nothing (it said 'last turn's plan repeats')", () => {
    setLocale("en");
    expect(repeatWarning(start, firm(start), turnWordsFor(8))).toBe("Not submitted yet: without a submission, your firm spends nothing this turn.");
    expect(repeatWarning(start, firm(start), turnWordsFor(16))).toBe("Not submitted yet: without a submission, your firm spends nothing this quarter.");
    setLocale("zh-CN");
    expect(repeatWarning(start, firm(start), turnWordsFor(8))).toBe("尚未提交：如不提交，你的公司本回合不做任何投入。");
    setLocale("en");
  });

  test("after a quarter with a plan, that plan repeats", () => {
    setLocale("en");
    const state = afterPlan(10);
    expect(repeatWarning(state, firm(state), turnWordsFor(16))).toBe("Not submitted yet: without a submission, last quarter's plan repeats.");
  });

  test("a plan that no longer fits the cash repeats scaled down, in words that parse (it said 'it would repeat cut to 98% of its spending')", () => {
    setLocale("en");
    const state = afterPlan(300);
    const poorer = { ...state, firms: state.firms.map((f) => (f.id === "f1" ? { ...f, cash: 150 } : f)) };
    expect(repeatWarning(poorer, firm(poorer), turnWordsFor(8))).toMatch(
      /^Not submitted yet\. Last turn's plan no longer fits: without a submission it repeats, scaled down to \d+% of its spending\.$/,
    );
    setLocale("zh-CN");
    expect(repeatWarning(poorer, firm(poorer), turnWordsFor(8))).toMatch(/^尚未提交。上回合的方案已超出预算：如不提交，将按其支出的 \d+% 沿用。$/);
    setLocale("en");
  });

  test("a plan whose raise the market no longer buys, its spending fitting, repeats with the smaller raise (it said 'scaled down to 100% of its spending')", () => {
    setLocale("en");
    const state = afterPlan(10);
    const greedy = { ...state, firms: state.firms.map((f) => (f.id === "f1" ? { ...f, lastAction: { ...f.lastAction, raise: 1e6 } } : f)) };
    expect(repeatWarning(greedy, firm(greedy), turnWordsFor(8))).toMatch(
      /^Not submitted yet\. Last turn's plan raises more than the market will buy now: without a submission it repeats with a raise of \$[\d,.]+M\.$/,
    );
    setLocale("zh-CN");
    expect(repeatWarning(greedy, firm(greedy), turnWordsFor(16))).toMatch(
      /^尚未提交。上季度方案的融资额超出市场当前的认购意愿：如不提交，将沿用该方案，融资额为 .+美元。$/,
    );
    setLocale("en");
  });

  test("a plan whose raise the market no longer buys at all repeats without a raise (it said 'with a raise of $0M', '融资额为 0美元')", () => {
    setLocale("en");
    const state = afterPlan(10);
    // Sentiment under the financing appetite's floor: the market buys no new shares.
    const cold = {
      ...state,
      market: { ...state.market, sentiment: 0 },
      firms: state.firms.map((f) => (f.id === "f1" ? { ...f, lastAction: { ...f.lastAction, raise: 50 } } : f)),
    };
    expect(repeatWarning(cold, firm(cold), turnWordsFor(8))).toBe(
      "Not submitted yet. Last turn's plan raises money the market will not buy now: without a submission it repeats without a raise.",
    );
    const poorer = { ...cold, firms: cold.firms.map((f) => (f.id === "f1" ? { ...f, cash: 5, lastAction: { ...f.lastAction, train: 300 } } : f)) };
    expect(repeatWarning(poorer, firm(poorer), turnWordsFor(16))).toMatch(
      /^Not submitted yet\. Last quarter's plan no longer fits: without a submission it repeats, scaled down to \d+% of its spending, without a raise\.$/,
    );
    setLocale("zh-CN");
    expect(repeatWarning(cold, firm(cold), turnWordsFor(16))).toBe("尚未提交。市场目前不再认购上季度方案的融资：如不提交，将沿用该方案，但不融资。");
    expect(repeatWarning(poorer, firm(poorer), turnWordsFor(8))).toMatch(/^尚未提交。上回合的方案已超出预算：如不提交，将按其支出的 \d+% 沿用，且不融资。$/);
    setLocale("en");
  });
});

describe("a refused draft's words", () => {
  test('a negative amount asks for $0 or more (it read "$0M")', () => {
    setLocale("en");
    const text = draftProblem(
      { code: "NEGATIVE", field: "train", message: "" } as Parameters<typeof draftProblem>[0],
      () => "Train the model",
      { maxRaise: 10 },
      0,
      turnWordsFor(8),
    );
    expect(text).toBe("Train the model: enter an amount of $0 or more.");
  });
});
