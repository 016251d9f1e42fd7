import { describe, expect, test } from "vitest";
import { computeDebrief } from "../../shared/debrief/analytics.js";
import { fanBands, fanSummary, type SimulatedMarket, simulateMarket, simulationPlan, standing } from "../../shared/debrief/fan.js";
import type { DebriefInput, DebriefRow } from "../../shared/debrief/input.js";
import { debriefTurns, nameList, wordsFor } from "../../shared/debrief/text.js";
import { score } from "../../shared/engine/score.js";
import { playBots } from "../../shared/sim/play.js";
import { configOrThrow } from "../../shared/sim/run.js";

const EN = wordsFor("en");
const ZH = wordsFor("zh-CN");

function rows(valuation: number[], fundamentals: number[], profit: number[], delistedFrom?: number): DebriefRow[] {
  return valuation.map((v, q) => ({
    quarter: q,
    valuation: v,
    fundamentals: fundamentals[q] ?? 0,
    operatingProfit: profit[q] ?? 0,
    delisted: delistedFrom !== undefined && q >= delistedFrom,
  }));
}

/** Two firms over four quarters: a bubble that peaks in Q2 and corrects from Q3. */
function handMade(): DebriefInput {
  const bubble = [1.2, 2.0, 3.0, 1.5, 1.1];
  const sentiment = [1.0, 1.4, 1.8, 0.9, 0.8];
  const total = [2000, 3000, 5000, 2500, 2000];
  return {
    code: "HAND1",
    scenario: "ai-2025",
    quarters: 4,
    bots: ["pivot", "scaler"],
    mine: "f1",
    firms: [
      {
        id: "f1",
        name: "Northwind",
        bot: "pivot",
        human: true,
        history: rows([1000, 2000, 4000, 1500, 1000], [800, 900, 880, 1000, 880], [0, -100, -100, -50, 50]),
      },
      {
        id: "f2",
        name: "Southport",
        bot: "builder",
        human: false,
        history: rows([1000, 1000, 1000, 1050, 1100], [900, 900, 900, 1000, 1045], [0, 100, 150, 150, 200]),
      },
    ],
    market: bubble.map((b, q) => ({
      quarter: q,
      bubbleRatio: b,
      sentiment: sentiment[q] as number,
      totalValuation: total[q] as number,
      totalFundamentals: (total[q] as number) / b,
      correction: q >= 3,
      correctionStarted: q === 3,
    })),
    standings: [
      { rank: 1, firmId: "f2", name: "Southport", score: 660, valuation: 1100, valueCreated: 600, delisted: false },
      { rank: 2, firmId: "f1", name: "Northwind", score: 600, valuation: 1000, valueCreated: -200, delisted: false },
    ],
  };
}

