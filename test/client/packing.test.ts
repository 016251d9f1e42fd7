import { describe, expect, test } from "vitest";
import { chooseZoom, density, MAX_DENSITY, MIN_DENSITY, type Packing, packCircles, type Size, scaleFor, stepReference } from "../../client/market/packing.js";

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
    // The zoom is a round amount per legend circle (1-2-5 steps), so up to one step below the ideal size.
    expect(Math.max(...radii) * packing.scale).toBeGreaterThan(35);
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

describe("the zoom persists across quarters, so the market's size shows", () => {
  const rect = RECTS[1] as Size;

  test("the zoom is a round amount per legend circle: 1, 2 or 5 × 10ⁿ $M", () => {
    expect([0.7, 1, 1.6, 2, 4, 5, 8, 12, 1500, 3300].map((v) => stepReference(v, 0))).toEqual([0.5, 1, 2, 2, 5, 5, 10, 10, 2000, 5000]);
    expect(stepReference(1000, 1)).toBe(2000);
    expect(stepReference(5000, 1)).toBe(10000);
    expect(stepReference(1000, -1)).toBe(500);
    for (const count of [2, 6, 40]) {
      const reference = packCircles(radiiFor(count, 10, count), rect, { gap: 4 }).reference;
      expect(stepReference(reference, 0)).toBe(reference);
    }
  });

  test("a boom of 10% a quarter over 16 quarters: the total area grows with the market and the zoom steps at most twice", () => {
    for (const count of [6, 40]) {
      let radii = radiiFor(count, 10, count + 1);
      let packing = packCircles(radii, rect, { gap: 4 });
      const references = [packing.reference];
      const covers = [density(radii, packing.scale, rect)];
      for (let q = 0; q < 16; q++) {
        radii = radii.map((r) => r * Math.sqrt(1.1));
        packing = packCircles(radii, rect, { gap: 4, previous: packing });
        references.push(packing.reference);
        covers.push(density(radii, packing.scale, rect));
        expectValid(radii, packing, rect, 4);
      }
      const steps = references.filter((r, i) => i > 0 && r !== references[i - 1]).length;
      expect(steps).toBeLessThanOrEqual(2);
      // Between steps the drawn area grows by the market's 10% each quarter: the boom is seen.
      for (let i = 1; i < references.length; i++) {
        if (references[i] === references[i - 1]) expect((covers[i] as number) / (covers[i - 1] as number)).toBeCloseTo(1.1, 6);
        // A step is a zoom out, taken only when the bubbles would crowd the field.
        else expect(references[i] as number).toBeGreaterThan(references[i - 1] as number);
      }
    }
  });

  test("a crash to a tenth steps the zoom in once the bubbles would be specks, not before", () => {
    const radii = radiiFor(12, 10, 3);
    const before = packCircles(radii, rect, { gap: 4 });
    const halved = packCircles(
      radii.map((r) => r * Math.sqrt(0.5)),
      rect,
      { gap: 4, previous: before },
    );
    expect(halved.reference).toBe(before.reference);
    const crashed = radii.map((r) => r * Math.sqrt(0.05));
    expect(density(crashed, scaleFor(before.reference, rect), rect)).toBeLessThan(MIN_DENSITY);
    const after = packCircles(crashed, rect, { gap: 4, previous: halved });
    expect(after.reference).toBeLessThan(before.reference);
  });

  test("a new window size keeps the zoom while it fits, and the cover stays within bounds", () => {
    const radii = radiiFor(20, 10, 11);
    const wide = packCircles(radii, rect, { gap: 4 });
    const phone: Size = { width: 382, height: 520 };
    const reference = chooseZoom(radii, phone, 4, wide.reference);
    const cover = density(radii, scaleFor(reference, phone), phone);
    expect(cover).toBeLessThanOrEqual(MAX_DENSITY);
    expect(cover).toBeGreaterThanOrEqual(MIN_DENSITY);
  });
});
