import { describe, expect, it } from "vitest";
import { nextFloat, nextNormal, nextUint32, type RngState, seedRng } from "../../shared/rng.js";

/** Seeded states and first draws recorded from main at b69a44e, before the seed words became signed. */
const PINNED: Record<string, { state: { a: number; b: number; c: number; d: number }; draws: number[] }> = {
  "42": { state: { a: 776854310, b: 735874669, c: 625054101, d: -1700401611 }, draws: [4107294664, 364735645, 1294772019] },
  "": { state: { a: 2015560240, b: 71422032, c: -2060676769, d: -1741755890 }, draws: [345226382, 1258551070, 2342302217] },
  bench: { state: { a: -2112563209, b: 485828823, c: 486191548, d: 1358791735 }, draws: [4027024645, 1925781015, 3115590383] },
  "ai-2025-7": { state: { a: -925876819, b: 602685081, c: 225332760, d: 2129894547 }, draws: [1806702809, 466756594, 2618320590] },
  "a much longer seed string with ünïcode ✓": {
    state: { a: -1183582267, b: -1471523087, c: 412401285, d: -2101521537 },
    draws: [3833307701, 135690759, 3190152865],
  },
};

describe("seeded generator", () => {
  it("seeds the same states and draws the same numbers as before its seed words became signed", () => {
    for (const [seed, pinned] of Object.entries(PINNED)) {
      const rng = seedRng(seed === "42" ? 42 : seed);
      expect({ ...rng }, seed).toEqual(pinned.state);
      expect([nextUint32(rng), nextUint32(rng), nextUint32(rng)], seed).toEqual(pinned.draws);
    }
  });
});

/** Box–Muller from two `nextFloat` draws: what `nextNormal` computed before its steps were written out. */
function composedNormal(rng: RngState): number {
  const u = 1 - nextFloat(rng);
  const v = nextFloat(rng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

describe("nextNormal", () => {
  it("draws the same numbers and leaves the same generator as two nextFloat draws, words at the int32 bounds included", () => {
    const starts: RngState[] = [
      { a: 2147483647, b: 2147483647, c: 2147483647, d: 2147483646 },
      { a: -2147483648, b: -2147483648, c: -2147483648, d: 2147483647 },
      { a: 0, b: 0, c: 0, d: -1 },
    ];
    for (let k = 0; k < 40; k++) starts.push(seedRng(`normal-${k}`));
    for (const start of starts) {
      const written = { ...start };
      const composed = { ...start };
      for (let n = 0; n < 50; n++) {
        expect(Object.is(nextNormal(written), composedNormal(composed))).toBe(true);
        expect(written).toEqual(composed);
      }
    }
  });
});
