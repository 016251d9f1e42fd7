import { describe, expect, it } from "vitest";
import { appCapability } from "../../shared/engine/rules/market.js";
import {
  type ActionsByFirm,
  capabilityFromCompute,
  createGame,
  type EconomyConfig,
  type FirmReport,
  type GameState,
  type QuarterReport,
  type Regime,
  resolveQuarter,
  SECTOR_IDS,
  type SectorId,
} from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** Pins every constant these tests do arithmetic with (no random news). */
const PINNED = {
  events: { probability: 0 },
  luck: { training: 0, productFit: 0 }, // a firm's own luck has its own tests (rules-luck.test.ts)
  start: { cash: 1000, shares: 100, founderShares: 60, compute: 400, sentiment: 1, regime: "none", disclosure: false },
  capability: { capMax: 100, k0: 200, alpha: 0.34, lagQuarters: 0 }, // runs ship at once: time to build has its own tests (rules-time-to-build.test.ts)
  openBaseline: { start: 28, growth: 2, lagQuarters: 2, lagGap: 4, appGap: 2, diffusion: 0.5 },
  api: { pool: 1200, leadForFullCapture: 6, splitExponent: 1.5, servingCost: 0.45, rivalry: 0, openShare: 0.5 },
  apps: {
    integrationDecay: 0.05,
    fitExponent: 3,
    integrationFitExponent: 1,
    latencyPenalty: 0.3,
    edgeCost: 120,
    ecosystemGrowth: 0.15,
    moatGrowth: 0.04,
    moatMax: 0.5,
    sharpness: 1,
    outsideQuality: 60,
    adoption: 0.35,
  },
  sectors: {
    support: { tam: 250, need: 30, latencyBound: false, regulated: false, disclosureRule: false },
    industrial: { tam: 200, need: 30, latencyBound: true, regulated: false, disclosureRule: false },
    medical: { tam: 250, need: 66, regulated: true, latencyBound: false, disclosureRule: false },
    finance: { tam: 250, need: 50, regulated: true, latencyBound: false, disclosureRule: false },
    media: { tam: 250, servingCost: 1.6, regulated: false, latencyBound: false, disclosureRule: true },
  },
  efficiency: { max: 2.5, scale: 400 },
  opex: { fixed: 40, perTraining: 0.009, perRevenue: 0.3 },
  regulation: {
    incidentRate: 1,
    incidentShareRef: 0.15,
    complianceScale: 5,
    complianceDecay: 0.1,
    complianceTier: 5,
    fineRate: 0.28,
    disclosureFineRate: 0.1,
    customerLoss: 0.35,
    sentimentHit: 0.03,
    trustLoss: 0.15,
    trustRecovery: 0.1,
  },
};

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

function cfg(extra: Record<string, unknown> = {}): EconomyConfig {
  return configFor("ai-2025", merge(PINNED, extra));
}

const idx = (id: SectorId) => SECTOR_IDS.indexOf(id);
const MEDICAL = idx("medical");
const MEDIA = idx("media");

function rep(report: QuarterReport, i: number): FirmReport {
  const r = report.firms[i];
  if (!r) throw new Error(`no report ${i}`);
  return r;
}

function num(xs: readonly number[], i: number): number {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}

describe("appCapability", () => {
  it("is the firm's own capability or the open baseline less the gap, whichever is higher", () => {
    expect(appCapability(20, 30, 2)).toBe(28); // max(20, 30 − 2)
    expect(appCapability(40, 30, 2)).toBe(40);
    expect(appCapability(28, 30, 2)).toBe(28);
  });
});

