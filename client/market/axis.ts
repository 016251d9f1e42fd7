import { formatMoney } from "../../shared/format.js";

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

/** Money in few characters, for axes and lists: "$0", "$500M", "$1.5B", "$12B" (not "$1,500M"). */
export function formatShortMoney(millions: number): string {
  if (millions === 0) return "$0";
  const abs = Math.abs(millions);
  const sign = millions < 0 ? "-" : "";
  if (abs >= 1000) {
    const billions = abs / 1000;
    return `${sign}$${Number(billions.toFixed(billions >= 10 ? 0 : 1))}B`;
  }
  return abs >= 1 ? formatMoney(millions).replace(".0M", "M") : formatMoney(millions);
}
