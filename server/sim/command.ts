/**
 * The headless simulator's command (`npm run sim -- [options]`, started by cli.ts): a thin
 * Node wrapper (arguments, files, worker threads, progress) around the pure `runGame` in
 * shared/sim. `main(argv)` returns the exit code, so its argument handling is testable in
 * the test's own process.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { ENGINE_VERSION } from "../../shared/engine/create.js";
import { SCENARIOS } from "../../shared/schemas/vocabulary.js";
import { aggregate } from "../../shared/sim/aggregate.js";
import { CHECK_LENGTHS, checkBatches, evaluateBalance, type TargetResult } from "../../shared/sim/balance.js";
import { CSV_HEADER } from "../../shared/sim/csv.js";
import { probeInjections } from "../../shared/sim/injections.js";
import type { GameSummary } from "../../shared/sim/metrics.js";
import { gameSeed, type RunSpec } from "../../shared/sim/run.js";
import { planSearch, SearchBudgetError } from "../../shared/sim/search.js";
import { readPolicySeat } from "./policy-file.js";
import { openPool, runAll } from "./pool.js";
import { replayCommand } from "./replay-command.js";
import { renderReport } from "./report.js";
import { DEFAULT_SEARCH_BUDGET, searchCommand, searchWinRates } from "./search-command.js";
import { type AB, buildConfig, parseAB, parseLineup, parseSweep, type Sweep, UsageError, type Variant, variantGrid } from "./variants.js";
import { writeParts } from "./write-parts.js";

/** Games per length on which `--check` tries every extreme injection in every quarter. */
const INJECTION_GAMES = 10;

