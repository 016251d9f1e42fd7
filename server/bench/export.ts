/**
 * Export stall benchmark: how long a 40-firm × 40-quarter game's export (CSV and record.json)
 * blocks the game loop, built on the loop as before and on the export thread
 * (server/game/export-thread.ts). Run with `npx tsx server/bench/export.ts`.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loadConfig } from "../../shared/config/load.js";
import { playBots, type Seat } from "../../shared/sim/play.js";
import type { ExportSource } from "../game/export.js";
import { buildExport, exportBody } from "../game/export-thread.js";

const FIRMS = 40;
const QUARTERS = 40;
const ROUNDS = 10;
const loaded = loadConfig("ai-2025", { quarters: QUARTERS });
if (!loaded.ok) throw new Error(loaded.error.message);
const bots = ["scaler", "builder", "balanced", "pivot"] as const;
const lineup: Seat[] = Array.from({ length: FIRMS }, (_, i) => ({ bot: bots[i % bots.length] as Seat["bot"] }));
const { record } = playBots(loaded.value, "export-bench", lineup);
const source: ExportSource = {
  code: "BENCH1",
  record,
  players: record.firms.map((f, i) => ({ name: `Player ${i + 1}`, firmId: f.id })),
  log: [],
};

/** The longest the event loop was blocked (ms) while `run` builds both exports `ROUNDS` times. */
async function longestStall(run: () => Promise<unknown>): Promise<{ maxMs: number; p99Ms: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (let i = 0; i < ROUNDS; i++) {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  delay.disable();
  return { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
}

const both = (build: (kind: "csv" | "record") => Promise<unknown> | unknown) => async () => {
  await build("csv");
  await build("record");
};
// Warm up both paths (JIT, the worker's start).
await both((kind) => exportBody({ kind, anonymise: false, source }))();
await both((kind) => buildExport({ kind, anonymise: false, source }))();

const onLoop = await longestStall(both((kind) => exportBody({ kind, anonymise: false, source })));
const offLoop = await longestStall(both((kind) => buildExport({ kind, anonymise: false, source })));
console.log(`${FIRMS} firms × ${QUARTERS} quarters, CSV + record.json, ${ROUNDS} rounds`);
console.log(`on the game loop:   longest stall ${onLoop.maxMs.toFixed(1)} ms (p99 ${onLoop.p99Ms.toFixed(1)} ms)`);
console.log(`on the export thread: longest stall ${offLoop.maxMs.toFixed(1)} ms (p99 ${offLoop.p99Ms.toFixed(1)} ms)`);
