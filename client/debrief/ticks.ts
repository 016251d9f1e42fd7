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

/**
 * Which of an axis's labels to show, `xs` their ticks' positions and `widths` their drawn widths
 * (px): the first (drawn rightward from its tick) and the last (leftward) always, and between
 * them, in order, each label centred on its tick that keeps `gap` from the one before and from
 * the last. Edge labels reach a whole width into the plot: spacing by one width, as the charts
 * once did, let "第 0 回合" run into "第 1 回合" at 1920×1080.
 */
export function shownLabels(xs: readonly number[], widths: readonly number[], gap = 12): boolean[] {
  const n = xs.length;
  if (n === 0) return [];
  const shown = xs.map((_, i) => i === 0 || i === n - 1);
  const lastLeft = (xs[n - 1] as number) - (widths[n - 1] as number);
  let right = (xs[0] as number) + (widths[0] as number);
  for (let i = 1; i < n - 1; i++) {
    const half = (widths[i] as number) / 2;
    const x = xs[i] as number;
    if (x - half >= right + gap && x + half <= lastLeft - gap) {
      shown[i] = true;
      right = x + half;
    }
  }
  return shown;
}
