import type { EconomyConfig } from "../../schemas/config.js";
import { clamp } from "../math.js";
import type { FirmReport, FirmState, MarketState } from "../types.js";
import { trainedCapability } from "./capability.js";

export interface Fundamentals {
  /** Capitalised integration work (book value), counted like cash. */
  book: number;
  /** This turn's and the last turn's flows, each over `tau` quarters. */
  operatingProfit: number;
  previousOperatingProfit: number;
  revenue: number;
  previousRevenue: number;
  /** Revenue two turns ago (0 before the game has two turns behind it). */
  earlierRevenue: number;
  /** Revenue three turns ago (0 before the game has three turns behind it). */
  earliestRevenue: number;
  /** Quarters a turn spans (the clock's tau). */
  tau: number;
  /** The one-off charges inside this turn's and the last turn's operating profit (the ramp cost), $M. */
  oneOffCosts: number;
}

/**
 * Fundamental value F: cash and the book value of integration work, plus a fair multiple of annualised operating profit (mean of the
 * last two turns, per quarter), with a premium for quarterly revenue growth (its sustained trend, `trendGrowth`). The multiple is an earnings yield of
 * rate + equity risk premium (Gordon): it falls as rates rise and stays bounded as they fall.
 * A loss counts as one year of burn. F is never negative.
 * One-off charges (the ramp cost of growing fast) are taken out of the run-rate, as analysts
 * strip non-recurring items from earnings: the cash they cost is already gone from `cash`,
 * once (engine 2.12.0; `rampRecurring` of them still count, 1 before).
 */
export function fundamentalValue(config: EconomyConfig, market: MarketState, cash: number, f: Fundamentals): number {
  const v = config.valuation;
  const runRate = f.operatingProfit + f.previousOperatingProfit + (1 - v.rampRecurring) * f.oneOffCosts;
  const annualProfit = (2 * runRate) / f.tau;
  const assets = cash + f.book;
  if (annualProfit < 0) return Math.max(0, assets + annualProfit);
  const multiple = profitMultiple(config, market.rate) * (market.disclosure ? v.disclosureMultiple : 1);
  // Growth is priced on the trend a firm has sustained (issue 12, econ-v12): the slower of its trend through this turn and its
  // trend to the last turn. A one-turn jump (an adoption wave) earns no premium until the next turn confirms it, while a
  // slowdown counts at once; docs/model.md, "Growth priced once it is sustained".
  const growth = Math.min(
    trendGrowth(f.revenue, f.previousRevenue, f.earlierRevenue, f.tau),
    trendGrowth(f.previousRevenue, f.earlierRevenue, f.earliestRevenue, f.tau),
  );
  return Math.max(0, assets + multiple * annualProfit * (1 + v.growthPremium * growth));
}

/**
 * Revenue growth as a quarter's, ending at `latest`: over the two turns before it when there are two
 * ((latest / twoBack)^(1/2tau) − 1), else over one; 0 when the base is under $1M a quarter. In [0, 1].
 */
export function trendGrowth(latest: number, oneBack: number, twoBack: number, tau: number): number {
  const twoTurns = twoBack / tau > 1;
  const base = twoTurns ? twoBack : oneBack;
  const turns = twoTurns ? 2 : 1;
  const spanGrowth = base / tau > 1 ? Math.max(0, (latest - base) / base) : 0;
  return clamp(tau * turns === 1 ? spanGrowth : (1 + spanGrowth) ** (1 / (tau * turns)) - 1, 0, 1);
}

/**
 * The cost of the training runs still in training (`capability.lagQuarters`), as analysts carry
 * development in progress at cost (IAS 38.57: capitalised once feasible; an asset until it is
 * available for use): this turn's spend less the share shipped in its turn, the last turn's
 * less the shares shipped by now, and so on, times `weight` (`valuation.capitaliseRuns`). 0 when
 * runs ship at once. Once a run ships its model earns, and its cost leaves the book.
 */
export function runsInProgress(weight: number, shares: readonly number[], report: FirmReport, history: readonly FirmReport[]): number {
  if (weight === 0 || shares.length < 2) return 0;
  let total = 0;
  let shipped = 0;
  for (let k = 0; k < shares.length - 1; k++) {
    shipped += shares[k] as number;
    const r = k === 0 ? report : history[history.length - k];
    if (!r) break;
    total += r.trainingSpend * Math.max(0, 1 - shipped);
  }
  return weight * total;
}

/** The fair multiple of annual operating profit at an annual `rate`: `multiple` at the reference rate. */
export function profitMultiple(config: EconomyConfig, rate: number): number {
  const v = config.valuation;
  return (v.multiple * (v.referenceRate + v.riskPremium)) / (rate + v.riskPremium);
}

/** Narrative value N: capability, hype and the credit the market gives past capex. */
export function narrativeValue(config: EconomyConfig, market: MarketState, firm: FirmState): number {
  const v = config.valuation;
  const raw = v.capabilityWeight * trainedCapability(firm) + firm.hype + v.creditWeight * firm.trainingCredit;
  return market.disclosure ? raw * v.disclosureNarrative : raw;
}

/** V = F + S·N. */
export function valuationOf(fundamentals: number, narrative: number, sentiment: number): number {
  return fundamentals + sentiment * narrative;
}