describe("market shares", () => {
  it("apps spend wins customers, moving `adoption` of the way to the logit target", () => {
    const config = cfg();
    const s0 = createGame(config, 11, seats(2));
    const q1 = resolveQuarter(s0, { f1: act({ apps: { support: 100 } }), f2: act({}) });
    // Quarter 1: integration = √100 × (1 + ecosystem 0) = 10. Capability 31.17 ≥ need 30 → fit 1, no moat yet:
    // quality 10; target = 10 / (60 + 10) = 0.142857; customers = 0 + 0.35 × trust 1 × (0.142857 − 0) = 0.05.
    expect(num(firm(q1.state, 0).customers, idx("support"))).toBeCloseTo(0.05, 12);
    expect(num(firm(q1.state, 0).customers, idx("support"))).toBeLessThanOrEqual(config.apps.adoption * (10 / 70) + 1e-12);
    // An idle firm stays at 0; nobody gains customers in a sector nobody invests in.
    expect(firm(q1.state, 1).customers.every((c) => c === 0)).toBe(true);
    expect(
      firm(q1.state, 0)
        .customers.filter((_, s) => s !== idx("support"))
        .every((c) => c === 0),
    ).toBe(true);

    // Quarter 2, same spend: integration = 10 × 0.95 + 10 = 19.5; moat = 0.04 × 0.05 = 0.002 (fed by quarter 1's customers);
    // quality = 19.5 × 1.002 = 19.539; target = 19.539 / 79.539 = 0.24565; customers = 0.05 + 0.35 × (0.24565 − 0.05) = 0.11848.
    const f1 = firm(q1.state, 0);
    expect(num(f1.integration, idx("support"))).toBeCloseTo(10, 12);
    expect(f1.dataMoat).toBeCloseTo(0.002, 12);
    const q2 = resolveQuarter(q1.state, { f1: act({ apps: { support: 100 } }), f2: act({}) });
    const c2 = num(firm(q2.state, 0).customers, idx("support"));
    const quality = 19.5 * 1.002;
    const target = quality / (60 + quality);
    expect(c2).toBeCloseTo(0.05 + 0.35 * (target - 0.05), 12);
    expect(c2).toBeCloseTo(0.11848, 5);
    // Still short of the target: adoption is gradual.
    expect(c2).toBeLessThan(target);
    // Revenue follows: tam × trust × customers (support tam grew 6% after quarter 1: 250 × 1.06 = 265).
    expect(num(rep(q2.report, 0).sectorRevenue, idx("support"))).toBeCloseTo(250 * (1 + config.sectors.support.growth) * c2, 9);
  });

  it("without an edge model a firm gets latencyPenalty of the quality in a latency-bound sector", () => {
    const config = cfg();
    const s0 = createGame(config, 12, seats(2));
    const { state, report } = resolveQuarter(s0, {
      f1: act({ apps: { industrial: 100 }, distill: true }),
      f2: act({ apps: { industrial: 100 } }),
    });
    // Both: integration 10, fit 1 (need 30). Edge: quality 10; no edge: 10 × 0.3 = 3. Total = 60 + 10 + 3 = 73.
    // Edge: 0.35 × 10/73 = 0.047945; no edge: 0.35 × 3/73 = 0.014384.
    const i = idx("industrial");
    expect(firm(state, 0).edge).toBe(true);
    expect(num(firm(state, 0).customers, i)).toBeCloseTo((0.35 * 10) / 73, 12);
    expect(num(firm(state, 1).customers, i)).toBeCloseTo((0.35 * 3) / 73, 12);
    expect(num(firm(state, 1).customers, i)).toBeLessThan(num(firm(state, 0).customers, i));
    // The edge model cost edgeCost = 120 on top of the apps spend.
    expect(rep(report, 0).spent).toBeCloseTo(220, 12);
    expect(rep(report, 1).spent).toBeCloseTo(100, 12);
  });

  it("below a sector's need quality falls off as fit³, and integration work itself is scaled by fit^integrationFitExponent", () => {
    // Finance needs 50; capability 31.17 (baseline 30 − 2 = 28 is lower): fit = 31.17/50 = 0.6234, fit³ = 0.2423.
    const cap = capabilityFromCompute(cfg(), 400);
    const fit = cap / 50;
    const customers = (exponent: number) => {
      const config = cfg({ apps: { integrationFitExponent: exponent } });
      const { state } = resolveQuarter(createGame(config, 13, seats(2)), { f1: act({ apps: { finance: 100 } }), f2: act({}) });
      return { integration: num(firm(state, 0).integration, idx("finance")), customers: num(firm(state, 0).customers, idx("finance")) };
    };
    // Exponent 0: integration = √100 = 10; quality = 10 × 0.2423 = 2.423; customers = 0.35 × 2.423 / 62.423 = 0.01358
    const plain = customers(0);
    expect(plain.integration).toBeCloseTo(10, 12);
    expect(plain.customers).toBeCloseTo((0.35 * 10 * fit ** 3) / (60 + 10 * fit ** 3), 12);
    expect(plain.customers).toBeCloseTo(0.01358, 5);
    // Exponent 1: integration = 10 × 0.6234 = 6.234; quality = 6.234 × 0.2423 = 1.5103; customers = 0.35 × 1.5103 / 61.5103 = 0.00859
    const scaled = customers(1);
    expect(scaled.integration).toBeCloseTo(10 * fit, 12);
    expect(scaled.customers).toBeCloseTo((0.35 * 10 * fit ** 4) / (60 + 10 * fit ** 4), 12);
    expect(scaled.customers).toBeCloseTo(0.00859, 5);
  });

  it("quality falls off as fit^fitExponent and a firm's logit weight is quality^sharpness, at the default exponents and others", () => {
    // marketShares chooses how to take each power once per resolution (the cube multiplied out, exp·ln for a
    // fractional sharpness, `power` otherwise): every choice must give the share rule's arithmetic.
    const cap = capabilityFromCompute(cfg(), 400);
    const fit = cap / 50; // finance needs 50: fit 0.6234
    for (const fitExponent of [2, 2.5, 3]) {
      for (const sharpness of [1, 1.12, 1.7, 2, 3]) {
        const config = cfg({ apps: { integrationFitExponent: 0, fitExponent, sharpness } });
        const { state } = resolveQuarter(createGame(config, 13, seats(2)), { f1: act({ apps: { finance: 100 } }), f2: act({}) });
        // Integration √100 = 10; weight (10 × fit^fitExponent)^sharpness against the outside option's 60^sharpness.
        const weight = (10 * fit ** fitExponent) ** sharpness;
        const expected = (0.35 * weight) / (60 ** sharpness + weight);
        expect(num(firm(state, 0).customers, idx("finance")), `fitExponent ${fitExponent}, sharpness ${sharpness}`).toBeCloseTo(expected, 12);
      }
    }
  });

  it("API revenue goes by lead over the outside open models; a released model spreads into the baseline and its firm keeps a hosted share", () => {
    const config = cfg();
    const s0 = createGame(config, 14, seats(2));
    const closed = resolveQuarter(s0, {});
    // Baseline 28 + 2 = 30; both leads 31.17 − 30 = 1.17; captured = 1200 × 1.17/6 = 233.9, split evenly.
    const cap = capabilityFromCompute(config, 400);
    const each = (1200 * ((cap - 30) / 6)) / 2;
    expect(rep(closed.report, 0).apiRevenue).toBeCloseTo(each, 9);
    expect(rep(closed.report, 1).apiRevenue).toBeCloseTo(each, 9);
    expect(closed.report.market.openBaseline).toBe(30);
    // f2 releases its weights: the baseline anyone builds on moves half way (diffusion 0.5) from 30 to its 31.17.
    // The API market still reads both leads over the outside open models (30): f1, closed, earns as before;
    // f2's model earns the same share, of which f2 keeps openShare 0.5 (other hosts serve its weights).
    const open = resolveQuarter(s0, { f2: act({ openWeights: true }) });
    const spread = 30 + 0.5 * (cap - 30);
    expect(open.report.market.openBaseline).toBeCloseTo(spread, 12);
    expect(rep(open.report, 0).apiRevenue).toBeCloseTo(each, 9);
    expect(rep(open.report, 1).apiRevenue).toBeCloseTo(0.5 * each, 9);
    // Training pulls ahead again: f1 trains 600 (K = 1000, capability 45.62), lead 45.62 − 30 > 6: full capture,
    // split by lead^1.5 with f2's 1.17, of which f2 keeps half.
    const ahead = resolveQuarter(s0, { f1: act({ train: 600 }), f2: act({ openWeights: true }) });
    const lead1 = capabilityFromCompute(config, 1000) - 30;
    const lead2 = cap - 30;
    const share1 = lead1 ** 1.5 / (lead1 ** 1.5 + lead2 ** 1.5);
    expect(rep(ahead.report, 0).apiRevenue).toBeCloseTo(1200 * share1, 9);
    expect(rep(ahead.report, 1).apiRevenue).toBeCloseTo(0.5 * 1200 * (1 - share1), 9);
  });

  it("two frontier labs at a similar lead fight a price war: the captured pool shrinks by rivalry × the runner-up's lead ÷ the leader's", () => {
    const config = cfg({ api: { rivalry: 0.3, splitExponent: 1 } });
    const s0 = createGame(config, 14, seats(2));
    // Level leads (1.17 each): captured = 1200 × 1.17/6 × (1 − 0.3 × 1) = 163.7, split evenly (81.9 each, not 117).
    const cap = capabilityFromCompute(config, 400);
    const level = resolveQuarter(s0, {});
    const each = (1200 * ((cap - 30) / 6) * 0.7) / 2;
    expect(rep(level.report, 0).apiRevenue).toBeCloseTo(each, 9);
    expect(rep(level.report, 1).apiRevenue).toBeCloseTo(each, 9);
    // f1 pulls ahead (capability 45.62, lead > 6: full capture): the pool × (1 − 0.3 × f2's lead ÷ f1's), split by lead.
    const ahead = resolveQuarter(s0, { f1: act({ train: 600 }) });
    const lead1 = capabilityFromCompute(config, 1000) - 30;
    const lead2 = cap - 30;
    const captured = 1200 * (1 - 0.3 * (lead2 / lead1));
    expect(rep(ahead.report, 0).apiRevenue).toBeCloseTo((captured * lead1) / (lead1 + lead2), 9);
    expect(rep(ahead.report, 1).apiRevenue).toBeCloseTo((captured * lead2) / (lead1 + lead2), 9);
    expect(rep(ahead.report, 0).apiRevenue + rep(ahead.report, 1).apiRevenue).toBeLessThan(1200);
  });
});

