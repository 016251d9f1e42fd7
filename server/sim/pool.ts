import { SingleBar } from "cli-progress";
import { Piscina } from "piscina";
import type { RunResult, RunSpec } from "../../shared/sim/run.js";
import { bundledWorker } from "./bundle.js";
import { applyEngineFlagsToWorkers } from "./engine-flags.js";
import type { Chunk } from "./worker.js";

export interface PoolOptions {
  workers: number;
  csv: boolean;
  records: boolean;
  progress: boolean;
}

/** Progress: a bar with ETA on a terminal; a quiet line every 10% otherwise. */
function progressReporter(total: number, enabled: boolean) {
  if (!enabled) return { tick: (_n: number) => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: "sim [{bar}] {percentage}% | {value}/{total} games | {duration_formatted} elapsed | ETA {eta_formatted}",
      stream: process.stderr,
      hideCursor: true,
    });
    bar.start(total, 0);
    return { tick: (n: number) => bar.increment(n), stop: () => bar.stop() };
  }
  const started = Date.now();
  let done = 0;
  let nextDecile = 1;
  return {
    tick: (n: number) => {
      done += n;
      while (done >= (nextDecile * total) / 10 && nextDecile <= 10) {
        const elapsed = (Date.now() - started) / 1000;
        const eta = done > 0 ? (elapsed * (total - done)) / done : 0;
        process.stderr.write(`sim: ${nextDecile * 10}% (${done}/${total} games, ${elapsed.toFixed(1)} s, ETA ${eta.toFixed(1)} s)\n`);
        nextDecile++;
      }
    },
    stop: () => {},
  };
}

/** A pool of worker threads that plays batches of runs; keep one open across many batches. */
export interface SimPool {
  run(specs: readonly RunSpec[], options: Omit<PoolOptions, "workers">): Promise<RunResult[]>;
  destroy(): Promise<void>;
}

/**
 * Opens a pool of `workers` threads. Each batch is played in chunks; results come back in run
 * order, so outputs are identical whatever the number of workers.
 */
export function openPool(workers: number): SimPool {
  const threads = Math.max(1, workers);
  // One bundle, started without tsx (server/sim/bundle.ts): the same results, about half the CPU.
  const worker = bundledWorker(new URL("./worker.ts", import.meta.url));
  // The engine's young generation (server/sim/engine-flags.ts), as `npm run bench` measures the engine.
  applyEngineFlagsToWorkers();
  const pool = new Piscina<Chunk, RunResult[]>({
    filename: worker.filename,
    execArgv: worker.execArgv,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  return {
    async run(specs, options) {
      const chunkSize = Math.max(5, Math.min(100, Math.ceil(specs.length / (threads * 8))));
      const progress = progressReporter(specs.length, options.progress);
      try {
        const chunks: Promise<RunResult[]>[] = [];
        let start = 0;
        while (start < specs.length) {
          const first = specs[start] as RunSpec;
          let end = start + 1;
          while (
            end < specs.length &&
            end - start < chunkSize &&
            (specs[end] as RunSpec).config === first.config &&
            (specs[end] as RunSpec).lineup === first.lineup
          )
            end++;
          const slice = specs.slice(start, end);
          const chunk: Chunk = {
            variant: first.variant,
            config: first.config,
            lineup: first.lineup,
            runs: slice.map((s) => ({ run: s.run, seed: s.seed })),
            outputs: { csv: options.csv, record: options.records },
          };
          chunks.push(
            pool.run(chunk).then((results) => {
              progress.tick(slice.length);
              return results;
            }),
          );
          start = end;
        }
        return (await Promise.all(chunks)).flat();
      } finally {
        progress.stop();
      }
    },
    destroy: () => pool.destroy(),
  };
}

/** Plays every run on a pool of worker threads opened for this batch alone. */
export async function runAll(specs: readonly RunSpec[], options: PoolOptions): Promise<RunResult[]> {
  const pool = openPool(options.workers);
  try {
    return await pool.run(specs, options);
  } finally {
    await pool.destroy();
  }
}
