import { describe, expect, it } from "vitest";
import type { Policy } from "../../shared/bots/policy.js";
import { seedRng } from "../../shared/rng.js";
import { sample, update } from "../../shared/sim/cem.js";
import { driveSearch, type EvaluationRequest, type GameOutcome, planSearch, SearchBudgetError, searchExploit, searchSteps } from "../../shared/sim/search.js";

/** Four-quarter games keep the real search fast enough for a unit test. */
const SMALL = { quarters: 4, budget: 170, seed: "t", population: 6, seedsPerGeneration: 4 } as const;

describe("searchExploit", () => {
  it("is deterministic for a seed, and a different seed searches differently", () => {
    const a = searchExploit(SMALL);
    const b = searchExploit(SMALL);
    expect(b).toEqual(a);
    expect(a.evaluated).toBeLessThanOrEqual(SMALL.budget);
    expect(a.evaluated).toBeLessThanOrEqual(a.plan.generations * 6 * 4 + a.plan.validated * a.plan.validationGames + 2 * a.plan.freshGames);
    expect(a.baseline.origin).toMatch(/^(scaler|builder|balanced|pivot|open)$/); // the first six candidates are the first six starts
    expect(a.winRate).toBeGreaterThanOrEqual(0);
    expect(a.opponents.map((o) => o.strategy)).toEqual(["scaler", "builder", "balanced", "pivot"]);
    const c = searchExploit({ ...SMALL, seed: "u" });
    expect(c.generations).not.toEqual(a.generations);
  });

  it("refuses a budget too small for two generations, saying how much it needs", () => {
    expect(() => planSearch(100, 20, 20)).toThrow(SearchBudgetError);
    expect(() => planSearch(100, 20, 20)).toThrow(/give at least \d+/);
  });
});

/**
 * A planted exploit: a fake market in which the searched seat wins exactly when it spends at
 * least 90% of its weight… on marketing, with its weights closed and on flexible compute —
 * a corner no start policy is near (their marketing base is ≤ 0.2). Below it, the seat's
 * score rises with its marketing base, so there is a slope to climb.
 */
function plantedMarket(request: EvaluationRequest): GameOutcome[][] {
  return request.policies.map((policy: Policy) =>
    request.seeds.map(() => {
      const marketing = policy.early.marketing.base;
      const wins = marketing >= 0.9 && policy.openWeightsAt === null && policy.hardware === "flexible";
      return { scores: [1000, 900, 800, 700, wins ? 2000 : Math.max(0, 500 * (marketing + 1))], winner: wins ? 4 : 0 };
    }),
  );
}

describe("the optimiser", () => {
  it("finds a planted exploit that no start policy plays", () => {
    const result = driveSearch(searchSteps({ budget: 2000, seed: "plant", population: 16, seedsPerGeneration: 2 }), plantedMarket);
    expect(result.generations[0]?.bestWinRate).toBe(0);
    expect(result.winRate).toBe(1);
    expect(result.best.early.marketing.base).toBeGreaterThanOrEqual(0.9);
    expect(result.origin).not.toMatch(/^(near )?[a-z-]+$/); // found by the search, not a start or its neighbour
  });

  it("moves its distribution toward the elite and keeps sampling inside the unit cube", () => {
    const rng = seedRng("cem");
    const cem = update(
      undefined,
      [
        [0.9, 0.1],
        [0.8, 0.2],
      ],
      0,
    );
    expect(cem.mean[0]).toBeCloseTo(0.85);
    const next = update(cem, [[0.2, 0.9]], 0.5);
    expect(next.mean[0]).toBeLessThan(cem.mean[0] as number);
    for (let i = 0; i < 200; i++) for (const u of sample({ mean: [0, 1], sd: [2, 2] }, rng)) expect(u >= 0 && u <= 1).toBe(true);
  });
});