describe("debrief analytics", () => {
  test("the narrative share of the most inflated firm at the market's peak and at the end, with its name", () => {
    const d = computeDebrief(handMade(), EN);
    expect(d.peakQuarter).toBe(2);
    expect(d.firms[0]?.narrativeShare[2]).toBeCloseTo(0.78, 10);
    expect(d.captions.valuation[0]).toBe(
      "At the market's peak (Q2), 78% of Northwind's valuation was narrative ($3,120M of $4,000M); by the end (Q4), 12% of Northwind's valuation was narrative.",
    );
    expect(d.captions.valuation[1]).toBe("At the end, Southport stood most on fundamentals: 95% of its $1,100M valuation.");
    // Σ narrative = 1 − 1/B: 1 − 1/3 at the peak, 1 − 1/1.1 at the end.
    expect(d.captions.valuation[2]).toBe("Across the market, narrative was 67% of all valuation at the peak and 9% at the end.");
  });

  test("a peak in the last quarter is said once, and the sentence names the firm it is about", () => {
    const input = handMade();
    // A bubble that never corrected: the market peaks in Q4, the last quarter.
    input.market = input.market.map((p) => ({ ...p, bubbleRatio: 1 + p.quarter, correction: false, correctionStarted: false }));
    const caption = computeDebrief(input, EN).captions.valuation[0] ?? "";
    expect(caption).toBe("In Q4, the market's peak and its last quarter, 12% of Northwind's valuation was narrative ($120M of $1,000M).");
    expect(caption.match(/Q4/g)).toHaveLength(1);
  });

  test("a four-quarter game's turns are years of the story: its captions say turns, T3 / 第 3 回合, not quarters", () => {
    const input = handMade();
    const turns = debriefTurns(input);
    expect(turns).toEqual({ quarterly: false, months: 12 });
    expect(computeDebrief(input, wordsFor("en", turns)).captions.market).toEqual([
      "The bubble ratio (total valuation ÷ total fundamentals) started at 1.20, peaked at 3.00 in T2 and ended at 1.10 in T4.",
      "A correction began in T3 and lasted 2 turns: sentiment fell 56% (1.80 → 0.80 in T4) and the firms' total valuation fell 60% ($5,000M → $2,000M).",
    ]);
    const zh = computeDebrief(input, wordsFor("zh-CN", turns)).captions.market[1] ?? "";
    expect(zh).toContain("第 3 回合开始回调，持续 2 个回合");
    expect(zh).not.toContain("季");
    expect(debriefTurns({ ...input, quarters: 16 })).toEqual({ quarterly: true, months: 3 });
  });

  test("the correction: when it began, how long, how deep in sentiment and in total valuation", () => {
    const d = computeDebrief(handMade(), EN);
    expect(d.corrections).toEqual([
      { start: 3, end: 4, sentimentBefore: 1.8, sentimentTrough: 0.8, troughQuarter: 4, valuationBefore: 5000, valuationTrough: 2000 },
    ]);
    expect(d.captions.market).toEqual([
      "The bubble ratio (total valuation ÷ total fundamentals) started at 1.20, peaked at 3.00 in Q2 and ended at 1.10 in Q4.",
      "A correction began in Q3 and lasted 2 quarters: sentiment fell 56% (1.80 → 0.80 in Q4) and the firms' total valuation fell 60% ($5,000M → $2,000M).",
    ]);
  });

  test("a market whose bubble ratio never rises above its start says so, naming its highest point once play began", () => {
    const input = handMade();
    input.market.forEach((p, q) => {
      p.bubbleRatio = [1.3, 1.2, 1.25, 1.1, 1.0][q] as number;
    });
    const d = computeDebrief(input, EN);
    expect(d.peakQuarter).toBe(2);
    expect(d.captions.market[0]).toBe(
      "The bubble ratio (total valuation ÷ total fundamentals) started at 1.30, never rose above it (its highest since was 1.25 in Q2) and ended at 1.00 in Q4.",
    );
  });

  test("a market with no correction says so", () => {
    const input = handMade();
    for (const p of input.market) {
      p.correction = false;
      p.correctionStarted = false;
    }
    expect(computeDebrief(input, EN).captions.market[1]).toBe("No correction began: sentiment peaked at 1.80 in Q2 and ended at 0.80.");
  });

  test("value created vs captured: who made the most profit, who was worth the most, delisted firms capture nothing", () => {
    const d = computeDebrief(handMade(), EN);
    expect(d.value.map((r) => [r.name, r.created, r.captured])).toEqual([
      ["Southport", 600, 1100],
      ["Northwind", -200, 1000],
    ]);
    expect(d.captions.value[0]).toBe(
      "Southport both created the most value ($600M of operating profit over the game) and captured the most (a final valuation of $1,100M).",
    );

    const input = handMade();
    const northwind = input.firms[0];
    if (!northwind) throw new Error("fixture");
    northwind.history = rows([1000, 2000, 4000, 1500, 0], [800, 900, 880, 1000, 0], [0, 300, 300, 300, 100], 4);
    input.standings = [
      { rank: 1, firmId: "f2", name: "Southport", score: 660, valuation: 1100, valueCreated: 600, delisted: false },
      { rank: 2, firmId: "f1", name: "Northwind", score: 0, valuation: 0, valueCreated: 1000, delisted: true },
    ];
    const after = computeDebrief(input, EN);
    expect(after.captions.value).toEqual([
      "Northwind created the most value: $1,000M of operating profit over the game, for a final valuation of $0.",
      "Southport captured the most: a final valuation of $1,100M, having created $600M.",
      "Delisted, so capturing nothing: Northwind (created $1,000M).",
      "All firms together created $1,600M of operating profit and ended valued at $1,100M: 0.7 dollars of valuation per dollar of profit.",
    ]);
    expect(after.captions.valuation[0]).toContain("; Northwind was delisted in Q4.");
    expect(after.firms[0]?.valuation).toEqual([1000, 2000, 4000, 1500, 0]);
  });

  test("the same input gives the same debrief", () => {
    expect(computeDebrief(handMade(), EN)).toEqual(computeDebrief(handMade(), EN));
  });
});

