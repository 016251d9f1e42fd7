import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { ENGINE_NODE_FLAGS, ENGINE_SEMI_SPACE_MB } from "../../server/sim/engine-flags.js";
import { openPool } from "../../server/sim/pool.js";

/** The young generation's space ("new_space", its semi-space in use) of a worker thread started now, MiB, before it allocates anything. */
function newWorkerNursery(): Promise<number> {
  const code = `
    const { parentPort } = require("node:worker_threads");
    const space = require("node:v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    parentPort.postMessage(space.space_size / 1048576);
  `;
  return new Promise((done, fail) => {
    const worker = new Worker(code, { eval: true });
    worker.once("message", (mib: number) => {
      void worker.terminate();
      done(mib);
    });
    worker.once("error", fail);
  });
}

describe("the simulator's workers run the engine with the bench's young generation", () => {
  it("opening a pool gives worker threads a 64 MiB semi-space from the start (V8's default starts at 1 MiB)", async () => {
    const pool = openPool(1);
    await pool.destroy();
    // A semi-space of ENGINE_SEMI_SPACE_MB from the first allocation on (V8 grows it only as objects survive).
    expect(await newWorkerNursery()).toBe(ENGINE_SEMI_SPACE_MB);
  });

  it("the engine bench's child process gets the same flags", () => {
    expect(ENGINE_NODE_FLAGS).toEqual([`--min-semi-space-size=${ENGINE_SEMI_SPACE_MB}`, `--max-semi-space-size=${ENGINE_SEMI_SPACE_MB}`]);
  });
});
