/** Worker thread of the simulator: plays a chunk of runs with the pure engine. */
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { LineupSeat } from "../../shared/sim/play.js";
import { type RunOutputs, type RunResult, runGame } from "../../shared/sim/run.js";

/** Consecutive runs of one variant: the config and line-up travel once per chunk. */
export interface Chunk {
  variant: string;
  config: EconomyConfig;
  lineup: LineupSeat[];
  runs: { run: number; seed: string }[];
  outputs: RunOutputs;
}

export default function playChunk(chunk: Chunk): RunResult[] {
  return chunk.runs.map(({ run, seed }) => runGame({ run, seed, variant: chunk.variant, config: chunk.config, lineup: chunk.lineup }, chunk.outputs));
}
