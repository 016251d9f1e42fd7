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
