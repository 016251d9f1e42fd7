/**
 * `npx tsx server/bench/cpu.ts [rooms] [quarters] [repeats]`: the game server's CPU time per
 * room-quarter with no sockets and no event loop in the way, so it holds on a busy machine.
 * Each room is the benchmark's (6 players of their own firm, no news, private): the flow table,
 * the effects applied as the room applies them (schema mirror, `private` feed, consoles, an
 * on-disk store), the metadata, the messages packed as Colyseus packs them (msgpackr) and the
 * state patch encoded after every step. Prints the median over `repeats` of process CPU
 * (user + system) per room-quarter, after a warm-up run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GameStore } from "../store/games.js";
import { PLAYERS, playRoom, sent } from "./inproc-room.js";

const [rooms = 100, quarters = 24, repeats = 5] = process.argv.slice(2).map(Number);

const dir = mkdtempSync(path.join(tmpdir(), "sos-cpu-"));
const store = new GameStore(path.join(dir, "games.sqlite"));
let roomIndex = 0;
function run(): number {
  const before = process.cpuUsage();
  let roomQuarters = 0;
  for (let r = 0; r < rooms; r++) roomQuarters += playRoom(roomIndex++, store, quarters).resolved;
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / roomQuarters;
}
run(); // warm-up
sent.bytes = 0;
const samples = Array.from({ length: repeats }, run).sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)] ?? 0;
console.log(
  `cpu ms per room-quarter: median ${median.toFixed(3)} (min ${samples[0]?.toFixed(3)}, max ${samples.at(-1)?.toFixed(3)}) over ${repeats} × ${rooms} rooms × ${quarters} quarters; ${Math.round(sent.bytes / (repeats * rooms * quarters * PLAYERS))} B out per client-quarter`,
);
rmSync(dir, { recursive: true, force: true });
