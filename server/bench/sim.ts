/**
 * Simulator benchmark: default 4-firm games (scaler, builder, balanced, pivot) per second
 * with one worker thread and with every core, through the same pool the CLI uses.
 */
import { availableParallelism } from "node:os";
import { DEFAULT_CONFIG } from "../../shared/index.js";
import { gameSeed, type RunSpec } from "../../shared/sim/run.js";
import { runAll } from "../sim/pool.js";

const GAMES = Number(process.env.BENCH_GAMES ?? 10_000);
const lineup: RunSpec["lineup"] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];
const specs: RunSpec[] = Array.from({ length: GAMES }, (_, i) => ({ run: i, seed: gameSeed("bench", i), variant: "base", config: DEFAULT_CONFIG, lineup }));

async function timed(workers: number): Promise<number> {
  const start = process.hrtime.bigint();
  await runAll(specs, { workers, csv: false, records: false, progress: false });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const cores = availableParallelism();
const one = await timed(1);
const all = await timed(cores);
console.log(`simulator: ${GAMES.toLocaleString("en-US")} default 4-firm games, 16 quarters, including worker start-up`);
console.log(`  1 worker:  ${one.toFixed(1)} s (${Math.round(GAMES / one).toLocaleString("en-US")} games/s)`);
console.log(`  ${cores} workers: ${all.toFixed(1)} s (${Math.round(GAMES / all).toLocaleString("en-US")} games/s), speed-up ${(one / all).toFixed(2)}×`);
