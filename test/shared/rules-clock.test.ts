import { describe, expect, it } from "vitest";
import { clockOf } from "../../shared/engine/clock.js";
import { raiseCapacity } from "../../shared/engine/rules/financing.js";
import { createGame, type EconomyConfig, type FirmReport, resolveQuarter, SECTOR_IDS } from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** The default economy at `quarters`, without news, compute-price moves, open-model growth or incidents (so two lengths differ only by the clock). */
function at(quarters: number): EconomyConfig {
  return configFor("ai-2025", {
    quarters,
    events: { probability: 0 },
    compute: { noise: 0, drift: 0 },
    openBaseline: { growth: 0 },
    regulation: { incidentRate: 0 },
  });
}

/** One turn from the start: f1 plays `action`, f2 stays idle. */
function firstTurn(quarters: number, action = act({})) {
  const { state, report } = resolveQuarter(createGame(at(quarters), 3, seats(2)), { f1: action, f2: act({}) });
  return { f1: firm(state, 0), report: report.firms[0] as FirmReport };
}

const SUPPORT = SECTOR_IDS.indexOf("support");

/** Game lengths and the quarters of the story one of their turns spans. */
const SPANS = [
  [8, 2],
  [16, 1],
  [24, 2 / 3],
] as const;

describe("the clock keeps money's value at every length", () => {
  it("a dollar of training buys the same compute in a turn of 2, 1 or 2/3 quarters", () => {
    const start = firstTurn(16).f1.compute;
    // Price 1 at the start: 100 of training buys 100 units.
    for (const quarters of [8, 16, 24]) expect(firstTurn(quarters, act({ train: 100 })).f1.compute - start).toBeCloseTo(100, 9);
  });

  it("a turn earns and pays tau quarters of flows: twice a quarter's at 8 quarters, two thirds at 24", () => {
    const base = firstTurn(16).report;
    expect(base.apiRevenue).toBeGreaterThan(0); // both firms lead the open baseline a little at the start
    for (const [quarters, tau] of [
      [8, 2],
      [24, 2 / 3],
    ] as const) {
      const r = firstTurn(quarters).report;
      expect(r.apiRevenue).toBeCloseTo(tau * base.apiRevenue, 9);
      expect(r.opex).toBeCloseTo(tau * base.opex, 9);
      expect(r.operatingProfit).toBeCloseTo(tau * base.operatingProfit, 9);
      // Fundamentals price a quarter's profit whatever the turn's span: only the cash differs.
      expect(r.fundamentals - r.cash).toBeCloseTo(base.fundamentals - base.cash, 9);
    }
  });

  it("a turn's apps spend is spread over its quarters: integration √(spend × tau)", () => {
    for (const [quarters, tau] of SPANS) {
      // Capability 31.2 fits support (need 30), no ecosystem: integration = √(100 × tau).
      expect(firstTurn(quarters, act({ apps: { support: 100 } })).f1.integration[SUPPORT]).toBeCloseTo(Math.sqrt(100 * tau), 9);
    }
  });

  it("investors' capital is per quarter: a turn of tau quarters can raise tau quarters' pool and 1 − (1 − appetite)^tau of the valuation", () => {
    for (const [quarters, tau] of SPANS) {
      const config = at(quarters);
      const f = config.financing;
      const hot = f.appetiteFloor + f.appetiteSpan; // full heat
      // A big firm meets the pool; a small one its own appetite.
      expect(raiseCapacity(config, hot, false, 1e6)).toBeCloseTo(f.pool * tau, 9);
      expect(raiseCapacity(config, hot, false, 1000)).toBeCloseTo(1000 * (1 - (1 - f.appetite) ** tau), 9);
    }
  });

  it("momentum: a short game's turn feeds the next momentum^tau as much, a long game's turn momentum itself", () => {
    const m = at(16).sentiment.momentum;
    expect(clockOf(at(16)).momentum).toBe(m);
    // Two quarters of echo in a turn of two.
    expect(clockOf(at(8)).momentum).toBeCloseTo(m * m, 12);
    // A turn of 2/3 of a quarter reads 2/3 of a quarter's gain: momentum itself keeps the boom's gain per quarter of the
    // story, 1 / (1 − m), as at 16 quarters (m^(2/3) made it 2.44 against 1.83 and long games corrected early).
    expect(clockOf(at(24)).momentum).toBe(m);
    expect(clockOf(at(40)).momentum).toBe(m);
  });
});
