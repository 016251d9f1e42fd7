import { describe, expect, it } from "vitest";
import { fundamentalValue, narrativeValue, trendGrowth, valuationOf } from "../../shared/engine/rules/valuation.js";
import { correctionHazard, createGame, type FirmState, type GameState, type MarketState, resolveQuarter, score } from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

const config = configFor("ai-2025", {
  events: { probability: 0 },
  start: { rate: 0.04, disclosure: false },
  valuation: {
    multiple: 10,
    referenceRate: 0.04,
    riskPremium: 0.05,
    growthPremium: 0.5,
    capabilityWeight: 10,
    creditWeight: 1,
    disclosureNarrative: 0.5,
    disclosureMultiple: 1.25,
  },
  correction: { hazardMax: 0.5, hazardMidpoint: 2.8, hazardWidth: 0.3 },
});
const game = createGame(config, 1, seats(3));

function market(patch: Partial<MarketState> = {}): MarketState {
  return { ...structuredClone(game.market), ...patch };
}

// Revenue growing 20% a turn for three turns: 83.3 → 100 → 120.
const profitable = {
  book: 0,
  operatingProfit: 30,
  previousOperatingProfit: 20,
  revenue: 120,
  previousRevenue: 100,
  earlierRevenue: 100 / 1.2,
  earliestRevenue: 0,
  tau: 1,
  oneOffCosts: 0,
};

