import { niceTicks } from "../market/axis.js";

/** Round ticks spanning [min, max] without forcing zero in (ratios live around 1). */
export function ticksAround(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const step = niceTicks(0, Math.max(1e-9, max - min), count)[1] ?? 1;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks.length > 1 ? ticks : [first, first + step];
}
