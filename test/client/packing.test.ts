import { describe, expect, test } from "vitest";
import { density, type Packing, packCircles, type Size } from "../../client/market/packing.js";

/** A seeded spread of valuations between 1 and `spread` ($M), as packing radii (√V). */
function radiiFor(count: number, spread: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const values = Array.from({ length: count }, () => spread ** next());
  // Make sure both extremes are present.
  values[0] = 1;
  if (count > 1) values[count - 1] = spread;
  return values.map(Math.sqrt);
}

function expectValid(radii: readonly number[], packing: Packing, rect: Size, gap = 0): void {
  const eps = 1e-6;
  expect(packing.scale).toBeGreaterThan(0);
  packing.centres.forEach((a, i) => {
    const ra = (radii[i] as number) * packing.scale;
    expect(a.x - ra).toBeGreaterThanOrEqual(-eps);
    expect(a.y - ra).toBeGreaterThanOrEqual(-eps);
    expect(a.x + ra).toBeLessThanOrEqual(rect.width + eps);
    expect(a.y + ra).toBeLessThanOrEqual(rect.height + eps);
    for (let j = i + 1; j < radii.length; j++) {
      const b = packing.centres[j];
      if (!b) throw new Error("missing centre");
      const rb = (radii[j] as number) * packing.scale;
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(ra + rb + gap - eps);
    }
  });
}

// The field's rectangle at the 1280×720 design size, and a 1920×1080-shaped one.
const RECTS: Size[] = [
  { width: 648, height: 600 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

describe("packing bubbles", () => {
  for (const rect of RECTS) {
    test(`2 to 40 circles, spreads up to 1:1000, never overlap and stay inside ${rect.width}×${rect.height}`, () => {
      for (let count = 2; count <= 40; count++) {
        for (const spread of [1, 10, 1000]) {
          const radii = radiiFor(count, spread, count * 31 + spread);
          const packing = packCircles(radii, rect, { gap: 4 });
          expectValid(radii, packing, rect, 4);
        }
      }
    });
  }

  test("the biggest of 40 still gets a readable size, and the set fills a fair part of the field", () => {
    const rect = RECTS[0] as Size;
    const radii = radiiFor(40, 10, 7);
    const packing = packCircles(radii, rect, { gap: 4 });
    expect(Math.max(...radii) * packing.scale).toBeGreaterThan(40);
    expect(density(radii, packing.scale, rect)).toBeGreaterThan(0.2);
  });

  test("is deterministic: the same input gives the same layout", () => {
    const radii = radiiFor(25, 100, 3);
    const rect = RECTS[0] as Size;
    expect(packCircles(radii, rect, { gap: 4 })).toEqual(packCircles(radii, rect, { gap: 4 }));
    const previous = packCircles(radii, rect, { gap: 4 });
    const grown = radii.map((r, i) => r * (1 + (i % 3) * 0.1));
    expect(packCircles(grown, rect, { gap: 4, previous })).toEqual(packCircles(grown, rect, { gap: 4, previous }));
  });

  test("small changes in size move bubbles only a little, and keep the scale", () => {
    const rect = RECTS[0] as Size;
    for (const count of [2, 6, 12, 40]) {
      const radii = radiiFor(count, 20, count);
      const before = packCircles(radii, rect, { gap: 4 });
      const after = radii.map((r, i) => r * (i % 2 === 0 ? 1.03 : 0.97));
      const next = packCircles(after, rect, { gap: 4, previous: before });
      expect(next.scale).toBe(before.scale);
      expectValid(after, next, rect, 4);
      const moved = next.centres.map((c, i) => Math.hypot(c.x - (before.centres[i]?.x ?? 0), c.y - (before.centres[i]?.y ?? 0)));
      // A few pixels at most: far less than the smallest bubble's own size at this count.
      expect(Math.max(...moved)).toBeLessThan(12);
    }
  });

  test("a market-wide deflation shrinks bubbles in place: same scale, same centres", () => {
    const rect = RECTS[0] as Size;
    const radii = radiiFor(12, 10, 5);
    const before = packCircles(radii, rect, { gap: 4 });
    const deflated = radii.map((r) => r * Math.sqrt(0.6));
    const after = packCircles(deflated, rect, { gap: 4, previous: before });
    expect(after.scale).toBe(before.scale);
    after.centres.forEach((c, i) => {
      expect(c.x).toBeCloseTo(before.centres[i]?.x ?? Number.NaN, 6);
      expect(c.y).toBeCloseTo(before.centres[i]?.y ?? Number.NaN, 6);
    });
  });

  test("growth past what fits shrinks the scale so everything still fits", () => {
    const rect = RECTS[0] as Size;
    const radii = radiiFor(10, 5, 9);
    const before = packCircles(radii, rect, { gap: 4 });
    const boom = radii.map((r) => r * 3);
    const after = packCircles(boom, rect, { gap: 4, previous: before });
    expect(after.scale).toBeLessThan(before.scale);
    expectValid(boom, after, rect, 4);
  });

  test("one circle sits in the middle; zero and missing sizes do not break it", () => {
    const rect = RECTS[0] as Size;
    expect(packCircles([10], rect).centres[0]).toEqual({ x: 324, y: 300 });
    const packing = packCircles([0, 10, Number.NaN, 5], rect, { gap: 2 });
    expect(packing.centres).toHaveLength(4);
    for (const c of packing.centres) expect(Number.isFinite(c.x) && Number.isFinite(c.y)).toBe(true);
  });
});
