/**
 * Before/after for the engine in machine instructions, which load from other jobs does not
 * change: this checkout's in-place path against another checkout's (e.g. `git worktree add
 * /tmp/before main`), each bundled on its own and run under valgrind's callgrind with V8's
 * `--predictable` (one thread, no timers: two runs of the same code differ by ~0.002%), for
 * `warm` + `games` and for `warm` + 3 × `games` bench games (those of `npm run bench`). The
 * difference of the two runs is the steady state (start-up, bundling and the compilations of
 * the warm-up cancel out): instructions per firm-quarter, and the ratio after ÷ before. V8
 * keeps compiling (and, when a new map reaches optimised code, recompiling) for several hundred
 * games: with no warm-up most of the difference between 100 and 400 games is TurboFan (28,000
 * of 42,000 instructions per firm-quarter on engine 2.10.0), so `warm` defaults to 1,000 games; `--warm 0`
 * counts the warm-up too (what a short-lived simulator worker pays). An instruction is not a
 * nanosecond (exp, log and allocation cost more per instruction than the rules' arithmetic), so
 * this complements `engine-ab.ts`; on a busy machine it is the figure that does not move.
 *
 * Both sides run with the flags the simulator's workers run with (`server/sim/engine-flags.ts`);
 * `--before-flags` / `--after-flags` "<node flags>" replace them on one side (e.g. the same
 * checkout twice, to measure a flag: `--after-flags="--max-semi-space-size=16"`; the `=` is needed for a value that starts with `--`).
 *
 *   npx tsx server/bench/engine-instructions.ts /tmp/before [games] [--warm <games>] [--before-flags="…"] [--after-flags="…"]
 *
 * Needs valgrind (`apt-get install valgrind`); takes a few minutes (the four runs go two at a time).
 */
import { spawnSync } from "node:child_process";
import { existsSync, unlinkSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_CONFIG } from "../../shared/index.js";
import { ENGINE_NODE_FLAGS } from "../sim/engine-flags.js";
import { callgrindInstructions } from "./callgrind.js";
import { FIRMS } from "./engine-games.js";
import { writeEntryBundle } from "./entry-bundle.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { warm: { type: "string", default: "1000" }, "before-flags": { type: "string" }, "after-flags": { type: "string" } },
});
const other = positionals[0];
const games = Number(positionals[1] ?? 200);
const warm = Number(values.warm);
if (!other || !existsSync(resolve(other, "shared/index.ts")) || !(games > 0) || !(warm >= 0)) {
  console.error(
    'usage: npx tsx server/bench/engine-instructions.ts <other checkout> [games] [--warm <games>] [--before-flags="<node flags>"] [--after-flags="<node flags>"]',
  );
  process.exit(2);
}
if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.error("valgrind is not installed (apt-get install valgrind)");
  process.exit(2);
}
/** Every bench game plays all its quarters (a delisted firm's quarters count, as in `npm run bench`). */
const QUARTERS = DEFAULT_CONFIG.quarters;
const here = fileURLToPath(new URL("../..", import.meta.url));

/** A bundle that plays `process.argv[2]` bench games in place on the engine of `checkout` (the warm-up's included). */
function bundle(name: string, checkout: string): string {
  const entry = `
import * as engine from ${JSON.stringify(resolve(checkout, "shared/index.ts"))};
import { playGames } from ${JSON.stringify(fileURLToPath(new URL("./engine-games.ts", import.meta.url)))};
playGames(engine, Number(process.argv[2]), true);
`;
  return writeEntryBundle(entry, here, "engine-instructions", name);
}

/** Node flags per side: the simulator's unless given. */
const flagsOf = (given: string | undefined) => (given === undefined ? [...ENGINE_NODE_FLAGS] : given.split(/\s+/).filter(Boolean));
const flags = { before: flagsOf(values["before-flags"]), after: flagsOf(values["after-flags"]) };

/** Instructions executed by node running `file` for `n` games with `nodeFlags` (callgrind's total). */
const instructions = (file: string, n: number, nodeFlags: string[]) =>
  callgrindInstructions(["--predictable", ...nodeFlags, file, String(n)], `${file}.${n}.callgrind`);

const files = { before: bundle("before", other), after: bundle("after", here) };
const runs: Record<string, number> = {};
for (const side of ["before", "after"] as const) {
  const [short, long] = await Promise.all([instructions(files[side], warm + games, flags[side]), instructions(files[side], warm + 3 * games, flags[side])]);
  runs[side] = (long - short) / (2 * games * QUARTERS * FIRMS);
  unlinkSync(files[side]);
}
const figure = (x: number) => Math.round(x).toLocaleString("en-US");
console.log(`engine in place, instructions per firm-quarter (callgrind, ${figure(2 * games)} bench games after ${figure(warm + games)}):`);
console.log(`  before (${other}; ${flags.before.join(" ")}): ${figure(runs.before as number)}`);
console.log(
  `  after (this checkout; ${flags.after.join(" ")}): ${figure(runs.after as number)}  (× ${((runs.after as number) / (runs.before as number)).toFixed(3)})`,
);
