import { describe, expect, it } from "vitest";
import { sharesForRaise } from "../../shared/engine/rules/financing.js";
import { firmComputePrice, licenceFee } from "../../shared/engine/rules/prices.js";
import {
  capabilityAfterTraining,
  capabilityFromCompute,
  createGame,
  firmRaiseCapacity,
  type GameState,
  type MarketState,
  raiseCapacity,
  resolveQuarter,
} from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** Pins every constant these tests do arithmetic with. */
const PINNED = {
  events: { probability: 0 },
  luck: { training: 0, productFit: 0 }, // a firm's own luck has its own tests (rules-luck.test.ts)
  start: { cash: 1000, shares: 100, founderShares: 60, compute: 400, sentiment: 1, regime: "none", disclosure: false },
  capability: { capMax: 100, k0: 200, alpha: 0.34, lagQuarters: 0 }, // runs ship at once: time to build has its own tests (rules-time-to-build.test.ts)
  compute: { lockedDiscount: 0.8, modelLicenceThreshold: 150, modelLicenceRate: 0.15, lockQuarters: 4 },
  valuation: { capabilityWeight: 10 },
  financing: { appetite: 0.2, appetiteFloor: 0.8, appetiteSpan: 1.7, correctionAppetite: 0.3, discount: 0.15 },
};

