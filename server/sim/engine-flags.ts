/**
 * How the processes and threads that run the engine hot are started: the simulator's worker
 * threads (`npm run sim`, `--check`, `--search`, `npm run bench`'s simulator half) and the
 * engine benchmark's child process (`npm run bench`, `engine-instructions.ts`), so that the
 * bench measures the engine as the simulator runs it.
 *
 * A young generation ("nursery") of a fixed 64 MiB a semi-space from the start. V8 starts a
 * heap's at 1 MiB a semi-space and grows it (to 16 MiB at most by default) only as objects
 * survive; a resolution's garbage (a quarter's scratch, the bots' views and plans) dies young,
 * so a simulator worker stayed at a few MiB and scavenged every few hundred firm-quarters. A
 * scavenge costs in proportion to what survives it (the games being played, about the same
 * whatever the nursery's size), so a nursery 4–64 times larger scavenges that many times less
 * for nearly the same cost each. Memory: 128 MiB more per worker at most (two semi-spaces).
 * README "Benchmarks" → the eighth round has the measurements.
 */
import { setFlagsFromString } from "node:v8";

/** Each semi-space of the young generation, MiB, from the start (V8's `--min-semi-space-size` and `--max-semi-space-size`). */
export const ENGINE_SEMI_SPACE_MB = 64;

/** The same as Node flags for a child process. */
export const ENGINE_NODE_FLAGS: readonly string[] = [`--min-semi-space-size=${ENGINE_SEMI_SPACE_MB}`, `--max-semi-space-size=${ENGINE_SEMI_SPACE_MB}`];

let applied = false;

/**
 * Sets the same flags for worker threads created from now on in this process. A worker thread
 * takes no V8 flags of its own (`execArgv` refuses them, and `resourceLimits` has no initial
 * size), but V8 reads these two when it makes a new isolate's heap, so setting them in the
 * parent before the pool starts gives every worker this nursery; the parent's own heap, made
 * already, does not change.
 */
export function applyEngineFlagsToWorkers(): void {
  if (applied) return;
  for (const flag of ENGINE_NODE_FLAGS) setFlagsFromString(flag);
  applied = true;
}