describe("open baseline lag", () => {
  it("trails the closed frontier by lagQuarters of the story at any length: 3 quarters are 1.5 turns of an 8-turn game", () => {
    // 8 quarters: a turn spans 2 quarters, so a 3-quarter lag reads the frontier half way between 2 and 1 turns back.
    const config = configFor("ai-2025", { quarters: 8, events: { probability: 0 }, openBaseline: { growth: 0, diffusion: 0 } });
    let state = createGame(config, 5, seats(2));
    // f1 trains hard every turn: the closed frontier climbs each turn, above the open models' floor.
    while (state.quarter < 4) state = resolveQuarter(state, { f1: act({ train: 300 }) }).state;
    const best = state.market.history.map((r) => r.bestClosedCapability);
    const midway = ((best[2] as number) + (best[3] as number)) / 2; // turn 4 − 1.5 = 2.5
    expect(best[3] as number).toBeGreaterThan((best[2] as number) + 1);
    expect(state.market.outsideOpenBaseline).toBeCloseTo(midway - config.openBaseline.lagGap, 9);
  });
});

/** A two-firm game where f1 holds 30% of medical (and nothing else); f2 holds nothing. */
function medicalGame(config: EconomyConfig, seed = 21, complianceStock = 0): GameState {
  const state = structuredClone(createGame(config, seed, seats(2)));
  const f1 = firm(state, 0);
  f1.customers[MEDICAL] = 0.3;
  f1.complianceStock = complianceStock;
  return state;
}

