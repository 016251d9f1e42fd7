/**
 * `npm run chaos`: durability under crashes. Plays games with SDK players and bots against a
 * real server process (server/main.ts, its own port and data folder), SIGKILLs and restarts it
 * at seeded moments and injects disk-full episodes, then checks that every game ended, equals
 * its engine replay, kept every seat with its player and lost no quarter (chaos/run.ts).
 * Exits 1 when any check fails.
 */
import { Command, InvalidArgumentError } from "commander";
import { runChaos } from "./chaos/run.js";

const count = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("a whole number, 0 or more");
  return n;
};

const opts = new Command("chaos")
  .description("Games against a server that is SIGKILLed and restarted, and whose disk fills, at seeded moments")
  .option("--games <n>", "games played at once (half friends games, half class markets)", count, 12)
  .option("--quarters <n>", "quarters per game (4–40)", count, 12)
  .option("--kills <n>", "SIGKILLs of the server, each followed by a restart", count, 10)
  .option("--disk-faults <n>", "disk-full episodes (writes fail until lifted; needs prlimit from util-linux)", count, 1)
  .option("--seed <text>", "seeds the games and the moments", "chaos")
  .option("--port <n>", "the server's port (default: a free one)", count)
  .option("--server-log <file>", "append every line the server prints to this file")
  .parse()
  .opts<{ games: number; quarters: number; kills: number; diskFaults: number; seed: string; port?: number; serverLog?: string }>();

const result = await runChaos({ ...opts, say: (line) => console.log(line) });
const failed = result.ended < result.games || result.quartersLost > 0 || result.seatProblems.length > 0 || result.replayMismatches.length > 0;
console.log(
  `\n${result.games} games × ${result.kills} kills × ${result.diskFaults} disk-full episode(s) (${result.pausedRooms} room pauses), ${opts.quarters} quarters each, in ${result.seconds} s:`,
);
if (result.kills < opts.kills || result.diskFaults < opts.diskFaults) {
  console.log(`  (${opts.kills} kills and ${opts.diskFaults} disk-full episodes asked: every game had ended before the rest came)`);
}
console.log(`  games in play brought back by the restarts: ${result.restored.length}`);
console.log(`  games ended: ${result.ended}/${result.games}`);
console.log(`  quarters lost: ${result.quartersLost}`);
console.log(`  seats lost or taken: ${result.seatProblems.length}${result.seatProblems.map((p) => `\n    ${p}`).join("")}`);
console.log(`  final states unequal to their replay: ${result.replayMismatches.length}${result.replayMismatches.map((p) => `\n    ${p}`).join("")}`);
process.exit(failed ? 1 : 0);