describe("fundamentalValue", () => {
  it("with a profit: cash + multiple × (rRef/rate) × annualised profit × (1 + premium × growth)", () => {
    // annual = 2 × (30 + 20) = 100 (mean of two quarters × 4); growth 20% a quarter, sustained
    // F = 500 + 10 × (0.04/0.04) × 100 × (1 + 0.5 × 0.2) = 500 + 1000 × 1.1 = 1600
    expect(fundamentalValue(config, market(), 500, profitable)).toBeCloseTo(1600, 9);
  });

  it("scales the multiple by (referenceRate + riskPremium) / (rate + riskPremium): bounded at any rate", () => {
    // rate 8%: multiple 10 × 0.09/0.13 = 6.923 → 500 + 6.923 × 100 × 1.1 = 1261.54
    expect(fundamentalValue(config, market({ rate: 0.08 }), 500, profitable)).toBeCloseTo(500 + ((10 * 0.09) / 0.13) * 110, 9);
    // rate 2%: multiple 12.857 → 500 + 12.857 × 100 × 1.1 = 1914.29
    expect(fundamentalValue(config, market({ rate: 0.02 }), 500, profitable)).toBeCloseTo(500 + ((10 * 0.09) / 0.07) * 110, 9);
    // the lowest rate the schema allows (0.1%) gives at most 0.09/0.051 = 1.76× the reference multiple
    expect(fundamentalValue(config, market({ rate: 0.001 }), 500, profitable)).toBeCloseTo(500 + ((10 * 0.09) / 0.051) * 110, 9);
  });

  it("caps the growth premium at doubling and ignores shrinking revenue", () => {
    // revenue tripling a turn, 100 → 300 → 900: growth 2, capped at 1 → 500 + 1000 × 1.5 = 2000
    expect(fundamentalValue(config, market(), 500, { ...profitable, revenue: 900, previousRevenue: 300, earlierRevenue: 100 })).toBeCloseTo(2000, 9);
    expect(trendGrowth(400, 100, 0, 1)).toBe(1);
    // revenue 100 → 60: growth clamped to 0 → 500 + 1000 = 1500
    expect(fundamentalValue(config, market(), 500, { ...profitable, revenue: 60 })).toBeCloseTo(1500, 9);
    // no meaningful previous revenue (≤ 1): no trend to the last turn, no premium
    expect(fundamentalValue(config, market(), 500, { ...profitable, previousRevenue: 0.5 })).toBeCloseTo(1500, 9);
  });

  it("prices growth once it is sustained: one turn's jump (an adoption wave) earns no premium until the next turn confirms it", () => {
    // Revenue 100 → 100 → 100 → 200: the trend through this turn is (200/100)^(1/2) − 1 = 41.4% a quarter, the trend to
    // the last turn 0: the slower counts → 500 + 1000 = 1500 (the rule before priced the jump at once: 1707).
    const jump = { ...profitable, revenue: 200, previousRevenue: 100, earlierRevenue: 100, earliestRevenue: 100 };
    expect(fundamentalValue(config, market(), 500, jump)).toBeCloseTo(1500, 9);
    // The next turn holds it (100 → 100 → 200 → 200): both trends are 41.4% a quarter → 500 + 1000 × (1 + 0.5 × 0.414) = 1707.
    const held = { ...profitable, revenue: 200, previousRevenue: 200, earlierRevenue: 100, earliestRevenue: 100 };
    expect(fundamentalValue(config, market(), 500, held)).toBeCloseTo(500 + 1000 * (1 + 0.5 * (Math.SQRT2 - 1)), 9);
    // Steady growth of 20% a turn is priced as 20%: 83.3 → 100 → 120 → 144.
    const steady = { ...profitable, revenue: 144, previousRevenue: 120, earlierRevenue: 100, earliestRevenue: 100 / 1.2 };
    expect(fundamentalValue(config, market(), 500, steady)).toBeCloseTo(1600, 9);
    // A slowdown counts at once: 83.3 → 100 → 120 → 120 is (120/100)^(1/2) − 1 = 9.5% a quarter through this turn.
    const slowed = { ...steady, revenue: 120 };
    expect(fundamentalValue(config, market(), 500, slowed)).toBeCloseTo(500 + 1000 * (1 + 0.5 * (Math.sqrt(1.2) - 1)), 9);
    // Two turns of a turn spanning two quarters: (R / R₋₂)^(1/4) − 1 a quarter, the same trend to the last turn (160 → 240).
    const twoQuarterTurns = {
      ...profitable,
      operatingProfit: 60,
      previousOperatingProfit: 40,
      revenue: 300,
      previousRevenue: 240,
      earlierRevenue: 200,
      earliestRevenue: 160,
      tau: 2,
    };
    expect(fundamentalValue(config, market(), 500, twoQuarterTurns)).toBeCloseTo(500 + 1000 * (1 + 0.5 * (1.5 ** 0.25 - 1)), 9);
  });

  it("with a loss counts one year of burn, floored at 0, with no multiple", () => {
    const loss = {
      book: 0,
      operatingProfit: -30,
      previousOperatingProfit: -20,
      revenue: 50,
      previousRevenue: 40,
      earlierRevenue: 0,
      earliestRevenue: 0,
      tau: 1,
      oneOffCosts: 0,
    };
    // annual = 2 × (−30 − 20) = −100 → F = 500 − 100 = 400 (rate and disclosure do not matter)
    expect(fundamentalValue(config, market(), 500, loss)).toBeCloseTo(400, 9);
    expect(fundamentalValue(config, market({ rate: 0.01, disclosure: true }), 500, loss)).toBeCloseTo(400, 9);
    // cash 50: 50 − 100 = −50 → 0
    expect(fundamentalValue(config, market(), 50, loss)).toBe(0);
    // one good and one bad quarter: 2 × (−30 + 20) = −20 → 480
    expect(fundamentalValue(config, market(), 500, { ...loss, previousOperatingProfit: 20 })).toBeCloseTo(480, 9);
  });

  it("counts the book value of integration work like cash", () => {
    // 300 cash + 200 book = 500 of assets → same 1600 as above
    expect(fundamentalValue(config, market(), 300, { ...profitable, book: 200 })).toBeCloseTo(1600, 9);
  });

  it("under disclosure multiplies the multiple by disclosureMultiple", () => {
    // 500 + 10 × 1.25 × 100 × 1.1 = 500 + 1375 = 1875
    expect(fundamentalValue(config, market({ disclosure: true }), 500, profitable)).toBeCloseTo(1875, 9);
  });

  it("prices a quarter's flows whatever a turn spans: two quarters' profit in a turn of two, and growth per quarter", () => {
    // A turn of 2 quarters reports twice the flows: the same 100 a year → 500 + 1000 × (1 + 0.5 × growth).
    // Revenue 166.7 → 200 → 240, 20% a turn of two quarters, is (1.2)^(1/2) − 1 = 9.54% a quarter.
    const twoQuarters = {
      book: 0,
      operatingProfit: 60,
      previousOperatingProfit: 40,
      revenue: 240,
      previousRevenue: 200,
      earlierRevenue: 200 / 1.2,
      earliestRevenue: 0,
      tau: 2,
      oneOffCosts: 0,
    };
    expect(fundamentalValue(config, market(), 500, twoQuarters)).toBeCloseTo(500 + 1000 * (1 + 0.5 * (Math.sqrt(1.2) - 1)), 9);
    // A loss over a turn of two thirds of a quarter still counts one year of burn: 2 × (−20 − 10) ÷ (2/3) = −90.
    expect(fundamentalValue(config, market(), 500, { ...twoQuarters, operatingProfit: -20, previousOperatingProfit: -10, tau: 2 / 3 })).toBeCloseTo(410, 9);
  });

  it("takes one-off charges (the ramp cost) out of the run-rate it annualises (engine 2.12.0); rampRecurring 1 counts them as recurring", () => {
    // Operating profit 30 + 20 after a one-off of 40 inside it: the run-rate is 90 a half-year → annual 180.
    const burst = { ...profitable, oneOffCosts: 40 };
    expect(fundamentalValue(config, market(), 500, burst)).toBeCloseTo(500 + 10 * 180 * 1.1, 9);
    const recurring = configFor("ai-2025", { valuation: { ...config.valuation, rampRecurring: 1 } });
    expect(fundamentalValue(recurring, market(), 500, burst)).toBeCloseTo(1600, 9);
    // A loss made only by the one-off is no year of burn: −30 − 20 + 60 = +10 a half-year.
    const lossFromBurst = { ...profitable, operatingProfit: -30, previousOperatingProfit: -20, oneOffCosts: 60 };
    expect(fundamentalValue(config, market(), 500, lossFromBurst)).toBeCloseTo(500 + 10 * 20 * 1.1, 9);
  });
});

