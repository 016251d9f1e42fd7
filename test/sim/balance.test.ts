import { describe, expect, it } from "vitest";
import { CHECK_LENGTHS, checkBatches, evaluateBalance } from "../../shared/sim/balance.js";
import { probeInjections } from "../../shared/sim/injections.js";
import type { GameSummary } from "../../shared/sim/metrics.js";
import { configOrThrow, gameSeed, simulate } from "../../shared/sim/run.js";

/**
 * CI's balance guard: the batches of `npm run sim -- --check` at every length (8, 12, 16 and
 * 24 quarters), on 100 seeded games each (the full check plays 1,000). A rule or default
 * change that breaks a balance target fails here.
 *
 * KNOWN_MISSES are the DESIGN.md v2 targets the current economy does not meet yet (see
 * docs/balance.md, "Where v2 stands"): they are listed, not weakened, and a test fails when one
 * of them starts to pass, so the list cannot go stale.
 */
const GAMES = 100;

// econ-base (2.12.0 with the time-to-build patch's reach dials for the shipping bots, runs still shipping at once) moved
// these 100 games: 8q/open-tradeoff and 24q/builder-beats-scaler pass; a seat above 40% at 8q, the crowd's correction
// start at 12q and 24q and the release trade-off at 12q and 24q miss. 8q/dotcom-deeper missed there too and passes with
// engine 2.13.0's dotcom-1999 (docs/balance.md, "Presets and clocks under time to build").
const KNOWN_MISSES = new Set<string>([
  "8q/nothing-solved",
  "12q/nothing-solved",
  "16q/nothing-solved",
  "24q/nothing-solved",
  "12q/crowd-story",
  "24q/crowd-story",
  "12q/open-tradeoff",
  "24q/open-tradeoff",
]);

describe(`balance targets v2 (${GAMES} seeded games per batch, every length)`, () => {
  const batches: Record<string, GameSummary[]> = {};
  for (const batch of checkBatches()) {
    const config = configOrThrow(batch.scenario ?? "ai-2025", batch.override);
    batches[batch.id] = simulate(
      Array.from({ length: GAMES }, (_, i) => ({ run: i, seed: gameSeed("ci", i), variant: batch.id, config, lineup: batch.lineup })),
    );
  }
  const results = evaluateBalance(batches, CHECK_LENGTHS, {
    injectionMultiple: probeInjections((quarters) => configOrThrow("ai-2025", { quarters }), CHECK_LENGTHS, 4),
  });

  it.each(results.map((r) => [r.id, r] as const))("%s", (id, result) => {
    const detail = `${result.target}: needs ${result.threshold}, measured ${result.measured}`;
    if (KNOWN_MISSES.has(id)) expect(result.pass, `known miss now passes — remove it from KNOWN_MISSES: ${detail}`).toBe(false);
    else expect(result.pass, detail).toBe(true);
  });
});
