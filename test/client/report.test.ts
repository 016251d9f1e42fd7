import { describe, expect, test } from "vitest";
import { setLocale } from "../../client/i18n.js";
import { quarterCard, quarterCards } from "../../client/report/model.js";
import {
  costMoney,
  endedEarlyLine,
  headlineAmounts,
  movedAsShown,
  movePart,
  runwayWords,
  signedMoney,
  valuationHeadline,
  warningLines,
} from "../../client/report/words.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import type { GameState } from "../../shared/engine/types.js";
import { viewFor } from "../../shared/engine/view.js";
import { amountTo, money, moneyStep, moneyTo } from "../../shared/i18n/format.js";
import { DEFAULT_CONFIG } from "../../shared/index.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { playBots } from "../../shared/sim/play.js";
import { turnWordsFor } from "../../shared/words/turns.js";

const game = playBots(DEFAULT_CONFIG, "report-test", [{ bot: "scaler" }, { bot: "builder" }, { bot: "pivot" }, { bot: "balanced" }]);

/** The private message the server sends a firm's players after the quarter that led to `state`. */
function privateMessage(state: GameState, firmId: string): PrivateView {
  const view = viewFor(state, { kind: "firm", firmId });
  return {
    quarter: state.quarter,
    firm: { ...view.self, history: view.self.history.slice(-9) },
    limits: view.limits,
    market: { ...view.market, history: view.market.history.slice(-9) },
    pending: null,
    submittedBy: null,
  };
}