function positiveInt(name: string) {
  return (text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got "${text}"`);
    return n;
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(): Command {
  return new Command("sim")
    .description("Play thousands of seeded games of bots on the shared engine and report distributions, sweeps, A/B tests and balance checks.")
    .option(
      "--games <n>",
      "games per variant (default 200; 1000 with --check; with --search: games per policy per generation, default 20)",
      positiveInt("--games"),
    )
    .option(
      "--firms <list>",
      "line-up of bots, names may repeat: scaler, builder, open, balanced, pivot, random, policy:<file>, preset:<name> (docs/search.md)",
      "scaler,builder,balanced,pivot",
    )
    .option("--scenario <id>", `scenario preset: ${SCENARIOS.join(", ")}`, "ai-2025")
    .option("--config <file>", "partial config override (JSON); unknown keys and bad values are errors")
    .option("--seed <seed>", "base seed: game i uses <seed>-i", "1")
    .option("--quarters <n>", "quarters per game (4–40)", positiveInt("--quarters"))
    .option("--sweep <name=from:to:steps>", "sweep a config value (repeat for a grid)", collect)
    .option("--ab <key=a,b>", "the same seeds under each value, e.g. disclosure=false,true or regime=application,model")
    .option("--workers <n>", "worker threads (default: all cores)", positiveInt("--workers"), availableParallelism())
    .option("--out <dir>", "output folder for runs.csv, summary.json, report.html (default sim-out; none with --check unless given)")
    .option("--records", "also write each game's replayable record to <out>/records/")
    .option("--check", "play the balance batches at 8, 12, 16 and 24 quarters (or --quarters) and fail (exit 1) when a DESIGN.md target is missed")
    .option("--search", "search for a policy that wins as a fifth seat against --firms (cross-entropy method); writes it to --out")
    .option("--budget <n>", `with --search: games to play in all (default ${DEFAULT_SEARCH_BUDGET})`, positiveInt("--budget"))
    .option("--population <n>", "with --search: policies per generation (default 20)", positiveInt("--population"))
    .option("--check-search-budget <n>", "with --check: also run an exploit search of <n> games at each length checked", positiveInt("--check-search-budget"))
    .option("--replay <file>", "re-run a stored game record and verify every quarter")
    .option("--swap <firm=bot>", "with --replay: play that seat with a bot and report how the outcome changes")
    .option("--from <quarter>", "with --swap: first quarter the bot plays (default 1)", positiveInt("--from"))
    .option("--no-progress", "no progress output")
    .addHelpText(
      "after",
      `
Examples:
  npm run sim -- --games 1000 --out sim-out
  npm run sim -- --check
  npm run sim -- --sweep correction.hazardMidpoint=2.4:3.2:5 --sweep sentiment.momentum=0.3:0.6:4
  npm run sim -- --ab disclosure=false,true
  npm run sim -- --search --quarters 12 --budget 12000 --out best.json
  npm run sim -- --firms scaler,builder,balanced,pivot,policy:best.json
  npm run sim -- --replay game.json --swap builder-2=pivot --from 5

Exit codes: 0 ok · 1 a balance target failed or a replay differs · 2 bad arguments or config`,
    );
}

/** The command as recorded in summary.json: without --workers and --out, which never change results. */
function recordedCommand(argv: readonly string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--workers" || arg === "--out") i++;
    else if (!arg.startsWith("--workers=") && !arg.startsWith("--out=") && arg !== "--no-progress") kept.push(arg);
  }
  return ["npm run sim --", ...kept].join(" ");
}

function readOverride(file: string | undefined): unknown {
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--config: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config: ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

interface Plan {
  variants: Variant[];
  /** Game lengths of a balance check. */
  lengths?: readonly number[];
  sweeps: Sweep[];
  ab?: AB;
  games: number;
}

function plan(options: Record<string, unknown>, base: unknown): Plan {
  const scenario = options.scenario as string;
  if (!(SCENARIOS as readonly string[]).includes(scenario))
    throw new UsageError(`--scenario: unknown scenario "${scenario}" (expected ${SCENARIOS.join(", ")})`);
  if (options.check) {
    if (options.sweep || options.ab) throw new UsageError("--check plays its own batches; it cannot be combined with --sweep or --ab");
    const lengths = options.quarters ? [options.quarters as number] : CHECK_LENGTHS;
    const variants = checkBatches(lengths).map((batch) => ({
      label: batch.id,
      override: batch.override as Record<string, unknown>,
      config: buildConfig(batch.scenario ?? scenario, base, batch.override, `check batch ${batch.id}`),
      lineup: batch.lineup,
    }));
    return { variants, sweeps: [], lengths, games: (options.games as number | undefined) ?? 1000 };
  }
  const lineup = parseLineup(options.firms as string, readPolicySeat);
  const sweeps = ((options.sweep as string[] | undefined) ?? []).map(parseSweep);
  const ab = options.ab ? parseAB(options.ab as string) : undefined;
  const variants = variantGrid(scenario, base, lineup, sweeps, ab);
  if (variants.length > 400) throw new UsageError(`the sweep grid has ${variants.length} points; keep it to 400 or fewer`);
  return { variants, sweeps, ...(ab ? { ab } : {}), games: (options.games as number | undefined) ?? 200 };
}

function printTable(stats: ReturnType<typeof aggregate>[]): void {
  for (const s of stats) {
    const width = Math.max(10, ...s.strategies.map((x) => x.strategy.length + 2));
    console.log(
      `\n${s.variant} — ${s.games} games · median peak B ${s.peakBubble.p50.toFixed(2)}× · correction ${(100 * s.correction.rate).toFixed(0)}% (median quarter ${s.correction.medianQuarter?.toFixed(1) ?? "–"})`,
    );
    console.log(
      `  ${"strategy".padEnd(width)}${"win".padStart(8)}${"mean score".padStart(14)}${"p10".padStart(10)}${"p50".padStart(10)}${"p90".padStart(10)}${"delisted".padStart(10)}`,
    );
    for (const x of s.strategies) {
      const m = (v: number) => Math.round(v).toLocaleString("en-US").padStart(10);
      console.log(
        `  ${x.strategy.padEnd(width)}${`${(100 * x.winRate).toFixed(1)}%`.padStart(8)}${Math.round(x.meanScore).toLocaleString("en-US").padStart(14)}${m(x.score.p10)}${m(x.score.p50)}${m(x.score.p90)}${`${(100 * x.delistedRate).toFixed(1)}%`.padStart(10)}`,
      );
    }
  }
}

function printCheck(results: TargetResult[]): void {
  console.log("\nBalance targets (DESIGN.md):");
  const width = Math.max(...results.map((r) => r.target.length));
  for (const r of results) console.log(`  ${r.pass ? "pass" : "FAIL"}  ${r.target.padEnd(width)}  ${r.threshold.padEnd(24)}  ${r.measured}`);
  const failed = results.filter((r) => !r.pass).length;
  console.log(failed === 0 ? `\nAll ${results.length} targets met.` : `\n${failed} of ${results.length} targets missed.`);
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    program.parse(argv as string[], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const options = program.opts();
  try {
    if (options.replay) return replayCommand(options.replay, options.swap, options.from ?? 1);
    if (options.swap) throw new UsageError("--swap needs --replay <file>");
    const base = options.quarters ? { ...(readOverride(options.config) as object), quarters: options.quarters } : readOverride(options.config);
    if (options.search) return await searchCommand(options, base, parseLineup(options.firms as string, readPolicySeat));
    const { variants, sweeps, ab, games, lengths } = plan(options, base);
    if (options.check && options.checkSearchBudget) planSearch(options.checkSearchBudget, options.population); // a budget too small fails before any game
    const seed = String(options.seed);
    const specs: RunSpec[] = variants.flatMap((v, vi) =>
      Array.from({ length: games }, (_, i) => ({ run: vi * games + i, seed: gameSeed(seed, i), variant: v.label, config: v.config, lineup: v.lineup })),
    );
    const out: string | undefined = options.out ?? (options.check ? undefined : "sim-out");
    const started = Date.now();
    const results = await runAll(specs, { workers: options.workers, csv: !!out, records: !!(out && options.records), progress: options.progress !== false });
    const seconds = (Date.now() - started) / 1000;
    const byVariant = variants.map((_, vi) => results.slice(vi * games, (vi + 1) * games).map((r) => r.summary));
    const stats = variants.map((v, vi) => aggregate(v.label, byVariant[vi] as GameSummary[]));
    let searchWinRate: Awaited<ReturnType<typeof searchWinRates>> | undefined;
    if (options.check && options.checkSearchBudget) {
      const pool = openPool(options.workers);
      try {
        const search = {
          scenario: options.scenario,
          override: base,
          budget: options.checkSearchBudget,
          seed,
          ...(options.population ? { population: options.population } : {}),
        };
        searchWinRate = await searchWinRates(search, pool, lengths ?? []);
      } finally {
        await pool.destroy();
      }
    }
    const check = options.check
      ? evaluateBalance(Object.fromEntries(variants.map((v, vi) => [v.label, byVariant[vi] as GameSummary[]])), lengths, {
          injectionMultiple: probeInjections(
            (quarters) => buildConfig(options.scenario, base, { quarters }, "injection probe"),
            lengths ?? [],
            INJECTION_GAMES,
          ),
          ...(searchWinRate ? { searchWinRate } : {}),
        })
      : undefined;
    const command = recordedCommand(argv);

    printTable(options.check ? stats.filter((s) => s.variant.endsWith("q/base")) : stats);
    if (check) printCheck(check);
    console.log(
      `\n${specs.length.toLocaleString("en-US")} games in ${seconds.toFixed(1)} s on ${options.workers} worker${options.workers > 1 ? "s" : ""} (${Math.round(specs.length / seconds).toLocaleString("en-US")} games/s)`,
    );

    if (out) {
      mkdirSync(out, { recursive: true });
      writeParts(join(out, "runs.csv"), [`${CSV_HEADER}\n`, ...results.map((r) => r.csv ?? "")]);
      const summary = {
        command,
        engineVersion: ENGINE_VERSION,
        scenario: options.scenario,
        seed,
        seeds: `${seed}-0 … ${seed}-${games - 1} (game i uses "${seed}-i"; every variant uses the same seeds)`,
        gamesPerVariant: games,
        baseConfig: (variants[0] as Variant).config,
        variants: variants.map((v, vi) => ({ label: v.label, override: v.override, lineup: v.lineup, stats: stats[vi] })),
        ...(check ? { check } : {}),
      };
      writeFileSync(join(out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
      writeFileSync(
        join(out, "report.html"),
        renderReport({
          command,
          engineVersion: ENGINE_VERSION,
          scenario: options.scenario,
          seed,
          gamesPerVariant: games,
          variants,
          stats,
          games: byVariant,
          sweeps,
          ...(ab ? { ab } : {}),
          ...(check ? { check } : {}),
        }),
      );
      if (options.records) {
        mkdirSync(join(out, "records"), { recursive: true });
        for (const r of results) if (r.record) writeFileSync(join(out, "records", `run-${r.summary.run}.json`), `${JSON.stringify(r.record)}\n`);
      }
      console.log(`Wrote ${join(out, "runs.csv")}, summary.json and report.html${options.records ? " and records/" : ""}.`);
    }
    return check?.some((r) => !r.pass) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof SearchBudgetError) {
      console.error(`sim: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
