import type { EconomyConfig } from "../../schemas/config.js";
import type { Clock } from "../clock.js";
import type { FirmState } from "../types.js";

/**
 * The ramp cost of a turn's spending `spent` (the Penrose effect: a firm's managers and
 * staff limit how fast it can grow, Penrose 1959; Uzawa 1969): spending that grows faster
 * than the firm's own base K pays g · (x/K − (1 + r)^tau)₊² · K more in hiring and
 * integration overhead, Hayashi's (1982) adjustment cost g · (I/K)² · K measured against the
 * firm's own size, not in dollars (Cooper & Haltiwanger 2006: convex costs of adjusting
 * fast). K is the firm's last turn of spending, at least `rampBase` a quarter (the organisation
 * a firm starts with); r the growth a quarter its organisation absorbs for free. A steady
 * spender, however large, pays nothing; one that puts a war chest or a raise to work at once
 * pays. Booked as operating cost. 0 with `opex.rampCost` at 0.
 */
export function rampCost(config: EconomyConfig, clock: Clock, firm: FirmState, spent: number): number {
  const g = config.opex.rampCost;
  if (g <= 0 || spent <= 0) return 0;
  const last = firm.history[firm.history.length - 1];
  const base = Math.max(config.opex.rampBase * clock.tau, last ? last.spent : 0);
  const excess = spent / base - clock.rampFree;
  return excess > 0 ? g * excess * excess * base : 0;
}

/**
 * Span of control (diseconomies of scope: Penrose 1959; Teece 1982): a firm that trains a
 * model and integrates into more than `spanSectors` sectors in the same turn spreads its
 * managers thin, and each sector's integration work this turn counts 1 ÷ (1 + s × the
 * sectors beyond). A firm that only ships, or trains and ships into a few sectors, is not
 * affected. 1 with `apps.spanPenalty` at 0.
 */
export function spanOfControl(config: EconomyConfig, train: number, spendBySector: readonly number[]): number {
  const a = config.apps;
  if (a.spanPenalty <= 0 || train <= 0) return 1;
  let sectors = 0;
  for (let s = 0; s < spendBySector.length; s++) if ((spendBySector[s] as number) > 0) sectors++;
  return sectors > a.spanSectors ? 1 / (1 + a.spanPenalty * (sectors - a.spanSectors)) : 1;
}