describe("fan bands of simulated markets", () => {
  test("per-quarter percentiles interpolate between order statistics", () => {
    const series = Array.from({ length: 11 }, (_, i) => [i + 1, 10 * (i + 1)]);
    const [q0, q1] = fanBands(series);
    expect(q0).toEqual({ quarter: 0, p10: 2, p25: 3.5, p50: 6, p75: 8.5, p90: 10 });
    expect(q1?.p50).toBe(60);
    expect(standing(3, [1.5, 2, 2.5, 3.5, 4])).toEqual({ below: 0.6, above: 0.4 });
  });

  test("the plan: same scenario, length and firms; people's seats get the room's bots cycled; seeds from the game's code", () => {
    const plan = simulationPlan(handMade(), 5);
    if (!plan.ok) throw new Error(plan.error.detail);
    expect(plan.value.config.quarters).toBe(4);
    expect(plan.value.lineup).toEqual([{ bot: "pivot" }, { bot: "builder" }]);
    expect(plan.value.standIns).toEqual([{ firmId: "f1", name: "Northwind", bot: "pivot" }]);
    expect(plan.value.seeds).toEqual(["debrief/HAND1-0", "debrief/HAND1-1", "debrief/HAND1-2", "debrief/HAND1-3", "debrief/HAND1-4"]);
    expect(simulationPlan({ ...handMade(), scenario: "moon" }, 5)).toMatchObject({
      ok: false,
      error: { code: "config", detail: expect.stringContaining('unknown scenario "moon"') },
    });
  });

  test("the plan plays the game's own economy: the room's override on the scenario, the game's length on top", () => {
    const economy = { quarters: 16, sectors: { media: { servingCost: 0.61 } }, financing: { appetite: 0.05 } };
    const plan = simulationPlan({ ...handMade(), economy }, 3);
    if (!plan.ok) throw new Error(plan.error.detail);
    expect(plan.value.config.sectors.media.servingCost).toBe(0.61);
    expect(plan.value.config.financing.appetite).toBe(0.05);
    expect(plan.value.config.quarters).toBe(4);
    const standard = simulationPlan(handMade(), 3);
    if (!standard.ok) throw new Error(standard.error.detail);
    expect(standard.value.config.sectors.media.servingCost).not.toBe(0.61);
    // The simulated markets differ from the scenario's own, seed for seed.
    expect(simulateMarket(plan.value, 0)).not.toEqual(simulateMarket(standard.value, 0));
    expect(simulationPlan({ ...handMade(), economy: { sectors: { media: { servingCost: -1 } } } }, 3)).toMatchObject({
      ok: false,
      error: { code: "config", detail: expect.stringContaining("sectors.media.servingCost") },
    });
  });

  test("a simulated market is deterministic in its plan and seed, and covers every quarter", () => {
    const plan = simulationPlan(handMade(), 2);
    if (!plan.ok) throw new Error(plan.error.detail);
    const a = simulateMarket(plan.value, 0);
    expect(simulateMarket(plan.value, 0)).toEqual(a);
    expect(a.bubbleRatio).toHaveLength(5);
    expect(simulateMarket(plan.value, 1)).not.toEqual(a);
  });

  test("captions place this market among the simulated ones, with the numbers", () => {
    const input = handMade();
    const plan = simulationPlan(input, 5);
    if (!plan.ok) throw new Error(plan.error.detail);
    const peaks = [1.5, 2, 2.5, 3.5, 4];
    const markets: SimulatedMarket[] = peaks.map((peak, i) => ({
      bubbleRatio: [1.2, peak, 1.3, 1.2, 1.1],
      sentiment: [1, 1, 1, 1, 1],
      totalValuation: [2000, 2500, 2600, 2700, 1000 * (i + 1)],
      correctionStart: i < 4 ? 3 : null,
    }));
    const fan = fanSummary(input, computeDebrief(input, EN), plan.value, markets, EN);
    expect(fan.count).toBe(5);
    expect(fan.captions).toEqual([
      'In 5 simulated markets (scenario "AI, 2025", 2 firms, 4 quarters, the same bots), the peak bubble ratio had a median of 2.50 (10–90%: 1.70–3.80); this market\'s peak of 3.00 was higher than 60% of them.',
      "A correction began in 80% of the simulated markets (median Q3); here one began in Q3.",
      "At Q4 the firms here were worth $2,000M in total, lower than 60% of the simulated markets (median $3,000M).",
      "Seats played by people here are played by bots in the simulations: Northwind by pivot.",
    ]);
    expect(fan.bubbleRatio[1]).toEqual({ quarter: 1, p10: 1.7, p25: 2, p50: 2.5, p75: 3.5, p90: 3.8 });
  });

  test("a real bot game's debrief reads its own figures", () => {
    const played = playBots(configOrThrow("ai-2025", { quarters: 8 }), "debrief-real", [{ bot: "scaler" }, { bot: "builder" }, { bot: "pivot" }]);
    const final = played.states.at(-1);
    if (!final) throw new Error("no game");
    const input: DebriefInput = {
      code: "REAL1",
      scenario: "ai-2025",
      quarters: 8,
      bots: ["scaler", "builder", "pivot"],
      firms: final.firms.map((f, i) => ({ id: f.id, name: f.name, bot: ["scaler", "builder", "pivot"][i] as string, human: false, history: f.history })),
      market: final.market.history,
      standings: score(final),
    };
    const d = computeDebrief(input, EN);
    expect(d.quarters).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const peak = Math.max(...final.market.history.map((m) => m.bubbleRatio));
    expect(d.captions.market[0]).toContain(`peaked at ${peak.toFixed(2)}`);
    const top = [...final.firms].sort((a, b) => b.valueCreated - a.valueCreated)[0];
    expect(d.captions.value.join(" ")).toContain(`${top?.name}`);
  });
});

