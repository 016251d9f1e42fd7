import { type EconomyConfig, RATE_BOUNDS } from "../../schemas/config.js";
import { clamp } from "../math.js";
import type { MarketReport, MarketState } from "../types.js";

/**
 * How far the central bank has eased (an annual rate, ≥ 0) with total valuation `fall` (0..1) below its running peak:
 * nothing until the fall reaches `monetary.easeFrom`, then in proportion to the further fall, all of `monetary.easeMax`
 * once it has fallen `monetary.easeSpan` more.
 */
export function easing(config: EconomyConfig, fall: number): number {
  const m = config.monetary;
  if (m.easeMax === 0) return 0;
  return m.easeMax * clamp((fall - m.easeFrom) / m.easeSpan, 0, 1);
}

/**
 * After the quarter is valued, the central bank leans against the slowdown (the soft-landing preset; docs/model.md,
 * "A central bank that eases"): it eases as total valuation falls from its peak and tightens back as the market
 * recovers, so next quarter's profit multiple reads the new rate. The move is the change of `easing` from last
 * quarter's fall (`market.history`, this quarter not yet in it) to this quarter's (`report`), so the rate keeps every
 * other change (the event deck's hikes and cuts) as it would without the policy. Nothing moves when `monetary.easeMax` is 0.
 */
export function monetaryPolicy(config: EconomyConfig, market: MarketState, report: MarketReport): void {
  if (config.monetary.easeMax === 0) return;
  const history = market.history;
  let peak = 0;
  for (let k = 0; k < history.length; k++) peak = Math.max(peak, (history[k] as MarketReport).totalValuation);
  const last = history[history.length - 1];
  const fallBefore = peak > 0 && last !== undefined ? 1 - last.totalValuation / peak : 0;
  peak = Math.max(peak, report.totalValuation);
  const fallNow = peak > 0 ? 1 - report.totalValuation / peak : 0;
  const move = easing(config, fallBefore) - easing(config, fallNow);
  if (move !== 0) market.rate = clamp(market.rate + move, RATE_BOUNDS[0], RATE_BOUNDS[1]);
}