function cfg(extra: Record<string, unknown> = {}) {
  return configFor("ai-2025", merge(PINNED, extra));
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const base = out[k];
    out[k] =
      v && typeof v === "object" && !Array.isArray(v) && base && typeof base === "object"
        ? merge(base as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

function market(state: GameState, patch: Partial<MarketState> = {}): MarketState {
  return { ...structuredClone(state.market), ...patch };
}

describe("capability", () => {
  const config = cfg();

  it("reaches ≈31.2 at K=400 with capMax 100, K0 200, α 0.34", () => {
    // 100·(1 − (1 + 400/200)^−0.34) = 100·(1 − 3^−0.34) = 100·(1 − e^(−0.34·1.0986)) = 100·(1 − 0.68830) = 31.17
    expect(capabilityFromCompute(config, 400)).toBeCloseTo(31.17, 2);
    expect(capabilityFromCompute(config, 0)).toBe(0);
  });

  it("10× compute closes ~54% of the remaining gap (asymptotically), 48% from K=400", () => {
    const gap = (k: number) => config.capability.capMax - capabilityFromCompute(config, k);
    // For K ≫ K0 the gap ratio is ((1 + 10K/K0)/(1 + K/K0))^−α → 10^−0.34 = 0.4571: 54.3% of the gap closes.
    expect(1 - gap(1e7) / gap(1e6)).toBeCloseTo(0.5429, 3);
    // From K=400: (1 + 4000/200)/(1 + 400/200) = 21/3 = 7, 7^−0.34 = 0.5160: 48.4% closes.
    expect(1 - gap(4000) / gap(400)).toBeCloseTo(0.484, 3);
  });

  it("after training equals the closed form when α is constant", () => {
    // From K=400 (31.17) adding 600 units: K=1000, 100·(1 − 6^−0.34) = 100·(1 − e^(−0.34·1.7918)) = 100·(1 − 0.5438) = 45.62.
    const c400 = capabilityFromCompute(config, 400);
    const after = capabilityAfterTraining(config, c400, 400, 1000, 0.34);
    expect(after).toBeCloseTo(capabilityFromCompute(config, 1000), 10);
    expect(after).toBeCloseTo(45.62, 2);
    // Several small steps land where one big step does.
    let c = c400;
    for (const [k0, k1] of [
      [400, 500],
      [500, 800],
      [800, 1000],
    ] as const)
      c = capabilityAfterTraining(config, c, k0, k1, 0.34);
    expect(c).toBeCloseTo(after, 10);
  });

  it("never exceeds capMax, even for absurd compute", () => {
    const c400 = capabilityFromCompute(config, 400);
    for (const k of [1e4, 1e6, 1e9, 1e15]) {
      const c = capabilityAfterTraining(config, c400, 400, k, 0.34);
      expect(c).toBeLessThanOrEqual(config.capability.capMax);
    }
    // At any compute a firm could actually buy it stays strictly below.
    expect(capabilityAfterTraining(config, c400, 400, 1e7, 0.34)).toBeLessThan(config.capability.capMax);
  });

  it("never falls when a scaling wall lowers α, but gains shrink", () => {
    const c400 = capabilityFromCompute(config, 400);
    const full = capabilityAfterTraining(config, c400, 400, 1000, 0.34);
    // α halved: the gap shrinks by 6/3 = 2 → 2^−0.17 = 0.8888: 100 − 68.83·0.8888 = 38.82.
    const walled = capabilityAfterTraining(config, c400, 400, 1000, 0.17);
    expect(walled).toBeCloseTo(100 - (100 - c400) * 2 ** -0.17, 10);
    expect(walled).toBeCloseTo(38.82, 2);
    expect(walled).toBeGreaterThan(c400);
    expect(walled).toBeLessThan(full);
    // A tiny α still never lowers capability; no new compute leaves it unchanged.
    expect(capabilityAfterTraining(config, c400, 400, 1000, 1e-6)).toBeGreaterThanOrEqual(c400);
    expect(capabilityAfterTraining(config, c400, 400, 400, 0.34)).toBe(c400);
    expect(capabilityAfterTraining(config, c400, 400, 300, 0.34)).toBe(c400);
  });

  it("buys less with each doubling from the starting compute on", () => {
    // 400 → 800 → 1600 → 3200 → 6400: 1 + K/K0 = 3, 5, 9, 17, 33; capabilities 100·(1 − x^−0.34) =
    // 31.17, 42.14, 52.62, 61.84, 69.54: gains 10.97, 10.48, 9.21, 7.71
    const ks = [400, 800, 1600, 3200, 6400];
    const caps = ks.map((k) => capabilityFromCompute(config, k));
    expect(caps[1]).toBeCloseTo(42.14, 2);
    expect(caps[4]).toBeCloseTo(69.54, 2);
    const gains = caps.slice(1).map((c, i) => c - (caps[i] as number));
    for (let i = 1; i < gains.length; i++) expect(gains[i]).toBeLessThan(gains[i - 1] as number);
  });
});

describe("compute prices", () => {
  const config = cfg();
  const state = createGame(config, 1, seats(2));

  it("a locked firm pays its contract's fixed price × vendorShock; a flexible one pays spot", () => {
    const m = market(state, { computePrice: 0.9, vendorShock: 1.5 });
    // Signed when spot was 0.9: 0.9 × 0.8 = 0.72 for the whole term.
    const locked = { ...firm(state, 0), hardware: "locked" as const, lockedPrice: 0.72 };
    const flexible = firm(state, 1);
    // 0.72 × 1.5 = 1.08: a vendor shock can make the "cheap" contract dearer than spot.
    expect(firmComputePrice(m, locked)).toBeCloseTo(1.08, 12);
    expect(firmComputePrice(m, flexible)).toBe(0.9);
    // No shock: 0.72, even after spot has fallen below it.
    expect(firmComputePrice(market(state, { computePrice: 0.6, vendorShock: 1 }), locked)).toBeCloseTo(0.72, 12);
  });

  it("a locked contract ends after its term: the firm is flexible again unless it signs anew at that day's spot", () => {
    let game = structuredClone(createGame(config, 4, seats(2)));
    game = resolveQuarter(game, { f1: act({ train: 10, hardware: "locked" }), f2: act({}) }).state;
    expect(firm(game, 0).hardware).toBe("locked");
    expect(firm(game, 0).lockedPrice).toBeCloseTo(0.8, 12); // spot 1 × 0.8 in quarter 1
    const until = firm(game, 0).lockedUntil;
    while (game.quarter < until) game = resolveQuarter(game, { f1: act({ hardware: "locked" }), f2: act({}) }).state;
    // The quarter after the term: asking for flexible ends it; asking for locked signs anew at spot.
    const spot = game.market.computePrice;
    const ended = resolveQuarter(game, { f1: act({ hardware: "flexible" }), f2: act({}) }).state;
    expect(firm(ended, 0).hardware).toBe("flexible");
    const renewed = resolveQuarter(game, { f1: act({ hardware: "locked" }), f2: act({}) }).state;
    expect(firm(renewed, 0).lockedUntil).toBe(until + 4);
    expect(firm(renewed, 0).lockedPrice).toBeCloseTo(spot * 0.8, 12);
  });

  it("charges a licence fee only under the model regime and only above the threshold", () => {
    const model = market(state, { regime: "model" });
    // 0.15 × (250 − 150) = 15
    expect(licenceFee(config, model, 250)).toBeCloseTo(15, 12);
    expect(licenceFee(config, model, 150)).toBe(0);
    expect(licenceFee(config, model, 100)).toBe(0);
    expect(licenceFee(config, market(state, { regime: "application" }), 250)).toBe(0);
    expect(licenceFee(config, market(state, { regime: "none" }), 250)).toBe(0);
  });

  it("in a quarter: locked compute is cheaper, a vendor shock makes it dearer, the licence lands in opex", () => {
    const modelConfig = cfg({ start: { regime: "model" } });
    const start = structuredClone(createGame(modelConfig, 3, seats(3)));
    start.market.vendorShock = 1.5;
    const { state: next, report } = resolveQuarter(start, {
      f1: act({ train: 100, hardware: "locked" }),
      f2: act({ train: 100 }),
      f3: act({ train: 250 }),
    });
    // Spot is 1 in quarter 1. Locked: 100 / (1 × 0.8 × 1.5) = 83.33 units; flexible: 100 units.
    expect(firm(next, 0).compute).toBeCloseTo(400 + 100 / 1.2, 9);
    expect(firm(next, 1).compute).toBeCloseTo(500, 9);
    expect(firm(next, 0).capability).toBeCloseTo(capabilityFromCompute(modelConfig, 400 + 100 / 1.2), 9);
    expect(firm(next, 0).lockedUntil).toBe(1 + 4 - 1);
    // Licence: only the run above 150: 0.15 × (250 − 150) = 15, inside opex.
    const r3 = report.firms[2];
    const r2 = report.firms[1];
    if (!r3 || !r2) throw new Error("missing report");
    expect(r3.licenceFees).toBeCloseTo(15, 9);
    expect(r2.licenceFees).toBe(0);
    const o = modelConfig.opex;
    expect(r3.opex).toBeCloseTo(o.fixed + o.perTraining * 250 + o.perRevenue * r3.revenue + 15, 9);
  });
});

describe("financing", () => {
  const config = cfg();

  it("raiseCapacity grows with sentiment from 0 at the floor to full appetite at floor + span, within the pool", () => {
    const v = 1000;
    const a = config.financing.appetite;
    // heat = clamp((S − 0.8)/1.7, 0, 1); capacity = min(V × appetite, pool) × heat
    expect(raiseCapacity(config, 0.5, false, v)).toBe(0);
    expect(raiseCapacity(config, 0.8, false, v)).toBe(0);
    expect(raiseCapacity(config, 1, false, v)).toBeCloseTo((v * a * 0.2) / 1.7, 9);
    expect(raiseCapacity(config, 1.65, false, v)).toBeCloseTo(v * a * 0.5, 9);
    expect(raiseCapacity(config, 2.5, false, v)).toBeCloseTo(v * a, 9);
    expect(raiseCapacity(config, 5, false, v)).toBeCloseTo(v * a, 9); // capped at full
    expect(raiseCapacity(config, 2.5, false, -50)).toBe(0); // a negative valuation raises nothing
    // Capital is finite: a firm worth $100B still raises at most the pool.
    expect(raiseCapacity(config, 2.5, false, 100_000)).toBeCloseTo(config.financing.pool, 9);
  });

  it("falls to correctionAppetite during a correction", () => {
    const a = config.financing.appetite;
    expect(raiseCapacity(config, 2.5, true, 1000)).toBeCloseTo(1000 * a * 0.3, 9);
    expect(raiseCapacity(config, 1.65, true, 1000)).toBeCloseTo(1000 * a * 0.5 * 0.3, 9);
  });

  it("is priced after the quarter's news: a sell-off everyone saw coming lowers what a firm can raise", () => {
    const game = structuredClone(createGame(config, 5, seats(2)));
    game.market.sentiment = 2;
    const calm = firmRaiseCapacity(game, firm(game, 0));
    game.market.news = [{ kind: "selloff", depth: 0.3 }];
    const last = firm(game, 0).history[0];
    if (!last) throw new Error("no history");
    // Sentiment after the news: 2 × 0.7 = 1.4; valuation repriced at it.
    const repriced = last.fundamentals + 1.4 * last.narrative;
    expect(firmRaiseCapacity(game, firm(game, 0))).toBeCloseTo(raiseCapacity(config, 1.4, false, repriced), 9);
    expect(firmRaiseCapacity(game, firm(game, 0))).toBeLessThan(calm);
  });

  it("sharesForRaise: amount / (price × (1 − discount))", () => {
    // 100 / (10 × 0.85) = 11.7647
    expect(sharesForRaise(100, 10, 0.15)).toBeCloseTo(11.7647, 4);
    // Emergency discount 30%: 49 / (7 × 0.7) = 10
    expect(sharesForRaise(49, 7, 0.3)).toBeCloseTo(10, 12);
    expect(sharesForRaise(0, 10, 0.15)).toBe(0);
    expect(sharesForRaise(-5, 10, 0.15)).toBe(0);
  });

  it("in a quarter: raising the full appetite at S = 2.5 issues 0.2/0.85 of the shares outstanding", () => {
    const hot = cfg({ start: { sentiment: 2.5 } });
    const start = createGame(hot, 5, seats(2));
    const last = firm(start, 0).history[0];
    if (!last) throw new Error("no history");
    // V0 = 1000 + 2.5 × 10 × 31.17 = 1779.2; capacity = 0.2 × V0 = 355.8
    expect(last.valuation).toBeCloseTo(1000 + 2.5 * 10 * capabilityFromCompute(hot, 400), 9);
    const capacity = 0.2 * last.valuation;
    const { state: next, report } = resolveQuarter(start, { f1: act({ raise: capacity }), f2: act({}) });
    expect(report.firms[0]?.raised).toBeCloseTo(capacity, 9);
    // shares = capacity / (V0/100 × 0.85) = 0.2 × 100 / 0.85 = 23.53 new shares
    expect(firm(next, 0).shares).toBeCloseTo(100 + 20 / 0.85, 9);
    expect(firm(next, 1).shares).toBe(100);
    // The founders keep their shares and are diluted: 60 / 123.53 = 48.6%.
    expect(firm(next, 0).founderShares / firm(next, 0).shares).toBeCloseTo(60 / (100 + 20 / 0.85), 12);
  });
});
