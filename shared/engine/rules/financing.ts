import type { EconomyConfig } from "../../schemas/config.js";
import { clamp } from "../math.js";
import type { MarketState } from "../types.js";

/**
 * The most new equity a firm can sell this quarter: a fraction of its valuation that grows
 * with sentiment (easy in a bubble, nearly impossible after a crash).
 */
export function raiseCapacity(config: EconomyConfig, market: MarketState, valuation: number): number {
  const f = config.financing;
  const heat = clamp((market.sentiment - f.appetiteFloor) / f.appetiteSpan, 0, 1);
  const inCorrection = market.correction.quartersLeft > 0;
  return Math.max(0, valuation) * f.appetite * heat * (inCorrection ? f.correctionAppetite : 1);
}

/** Shares issued to raise `amount` at `sharePrice` less `discount`. */
export function sharesForRaise(amount: number, sharePrice: number, discount: number): number {
  if (amount <= 0) return 0;
  return amount / (sharePrice * (1 - discount));
}
