/** Quantile with linear interpolation between order statistics (p in [0, 1]). */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

export function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  if (items.length === 0) return Number.NaN;
  let hits = 0;
  for (const item of items) if (test(item)) hits++;
  return hits / items.length;
}

export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

export function band(values: readonly number[]): Band {
  return { p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9) };
}
