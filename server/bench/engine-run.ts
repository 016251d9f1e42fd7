/**
 * Engine benchmark: firm-quarters per second on one core (6 firms × 16 quarters, random
 * legal actions, default preset) and heap allocated per quarter, for the pure API
 * (`resolveQuarter`: a new state each quarter) and the simulator's in-place path
 * (`resolveQuarterInPlaceInOrder`, actions in firm order, as the simulator's games hand them over), in alternating runs.
 * Started by `server/bench/engine.ts` (`npm run bench`): as one esbuild bundle, the way the
 * simulator's workers run the engine, with node --expose-gc and the workers' young generation
 * (server/sim/engine-flags.ts: 64 MiB, so that no collection runs while allocation is measured).
 */
import { loadavg } from "node:os";
import { PerformanceObserver } from "node:perf_hooks";
import * as engine from "../../shared/index.js";
import { FIRMS, playGames as play } from "./engine-games.js";

const config = engine.DEFAULT_CONFIG;

type Path = "pure" | "in place";
const PATHS: readonly Path[] = ["pure", "in place"];

/** Quarters played (the bench's games, on this checkout's engine). */
function playGames(games: number, path: Path): number {
  return play(engine, games, path === "in place") / FIRMS;
}

let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ["gc"] });

for (const path of PATHS) playGames(300, path); // warm up the JIT
const RUNS = 7;
const runs: Record<Path, number[]> = { pure: [], "in place": [] };
/** The same runs per second of CPU time the process used: what other processes on the machine take away counts less. */
const cpuRuns: Record<Path, number[]> = { pure: [], "in place": [] };
for (let r = 0; r < RUNS; r++) {
  // Alternating, so that a busy moment of the machine falls on both paths alike.
  for (const path of PATHS) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const quarters = playGames(2000, path);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    runs[path].push((quarters * FIRMS) / seconds);
    cpuRuns[path].push((quarters * FIRMS) / ((cpu.user + cpu.system) / 1e6));
  }
}
for (const path of PATHS) {
  runs[path].sort((a, b) => a - b);
  cpuRuns[path].sort((a, b) => a - b);
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Heap allocated per quarter, measured while no collection runs. */
async function allocation(path: Path): Promise<string> {
  if (!gc) return "run with node --expose-gc to measure";
  // A collection during the measured games would hide allocation: retry until none runs.
  for (let attempt = 0; attempt < 5; attempt++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
    collections = 0;
    const before = process.memoryUsage().heapUsed;
    const quarters = playGames(10, path);
    const after = process.memoryUsage().heapUsed;
    await new Promise((r) => setTimeout(r, 10));
    if (collections > 0) continue;
    return `${((after - before) / quarters / 1024).toFixed(1)} KiB per quarter (${((after - before) / quarters / FIRMS / 1024).toFixed(2)} KiB per firm-quarter)`;
  }
  return "a collection ran during every measurement; raise ENGINE_SEMI_SPACE_MB (server/sim/engine-flags.ts)";
}

const figure = (x: number) => Math.round(x).toLocaleString("en-US");
const median = (list: number[]) => list[(list.length - 1) >> 1] as number;
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(" ");
const how = process.env.ENGINE_BENCH_HOW ?? "as started";
console.log(
  `engine: ${FIRMS} firms × ${config.quarters} quarters, default preset, random legal actions, one core, ${how} (${process.version}), load average ${load}`,
);
for (const path of PATHS) {
  const wall = runs[path];
  const cpu = cpuRuns[path];
  console.log(`  ${path === "pure" ? "pure API (resolveQuarter)" : "in place (resolveQuarterInPlaceInOrder, the simulator's)"}:`);
  console.log(
    `    throughput: ${figure(median(wall))} firm-quarters/s (median of ${RUNS} runs of 2,000 games; min ${figure(wall[0] as number)}, max ${figure(wall[RUNS - 1] as number)})`,
  );
  console.log(`    per CPU second: ${figure(median(cpu))} firm-quarters (median; min ${figure(cpu[0] as number)}, max ${figure(cpu[RUNS - 1] as number)})`);
  console.log(`    allocation: ${await allocation(path)}`);
}
