import { describe, expect, test } from "vitest";
import { alignedStart, largestHeld, ratio, windowHolds } from "../../server/bench/load/verdict.js";

const goal = { ackP99Ms: 50, resolveP99Ms: 100 };
const win = (ack: number, resolve = 30, failedRooms = 0) => ({ failedRooms, ack: { p99: ack }, resolveToPatch: { p99: resolve } });

describe("the bench's verdict, the same for the game and the bare room", () => {
  test("a window holds only with every room open and both p99s under their goals", () => {
    expect(windowHolds(goal, win(49.9))).toBe(true);
    expect(windowHolds(goal, win(50))).toBe(false);
    expect(windowHolds(goal, win(10, 100))).toBe(false);
    expect(windowHolds(goal, win(10, 30, 1))).toBe(false);
  });

  test("the largest N held is the largest step that held, even above a step that did not", () => {
    // The quiet-machine run in the README: the game failed 600 and held 800; the old rule (from the bottom up) said 0.
    const game = [
      { rooms: 600, held: false },
      { rooms: 800, held: true },
      { rooms: 1000, held: false },
    ];
    const bare = [
      { rooms: 600, held: true },
      { rooms: 800, held: true },
      { rooms: 1000, held: true },
    ];
    expect(largestHeld(game)).toBe(800);
    expect(largestHeld(bare)).toBe(1000);
    expect(ratio(game, bare)).toBe(0.8);
    expect(largestHeld([{ rooms: 100, held: false }])).toBe(0);
    expect(ratio(game, [{ rooms: 100, held: false }])).toBeNull();
  });

  test("every window starts half a ping interval after a round, so a 20 s window holds exactly one 30 s round on either server", () => {
    const interval = 30_000;
    const lastRound = 1_000_000;
    for (const now of [lastRound + 1, lastRound + 14_999, lastRound + 15_001, lastRound + 29_000, lastRound + 95_000]) {
      const start = alignedStart(lastRound, interval, now);
      expect(start).toBeGreaterThanOrEqual(now);
      expect(start - now).toBeLessThanOrEqual(interval);
      const rounds = [0, 1, 2, 3, 4, 5].map((k) => lastRound + k * interval).filter((t) => t >= start && t < start + 20_000);
      expect(rounds).toHaveLength(1);
    }
  });
});
