/**
 * A room-quarter's garbage, counted rather than timed (so a busy machine does not move it):
 * `rooms` benchmark rooms (inproc-room.ts: flow, effects, mirror and patch encoding, `private`
 * feed, on-disk store; no sockets) live in one process and play their quarters in turn, as a
 * server's rooms do, so what a room keeps from one quarter to the next is promoted to the old
 * generation as it is in the server. Every room plays `from` quarters, then `to − from` more,
 * measured: under V8's `--predictable` (one thread, so every run of the same code collects at
 * the same moments) with `--trace-gc-nvp`, the bytes allocated and promoted per room-quarter,
 * the scavenges and mark-compacts per 1,000 room-quarters, and the heap a room holds at quarter
 * `to`; with `--instructions`, the machine instructions per room-quarter under valgrind's
 * callgrind (the run to `to` minus the run to `from`: joins, start-up and compilation cancel
 * out; garbage collection, on the main thread under `--predictable`, is in it; V8 also gets
 * `--predictable-gc-schedule` and fixed hash and random seeds, so two runs of one build agree). With
 * `--other <checkout>`, the same for that checkout (e.g. `git worktree add /tmp/before main`)
 * and the ratio.
 *
 *   npx tsx server/bench/gc.ts [rooms] [from] [to] [--other <checkout>] [--instructions]
 *
 * Defaults: 300 rooms of 40-quarter games (the bench's), measured from quarter 4 to 12 (where
 * `bench:server`'s rooms are). `--instructions` needs valgrind and takes a few minutes.
 */
import { spawn } from "node:child_process";
import { existsSync, unlinkSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { callgrindInstructions } from "./callgrind.js";
import { writeEntryBundle } from "./entry-bundle.js";

const program = new Command()
  .argument("[rooms]", "rooms played in turn", "300")
  .argument("[from]", "quarters played before measuring", "4")
  .argument("[to]", "quarter at which measuring stops", "12")
  .option("--other <checkout>", "another checkout to measure the same way (before)")
  .option("--instructions", "count machine instructions per room-quarter under callgrind (slow)")
  .parse();
const [rooms, from, to] = program.processedArgs.map(Number) as [number, number, number];
const opts = program.opts<{ other?: string; instructions?: boolean }>();
if (!(rooms > 0 && from >= 1 && to > from && to <= 40)) program.error("want rooms > 0 and 1 ≤ from < to ≤ 40");
if (opts.other && !existsSync(resolve(opts.other, "server/bench/inproc-room.ts"))) program.error(`${opts.other} has no server/bench/inproc-room.ts`);
const here = fileURLToPath(new URL("../..", import.meta.url));

/** A bundle of `checkout`'s room that plays `argv: rooms from to` in turn and marks where measuring starts and stops. */
function bundle(name: string, checkout: string): string {
  const entry = `
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GameStore } from ${JSON.stringify(resolve(checkout, "server/store/games.ts"))};
import { openRoom, playRoom } from ${JSON.stringify(resolve(checkout, "server/bench/inproc-room.ts"))};
const [rooms, from, to] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(path.join(tmpdir(), "sos-gc-"));
const store = new GameStore(path.join(dir, "games.sqlite"));
for (let r = 0; r < 5; r++) playRoom(-1 - r, store, 40, 16); // warm-up: the code is optimised
globalThis.gc();
const empty = process.memoryUsage().heapUsed;
const open = Array.from({ length: rooms }, (_, r) => openRoom(r, store, 40));
let played = 0;
const turn = () => { for (const room of open) if (room.playQuarter()) played++; };
for (let q = 0; q < from; q++) turn();
console.log("@@start " + played);
for (let q = from; q < to; q++) turn();
console.log("@@end " + played);
globalThis.gc();
console.log("@@heap " + (process.memoryUsage().heapUsed - empty) / rooms);
store.close();
rmSync(dir, { recursive: true, force: true });
`;
  return writeEntryBundle(entry, here, "gc-bench", name, true);
}

const NODE_FLAGS = ["--predictable", "--expose-gc"];
/**
 * Counting instructions, also a fixed heap-growing schedule (by default V8 sizes the heap from
 * measured collection speeds, so when collections run, and what is compiled and promoted around
 * them, followed the machine's load: two runs of one build differed by 8–9%) and fixed seeds for
 * property-key hashing and `Math.random`.
 */
const INSTRUCTION_FLAGS = [...NODE_FLAGS, "--predictable-gc-schedule", "--hash-seed=1", "--random-seed=1"];
const env = { ...process.env, LOG_LEVEL: "warn" };

interface Counts {
  roomQuarters: number;
  allocated: number;
  promoted: number;
  scavenges: number;
  markCompacts: number;
  heapPerRoom: number;
}

/** Runs `file` under --trace-gc-nvp and sums the main thread's collections between the marks. */
function gcCounts(file: string): Promise<Counts> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, "--trace-gc-nvp", file, String(rooms), String(from), String(to)], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("close", (code) => {
      if (code !== 0) return fail(new Error(`${file} exited ${code}`));
      const counts: Counts = { roomQuarters: 0, allocated: 0, promoted: 0, scavenges: 0, markCompacts: 0, heapPerRoom: 0 };
      let measuring = false;
      let started = 0;
      let sizeAfter = 0; // the heap after the collection before (--trace-gc-nvp's "allocated" counts from the last mark-compact)
      for (const line of out.split("\n")) {
        const mark = /^@@(\w+) ([\d.]+)/.exec(line);
        if (mark) {
          const n = Number(mark[2]);
          if (mark[1] === "start") [measuring, started] = [true, n];
          else if (mark[1] === "end") [measuring, counts.roomQuarters] = [false, n - started];
          else counts.heapPerRoom = n;
          continue;
        }
        const field = (name: string) => Number(new RegExp(` ${name}=([\\d.]+)`).exec(line)?.[1] ?? 0);
        const kind = / gc=(\w+)/.exec(line)?.[1];
        if (kind !== "s" && kind !== "ms" && kind !== "mc") continue;
        if (measuring) {
          if (kind === "s") counts.scavenges++;
          else counts.markCompacts++;
          counts.allocated += field("total_size_before") - sizeAfter;
          counts.promoted += field("promoted");
        }
        sizeAfter = field("total_size_after");
      }
      if (!counts.roomQuarters) return fail(new Error(`${file}: no measured quarters`));
      done(counts);
    });
  });
}

