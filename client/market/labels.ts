/**
 * Where each bubble's label goes so that no two labels overlap and no label covers another
 * bubble: pure, so it is tested without a browser. Each label comes in forms from most to
 * least informative (say name and valuation, name, name cut short). Inside the bubble beats
 * beside it, and any fuller form beats the last-resort form: so the order is fuller forms
 * inside, fuller forms beside, the last form inside, then beside; else the label is hidden
 * (pointing at the bubble, the leaderboard and the firm detail still name every firm). The
 * labels placed first (your own firm's) are never hidden: with no free spot, the last form
 * goes beside the bubble even over a neighbour, inside the field.
 */

import { money, t } from "../i18n.js";
import { type FirmFigures, formatChange } from "./figures.js";
import type { Point, Size } from "./packing.js";

export interface Circle extends Point {
  r: number;
  /** Marks drawn just outside the circle (an outline, a badge) that labels must clear too (px). */
  margin?: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label's sizes, most informative first (e.g. name and price, then name only). */
export type LabelVariants = readonly Size[];

export type Placement = "inside" | "below" | "above" | "right" | "left";

export interface PlacedLabel {
  /** Which variant fits, or -1 when none does and the label is hidden. */
  variant: number;
  placement: Placement | null;
  /** Top-left corner and size; null when hidden. */
  box: Box | null;
}

/** Space between a bubble's edge and a label placed beside it (px). */
const OFFSET = 3;

const OUTSIDE: readonly Placement[] = ["below", "above", "right", "left"];

/** `first`: labels placed before all others (your own firm's). */
export function placeLabels(circles: readonly Circle[], labels: readonly LabelVariants[], bounds: Size, first: readonly number[] = []): PlacedLabel[] {
  const placed: PlacedLabel[] = circles.map(() => ({ variant: -1, placement: null, box: null }));
  const taken: Box[] = [];
  // Then big bubbles: their labels go inside and never compete with anyone.
  const bySize = circles.map((_, i) => i).sort((a, b) => (circles[b]?.r ?? 0) - (circles[a]?.r ?? 0) || a - b);
  const order = [...first.filter((i) => i >= 0 && i < circles.length), ...bySize.filter((i) => !first.includes(i))];
  for (const i of order) {
    const circle = circles[i] as Circle;
    const variants = labels[i] ?? [];
    const choice = chooseSpot(i, circle, variants, circles, taken, bounds) ?? (first.includes(i) ? forcedSpot(circle, variants, bounds) : null);
    if (!choice) continue;
    placed[i] = choice;
    taken.push(choice.box as Box);
  }
  return placed;
}

function chooseSpot(
  self: number,
  circle: Circle,
  variants: LabelVariants,
  circles: readonly Circle[],
  taken: readonly Box[],
  bounds: Size,
): PlacedLabel | null {
  const last = variants.length - 1;
  const worded = variants.map((_, v) => v).slice(0, Math.max(0, last));
  const attempts: [number, Placement][] = [
    ...worded.map((v): [number, Placement] => [v, "inside"]),
    ...worded.flatMap((v) => OUTSIDE.map((p): [number, Placement] => [v, p])),
    ...(last >= 0 ? (["inside", ...OUTSIDE] as Placement[]).map((p): [number, Placement] => [last, p]) : []),
  ];
  for (const [variant, placement] of attempts) {
    const size = variants[variant] as Size;
    const box = boxFor(circle, size, placement);
    if (placement === "inside" && !fitsInside(circle, size)) continue;
    if (!withinBounds(box, bounds)) continue;
    if (taken.some((other) => boxesOverlap(box, other))) continue;
    if (circles.some((other, j) => j !== self && other.r > 0 && boxHitsCircle(box, { ...other, r: other.r + (other.margin ?? 0) }))) continue;
    return { variant, placement, box };
  }
  return null;
}

/** The last form beside the circle (below if it fits, else above), pushed inside the bounds. */
function forcedSpot(circle: Circle, variants: LabelVariants, bounds: Size): PlacedLabel | null {
  const variant = variants.length - 1;
  const size = variants[variant];
  if (!size) return null;
  const below = boxFor(circle, size, "below");
  const placement: Placement = below.y + below.height <= bounds.height ? "below" : "above";
  const box = boxFor(circle, size, placement);
  box.x = Math.min(Math.max(0, box.x), Math.max(0, bounds.width - box.width));
  box.y = Math.min(Math.max(0, box.y), Math.max(0, bounds.height - box.height));
  return { variant, placement, box };
}

export function boxFor(c: Circle, size: Size, placement: Placement): Box {
  const { width, height } = size;
  const gap = OFFSET + (c.margin ?? 0);
  switch (placement) {
    case "inside":
      return { x: c.x - width / 2, y: c.y - height / 2, width, height };
    case "below":
      return { x: c.x - width / 2, y: c.y + c.r + gap, width, height };
    case "above":
      return { x: c.x - width / 2, y: c.y - c.r - gap - height, width, height };
    case "right":
      return { x: c.x + c.r + gap, y: c.y - height / 2, width, height };
    case "left":
      return { x: c.x - c.r - gap - width, y: c.y - height / 2, width, height };
  }
}

/** The whole box inside the circle: its corners are within the radius. */
function fitsInside(c: Circle, size: Size): boolean {
  return (size.width / 2) ** 2 + (size.height / 2) ** 2 <= c.r * c.r;
}

function withinBounds(box: Box, bounds: Size): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= bounds.width && box.y + box.height <= bounds.height;
}

/** Whether a label's box lies (even partly) under a card over the field (null: no card open). */
export function coveredBy(box: Box, cover: Box | null): boolean {
  return cover !== null && cover.width > 0 && cover.height > 0 && boxesOverlap(box, cover);
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function boxHitsCircle(box: Box, c: Circle): boolean {
  const nearestX = Math.min(Math.max(c.x, box.x), box.x + box.width);
  const nearestY = Math.min(Math.max(c.y, box.y), box.y + box.height);
  return (c.x - nearestX) ** 2 + (c.y - nearestY) ** 2 < c.r * c.r;
}

/** A label's forms, fullest first: name and valuation, the name alone, the name cut short. */
export type Variant = "full" | "name" | "short";
export const VARIANTS: readonly Variant[] = ["full", "name", "short"];

/** What a label calls the firm: its name, and "(you)" on your own. */
export function nameOf(firm: FirmFigures): string {
  return firm.mine ? t("market.label.mine", { name: firm.name }) : firm.name;
}

/** The label's second line: valuation, as on the leaderboard (to the $M), and the share price's change ("you" on yours). */
export function valuationLine(firm: FirmFigures): string {
  const figures = { value: money(firm.valuation), change: formatChange(firm.priceChange) };
  return (firm.mine ? t("market.label.mineValue", figures) : t("market.label.value", figures)).trim();
}

/** What each form of a firm's label says, line by line (see `FieldLabels`). */
export function labelLines(firm: FirmFigures, variant: Variant): string[] {
  if (variant === "full") return [firm.name, valuationLine(firm)];
  if (variant === "name") return [nameOf(firm)];
  return [firm.mine ? t("market.label.you") : firm.name];
}
