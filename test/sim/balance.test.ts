import { describe, expect, it } from "vitest";
import { CHECK_BATCHES, evaluateBalance } from "../../shared/sim/balance.js";
import type { GameSummary } from "../../shared/sim/metrics.js";
import { configOrThrow, gameSeed, simulate } from "../../shared/sim/run.js";

/**
 * CI's balance guard: the same batches as `npm run sim -- --check`, on 300 seeded games
 * each. A rule or default change that breaks a DESIGN.md balance target fails here; run the
 * full check (1,000 games) with `npm run sim -- --check` and see docs/balance.md.
 */
const GAMES = 300;

describe("balance targets (300 seeded games per batch)", () => {
  const batches: Record<string, GameSummary[]> = {};
  for (const batch of CHECK_BATCHES) {
    const config = configOrThrow("ai-2025", batch.override);
    batches[batch.id] = simulate(
      Array.from({ length: GAMES }, (_, i) => ({ run: i, seed: gameSeed("ci", i), variant: batch.id, config, lineup: batch.lineup })),
    );
  }
  const results = evaluateBalance(batches);

  it.each(results.map((r) => [r.id, r] as const))("%s", (_id, result) => {
    expect(result.pass, `${result.target}: needs ${result.threshold}, measured ${result.measured}`).toBe(true);
  });
});
