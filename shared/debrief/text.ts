/** Number words for the debrief's captions: the same figure always reads the same way. */
import { formatMoney, formatShortMoney } from "../format.js";

/** 0.784 → "78%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A ratio such as the bubble ratio or sentiment: 2.046 → "2.05". */
export function ratio(value: number): string {
  return value.toFixed(2);
}

/** Money for captions: "$0", "$530M", "$15.6B", "-$410M". */
export function money(millions: number): string {
  if (Math.round(millions) === 0) return "$0";
  return Math.abs(millions) >= 1000 ? formatShortMoney(millions) : formatMoney(Math.round(millions));
}

export function quarterLabel(quarter: number): string {
  return `Q${quarter}`;
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > max) return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
