/**
 * Starts the engine benchmark (engine-run.ts) in a child Node process with the flags it
 * needs (--expose-gc, and the young generation the simulator's workers get: server/sim/engine-flags.ts), as one esbuild bundle: the engine the way
 * the simulator's workers run it (server/sim/bundle.ts), without tsx's module getters.
 * `--sources` runs the TypeScript sources through tsx instead (how earlier figures were taken).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bundledWorker } from "../sim/bundle.js";
import { ENGINE_NODE_FLAGS } from "../sim/engine-flags.js";

const sources = process.argv.includes("--sources");
const source = new URL("./engine-run.ts", import.meta.url);
const script = sources ? { filename: source.href, execArgv: process.execArgv } : bundledWorker(source);
const bundled = !script.execArgv.length;
const result = spawnSync(process.execPath, ["--expose-gc", ...ENGINE_NODE_FLAGS, ...script.execArgv, fileURLToPath(script.filename)], {
  stdio: "inherit",
  env: { ...process.env, ENGINE_BENCH_HOW: bundled ? "bundled (esbuild)" : "TypeScript sources through tsx" },
});
process.exitCode = result.status ?? 1;
