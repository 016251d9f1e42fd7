import { describe, expect, test } from "vitest";
import { type Box, boxesOverlap, boxHitsCircle, type Circle, placeLabels } from "../../client/market/labels.js";
import { packCircles, type Size } from "../../client/market/packing.js";

const FIELD: Size = { width: 648, height: 600 };
// Name and price on two lines, the name alone, or the seat number: sizes as the field measures them.
const FULL = { width: 96, height: 34 };
const NAME = { width: 60, height: 18 };
const TAG = { width: 22, height: 16 };
const VARIANTS = [FULL, NAME, TAG];

function field(valuations: readonly number[]): Circle[] {
  const radii = valuations.map(Math.sqrt);
  const packing = packCircles(radii, FIELD, { gap: 4 });
  return packing.centres.map((c, i) => ({ x: c.x, y: c.y, r: (radii[i] as number) * packing.scale }));
}

function expectNoOverlap(circles: readonly Circle[], boxes: readonly (Box | null)[]): void {
  boxes.forEach((box, i) => {
    if (!box) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(FIELD.width);
    expect(box.y + box.height).toBeLessThanOrEqual(FIELD.height);
    boxes.forEach((other, j) => {
      if (j !== i && other) expect(boxesOverlap(box, other)).toBe(false);
    });
    circles.forEach((c, j) => {
      if (j !== i) expect(boxHitsCircle(box, c)).toBe(false);
    });
  });
}

describe("placing bubble labels", () => {
  test("six firms of similar size: every full label sits inside its bubble", () => {
    const circles = field([1000, 1100, 900, 1300, 950, 1050]);
    const placed = placeLabels(
      circles,
      circles.map(() => VARIANTS),
      FIELD,
    );
    expect(placed.map((p) => p.placement)).toEqual(Array(6).fill("inside"));
    expect(placed.every((p) => p.variant === 0)).toBe(true);
  });

  test("forty firms, spreads up to 1:1000: no label overlaps another label or another bubble, none leaves the field", () => {
    for (const spread of [1, 10, 1000]) {
      const valuations = Array.from({ length: 40 }, (_, i) => spread ** (((i * 37) % 40) / 39));
      const circles = field(valuations);
      const placed = placeLabels(
        circles,
        circles.map(() => VARIANTS),
        FIELD,
      );
      expectNoOverlap(
        circles,
        placed.map((p) => p.box),
      );
      // Every firm of similar size keeps at least its seat number; with a 1:1000 spread the
      // specks may lose theirs (the leaderboard still lists them).
      expect(placed.filter((p) => p.box).length).toBeGreaterThanOrEqual(spread === 1000 ? 30 : 40);
    }
  });

  test("a label with no room is hidden rather than drawn over something", () => {
    const circles: Circle[] = [
      { x: 50, y: 50, r: 48 },
      { x: 150, y: 50, r: 48 },
    ];
    const placed = placeLabels(
      circles,
      circles.map(() => [{ width: 200, height: 90 }]),
      { width: 200, height: 100 },
    );
    expect(placed.map((p) => p.variant)).toEqual([-1, -1]);
  });
});

describe("label priorities", () => {
  test("a name inside beats a full label beside it", () => {
    const circles: Circle[] = [
      { x: 100, y: 100, r: 36 },
      { x: 176, y: 100, r: 36 },
    ];
    const placed = placeLabels(
      circles,
      circles.map(() => VARIANTS),
      { width: 400, height: 300 },
      [1],
    );
    expect(placed.map((p) => [p.variant, p.placement])).toEqual([
      [1, "inside"],
      [1, "inside"],
    ]);
  });
});