describe("regulation", () => {
  // f1's medical share 0.3 ≥ incidentShareRef 0.15 and incidentRate 1: p = 1 × min(1, 0.3/0.15) = 1, an incident for sure
  // (under the application regime with no compliance p = 1/(1 + 0/5) = 1 too).
  // Customers: 0.3 × (1 − 0.35) = 0.195, then toward target 0 (no integration) at 0.35 × trust 0.85:
  // 0.195 × (1 − 0.2975) = 0.1369875. Revenue = 250 × 0.85 × 0.1369875 = 29.1098.
  const customersAfter = 0.3 * 0.65 * (1 - 0.35 * 0.85);
  const revenueAfter = 250 * 0.85 * customersAfter;

  function run(regime: Regime, complianceStock = 0, extra: Record<string, unknown> = {}) {
    const config = cfg({ start: { regime }, ...extra });
    return resolveQuarter(medicalGame(config, 21, complianceStock), {});
  }

  it("under the application regime a non-compliant firm pays fineRate × its sector revenue", () => {
    const { state, report } = run("application");
    expect(num(firm(state, 0).customers, MEDICAL)).toBeCloseTo(0.1369875, 12);
    expect(num(rep(report, 0).sectorRevenue, MEDICAL)).toBeCloseTo(29.10984375, 9);
    // fine = 0.28 × 29.1098 = 8.1508
    expect(rep(report, 0).fines).toBeCloseTo(0.28 * revenueAfter, 9);
    expect(rep(report, 0).fines).toBeCloseTo(8.1508, 4);
    expect(rep(report, 0).incidents).toBe(1);
    expect(firm(state, 0).incidents).toBe(1);
    // f2 holds no customers: no incident, no fine.
    expect(rep(report, 1).incidents).toBe(0);
    expect(rep(report, 1).fines).toBe(0);
    // The incident is reported and logged with its fine.
    expect(report.market.incidents).toEqual([{ firmId: "f1", sector: "medical", fine: expect.closeTo(0.28 * revenueAfter, 9) }]);
    expect(state.log).toContainEqual({ quarter: 1, kind: "incident", firmId: "f1", sector: "medical", fine: expect.closeTo(0.28 * revenueAfter, 9) });
  });

  it("under no regime the same incident happens but draws no fine", () => {
    const { state, report } = run("none");
    expect(rep(report, 0).incidents).toBe(1);
    expect(num(firm(state, 0).customers, MEDICAL)).toBeCloseTo(customersAfter, 12);
    expect(rep(report, 0).fines).toBe(0);
    expect(report.market.incidents).toEqual([{ firmId: "f1", sector: "medical", fine: 0 }]);
  });

  it("a compliant firm pays no fine under the application regime", () => {
    // complianceStock 100 decays to 90 before the draw: level √90 = 9.49 ≥ tier 5. complianceScale is made as
    // large as the schema allows so that p = 1/(1 + 9.49/1e4) stays ≈ 1 and the incident still happens.
    const { report } = run("application", 100, { regulation: { complianceScale: 1e4 } });
    expect(rep(report, 0).incidents).toBe(1);
    expect(rep(report, 0).fines).toBe(0);
  });

  it("compliance lowers the incident odds only under the application regime", () => {
    // With complianceStock 100 → 90, level √90 = 9.487: p = 1/(1 + 9.487/5) = 0.3451 under "application", 1 otherwise.
    let application = 0;
    let none = 0;
    const seeds = 400;
    for (let seed = 0; seed < seeds; seed++) {
      for (const regime of ["application", "none"] as const) {
        const config = cfg({ start: { regime } });
        const incidents = rep(resolveQuarter(medicalGame(config, seed, 100), {}).report, 0).incidents;
        if (regime === "application") application += incidents;
        else none += incidents;
      }
    }
    expect(none).toBe(seeds);
    // Binomial(400, 0.3451): mean 138, sd 9.5
    expect(application / seeds).toBeGreaterThan(0.3451 - 0.08);
    expect(application / seeds).toBeLessThan(0.3451 + 0.08);
  });

  it("an incident lowers the sector's shared trust and the firm's customers", () => {
    const config = cfg();
    const safe = resolveQuarter(medicalGame(cfg({ regulation: { incidentRate: 0 } })), {});
    const { state } = run("none");
    // Trust: 1 × (1 − 0.15) = 0.85 during the quarter, then recovers 10% of its gap: 0.85 + 0.1 × 0.15 = 0.865.
    expect(num(state.market.sectorTrust, MEDICAL)).toBeCloseTo(0.865, 12);
    expect(num(safe.state.market.sectorTrust, MEDICAL)).toBe(1);
    // Other sectors keep full trust.
    expect(state.market.sectorTrust.filter((_, s) => s !== MEDICAL).every((t) => t === 1)).toBe(true);
    // Without the incident: 0.3 × (1 − 0.35 × 1) = 0.195 > 0.137 with it.
    expect(num(firm(safe.state, 0).customers, MEDICAL)).toBeCloseTo(0.195, 12);
    expect(num(firm(state, 0).customers, MEDICAL)).toBeLessThan(num(firm(safe.state, 0).customers, MEDICAL));
    // Less trust shrinks the sector for everyone: f2 entering medical next quarter earns 0.865/1 of what it would have.
    const enter = { f2: act({ apps: { medical: 400 } }) };
    const hurt = resolveQuarter(state, enter).report;
    const clean = resolveQuarter(safe.state, enter).report;
    expect(num(rep(hurt, 1).customers, MEDICAL)).toBeLessThan(num(rep(clean, 1).customers, MEDICAL));
    expect(config.regulation.trustLoss).toBe(0.15);
  });

  it("no incident in an unregulated sector, or without customers", () => {
    const config = cfg({ sectors: { medical: { regulated: false } } });
    const { report } = resolveQuarter(medicalGame(config), {});
    expect(report.market.incidents).toEqual([]);
    expect(rep(report, 0).incidents).toBe(0);
  });
});