/** Instructions executed by node running `file` to quarter `upTo` (callgrind's total). */
const instructions = (file: string, upTo: number) =>
  callgrindInstructions([...INSTRUCTION_FLAGS, file, String(rooms), String(from), String(upTo)], `${file}.${upTo}.callgrind`, env);

const sides: Array<[string, string]> = [...(opts.other ? [["before", opts.other] as [string, string]] : []), ["after", here]];
const results: Record<string, Counts & { instructions?: number }> = {};
for (const [name, checkout] of sides) {
  const file = bundle(name, checkout);
  try {
    const counts = await gcCounts(file);
    let perQuarter: number | undefined;
    if (opts.instructions) {
      const [short, long] = await Promise.all([instructions(file, from), instructions(file, to)]);
      perQuarter = (long - short) / counts.roomQuarters;
    }
    results[name] = { ...counts, ...(perQuarter === undefined ? {} : { instructions: perQuarter }) };
  } finally {
    if (!process.env.KEEP_BUNDLE) unlinkSync(file);
  }
}

const figure = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rows: Array<[string, (c: Counts & { instructions?: number }) => number | undefined, number]> = [
  ["KB allocated per room-quarter", (c) => c.allocated / 1024 / c.roomQuarters, 1],
  ["KB promoted per room-quarter", (c) => c.promoted / 1024 / c.roomQuarters, 2],
  ["scavenges per 1,000 room-quarters", (c) => (1000 * c.scavenges) / c.roomQuarters, 1],
  ["mark-compacts per 1,000 room-quarters", (c) => (1000 * c.markCompacts) / c.roomQuarters, 2],
  [`KB heap per room at quarter ${to}`, (c) => c.heapPerRoom / 1024, 1],
  ["instructions per room-quarter", (c) => c.instructions, 0],
];
console.log(
  `${rooms} rooms of 6 firms, 40-quarter games, quarters ${from + 1}–${to} played in turn (node ${NODE_FLAGS.join(" ")}; instructions ${INSTRUCTION_FLAGS.join(" ")}):`,
);
for (const [label, value, digits] of rows) {
  const values = sides.map(([name]) => value(results[name] as Counts));
  if (values.every((v) => v === undefined)) continue;
  const cells = sides.map(([name], i) => `${name} ${figure(values[i] as number, digits)}`);
  const ratio = values.length === 2 && values[0] ? `  (× ${((values[1] as number) / (values[0] as number)).toFixed(3)})` : "";
  console.log(`  ${label}: ${cells.join(", ")}${ratio}`);
}