describe("fundamentals in play: a burst of growth costs its overhead once (engine 2.12.0)", () => {
  /** Firm 0 spends $900M on training and efficiency in turn 1 of a 24-quarter game (a turn of 2/3 of a quarter); the others idle. */
  function burst(override: object) {
    // Runs ship at once (engine 2.12.0's economy): the overhead's effect is read in the run's own turn.
    const cfg = configFor("ai-2025", { quarters: 24, events: { probability: 0 }, capability: { lagQuarters: 0 }, ...override });
    const state = createGame(cfg, "burst", seats(3));
    const next = resolveQuarter(state, { f1: act({ train: 600, efficiency: 300 }), f2: act({}), f3: act({}) }).state;
    return firm(next, 0).history[1] as FirmState["history"][number];
  }

  it("lowers fundamentals by the overhead's cash, not by a year of it annualised", () => {
    const on = burst({});
    const free = burst({ opex: { rampCost: 0 } });
    const recurring = burst({ valuation: { rampRecurring: 1 } });
    expect(on.rampCost).toBeGreaterThan(100);
    // Everything else is the same game: the firm is poorer by the overhead, once.
    expect(free.fundamentals - on.fundamentals).toBeCloseTo(on.rampCost, 6);
    // 2.11.0 annualised it as if it recurred every quarter, 2 × overhead ÷ tau (3× at 24 quarters), at the profit
    // multiple (10 at the start's rate; the firm's first turn is profitable, with no revenue growth to price):
    // a $195M overhead took $5.8B off fundamentals.
    expect(on.operatingProfit + on.rampCost).toBeGreaterThan(0);
    expect(on.fundamentals - recurring.fundamentals).toBeCloseTo((10 * 2 * on.rampCost) / (2 / 3), 6);
  });
});

describe("narrativeValue and valuation", () => {
  const firm: FirmState = { ...structuredClone(game.firms[0] as FirmState), capability: 31.2, hype: 50, trainingCredit: 100 };

  it("is capabilityWeight × capability + hype + creditWeight × training credit, weighed by disclosureNarrative under disclosure", () => {
    // 10 × 31.2 + 50 + 1 × 100 = 462
    expect(narrativeValue(config, market(), firm)).toBeCloseTo(462, 9);
    // × 0.5 = 231
    expect(narrativeValue(config, market({ disclosure: true }), firm)).toBeCloseTo(231, 9);
  });

  it("V = F + S × N: sentiment multiplies the narrative only", () => {
    // 1600 + 2 × 462 = 2524; at S = 0.3: 1600 + 138.6 = 1738.6
    expect(valuationOf(1600, 462, 2)).toBeCloseTo(2524, 9);
    expect(valuationOf(1600, 462, 0.3)).toBeCloseTo(1738.6, 9);
  });

  it("starts every firm at cash + S × 10 × capability", () => {
    const first = game.firms[0]?.history[0];
    expect(first?.valuation).toBeCloseTo(config.start.cash + config.start.sentiment * 10 * (game.firms[0] as FirmState).capability, 9);
    expect(first?.fundamentals).toBe(config.start.cash);
  });
});

