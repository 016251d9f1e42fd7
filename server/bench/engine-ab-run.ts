/** The alternating rounds of `engine-ab.ts` (bundled with both engines by it). */
import { loadavg } from "node:os";
import type { GameState } from "../../shared/index.js";
import type { RunSpec } from "../../shared/sim/run.js";
import type { SearchOptions, SearchResult } from "../../shared/sim/search.js";
import { type BenchedEngine, playGames } from "./engine-games.js";

const GAMES_PER_ROUND = 300;

export function compare(before: BenchedEngine, after: BenchedEngine, rounds: number): void {
  const contenders: { name: string; engine: BenchedEngine; inPlace: boolean }[] = [
    { name: "before, pure API", engine: before, inPlace: false },
    ...(before.resolveQuarterInPlace ? [{ name: "before, in place", engine: before, inPlace: true }] : []),
    { name: "after, pure API", engine: after, inPlace: false },
    { name: "after, in place", engine: after, inPlace: true },
  ];
  const play = (engine: BenchedEngine, inPlace: boolean) => playGames(engine, GAMES_PER_ROUND, inPlace);
  for (const c of contenders) play(c.engine, c.inPlace); // warm up the JIT
  const rates = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    const order = contenders.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const c = contenders[i] as (typeof contenders)[number];
      const cpu = process.cpuUsage();
      const firmQuarters = play(c.engine, c.inPlace);
      const used = process.cpuUsage(cpu);
      (rates[i] as number[]).push(firmQuarters / ((used.user + used.system) / 1e6));
    }
  }
  report(
    `engine before/after: ${rounds} alternating rounds of ${GAMES_PER_ROUND} games`,
    "firm-quarters",
    contenders.map((c) => c.name),
    rates,
  );
}

function median(list: readonly number[]): number {
  return [...list].sort((a, b) => a - b)[(list.length - 1) >> 1] as number;
}

function report(title: string, unit: string, names: readonly string[], rates: readonly number[][], per = "second"): void {
  const figure = (x: number) => Math.round(x).toLocaleString("en-US");
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
  console.log(`${title}, load average ${load}`);
  const baseline = rates[0] as number[];
  names.forEach((name, i) => {
    const list = rates[i] as number[];
    const ratio = median(list.map((x, r) => x / (baseline[r] as number)));
    console.log(
      `  ${name.padEnd(17)} ${figure(median(list))} ${unit} per CPU ${per} (median; best round ${figure(Math.max(...list))}); × ${ratio.toFixed(2)} of before`,
    );
  });
}

/** What both checkouts' simulators export. */
interface Simulator {
  DEFAULT_CONFIG: GameState["config"];
  gameSeed: (base: string, index: number) => string;
  runGame: (spec: RunSpec) => unknown;
}

const GAMES_LINEUP: RunSpec["lineup"] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }, { bot: "open" }];
const SIM_GAMES_PER_ROUND = 100;

/** The simulator's games (`runGame`, what the exploit search plays), before and after, alternating. */
export function compareGames(before: Simulator, after: Simulator, rounds: number): void {
  const sims = [before, after];
  const specs = sims.map((sim) =>
    Array.from(
      { length: SIM_GAMES_PER_ROUND },
      (_, i): RunSpec => ({ run: i, seed: sim.gameSeed("ab", i), variant: "base", config: sim.DEFAULT_CONFIG, lineup: GAMES_LINEUP }),
    ),
  );
  const play = (k: number) => {
    for (const spec of specs[k] as RunSpec[]) (sims[k] as Simulator).runGame(spec);
  };
  play(0);
  play(1);
  const rates: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) {
      const cpu = process.cpuUsage();
      play(k);
      const used = process.cpuUsage(cpu);
      (rates[k] as number[]).push(SIM_GAMES_PER_ROUND / ((used.user + used.system) / 1e6));
    }
  }
  report(
    `simulator before/after (runGame, 5 bots × 16 quarters): ${rounds} alternating rounds of ${SIM_GAMES_PER_ROUND} games`,
    "games",
    ["before", "after"],
    rates,
  );
}

/** What both checkouts' searches export. */
interface Searcher {
  searchExploit: (options: SearchOptions) => SearchResult;
}

const SEARCH_BUDGET = 1200;

/**
 * The exploit search (`searchExploit`, default line-up, 16 quarters, SEARCH_BUDGET games),
 * before and after, alternating: evaluations (games) per CPU minute. Both must find the same
 * policy with the same scores (the search is deterministic in its options).
 */
export function compareSearch(before: Searcher, after: Searcher, rounds: number): void {
  const searchers = [before, after];
  const search = (k: number, r: number) => (searchers[k] as Searcher).searchExploit({ budget: SEARCH_BUDGET, seed: `ab-${r}`, quarters: 16 });
  const rates: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    const found: string[] = [];
    for (const k of r % 2 ? [1, 0] : [0, 1]) {
      const cpu = process.cpuUsage();
      const result = search(k, r);
      const used = process.cpuUsage(cpu);
      (rates[k] as number[]).push((60 * result.evaluated) / ((used.user + used.system) / 1e6));
      found[k] = JSON.stringify([result.best, result.winRate, result.meanScore, result.baseline, result.opponents]);
    }
    if (found[0] !== found[1]) throw new Error(`round ${r}: the two checkouts' searches found different results`);
  }
  report(
    `exploit search before/after (searchExploit, 16 quarters, budget ${SEARCH_BUDGET}): ${rounds} alternating rounds, same results`,
    "evaluations",
    ["before", "after"],
    rates,
    "minute",
  );
}