describe("the personal report", () => {
  test("shows the quarter's own figures as the engine reported them, and why the valuation moved", () => {
    const state = game.states[5] as GameState;
    const firm = state.firms[1];
    if (!firm) throw new Error("no firm");
    const card = quarterCard(privateMessage(state, firm.id));
    const report = firm.history[5];
    const before = firm.history[4];
    if (!card || !report || !before) throw new Error("no card");
    expect(card.quarter).toBe(5);
    expect(card.revenue).toBe(report.revenue);
    expect(card.sectors.reduce((s, l) => s + l.revenue, 0)).toBeCloseTo(report.revenue, 6);
    expect(card.cash).toBe(report.cash);
    expect(card.openBaseline).toBe(state.market.history[5]?.openBaseline);
    expect(card.valuation.before).toBe(before.valuation);
    expect(card.valuation.after).toBe(report.valuation);
    expect(card.valuation.fundamentals + card.valuation.narrative + card.valuation.sentiment).toBeCloseTo(report.valuation - before.valuation, 6);
    expect(card.burn).toBeCloseTo(report.servingCost + report.opex - report.rampCost - report.licenceFees + report.fines - report.revenue, 9);
    expect(card.sectors.map((s) => s.id)).toContain("api");
  });

  test("names the cost of growing fast: the growth overhead inside operating costs, and integration slowed by span of control", () => {
    const start = createGame(DEFAULT_CONFIG, "report-growth", [
      { id: "f1", name: "Northwind" },
      { id: "f2", name: "Helios" },
    ]);
    const apps = { support: 50, industrial: 50, finance: 50, media: 50 };
    const plan = {
      train: 400,
      apps,
      efficiency: 200,
      compliance: 0,
      marketing: 0,
      raise: 0,
      distill: false,
      openWeights: false,
      hardware: "flexible" as const,
    };
    const { state } = resolveQuarter(start, { f1: plan }, []);
    const card = quarterCard(privateMessage(state, "f1"));
    // $800M in a first quarter: the overhead saturates at a third of the $300M above the free $500M (engine 2.11.0), counted in opex.
    expect(card?.rampCost).toBeCloseTo(99, 9);
    expect(card?.opex).toBeGreaterThan(99);
    expect(card).toMatchObject({ spanSectors: 4, spanFactor: 0.25 });
    const calm = quarterCard(privateMessage(resolveQuarter(start, { f1: { ...plan, train: 0, efficiency: 0 } }, []).state, "f1"));
    expect(calm).toMatchObject({ rampCost: 0, spanSectors: 0, spanFactor: 1 });
  });

  test("no report before the first quarter; after a rejoin, the quarters the message still holds", () => {
    expect(quarterCard(privateMessage(game.states[0] as GameState, "scaler-1"))).toBeNull();
    const cards = quarterCards(privateMessage(game.states[12] as GameState, "scaler-1"));
    expect(cards.map((c) => c.quarter)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test("warns when the cash runs out within two turns at the running burn", () => {
    const state = structuredClone(game.states[3] as GameState);
    const firm = state.firms[0];
    const last = firm?.history.at(-1);
    if (!firm || !last) throw new Error("no firm");
    Object.assign(last, { revenue: 100, servingCost: 50, opex: 400, rampCost: 0, licenceFees: 0, fines: 0, cash: 300 });
    const card = quarterCard(privateMessage(state, firm.id));
    expect(card?.runway).toBeCloseTo(300 / 350, 9);
    expect(card?.warnings).toContain("runway");
  });

  test("the runway's figure is short, what it assumes goes on its own line (the sentence in the figures' column wrapped to five lines at 1920×1080 in Chinese)", () => {
    const burning = { runway: 4.9, burn: 32 };
    setLocale("en");
    expect(runwayWords(burning, turnWordsFor(16))).toEqual({
      value: "4.9 quarters",
      why: "At this quarter's running costs: $32.0M a quarter more than revenue; investment not counted.",
    });
    expect(runwayWords(burning, turnWordsFor(8)).value).toBe("4.9 turns");
    expect(runwayWords(burning, turnWordsFor(8)).why).toContain("a turn of 6 months");
    expect(runwayWords({ runway: Number.POSITIVE_INFINITY, burn: 0 }, turnWordsFor(8))).toEqual({ value: "revenue pays the running costs", why: null });
    setLocale("zh-CN");
    expect(runwayWords(burning, turnWordsFor(8))).toEqual({
      value: "4.9 个回合",
      why: "按本回合的运营成本计算：每回合（6 个月）比收入多支出 3200万美元；不计投入。",
    });
    setLocale("en");
  });

  test("after a first turn that put most of the war chest to work, a firm whose revenue pays its running costs gets no runway warning", () => {
    const start = createGame(DEFAULT_CONFIG, "report-runway", [
      { id: "f1", name: "Northwind" },
      { id: "f2", name: "Helios" },
    ]);
    const { state } = resolveQuarter(start, {}, []);
    const firm = state.firms[0];
    const last = firm?.history.at(-1);
    if (!firm || !last) throw new Error("no firm");
    // $900M spent of $1,000M; the turn's sales pay its running costs.
    Object.assign(last, { spent: 900, revenue: 500, servingCost: 140, opex: 320, rampCost: 0, licenceFees: 0, fines: 0, cash: 140 });
    const card = quarterCard(privateMessage(state, firm.id));
    expect(card?.runway).toBe(Number.POSITIVE_INFINITY);
    expect(card?.warnings).toEqual([]);
  });

  test("shows each market's product fit the firm drew when it first shipped there, and none for the API or unlaunched sectors", () => {
    const state = game.states[8] as GameState;
    const firm = state.firms.find((f) => f.productFit.some((x) => x > 0));
    if (!firm) throw new Error("no firm has launched a product by quarter 8");
    const card = quarterCard(privateMessage(state, firm.id));
    if (!card) throw new Error("no card");
    for (const line of card.sectors) {
      if (line.id === "api") expect(line.fit).toBeNull();
      else {
        const drawn = firm.productFit[card.sectors.indexOf(line)] ?? 0;
        expect(line.fit).toBe(drawn > 0 ? drawn : null);
      }
    }
    expect(card.sectors.some((l) => l.fit !== null && l.fit !== 1)).toBe(true);
  });
});

describe("why your valuation moved, in one line", () => {
  test("before, after and the change are written to the $M so that they add up (seen on a phone: $1.5B → $2.8B (+$1.4B)), and as the final standings write a valuation", () => {
    setLocale("en");
    const move = { before: 1475.4, after: 2837.3, fundamentals: 134.2, narrative: 865.9, sentiment: 361.8 };
    expect(valuationHeadline(move)).toBe("$1,475M → $2,837M (+$1,362M)");
    expect(valuationHeadline({ ...move, before: 7900, after: 6932 })).toBe("$7,900M → $6,932M (−$968M)");
    expect(signedMoney(-2500.4)).toBe("−$2,500M");
    // A firm that served no one and invested nothing: its costs read $0, not −$0 (seen on a class market's forced turn).
    expect(costMoney(0)).toBe("$0");
    expect(costMoney(0.02)).toBe("$0");
    expect(costMoney(109.3)).toBe("−$109M");
    expect(signedMoney(0)).toBe("$0");
    setLocale("zh-CN");
    expect(valuationHeadline(move)).toBe("14.8亿美元 → 28.4亿美元（+13.6亿美元）");
    setLocale("en");
  });
  test("fundamentals, narrative and sentiment add up to the written change: 7.1亿 + 8.9亿 + 3.7亿 = 19.7亿 (each rounded on its own they read 7.2 + 8.9 + 3.7 = 19.8 beside +19.7, seen on a phone)", () => {
    const move = { before: 1466, after: 3435, fundamentals: 716, narrative: 886, sentiment: 367 };
    setLocale("zh-CN");
    const shown = movedAsShown(move);
    const lines = (m: ReturnType<typeof movedAsShown>) => [m.fundamentals, m.narrative, m.sentiment].map((p) => movePart(p, m.step));
    expect(valuationHeadline(move)).toBe("14.7亿美元 → 34.4亿美元（+19.7亿美元）");
    expect(lines(shown)).toEqual(["+7.1亿美元", "+8.9亿美元", "+3.7亿美元"]);
    // In English the same move is written to the $M: nothing to give way.
    setLocale("en");
    expect(lines(movedAsShown(move))).toEqual(["+$716M", "+$886M", "+$367M"]);
    // Over many moves, in both languages, the parts are written to the headline's step and add up to its change exactly, each still near its own value.
    for (const lang of ["en", "zh-CN"] as const) {
      setLocale(lang);
      for (let i = 1; i < 400; i++) {
        const before = 37 + ((i * 7919) % 9000);
        const fundamentals = ((i * 104729) % 3000) - 1000;
        const narrative = ((i * 1299709) % 4000) - 1500;
        const sentiment = ((i * 15485863) % 900) - 450 + i / 7;
        const m = { before, after: before + fundamentals + narrative + sentiment, fundamentals, narrative, sentiment };
        const written = movedAsShown(m);
        const { change, step } = headlineAmounts(m);
        expect(written.step).toBe(step);
        const sum = written.fundamentals + written.narrative + written.sentiment;
        expect(Math.abs(sum - change), `${lang} ${JSON.stringify(m)}`).toBeLessThan(1e-6);
        // Each part a multiple of the step, no further from its exact value than the headline's own rounding and two steps.
        for (const key of ["fundamentals", "narrative", "sentiment"] as const) {
          expect(amountTo(written[key], step)).toBe(written[key]);
          expect(Math.abs(written[key] - m[key]), `${lang} ${key} ${JSON.stringify(m)}`).toBeLessThanOrEqual(2 * step + 1e-9);
        }
      }
    }
    setLocale("en");
  });
  test("each part is written to the headline's step, never finer: '+$88M' beside '+$2,054M', not '+$88.3M' (seen on a report card)", () => {
    setLocale("en");
    const move = { before: 1000.2, after: 3054.3, fundamentals: 88.3, narrative: 1899.6, sentiment: 66.2 };
    const shown = movedAsShown(move);
    expect(valuationHeadline(move)).toBe("$1,000M → $3,054M (+$2,054M)");
    expect([shown.fundamentals, shown.narrative, shown.sentiment].map((p) => movePart(p, shown.step))).toEqual(["+$88M", "+$1,900M", "+$66M"]);
    // Below $100M all round the headline is to the $0.1M, and so is every part, even one written past $100M.
    const small = movedAsShown({ before: 60, after: 72.4, fundamentals: 140.04, narrative: -130, sentiment: 2.36 });
    expect([small.fundamentals, small.narrative, small.sentiment].map((p) => movePart(p, small.step))).toEqual(["+$140.0M", "−$130.0M", "+$2.4M"]);
    setLocale("zh-CN");
    const zh = movedAsShown(move);
    expect(valuationHeadline(move)).toBe("10亿美元 → 30.5亿美元（+20.5亿美元）");
    expect([zh.fundamentals, zh.narrative, zh.sentiment].map((p) => movePart(p, zh.step))).toEqual(["+9000万美元", "+19亿美元", "+6000万美元"]);
    setLocale("en");
  });
});

describe("the headline's pair and its change, one precision rule per figure", () => {
  test("from $X to $Y (+$Z) adds up as read, each of the pair written as the leaderboard writes it (it read $1,024M → $928M (−$96.2M), then $95M → $120M beside a leaderboard's $95.3M)", () => {
    setLocale("en");
    expect(valuationHeadline({ before: 1024.4, after: 928.3, fundamentals: -81.1, narrative: 7.6, sentiment: -22.7 })).toBe("$1,024M → $928M (−$96M)");
    // Across the $100M edge: $95.3M as the leaderboard says it, $120M, and the change their difference (95.3 + 24.7 is 120).
    expect(valuationHeadline({ before: 95.3, after: 119.8, fundamentals: 20, narrative: 4.5, sentiment: 0 })).toBe("$95.3M → $120M (+$24.7M)");
    expect(valuationHeadline({ before: 119.8, after: 95.3, fundamentals: -20, narrative: -4.5, sentiment: 0 })).toBe("$120M → $95.3M (−$24.7M)");
    // Below $100M the pair and the change keep the $0.1M.
    expect(valuationHeadline({ before: 45.3, after: 41.2, fundamentals: -4.1, narrative: 0, sentiment: 0 })).toBe("$45.3M → $41.2M (−$4.1M)");
    setLocale("zh-CN");
    // 9530万 as the leaderboard writes it (it read 1亿美元 → 1.2亿美元（+2000万美元）).
    expect(valuationHeadline({ before: 95.3, after: 119.8, fundamentals: 20, narrative: 4.5, sentiment: 0 })).toBe("9530万美元 → 1.2亿美元（+2470万美元）");
    setLocale("en");
  });
  test("over many pairs in both languages, each of the pair is what money() writes, and before + change = after as written", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      setLocale(lang);
      for (let i = 1; i < 2000; i++) {
        const before = 10 ** (((i * 7919) % 6000) / 1000);
        const after = Math.max(0, before * (0.2 + ((i * 104729) % 3000) / 1000));
        const a = headlineAmounts({ before, after, fundamentals: 0, narrative: 0, sentiment: 0 });
        // The pair as every other screen writes a valuation.
        expect(moneyTo(lang, a.before, moneyStep(lang, a.before)), `${lang} ${before}`).toBe(money(lang, before));
        expect(moneyTo(lang, a.after, moneyStep(lang, a.after)), `${lang} ${after}`).toBe(money(lang, after));
        // The change is their difference; exactly so unless its own size writes it coarser than the finer of the pair.
        const finer = Math.min(moneyStep(lang, a.before), moneyStep(lang, a.after));
        const gap = Math.abs(a.before + a.change - a.after);
        if (a.step === finer) expect(gap, `${lang} ${before} → ${after}`).toBeLessThan(1e-6);
        else expect(gap, `${lang} ${before} → ${after}`).toBeLessThanOrEqual(a.step / 2 + 1e-9);
      }
    }
    setLocale("en");
  });
});

describe("the report's warnings", () => {
  test("an incident without a fine says what it cost, customers and trust (it said 'An incident cost you $0 in fines.')", () => {
    const state = game.states[5] as GameState;
    const card = quarterCard(privateMessage(state, state.firms[0]?.id ?? ""));
    if (!card) throw new Error("no card");
    setLocale("en");
    const calm = { ...card, delisted: false, warnings: [], emergencyRaised: 0, spanFactor: 1 };
    expect(warningLines({ ...calm, incidents: 1, fines: 0 }, turnWordsFor(8))).toEqual(["An incident: customers left and the sector's trust fell (no fine)."]);
    expect(warningLines({ ...calm, incidents: 1, fines: 0.02 }, turnWordsFor(8))).toEqual([
      "An incident: customers left and the sector's trust fell (no fine).",
    ]);
    expect(warningLines({ ...calm, incidents: 2, fines: 12.3 }, turnWordsFor(8))).toEqual(["2 incidents cost you $12.3M in fines."]);
    setLocale("zh-CN");
    expect(warningLines({ ...calm, incidents: 1, fines: 0 }, turnWordsFor(8))).toEqual(["发生 1 起事故：客户流失，行业信任下降（未被罚款）。"]);
    setLocale("en");
  });

  test("the game's last turn gives no advice for a turn that will not come (the final screen said to raise while the market still buys)", () => {
    const state = game.states[5] as GameState;
    const card = quarterCard(privateMessage(state, state.firms[0]?.id ?? ""));
    if (!card) throw new Error("no card");
    const short = { ...card, delisted: false, warnings: ["runway", "delisting"] as typeof card.warnings, emergencyRaised: 0, incidents: 0, spanFactor: 1 };
    for (const locale of ["en", "zh-CN"] as const) {
      setLocale(locale);
      expect(warningLines(short, turnWordsFor(8), card.quarter + 1)).toHaveLength(2);
      expect(warningLines(short, turnWordsFor(8))).toHaveLength(2);
      expect(warningLines(short, turnWordsFor(8), card.quarter)).toEqual([]);
    }
    setLocale("en");
  });
});

describe("the final screen", () => {
  test("a game the facilitator ended before its last turn says so, in both languages (the student's standings said nothing of it)", () => {
    setLocale("en");
    expect(endedEarlyLine(2, 4, turnWordsFor(4))).toBe("The game was ended early, after turn 2 of 4.");
    expect(endedEarlyLine(4, 4, turnWordsFor(4))).toBeNull();
    expect(endedEarlyLine(5, 16, turnWordsFor(16))).toBe("The game was ended early, after quarter 5 of 16.");
    setLocale("zh-CN");
    expect(endedEarlyLine(2, 4, turnWordsFor(4))).toBe("本局提前结束：共 4 回合，在第 2 回合后结束。");
    setLocale("en");
  });
});