describe("captions in both languages", () => {
  /** The hand-made game with its correction cut to `quarters` quarters long (from Q3). */
  function correctionOf(quarters: number): DebriefInput {
    const input = handMade();
    for (const p of input.market) p.correction = p.quarter >= 3 && p.quarter < 3 + quarters;
    return input;
  }

  test("English says 1 quarter and 2 quarters; Chinese says 个季度 for both", () => {
    expect(computeDebrief(correctionOf(1), EN).captions.market[1]).toMatch(/^A correction began in Q3 and lasted 1 quarter: /);
    expect(computeDebrief(correctionOf(2), EN).captions.market[1]).toMatch(/^A correction began in Q3 and lasted 2 quarters: /);
    expect(computeDebrief(correctionOf(1), ZH).captions.market[1]).toMatch(/^第 3 季开始回调，持续 1 个季度：/);
    expect(computeDebrief(correctionOf(2), ZH).captions.market[1]).toMatch(/^第 3 季开始回调，持续 2 个季度：/);
  });

  test("a correction of sentiment alone says the total valuation did not fall, not that it fell 0%", () => {
    const input = handMade();
    for (const p of input.market) if (p.quarter >= 3) p.totalValuation = 5200;
    expect(computeDebrief(input, EN).captions.market[1]).toBe(
      "A correction began in Q3 and lasted 2 quarters: sentiment fell 56% (1.80 → 0.80 in Q4), yet the firms' total valuation did not fall ($5,000M before, $5,200M at its lowest).",
    );
    expect(computeDebrief(input, ZH).captions.market[1]).toBe(
      "第 3 季开始回调，持续 2 个季度：市场情绪下跌 56%（从 1.80 跌至第 4 季的 0.80），但各公司总估值并未下跌（回调前 50亿美元，期间最低 52亿美元）。",
    );
  });

  test("one delisted firm 'was', two 'were'; their names are joined as a list in each language", () => {
    const input = handMade();
    const [north, south] = input.firms;
    if (!north || !south) throw new Error("fixture");
    north.history = rows([1000, 2000, 4000, 1500, 0], [800, 900, 880, 1000, 0], [0, 300, 300, 300, 100], 4);
    expect(computeDebrief(input, EN).captions.valuation.at(-1)).toBe("Northwind (Q4) was delisted: cash ran out and no one would fund it.");
    expect(computeDebrief(input, ZH).captions.valuation.at(-1)).toBe("Northwind（第 4 季）退市：现金耗尽，且无人愿意再为其融资。");
    south.history = rows([1000, 1000, 500, 0, 0], [900, 900, 400, 0, 0], [0, 100, 150, 150, 200], 3);
    expect(computeDebrief(input, EN).captions.valuation.at(-1)).toBe(
      "Northwind (Q4) and Southport (Q3) were delisted: cash ran out and no one would fund them.",
    );
    expect(computeDebrief(input, ZH).captions.valuation.at(-1)).toBe("Northwind（第 4 季）和 Southport（第 3 季）退市：现金耗尽，且无人愿意再为其融资。");
  });

  test("Chinese captions use the glossary's words, 第N季 quarters and money in 亿美元, with no English left", () => {
    const d = computeDebrief(handMade(), ZH);
    expect(d.captions.valuation[0]).toBe(
      "在市场峰值（第 2 季），Northwind 的估值中有 78% 来自叙事（40亿美元中的 31.2亿美元）；到期末（第 4 季），叙事占 Northwind 估值的 12%。",
    );
    expect(d.captions.market).toEqual([
      "泡沫比率（总估值 ÷ 总基本面）起始为 1.20，在第 2 季达到峰值 3.00，第 4 季收于 1.10。",
      "第 3 季开始回调，持续 2 个季度：市场情绪下跌 56%（从 1.80 跌至第 4 季的 0.80），各公司总估值下跌 60%（从 50亿美元跌至 20亿美元）。",
    ]);
    expect(d.captions.value[0]).toBe("Southport 既创造了最多的价值（整局经营利润 6亿美元），也获取了最多的价值（最终估值 11亿美元）。");
    const all = [...d.captions.valuation, ...d.captions.market, ...d.captions.value].join(" ");
    for (const term of ["估值", "基本面", "叙事", "泡沫比率", "市场情绪", "回调"]) expect(all).toContain(term);
    // No English words but the firms' own names.
    expect(all.replaceAll(/Northwind|Southport/g, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  test("in a game whose turns are not quarters, the simulated markets' setup counts turns (an 8-turn game's debrief said '8 quarters')", () => {
    const input = handMade();
    const plan = simulationPlan(input, 2);
    if (!plan.ok) throw new Error(plan.error.detail);
    const markets: SimulatedMarket[] = [2, 3].map((peak) => ({
      bubbleRatio: [1.2, peak, 1.3, 1.2, 1.1],
      sentiment: [1, 1, 1, 1, 1],
      totalValuation: [2000, 2500, 2600, 2700, 2000],
      correctionStart: 3,
    }));
    const turns = debriefTurns(input);
    const en = wordsFor("en", turns);
    expect(fanSummary(input, computeDebrief(input, en), plan.value, markets, en).captions[0]).toMatch(
      /^In 2 simulated markets \(scenario "AI, 2025", 2 firms, 4 turns, the same bots\)/,
    );
    const zh = wordsFor("zh-CN", turns);
    expect(fanSummary(input, computeDebrief(input, zh), plan.value, markets, zh).captions[0]).toContain("2 家公司，4 个回合，机器人玩家相同");
  });

  test("the simulated markets' captions in Chinese name the scenario and the stand-in bot in Chinese", () => {
    const input = handMade();
    const plan = simulationPlan(input, 5);
    if (!plan.ok) throw new Error(plan.error.detail);
    const markets: SimulatedMarket[] = [1.5, 2, 2.5, 3.5, 4].map((peak, i) => ({
      bubbleRatio: [1.2, peak, 1.3, 1.2, 1.1],
      sentiment: [1, 1, 1, 1, 1],
      totalValuation: [2000, 2500, 2600, 2700, 1000 * (i + 1)],
      correctionStart: i < 4 ? 3 : null,
    }));
    expect(fanSummary(input, computeDebrief(input, ZH), plan.value, markets, ZH).captions).toEqual([
      "在 5 个模拟市场中（情景“AI，2025 年”，2 家公司，4 个季度，机器人玩家相同），泡沫比率峰值的中位数为 2.50（10%–90% 区间：1.70–3.80）；本市场的峰值 3.00 高于其中 60% 的市场。",
      "80% 的模拟市场发生了回调（开始时间的中位数为第 3 季）；本市场于第 3 季开始回调。",
      "第 4 季时，本市场各公司的总估值为 20亿美元，低于 60% 的模拟市场（中位数 30亿美元）。",
      "本局由真人操作的席位，在模拟中由机器人玩家代替：Northwind 由“转型派”代替。",
    ]);
    // One simulated market, one firm: the singular in English.
    const one = simulationPlan({ ...input, firms: input.firms.slice(0, 1) }, 1);
    if (!one.ok) throw new Error(one.error.detail);
    const single = fanSummary({ ...input, firms: input.firms.slice(0, 1), quarters: 1 }, computeDebrief(input, EN), one.value, markets.slice(0, 1), EN);
    expect(single.captions[0]).toMatch(/^In 1 simulated market \(scenario "AI, 2025", 1 firm, 1 quarter, the same bots\)/);
  });

  test("a list longer than its limit ends in 'and N more' / '和另外 N 家'", () => {
    const names = ["A", "B", "C", "D", "E"];
    expect(nameList(EN, names)).toBe("A, B, C and 2 more");
    expect(nameList(ZH, names)).toBe("A、B、C 和另外 2 家");
    expect(nameList(EN, ["A", "B"])).toBe("A and B");
  });
});
