/** `npm run sim -- --search`: the exploit search on worker threads, and its win rates for `--check`. */
import { describePolicy } from "../../shared/bots/policy.js";
import type { ScenarioId } from "../../shared/schemas/vocabulary.js";
import { type LineupSeat, seatLabel } from "../../shared/sim/play.js";
import {
  byPolicy,
  DEFAULT_SEARCH_LINEUP,
  type EvaluationRequest,
  evaluationSpecs,
  type GameOutcome,
  outcomeOf,
  planSearch,
  type SearchOptions,
  type SearchResult,
  searchConfig,
  searchSteps,
} from "../../shared/sim/search.js";
import { writePolicy } from "./policy-file.js";
import { openPool, type SimPool } from "./pool.js";

/** Games `--search` plays when `--budget` is not given. */
export const DEFAULT_SEARCH_BUDGET = 12_000;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Runs the search's steps on the pool; `log` hears one line per generation. */
export async function searchOnPool(options: SearchOptions, pool: SimPool, log: (line: string) => void = () => {}): Promise<SearchResult> {
  const config = searchConfig(options);
  const lineUp = options.lineUp ?? DEFAULT_SEARCH_LINEUP;
  const steps = searchSteps(options);
  const evaluate = async (request: EvaluationRequest): Promise<GameOutcome[][]> => {
    const results = await pool.run(evaluationSpecs(config, lineUp, request), { csv: false, records: false, progress: false });
    return byPolicy(
      request,
      results.map((r) => outcomeOf(r.summary)),
    );
  };
  let step = steps.next();
  let generation = 0;
  while (!step.done) {
    const request = step.value;
    const outcomes = await evaluate(request);
    step = steps.next(outcomes);
    if (request.phase === "search") log(`generation ${++generation}`);
  }
  return step.value;
}

/** The search's result as the CLI prints it. */
export function printSearch(result: SearchResult, seconds: number): void {
  console.log("\nGenerations (fitness = win rate + a tenth of the score ratio to the best other seat, on the generation's shared seeds):");
  for (const g of result.generations)
    console.log(
      `  ${String(g.generation).padStart(3)}  best ${g.bestFitness.toFixed(3)} (win ${pct(g.bestWinRate).padStart(6)})  mean ${g.meanFitness.toFixed(3)}  best from ${g.best}`,
    );
  console.log(`\nBest policy found (from ${result.origin}); features: sentiment = S − 1, bubble = B − 1, cash = log10(cash ÷ start):`);
  for (const line of describePolicy(result.best)) console.log(`  ${line}`);
  console.log(`\nOn ${result.freshGames} fresh seeds (not used by the search):`);
  const width = Math.max(12, result.baseline.origin.length + 12);
  console.log(`  ${"seat".padEnd(width)}${"win".padStart(8)}${"mean score".padStart(14)}`);
  const row = (name: string, win: number, score: number) =>
    console.log(`  ${name.padEnd(width)}${pct(win).padStart(8)}${Math.round(score).toLocaleString("en-US").padStart(14)}`);
  row("policy", result.winRate, result.meanScore);
  row(`(start: ${result.baseline.origin})`, result.baseline.winRate, result.baseline.meanScore);
  for (const o of result.opponents) row(o.strategy, o.winRate, o.meanScore);
  console.log("  (the start row: generation 0's best start policy in the same seat on the same seeds; the line-up's rows are from the best policy's games)");
  console.log(
    `\n${result.evaluated.toLocaleString("en-US")} games (${result.plan.generations} generations × ${result.plan.population} policies × ${result.plan.seedsPerGeneration} games, validation ${result.plan.validated} × ${result.plan.validationGames}, fresh 2 × ${result.plan.freshGames}) in ${seconds.toFixed(1)} s: ${Math.round((60 * result.evaluated) / seconds).toLocaleString("en-US")} evaluations (games) per minute`,
  );
}

/**
 * `--check` with `--check-search-budget`: a bounded search per game length, against the
 * default line-up; balance.ts's "search finds nothing above 40%" target reads the win rates.
 */
export async function searchWinRates(
  base: Omit<SearchOptions, "quarters">,
  pool: SimPool,
  lengths: readonly number[],
): Promise<Record<number, { winRate: number; against: string }>> {
  const rates: Record<number, { winRate: number; against: string }> = {};
  for (const quarters of lengths) {
    const found = await searchOnPool({ ...base, quarters }, pool);
    const against = (base.lineUp ?? DEFAULT_SEARCH_LINEUP).map(seatLabel).join(", ");
    rates[quarters] = { winRate: found.winRate, against: `${against} (${found.evaluated} games; best from ${found.origin})` };
  }
  return rates;
}

/** `--search`: runs the search with the command line's line-up, length, preset and budget, and writes the best policy. */
export async function searchCommand(options: Record<string, unknown>, override: unknown, lineUp: LineupSeat[]): Promise<number> {
  const workers = options.workers as number;
  const search: SearchOptions = {
    lineUp,
    scenario: options.scenario as ScenarioId,
    ...(options.quarters ? { quarters: options.quarters as number } : {}),
    override,
    budget: (options.budget as number | undefined) ?? DEFAULT_SEARCH_BUDGET,
    seed: String(options.seed),
    ...(options.population ? { population: options.population as number } : {}),
    ...(options.games ? { seedsPerGeneration: options.games as number } : {}),
  };
  const plan = planSearch(search.budget, search.population, search.seedsPerGeneration);
  const out = (options.out as string | undefined) ?? "sim-out/best-policy.json";
  const progress = options.progress !== false;
  console.log(
    `Searching for a policy that beats ${lineUp.map(seatLabel).join(", ")} (${search.scenario}, ${searchConfig(search).quarters} quarters): ${search.budget} games on ${workers} worker${workers > 1 ? "s" : ""}, seed ${search.seed}`,
  );
  const pool = openPool(workers);
  const started = Date.now();
  try {
    const result = await searchOnPool(search, pool, (line) => {
      if (progress) process.stderr.write(`search: ${line} of ${plan.generations}\n`);
    });
    printSearch(result, (Date.now() - started) / 1000);
    writePolicy(out, result.best);
    console.log(`Wrote ${out}; play it again with --firms ${lineUp.map(seatLabel).join(",")},policy:${out}`);
    return 0;
  } finally {
    await pool.destroy();
  }
}
