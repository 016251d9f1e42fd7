import type { EconomyConfig } from "../../schemas/config.js";
import { clamp } from "../math.js";
import type { FirmState, MarketState } from "../types.js";

export interface Fundamentals {
  /** Capitalised integration work (book value), counted like cash. */
  book: number;
  operatingProfit: number; // this quarter
  previousOperatingProfit: number;
  revenue: number;
  previousRevenue: number;
}

/**
 * Fundamental value F: cash and the book value of integration work, plus a fair multiple of annualised operating profit (mean of the
 * last two quarters), with a premium for revenue growth. The multiple is an earnings yield of
 * rate + equity risk premium (Gordon): it falls as rates rise and stays bounded as they fall.
 * A loss counts as one year of burn. F is never negative.
 */
export function fundamentalValue(config: EconomyConfig, market: MarketState, cash: number, f: Fundamentals): number {
  const v = config.valuation;
  const annualProfit = 2 * (f.operatingProfit + f.previousOperatingProfit);
  const assets = cash + f.book;
  if (annualProfit < 0) return Math.max(0, assets + annualProfit);
  const multiple = profitMultiple(config, market.rate) * (market.disclosure ? v.disclosureMultiple : 1);
  const growth = f.previousRevenue > 1 ? clamp((f.revenue - f.previousRevenue) / f.previousRevenue, 0, 1) : 0;
  return Math.max(0, assets + multiple * annualProfit * (1 + v.growthPremium * growth));
}

/** The fair multiple of annual operating profit at an annual `rate`: `multiple` at the reference rate. */
export function profitMultiple(config: EconomyConfig, rate: number): number {
  const v = config.valuation;
  return (v.multiple * (v.referenceRate + v.riskPremium)) / (rate + v.riskPremium);
}

/** Narrative value N: capability, hype and the credit the market gives past capex. */
export function narrativeValue(config: EconomyConfig, market: MarketState, firm: FirmState): number {
  const v = config.valuation;
  const raw = v.capabilityWeight * firm.capability + firm.hype + v.creditWeight * firm.trainingCredit;
  return market.disclosure ? raw * v.disclosureNarrative : raw;
}

/** V = F + S·N. */
export function valuationOf(fundamentals: number, narrative: number, sentiment: number): number {
  return fundamentals + sentiment * narrative;
}
