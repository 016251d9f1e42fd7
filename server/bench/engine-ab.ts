/**
 * Before/after for the engine on a shared machine: this checkout's engine against another
 * checkout's (e.g. `git worktree add /tmp/before main`), both bundled into one process and
 * run in alternating rounds, so that load from other jobs falls on both alike. Reports
 * firm-quarters per CPU second (median and best round) and the per-round ratio to the other
 * checkout's pure API; then the same for the simulator's games (`runGame`: five bots, the
 * exploit search's line-up with the open bot in the fifth seat), in games per CPU second; then
 * the exploit search itself (`searchExploit`, 16 quarters), in evaluations per CPU minute,
 * checking that both checkouts find the same policy with the same scores.
 *
 *   npx tsx server/bench/engine-ab.ts /tmp/before [rounds]
 *
 * The games are those of `npm run bench` (6 firms × 16 quarters, random legal actions, default preset).
 */
import { spawnSync } from "node:child_process";
import { existsSync, unlinkSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ENGINE_NODE_FLAGS } from "../sim/engine-flags.js";
import { writeEntryBundle } from "./entry-bundle.js";

const other = process.argv[2];
const rounds = Number(process.argv[3] ?? 30);
if (!other || !existsSync(resolve(other, "shared/index.ts"))) {
  console.error("usage: npx tsx server/bench/engine-ab.ts <other checkout> [rounds]");
  process.exit(2);
}
const here = fileURLToPath(new URL("../..", import.meta.url));
const entry = `
import * as before from ${JSON.stringify(resolve(other, "shared/index.ts"))};
import * as after from ${JSON.stringify(resolve(here, "shared/index.ts"))};
import * as simBefore from ${JSON.stringify(resolve(other, "shared/sim/run.ts"))};
import * as simAfter from ${JSON.stringify(resolve(here, "shared/sim/run.ts"))};
import * as searchBefore from ${JSON.stringify(resolve(other, "shared/sim/search.ts"))};
import * as searchAfter from ${JSON.stringify(resolve(here, "shared/sim/search.ts"))};
import { compare, compareGames, compareSearch } from ${JSON.stringify(fileURLToPath(new URL("./engine-ab-run.ts", import.meta.url)))};
compare(before, after, ${rounds});
compareGames({ ...before, ...simBefore }, { ...after, ...simAfter }, ${rounds});
compareSearch(searchBefore, searchAfter, ${rounds});
`;
const file = writeEntryBundle(entry, here, "engine-ab", "ab");
const run = spawnSync(process.execPath, [...ENGINE_NODE_FLAGS, file], { stdio: "inherit" });
unlinkSync(file);
process.exitCode = run.status ?? 1;