describe("correctionHazard", () => {
  it("is half of hazardMax at the midpoint and rises with the bubble ratio", () => {
    expect(correctionHazard(config, 2.8)).toBeCloseTo(0.25, 12);
    // B = 2.8 + 0.3: 0.5 / (1 + e^−1) = 0.5 × 0.7311 = 0.3655
    expect(correctionHazard(config, 3.1)).toBeCloseTo(0.3655, 4);
    // B = 1.3 (an ordinary market): 0.5 / (1 + e^5) = 0.00335
    expect(correctionHazard(config, 1.3)).toBeCloseTo(0.00335, 5);
    let previous = 0;
    for (let b = 0.5; b <= 6; b += 0.25) {
      const h = correctionHazard(config, b);
      expect(h).toBeGreaterThan(previous);
      expect(h).toBeLessThanOrEqual(config.correction.hazardMax);
      previous = h;
    }
    expect(correctionHazard(config, 20)).toBeCloseTo(0.5, 9);
  });

  it("by default needs a bubble: rare while B is below 2 (the boom's first quarters), likely from B 2.4 (engine 2.5.0)", () => {
    const defaults = configFor("ai-2025");
    // The starting market (B ≈ 1.5) and the boom's first quarters (B ≈ 1.8): under 1% and 2.5% a quarter (the 0.32-wide hazard of 2.4.0 gave 3.4% and 6.6%).
    expect(correctionHazard(defaults, 1.5)).toBeLessThan(0.01);
    expect(correctionHazard(defaults, 1.8)).toBeLessThan(0.025);
    expect(correctionHazard(defaults, 2)).toBeLessThan(0.07);
    // A bubble: above a quarter at B 2.4 and nearly hazardMax at B 3.
    expect(correctionHazard(defaults, 2.4)).toBeGreaterThan(0.25);
    expect(correctionHazard(defaults, 3)).toBeGreaterThan(0.48);
  });
});

describe("score", () => {
  function withFinal(
    state: GameState,
    i: number,
    patch: { shares: number; founderShares: number; valuation: number; valueCreated?: number; delisted?: boolean },
  ) {
    const firm = state.firms[i] as FirmState;
    firm.shares = patch.shares;
    firm.founderShares = patch.founderShares;
    firm.valueCreated = patch.valueCreated ?? 0;
    firm.delisted = patch.delisted ?? false;
    const last = firm.history[firm.history.length - 1];
    if (last) last.valuation = patch.valuation;
  }

  it("is founder stake × valuation, 0 when delisted, sorted by score", () => {
    const state = structuredClone(createGame(config, 2, seats(4)));
    withFinal(state, 0, { shares: 100, founderShares: 60, valuation: 1000 }); // 0.6 × 1000 = 600
    withFinal(state, 1, { shares: 200, founderShares: 60, valuation: 3000 }); // 0.3 × 3000 = 900
    withFinal(state, 2, { shares: 100, founderShares: 60, valuation: 5000, delisted: true }); // 0
    withFinal(state, 3, { shares: 120, founderShares: 60, valuation: 1200, valueCreated: 50 }); // 0.5 × 1200 = 600, more value created than f1
    const standings = score(state);
    expect(standings.map((s) => s.firmId)).toEqual(["f2", "f4", "f1", "f3"]);
    expect(standings.map((s) => s.rank)).toEqual([1, 2, 3, 4]);
    expect(standings.map((s) => s.score)).toEqual([900, 600, 600, 0].map((x) => expect.closeTo(x, 9)));
    const delisted = standings[3];
    expect(delisted?.valuation).toBe(0);
    expect(delisted?.delisted).toBe(true);
  });

  it("at the start ranks equal firms by seat order, each worth founders/shares × V0", () => {
    const standings = score(game);
    const v0 = (game.firms[0] as FirmState).history[0]?.valuation ?? Number.NaN;
    expect(standings.map((s) => s.firmId)).toEqual(["f1", "f2", "f3"]);
    for (const s of standings) expect(s.score).toBeCloseTo((config.start.founderShares / config.start.shares) * v0, 9);
  });
});
