import { describe, expect, test } from "vitest";
import type { FirmFigures } from "../../client/market/figures.js";
import { type Box, boxesOverlap, boxHitsCircle, type Circle, coveredBy, labelLines, placeLabels } from "../../client/market/labels.js";
import { packCircles, type Size } from "../../client/market/packing.js";

const FIELD: Size = { width: 648, height: 600 };
// Name and valuation on two lines, the name alone, or the name cut short: sizes as the field measures them.
const FULL = { width: 96, height: 34 };
const NAME = { width: 60, height: 18 };
const SHORT = { width: 52, height: 16 };
const VARIANTS = [FULL, NAME, SHORT];

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
      // Most firms keep at least a short name; with a 1:1000 spread the specks may lose theirs
      // (pointing at them, and the leaderboard, still name them).
      expect(placed.filter((p) => p.box).length).toBeGreaterThanOrEqual(spread === 1 ? 40 : spread === 10 ? 36 : 24);
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

describe("your firm is always named", () => {
  test("with no free spot, your label still shows beside your bubble, inside the field; others' are hidden", () => {
    // Two bubbles filling a small field: no label fits anywhere without covering the other.
    const circles: Circle[] = [
      { x: 50, y: 50, r: 48 },
      { x: 150, y: 50, r: 48 },
    ];
    const variants = circles.map(() => [
      { width: 200, height: 90 },
      { width: 100, height: 16 },
    ]);
    const bounds = { width: 200, height: 100 };
    const placed = placeLabels(circles, variants, bounds, [1]);
    expect(placed[0]?.box).toBeNull();
    const mine = placed[1]?.box;
    expect(mine).not.toBeNull();
    expect(placed[1]?.variant).toBe(1);
    if (!mine) return;
    expect(mine.x).toBeGreaterThanOrEqual(0);
    expect(mine.y).toBeGreaterThanOrEqual(0);
    expect(mine.x + mine.width).toBeLessThanOrEqual(bounds.width);
    expect(mine.y + mine.height).toBeLessThanOrEqual(bounds.height);
  });
});

describe("what a label says", () => {
  const firm: FirmFigures = {
    firmId: "f7",
    name: "Northwind",
    seat: 7,
    mine: false,
    submitted: false,
    delisted: false,
    valuation: 1520,
    fundamentals: 600,
    sharePrice: 12.5,
    priceChange: 0.052,
    reports: 3,
  };

  test("valuation in the leaderboard's units, never a bare share price or seat number", () => {
    expect(labelLines(firm, "full")).toEqual(["Northwind", "$1,520M ▲ 5.2%"]);
    // To the $M, as the leaderboard and the report beside the field write a valuation.
    expect(labelLines(firm, "full")[1]).toBe("$1,520M ▲ 5.2%");
    expect(labelLines(firm, "name")).toEqual(["Northwind"]);
    expect(labelLines(firm, "short")).toEqual(["Northwind"]);
    for (const variant of ["full", "name", "short"] as const) {
      for (const line of labelLines(firm, variant)) {
        expect(line).not.toMatch(/^\d+$/);
        expect(line).not.toContain("12.50");
      }
    }
  });

  test("your own firm says so in every form", () => {
    const mine = { ...firm, mine: true };
    expect(labelLines(mine, "full")).toEqual(["Northwind", "You · $1,520M ▲ 5.2%"]);
    expect(labelLines(mine, "name")).toEqual(["Northwind (you)"]);
    expect(labelLines(mine, "short")).toEqual(["You"]);
  });
});

describe("labels under the report card", () => {
  test("only the labels the open card covers step aside (all of them once hid while it was open, at 1920×1080 too)", () => {
    // The report card at 1920×1080: 360 px wide at the field's left, most of its height.
    const card = { x: 8, y: 8, width: 360, height: 760 };
    expect(coveredBy({ x: 300, y: 400, width: 80, height: 34 }, card)).toBe(true); // half under its right edge
    expect(coveredBy({ x: 560, y: 300, width: 80, height: 34 }, card)).toBe(false); // a bubble in the open field
    expect(coveredBy({ x: 100, y: 800, width: 80, height: 34 }, card)).toBe(false); // below the card
    // Closed (null), or hidden with its panel (no size): nothing is covered.
    expect(coveredBy({ x: 100, y: 100, width: 80, height: 34 }, null)).toBe(false);
    expect(coveredBy({ x: 100, y: 100, width: 80, height: 34 }, { x: 0, y: 0, width: 0, height: 0 })).toBe(false);
  });
});
