import type { Translate } from "../../shared/i18n/catalog.js";
import type { TurnWords } from "../../shared/words/turns.js";
import { niceTicks } from "../market/axis.js";
import { FONT_SIZE, textWidth } from "./measure.js";

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
 * Where each of an axis's labels goes (its centre), or null where it is left out: `xs` their
 * ticks' positions, `widths` their drawn widths (px), `left`/`right` the room the text may use
 * (the chart's edges). Each label is centred on its tick, slid inward where that would run past
 * an edge. Every label shows if they all keep `gap` apart; else every second one, or every
 * third..., the smallest regular step from the first that fits with the last always shown. The labels used to be pinned to run rightward from the first tick and
 * leftward from the last: at 1920×1080 that pushed out "第 1 回合" and "第 7 回合" with room to spare.
 */
export function turnLabels(xs: readonly number[], widths: readonly number[], left: number, right: number, gap = 12): (number | null)[] {
  const n = xs.length;
  if (n === 0) return [];
  const centre = xs.map((x, i) => {
    const half = (widths[i] as number) / 2;
    return Math.max(left + half, Math.min(right - half, x));
  });
  const clear = (a: number, b: number) => (centre[b] as number) - (widths[b] as number) / 2 - ((centre[a] as number) + (widths[a] as number) / 2) >= gap;
  for (let step = 1; step < n; step++) {
    const picked: number[] = [];
    for (let i = 0; i < n - 1; i += step) picked.push(i);
    picked.push(n - 1);
    if (picked.every((i, k) => k === 0 || clear(picked[k - 1] as number, i))) return xs.map((_, i) => (picked.includes(i) ? (centre[i] as number) : null));
  }
  // Not even the first and last fit apart: the first alone.
  return xs.map((_, i) => (i === 0 ? (centre[0] as number) : null));
}

/**
 * The margin right of a full chart's plot: room for the last turn's label centred on its tick
 * (slid left inside a 14 px margin, "第 8 回合" ran into "第 7 回合" and every second label went).
 */
export function turnsRightPad(lastLabel: string, fontSize = FONT_SIZE): number {
  return Math.max(14, Math.ceil(textWidth(lastLabel, fontSize) / 2) + 2);
}

/**
 * A turn on a small chart's axis, in as few characters as a language allows: "Q3" / "T3", and in
 * Chinese the bare number (第 3 回合 is ~67 px at the small charts' font: on a 240 px chart only the
 * first and last turn fit, the full charts beside them name the unit).
 */
export function compactTurnLabel(t: Translate, turn: number, turns: TurnWords): string {
  return turns.quarterly ? t("common.quarterAxis", { quarter: turn }) : t("common.turn.axis", { turn });
}
