import type { EconomyConfig } from "../../schemas/config.js";

/**
 * The model a firm has trained, shipped or not: its shipped capability plus what is still in
 * training (`capability.lagQuarters`). What a lab announces, and what it knows it will ship.
 */
export function trainedCapability(firm: { capability: number; capabilityInTraining: readonly number[] }): number {
  let c = firm.capability;
  const pending = firm.capabilityInTraining;
  for (let k = 0; k < pending.length; k++) c += pending[k] as number;
  return c;
}

/**
 * The model an open-weights lab has published (engine 2.13.0): its shipped model of `lagTurns`
 * turns ago (`clock.trainingLagTurns`, read between two turns' reports), never more than the
 * one it ships now. With time to build a lab publishes a generation once the next has shipped
 * and serves the newest itself; at lag 0 it publishes the model it ships. `history` holds the
 * firm's reports of turns 0 … q − 1 (turn 0: its starting model), `capability` turn q's.
 */
export function releasedCapability(capability: number, history: readonly { capability: number }[], lagTurns: number): number {
  if (!(lagTurns > 0) || history.length === 0) return capability;
  const at = history.length - lagTurns;
  const shippedAt = (k: number) => (k >= history.length ? capability : (history[Math.max(0, k)] as { capability: number }).capability);
  const lo = Math.floor(at);
  const w = at - lo;
  const past = w > 0 ? shippedAt(lo) + w * (shippedAt(lo + 1) - shippedAt(lo)) : shippedAt(lo);
  return Math.min(capability, past);
}

/** Capability reached from zero on cumulative compute K: capMax·(1 − (1 + K/K0)^−α). */
export function capabilityFromCompute(config: EconomyConfig, compute: number, alpha = config.capability.alpha): number {
  const { capMax, k0 } = config.capability;
  return capMax * (1 - (1 + compute / k0) ** -alpha);
}

/**
 * Capability after adding compute: the remaining gap to capMax shrinks by
 * ((1 + K1/K0)/(1 + K0'/K0))^−α. With a constant α this is exactly the closed form above;
 * when a "scaling wall" lowers α, the gains shrink but capability never falls and never
 * reaches capMax.
 *
 * `luck` is the run's fortune (1 = as its compute promised): the gap shrinks by that factor
 * raised to `luck`, so a small gain is scaled by `luck` and no run, however lucky, reaches capMax.
 */
export function capabilityAfterTraining(
  config: EconomyConfig,
  capability: number,
  computeBefore: number,
  computeAfter: number,
  alpha: number,
  luck = 1,
): number {
  const { capMax, k0 } = config.capability;
  if (computeAfter <= computeBefore) return capability;
  const shrink = ((1 + computeAfter / k0) / (1 + computeBefore / k0)) ** (-alpha * luck);
  return capMax - (capMax - capability) * shrink;
}
