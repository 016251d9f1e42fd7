/**
 * Circle packing for the bubble field: pure and deterministic (no Phaser, no randomness), so
 * the same radii in the same rectangle always give the same picture, and a bubble stays
 * where it was from one quarter to the next.
 *
 * Radii are in value units (√$M, so area ∝ valuation). The scale (pixels per unit) comes from
 * a zoom: a round reference amount (1, 2 or 5 × a power of ten, in $M) that the legend draws
 * as a circle of a fixed size. The zoom persists across quarters while everything fits with
 * room for labels, so a market that doubles covers twice the area and a correction shrinks
 * every bubble in place; it steps (visibly, with the legend) only when the bubbles would
 * crowd the field or dwindle to specks.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Packing {
  /** Centres in pixels, (0, 0) at the rectangle's top-left; one per radius, same order. */
  centres: Point[];
  /** Pixels per value unit: a circle is drawn with radius `radii[i] × scale`. */
  scale: number;
  /** The zoom: the amount ($M) the legend's circle stands for; `scale = legendRadius / √reference`. */
  reference: number;
}

export interface PackOptions {
  /** The layout of the previous quarter, one entry per radius (null for a circle new to it). */
  previous?: { centres: readonly (Point | null)[]; reference: number } | undefined;
  /** Minimum empty space between two circles, and between a circle and the edge, in pixels. */
  gap?: number;
}

/**
 * Share of the rectangle the circles cover when the zoom is chosen afresh: a few firms get
 * room around them for labels; many firms get bigger bubbles so their names fit inside.
 */
export function targetDensity(count: number): number {
  return 0.3 + 0.1 * Math.min(1, Math.max(0, count - 6) / 34);
}
/** Above this share of the field the zoom steps out: labels need room between bubbles. */
export const MAX_DENSITY = 0.5;
/** Below this the zoom steps in again (after a long slump the bubbles would be specks). */
export const MIN_DENSITY = 0.06;
const ITERATIONS = 400;
const ATTEMPTS = 12;
const EPSILON = 1e-6;
const OVERSHOOT = 0.01; // px

/** The legend circle's radius in a field of this size (px): about 4.5% of its mean side, 12–32 px. */
export function legendRadius(rect: Size): number {
  return Math.min(32, Math.max(12, 0.045 * Math.sqrt(rect.width * rect.height)));
}

/** Pixels per √$M at this zoom in this field. */
export function scaleFor(reference: number, rect: Size): number {
  return legendRadius(rect) / Math.sqrt(reference);
}

/**
 * The zoom ladder: 1, 2, 5 × 10ⁿ $M. `stepReference(v, 0)` is the rung nearest to `v` (in
 * ratio); `step` +1 is one rung up, a zoom out (a bigger amount per circle).
 */
export function stepReference(reference: number, step: number): number {
  const exponent = Math.floor(Math.log10(reference) + EPSILON);
  const mantissa = reference / 10 ** exponent;
  // Geometric midpoints between the rungs: √2, √10, √50.
  const nearest = mantissa < Math.SQRT2 ? 0 : mantissa < Math.sqrt(10) ? 1 : mantissa < Math.sqrt(50) ? 2 : 3;
  const index = nearest + step;
  const power = exponent + Math.floor(index / 3);
  const rung = [1, 2, 5][((index % 3) + 3) % 3] as number;
  return Number((rung * 10 ** power).toPrecision(6));
}

export function packCircles(radii: readonly number[], rect: Size, options: PackOptions = {}): Packing {
  const n = radii.length;
  const gap = options.gap ?? 0;
  if (n === 0) return { centres: [], scale: scaleFor(options.previous?.reference ?? 1000, rect), reference: options.previous?.reference ?? 1000 };
  const sizes = radii.map((r) => (Number.isFinite(r) && r > 0 ? r : 0));
  let reference = chooseZoom(sizes, rect, gap, options.previous?.reference);
  const anchors = sizes.map((_, i) => options.previous?.centres[i] ?? seatAnchor(i, n, rect));
  let centres = anchors.map((p) => ({ x: p.x, y: p.y }));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const scale = scaleFor(reference, rect);
    const drawn = sizes.map((r) => r * scale);
    centres = relax(centres, anchors, drawn, rect, gap);
    if (fits(centres, drawn, rect, gap)) return { centres, scale, reference };
    reference = stepReference(reference, 1);
  }
  // Never reached in practice; a grid is the layout that is sure to fit.
  return gridLayout(sizes, rect, gap);
}

/** The total area of circles of these radii at this scale, as a share of the rectangle. */
export function density(radii: readonly number[], scale: number, rect: Size): number {
  const area = radii.reduce((sum, r) => sum + Math.PI * (r * scale) ** 2, 0);
  return area / (rect.width * rect.height);
}

/**
 * The zoom for these circles: the previous one while the biggest circle fits and the cover
 * stays between MIN_DENSITY and MAX_DENSITY; else the step whose cover is nearest the target.
 */
export function chooseZoom(radii: readonly number[], rect: Size, gap: number, previous: number | undefined): number {
  const biggest = Math.max(...radii);
  if (biggest <= 0) return previous ?? 1000;
  const fitsAlone = (reference: number) => biggest * scaleFor(reference, rect) <= Math.min(rect.width, rect.height) / 2 - gap;
  const cover = (reference: number) => density(radii, scaleFor(reference, rect), rect);
  if (previous !== undefined && previous > 0) {
    const c = cover(previous);
    if (fitsAlone(previous) && c <= MAX_DENSITY && c >= MIN_DENSITY) return previous;
  }
  // Start where the target cover would be exactly, then take the ladder's nearest step that fits.
  const target = targetDensity(radii.length);
  const ideal = cover(1) / target; // cover ∝ 1 / reference
  let reference = stepReference(Math.max(1e-3, ideal), 0);
  if (Math.abs(Math.log(cover(stepReference(reference, 1)) / target)) < Math.abs(Math.log(cover(reference) / target))) reference = stepReference(reference, 1);
  while (!fitsAlone(reference) || cover(reference) > MAX_DENSITY) reference = stepReference(reference, 1);
  return reference;
}

