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

// Engine 2.13.0 (time to build, the shippers' reach, product-fit luck σ 1.2), measured on these 100 games:
// the release trade-off passes at 8q now (removed); dotcom-1999 deepens with its 2.13.0 dials (8q passes here, removed); a `builder` seat above 40% at 8q too (41.0%, disclosure-on; 39.9%
// on --check's 1,000 games); the 24q crowd's correction quarter and the injection bound miss on --check too; the crowd's `builder` delisting (12.0 / 11.0% here, 8.1 / 9.4% on 1,000 games) and the
// application regime's value created (2,146 vs 2,158 / 2,084 vs 2,086 here; it passes on 1,000 games) miss only on
// these 100 games. docs/balance.md, "Engine 2.13.0".
// econ-v11's bots (pivot and balanced move on from a missed market, balanced trains at half weight until the market warms):
// 16q/nothing-solved passes here (40.0%) and 16q/ and 24q/application-more-value pass (2,387 vs 2,366; 2,243 vs 2,239);
// 12q/application-more-value (2,311 vs 2,316), 24q/correction-midgame (the base batch's quarter 8.0; 9.0 on 1,000 games)
// and 24q/builder-survives (11.0%; 5.2% on 1,000 games) miss on these 100 games only. docs/balance.md, "Bots under time to build (econ-v11)".

// econ-v12 (growth priced once sustained; momentum in games longer than 16 quarters): the 24q crowd's correction quarter (9.0),
// the injection bound (2.47× here, 2.58× on --check) and 24q `builder` over `scaler` on mean (3,761 vs 3,334) pass here and were
// removed; `builder` delisted at 8q misses on these 100 games (11.0%; 8.1% on 1,000). docs/balance.md, "Clocks and the injection bound (econ-v12)".
// Engine 2.14.0 (both merged, and a game where every firm was delisted has no winner): 8q `builder` delisted (9.0%),
// 16q application regime's value (2,376 vs 2,365) and 24q `builder` over `scaler` (3,500 vs 3,156) pass here; 16q nothing-solved
// misses here only (`pivot` 41.0% in soft-landing; 38.8% at most on --check's 1,000 games).
const KNOWN_MISSES = new Set<string>([
  "8q/nothing-solved",
  "12q/nothing-solved",
  "12q/application-more-value",
  "16q/nothing-solved",
  "16q/crowd-delisting",
  "24q/correction-midgame",
  "24q/builder-survives",
  "24q/nothing-solved",
  "24q/crowd-delisting",
  "24q/soft-landing-lands",
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
