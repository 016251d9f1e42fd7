/** Worker thread of the simulator: plays a chunk of runs with the pure engine. */
import { type RunOutputs, type RunResult, type RunSpec, runGame } from "../../shared/sim/run.js";

export interface Chunk {
  specs: RunSpec[];
  outputs: RunOutputs;
}

export default function playChunk(chunk: Chunk): RunResult[] {
  return chunk.specs.map((spec) => runGame(spec, chunk.outputs));
}