/**
 * Where circle `i` of `n` would like to sit before anything is known: evenly round an ellipse
 * for a few firms; for many, a sunflower spiral stretched from its disc to the whole
 * rectangle (so the corners are used too). Seat order fixes the angle.
 */
export function seatAnchor(i: number, n: number, rect: Size): Point {
  const cx = rect.width / 2;
  const cy = rect.height / 2;
  if (n === 1) return { x: cx, y: cy };
  if (n <= 7) {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: cx + Math.cos(angle) * rect.width * 0.3, y: cy + Math.sin(angle) * rect.height * 0.3 };
  }
  const golden = Math.PI * (3 - Math.sqrt(5));
  const rho = Math.sqrt((i + 0.5) / n);
  const square = discToSquare(Math.cos(i * golden) * rho, Math.sin(i * golden) * rho);
  return { x: cx + square.x * cx * 0.88, y: cy + square.y * cy * 0.88 };
}

/** Fong's elliptical grid mapping: the unit disc onto the square [-1, 1]². */
function discToSquare(u: number, v: number): Point {
  const root = (a: number) => Math.sqrt(Math.max(0, a));
  const k = 2 * Math.SQRT2;
  const u2 = u * u;
  const v2 = v * v;
  return {
    x: 0.5 * root(2 + u2 - v2 + k * u) - 0.5 * root(2 + u2 - v2 - k * u),
    y: 0.5 * root(2 - u2 + v2 + k * v) - 0.5 * root(2 - u2 + v2 - k * v),
  };
}

/**
 * Pushes overlapping circles apart (the smaller one moves more), keeps them inside, and pulls
 * each gently towards its anchor; the pull fades out so the last rounds only separate.
 */
function relax(start: readonly Point[], anchors: readonly Point[], radii: readonly number[], rect: Size, gap: number): Point[] {
  const p = start.map((c) => ({ x: c.x, y: c.y }));
  const n = p.length;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const pull = iteration < ITERATIONS / 2 ? 0.02 : 0;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const a = p[i] as Point;
      const anchor = anchors[i] as Point;
      a.x += (anchor.x - a.x) * pull;
      a.y += (anchor.y - a.y) * pull;
    }
    for (let i = 0; i < n; i++) {
      const a = p[i] as Point;
      const ra = radii[i] as number;
      for (let j = i + 1; j < n; j++) {
        const b = p[j] as Point;
        const rb = radii[j] as number;
        const want = ra + rb + gap;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        const squared = dx * dx + dy * dy;
        if (squared >= want * want) continue;
        let d = Math.sqrt(squared);
        // Overshoot by a hundredth of a pixel: chains of neighbours then settle in a few
        // rounds instead of creeping towards "just touching" forever.
        const push = want + OVERSHOOT - d;
        if (d < EPSILON) {
          // Coincident centres: split them along a direction fixed by their seats.
          const angle = ((i * 7 + j * 13) % 360) * (Math.PI / 180);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        }
        const massA = ra * ra + EPSILON;
        const massB = rb * rb + EPSILON;
        const shareA = massB / (massA + massB);
        a.x -= (dx / d) * push * shareA;
        a.y -= (dy / d) * push * shareA;
        b.x += (dx / d) * push * (1 - shareA);
        b.y += (dy / d) * push * (1 - shareA);
        worst = Math.max(worst, push);
      }
    }
    for (let i = 0; i < n; i++) clampInside(p[i] as Point, radii[i] as number, rect, gap);
    if (pull === 0 && worst === 0) break;
  }
  return p;
}

function clampInside(c: Point, r: number, rect: Size, gap: number): void {
  const marginX = Math.min(r + gap, rect.width / 2);
  const marginY = Math.min(r + gap, rect.height / 2);
  c.x = Math.min(Math.max(c.x, marginX), rect.width - marginX);
  c.y = Math.min(Math.max(c.y, marginY), rect.height - marginY);
}

/** No two circles closer than their radii plus the gap; each inside the rectangle. */
function fits(centres: readonly Point[], radii: readonly number[], rect: Size, gap: number): boolean {
  const slack = 1e-6;
  for (let i = 0; i < centres.length; i++) {
    const a = centres[i] as Point;
    const ra = radii[i] as number;
    if (a.x - ra < -slack || a.y - ra < -slack || a.x + ra > rect.width + slack || a.y + ra > rect.height + slack) return false;
    for (let j = i + 1; j < centres.length; j++) {
      const b = centres[j] as Point;
      if (Math.sqrt((b.x - a.x) ** 2 + (b.y - a.y) ** 2) < ra + (radii[j] as number) + gap - slack) return false;
    }
  }
  return true;
}

function gridLayout(radii: readonly number[], rect: Size, gap: number): Packing {
  const n = radii.length;
  const columns = Math.ceil(Math.sqrt((n * rect.width) / rect.height));
  const rows = Math.ceil(n / columns);
  const cell = Math.min(rect.width / columns, rect.height / rows);
  const biggest = Math.max(...radii, EPSILON);
  const scale = Math.max(EPSILON, cell / 2 - gap) / biggest;
  const centres = radii.map((_, i) => ({ x: ((i % columns) + 0.5) * cell, y: (Math.floor(i / columns) + 0.5) * cell }));
  return { centres, scale, reference: (legendRadius(rect) / scale) ** 2 };
}
