import { loadConfig } from "../config/load.js";
import type { EconomyConfig } from "../schemas/config.js";
import type { ScenarioId } from "../schemas/vocabulary.js";
import { csvRows } from "./csv.js";
import { type GameSummary, summarize } from "./metrics.js";
import { type LineupSeat, playBots, seatLabel } from "./play.js";
import { type StoredGame, storedGame } from "./record.js";

/** One game to play: everything needed to reproduce it. */
export interface RunSpec {
  run: number;
  seed: string;
  variant: string;
  config: EconomyConfig;
  lineup: LineupSeat[];
}

export interface RunResult {
  summary: GameSummary;
  /** The game's tidy CSV rows (no header), when asked for. */
  csv?: string;
  /** The replayable record, when asked for. */
  record?: StoredGame;
}

export interface RunOutputs {
  csv?: boolean;
  record?: boolean;
}

/** Seeds of a batch: `${base}-${i}`; every variant of a run uses the same seeds. */
export function gameSeed(base: string, index: number): string {
  return `${base}-${index}`;
}

/** Builds a config from a scenario and overrides, throwing with the named key on error. */
export function configOrThrow(scenario: ScenarioId, ...overrides: unknown[]): EconomyConfig {
  let merged: unknown = {};
  for (const o of overrides) merged = deepMerge(merged, o);
  const loaded = loadConfig(scenario, merged);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

export function deepMerge(a: unknown, b: unknown): unknown {
  if (typeof a !== "object" || a === null || Array.isArray(a) || typeof b !== "object" || b === null || Array.isArray(b)) return b === undefined ? a : b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) out[k] = deepMerge(out[k], v);
  return out;
}

/** Plays one run: pure, deterministic in its spec (resolved in place: only the final state is kept). */
export function runGame(spec: RunSpec, outputs: RunOutputs = {}): RunResult {
  const game = playBots(spec.config, spec.seed, spec.lineup, {}, "final");
  const result: RunResult = { summary: summarize(spec.run, spec.variant, spec.lineup, game) };
  if (outputs.csv) result.csv = csvRows(spec.run, spec.variant, spec.lineup.map(seatLabel), game);
  if (outputs.record) result.record = storedGame(game.record, game.reports);
  return result;
}

/** Plays every run in order (the simulator's single-threaded core). */
export function simulate(specs: readonly RunSpec[]): GameSummary[] {
  return specs.map((spec) => runGame(spec).summary);
}