describe("income", () => {
  /** f1 holds 20% of synthetic media (serving cost 1.6) and nothing else; no API market. */
  function mediaGame(extra: Record<string, unknown> = {}): GameState {
    const config = cfg(merge({ api: { pool: 0 } }, extra));
    const state = structuredClone(createGame(config, 31, seats(2)));
    firm(state, 0).customers[MEDIA] = 0.2;
    return state;
  }

  it("serving cost can exceed revenue (synthetic media at serving cost 1.6)", () => {
    const { report } = resolveQuarter(mediaGame(), {});
    const r = rep(report, 0);
    // customers 0.2 → 0.2 × (1 − 0.35) = 0.13 (no integration: target 0); revenue = 250 × 1 × 0.13 = 32.5
    // serving = 32.5 × 1.6 × price 1 / efficiency 1 = 52; opex = 40 + 0.3 × 32.5 = 49.75
    // operating profit = 32.5 − 52 − 49.75 = −69.25
    expect(r.revenue).toBeCloseTo(32.5, 9);
    expect(r.servingCost).toBeCloseTo(52, 9);
    expect(r.servingCost).toBeGreaterThan(r.revenue);
    expect(r.opex).toBeCloseTo(49.75, 9);
    expect(r.operatingProfit).toBeCloseTo(-69.25, 9);
    expect(r.fines).toBe(0); // no regime, no media law: no disclosure fine
    expect(r.sectorsServed).toEqual(["media"]);
    // The idle firm only pays fixed costs.
    expect(rep(report, 1).operatingProfit).toBeCloseTo(-40, 9);
  });

  it("efficiency divides serving cost", () => {
    const { report } = resolveQuarter(mediaGame(), { f1: act({ efficiency: 400 }) });
    // efficiency = 1 + 2.5 × (1 − e^(−400/400)) = 1 + 2.5 × 0.63212 = 2.5803; serving = 52 / 2.5803 = 20.153
    expect(rep(report, 0).servingCost).toBeCloseTo(52 / (1 + 2.5 * (1 - Math.exp(-1))), 9);
    expect(rep(report, 0).servingCost).toBeCloseTo(20.153, 3);
    expect(rep(report, 0).servingCost).toBeLessThan(rep(report, 0).revenue);
  });

  it("synthetic media without disclosure compliance pays disclosureFineRate once a regime or media law is in force", () => {
    // fine = 0.1 × 32.5 = 3.25
    const regime = resolveQuarter(mediaGame({ start: { regime: "model" } }), {}).report;
    expect(rep(regime, 0).fines).toBeCloseTo(3.25, 9);
    const law = resolveQuarter(mediaGame(), {}, [{ kind: "event", event: { kind: "mediaLaw" } }]).report;
    expect(rep(law, 0).fines).toBeCloseTo(3.25, 9);
    // Compliant (stock 100 → 90, level 9.49 ≥ 5): no fine.
    const compliant = mediaGame({ start: { regime: "application" } });
    firm(compliant, 0).complianceStock = 100;
    expect(rep(resolveQuarter(compliant, {}).report, 0).fines).toBe(0);
  });

  it("balances the ledger every quarter: Δcash = raised + emergencyRaised − spent + operating profit − fines", () => {
    const config = cfg({
      start: { sentiment: 2.5, regime: "application" },
      api: { pool: 0 },
      valuation: { capabilityWeight: 10 },
      financing: { appetite: 0.2, appetiteFloor: 0.8, appetiteSpan: 1.7, correctionAppetite: 0.3, emergencyBuffer: 40 },
      opex: { rampCost: 0.2 }, // f3 still pays a ramp cost for its $1B first-quarter run (~$181M) and can still be rescued (at 3 it is delisted)
    });
    let state = structuredClone(createGame(config, 41, seats(3)));
    firm(state, 1).customers[MEDICAL] = 0.3; // f2 draws incidents and fines
    firm(state, 1).customers[MEDIA] = 0.2; // and disclosure fines
    const plan: ActionsByFirm[] = [
      { f1: act({ raise: 300, train: 800, marketing: 100 }), f2: act({ apps: { medical: 50, media: 50 } }), f3: act({ train: 1000 }) },
      { f1: act({ train: 200 }), f2: act({ apps: { medical: 50 }, efficiency: 50 }), f3: act({}) },
      {},
      { f2: act({ apps: { finance: 100 }, compliance: 30 }) },
    ];
    const seen = { raised: 0, emergencyRaised: 0, fines: 0 };
    for (const actions of plan) {
      const { state: next, report } = resolveQuarter(state, actions);
      next.firms.forEach((f, i) => {
        const before = firm(state, i);
        const r = rep(report, i);
        expect(f.cash).toBeCloseTo(before.cash + r.raised + r.emergencyRaised - r.spent + r.operatingProfit - r.fines, 9);
        expect(r.cash).toBe(f.cash);
        seen.raised += r.raised;
        seen.emergencyRaised += r.emergencyRaised;
        seen.fines += r.fines;
      });
      state = next;
    }
    // Every term of the ledger was exercised.
    expect(seen.raised).toBeGreaterThan(0);
    expect(seen.emergencyRaised).toBeGreaterThan(0);
    expect(seen.fines).toBeGreaterThan(0);
  });
});
