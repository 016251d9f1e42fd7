import { nextNormal, type RngState } from "../rng.js";

/**
 * The cross-entropy method (Rubinstein 1999; "noisy CEM", Szita & Lőrincz 2006) over the unit
 * cube: a diagonal Gaussian sampled each generation, refitted to the elite, with extra noise
 * that decays so the search does not collapse before it has looked around.
 */
export interface Cem {
  mean: number[];
  sd: number[];
}

export interface CemSettings {
  /** Weight of the new elite estimate against the old distribution (1 = no smoothing). */
  smoothing: number;
  /** Extra standard deviation added at the first update, falling linearly to 0 at the last. */
  extraNoise: number;
  /** No coordinate's spread falls below this. */
  minSd: number;
}

export const CEM_DEFAULTS: CemSettings = { smoothing: 0.7, extraNoise: 0.05, minSd: 0.01 };

const clip01 = (u: number) => Math.min(1, Math.max(0, u));

/** One candidate drawn from the distribution, clipped to the unit cube. */
export function sample(cem: Cem, rng: RngState): number[] {
  return cem.mean.map((m, i) => clip01(m + (cem.sd[i] as number) * nextNormal(rng)));
}

/** A candidate near `centre`, each coordinate moved by its own spread. */
export function perturb(centre: readonly number[], spreads: readonly number[], rng: RngState): number[] {
  return centre.map((m, i) => clip01(m + (spreads[i] as number) * nextNormal(rng)));
}

/** The distribution of a set of candidates (their mean and spread per coordinate). */
export function fitGaussian(points: readonly (readonly number[])[], minSd: number): Cem {
  const d = points[0]?.length ?? 0;
  const n = points.length;
  const mean = Array.from({ length: d }, (_, i) => points.reduce((s, p) => s + (p[i] as number), 0) / n);
  const sd = mean.map((m, i) => Math.max(minSd, Math.sqrt(points.reduce((s, p) => s + ((p[i] as number) - m) ** 2, 0) / n)));
  return { mean, sd };
}

/** Refits the distribution to the elite; `progress` (0…1) is how far the search has come. */
export function update(cem: Cem | undefined, elite: readonly (readonly number[])[], progress: number, settings: CemSettings = CEM_DEFAULTS): Cem {
  const target = fitGaussian(elite, settings.minSd);
  if (!cem) return target;
  const a = settings.smoothing;
  const extra = settings.extraNoise * Math.max(0, 1 - progress);
  return {
    mean: cem.mean.map((m, i) => (1 - a) * m + a * (target.mean[i] as number)),
    sd: cem.sd.map((s, i) => Math.max(settings.minSd, (1 - a) * s + a * (target.sd[i] as number) + extra)),
  };
}

/** Indices of the `count` highest scores, best first (ties keep the earlier index). */
export function topIndices(scores: readonly number[], count: number): number[] {
  return scores
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, count)
    .map(([, i]) => i);
}
