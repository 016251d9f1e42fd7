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
 * pays. The overhead saturates: it is never more than `rampCap` × the spending above the free
 * amount (x − (1 + r)^tau · K), so a first-quarter rush costs a share of what it spends, not a
 * multiple of it (engine 2.11.0; before, $900M in a 16-quarter game's first quarter paid $1.2B).
 * Booked as operating cost. 0 with `opex.rampCost` at 0.
 */
export function rampCost(config: EconomyConfig, clock: Clock, firm: FirmState, spent: number): number {
  const g = config.opex.rampCost;
  if (g <= 0 || spent <= 0) return 0;
  const base = rampBase(config, clock, firm);
  const excess = spent / base - clock.rampFree;
  // The overhead per dollar above the free amount, g · excess, saturates at `rampCap`.
  return excess > 0 ? Math.min(g * excess, config.opex.rampCap) * excess * base : 0;
}

/** K, the firm's base for this turn's ramp cost: its last turn's spending, at least `rampBase` × tau ($M). */
export function rampBase(config: EconomyConfig, clock: Clock, firm: FirmState): number {
  const last = firm.history[firm.history.length - 1];
  return Math.max(config.opex.rampBase * clock.tau, last ? last.spent : 0);
}

/** The most a firm can spend this turn without a ramp cost, (1 + r)^tau × K ($M); Infinity with `opex.rampCost` at 0. */
export function rampFreeSpend(config: EconomyConfig, clock: Clock, firm: FirmState): number {
  return config.opex.rampCost > 0 ? clock.rampFree * rampBase(config, clock, firm) : Number.POSITIVE_INFINITY;
}

/**
 * Span of control (diseconomies of scope: Penrose 1959; Teece 1982): a firm that trains a
 * model and integrates into more than `spanSectors` sectors in the same turn spreads its
 * managers thin, and each sector's integration work this turn counts 1 ÷ (1 + s × the
 * sectors beyond). A firm that only ships, or trains and ships into a few sectors, is not
 * affected. 1 with `apps.spanPenalty` at 0.
 */
export function spanOfControl(config: EconomyConfig, train: number, spendBySector: readonly number[]): number {
  return spanFactor(config, sectorsWhileTraining(train, spendBySector));
}

/** The sectors a firm integrates into this turn while it trains a model (0 when it does not train): what span of control counts. */
export function sectorsWhileTraining(train: number, spendBySector: readonly number[]): number {
  if (train <= 0) return 0;
  let sectors = 0;
  for (let s = 0; s < spendBySector.length; s++) if ((spendBySector[s] as number) > 0) sectors++;
  return sectors;
}

/** The share of each sector's integration work kept by a firm that trains while integrating into `sectors` sectors: 1 up to `spanSectors`. */
export function spanFactor(config: EconomyConfig, sectors: number): number {
  const a = config.apps;
  if (a.spanPenalty <= 0 || sectors <= a.spanSectors) return 1;
  return 1 / (1 + a.spanPenalty * (sectors - a.spanSectors));
}
