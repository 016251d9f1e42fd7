/**
 * "Nice" tick values from 0 (or below, for negative values) to at least `max`: steps of 1, 2
 * or 5 × a power of ten, about `count` of them.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(lo + 1e-9, max);
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round step nearest above 80% of the raw one: 232 → 200, not 500.
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw * 0.8) ?? 10) * power;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < hi + step - 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Money in few characters: the shared formatter (the debrief's captions use it too). */
export { formatShortMoney } from "../../shared/format.js";
