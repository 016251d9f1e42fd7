/**
 * `npm run bench:server`: the game server under load. Each step starts a fresh server
 * process, opens N rooms of 6 SDK clients (in worker threads) playing short quarters, and
 * measures action acknowledgement, quarter resolve-to-patch, CPU, memory and bytes; the ramp
 * stops at the first step whose ack p99 reaches the goal. `--bare` runs every step twice,
 * on the game and on a bare Colyseus room with the same clients (load/bare-room.ts), and
 * reports how the two compare.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { clusterProcesses, mainProcess, type ServerKind } from "./load/launch.js";
import { quietestRun } from "./load/quiet.js";
import { table } from "./load/report.js";
import type { StepOptions, StepResult } from "./load/step.js";

const ACK_P99_GOAL_MS = 50;
const RESOLVE_P99_GOAL_MS = 100;
const DEFAULT_RAMP = [100, 200, 300, 400, 500, 600];
/** With --bare, the ramp goes on while the bare room holds (it held 800 rooms here, twice the game). */
const BARE_RAMP = [...DEFAULT_RAMP, 700, 800, 1000, 1200];
const PLAYERS_PER_ROOM = 6;
/** Quarters in a bench game: the most a room allows, so games outlast the window. */
const QUARTERS = 40;

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("a positive number");
  return n;
};
const roomList = (value: string) => value.split(",").map((v) => Math.round(positive(v.trim())));

const program = new Command("bench:server")
  .description("Load benchmark of the game server: N rooms × 6 clients on loopback")
  .option("--rooms <list>", "room counts to run, comma-separated (default: a ramp that stops at the goal)", roomList)
  .option("--seconds <n>", "measured seconds per step", positive, 20)
  .option("--warmup <n>", "seconds of play before measuring (at least --think + --report, so every game is under way)", positive, 12)
  // The pace: a quarter every ~9 s (the slowest of six players thinks up to 8 s, then a 2 s
  // report), ten times a real class's 90 s decisions, so a room here carries ~10 rooms' traffic.
  .option("--decision <n>", "decisionSeconds of the rooms (a fallback: players submit sooner)", positive, 10)
  .option("--report <n>", "reportSeconds of the rooms", Number, 2)
  .option("--think <n>", "longest think time before a submission, seconds", positive, 8)
  .option("--threads <n>", "client worker threads", positive, 2)
  .option("--quick", "one small step, for a smoke run")
  .option("--quiet <percent>", "before each step, wait until other work uses less than this % of a core (0: do not wait)", Number, 25)
  .option("--quiet-wait <seconds>", "the longest such wait per step", positive, 300)
  .option("--retries <n>", "repeat a step whose window other work disturbed (more than --quiet % of a core), keeping the quietest", Number, 3)
  .option("--processes <n>", "server processes sharing the rooms through Redis (REDIS_URL, or a redis-server started for each step)", positive, 1)
  .option("--json <file>", "write every step's figures as JSON")
  .option(
    "--bare",
    "alternate every step between the game server and a bare Colyseus room (same clients, messages and synced fields, no game), and compare them",
  )
  .option("--server-node-args <args>", 'extra Node options for the server process, space-separated (e.g. "--cpu-prof --cpu-prof-dir=prof")')
  .parse();

const opts = program.opts<{
  rooms?: number[];
  seconds: number;
  warmup: number;
  decision: number;
  report: number;
  think: number;
  threads: number;
  quick?: boolean;
  json?: string;
  quiet: number;
  quietWait: number;
  retries: number;
  serverNodeArgs?: string;
  processes: number;
  bare?: boolean;
}>();
if (opts.bare && opts.processes > 1) program.error("--bare compares one process of each: leave out --processes");

// An interrupted bench must not leave its server behind: exiting runs the launcher's cleanup.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const steps = opts.quick ? [10] : (opts.rooms ?? (opts.bare ? BARE_RAMP : DEFAULT_RAMP));
const explicit = opts.quick || opts.rooms !== undefined;
const seconds = opts.quick ? 8 : opts.seconds;
const warmup = opts.quick ? opts.think + opts.report : opts.warmup;
// Quarters last at least the slowest of six think times (≈ 6/7 of the longest) plus the report pause.
const shortestGame = QUARTERS * ((opts.think * 6) / 7 + opts.report);
if (warmup < opts.think + opts.report) console.warn("warning: the warm-up is shorter than the spread of game starts");
if (warmup + seconds > shortestGame * 0.9) console.warn(`warning: games may end (≈${shortestGame.toFixed(0)} s) before the window does; see "rooms over"`);

console.log(
  `server load: ${opts.bare ? "the game and the bare room, alternating" : `${opts.processes} server process(es)`}, ${availableParallelism()} cores, Node ${process.versions.node}, load average ${loadavg()[0]?.toFixed(2)}; ` +
    `rooms of ${PLAYERS_PER_ROOM} clients, decision ${opts.decision} s, report ${opts.report} s, think 0–${opts.think} s; ` +
    `${warmup} s warm-up, ${seconds} s measured per step; ${opts.threads} client threads`,
);
const nodeArgs = opts.serverNodeArgs?.split(" ").filter(Boolean);
const holding = (r: StepResult) => r.failedRooms === 0 && r.ack.p99 < ACK_P99_GOAL_MS && r.resolveToPatch.p99 < RESOLVE_P99_GOAL_MS;
/** The last step before the first that did not hold. */
const largestHeld = (results: readonly StepResult[]) => {
  const firstMiss = results.findIndex((r) => !holding(r));
  return (firstMiss === -1 ? results : results.slice(0, firstMiss)).at(-1);
};
const kinds: ServerKind[] = opts.bare ? ["game", "bare"] : ["game"];
const results: Record<ServerKind, StepResult[]> = { game: [], bare: [] };
/** Load averages (1 min) at the start of each step, by kind: the machine is shared. */
const loads: Record<ServerKind, number[]> = { game: [], bare: [] };
const done = new Set<ServerKind>();
for (const rooms of steps) {
  for (const kind of kinds) {
    if (done.has(kind)) continue;
    const load = loadavg()[0] ?? 0;
    console.log(`step: ${rooms} rooms${opts.bare ? `, ${kind}` : ""} (load average ${load.toFixed(2)})`);
    const step: StepOptions = {
      rooms,
      slowAckMs: ACK_P99_GOAL_MS,
      playersPerRoom: PLAYERS_PER_ROOM,
      warmupSeconds: warmup,
      seconds,
      settings: { firms: PLAYERS_PER_ROOM, quarters: QUARTERS, newsSeconds: 0, reportSeconds: opts.report, decisionSeconds: opts.decision, private: true },
      thinkMs: opts.think * 1000,
      // Over one quarter's length, so that quarters resolve evenly over time.
      startSpreadMs: (opts.think + opts.report) * 1000,
      threads: Math.round(opts.threads),
      concurrency: 8,
      launcher: opts.processes > 1 ? clusterProcesses(Math.round(opts.processes), nodeArgs) : mainProcess(nodeArgs, kind),
    };
    const result = await quietestRun(step, { quietPercent: opts.quiet, waitSeconds: opts.quietWait, retries: opts.retries }, (line) => console.log(line));
    results[kind].push(result);
    loads[kind].push(load);
    console.log(table([result]).split("\n").at(-1));
    if (!explicit && !holding(result)) done.add(kind);
  }
  if (kinds.every((kind) => done.has(kind))) break;
}

const goal = `ack p99 < ${ACK_P99_GOAL_MS} ms and resolve→patch p99 < ${RESOLVE_P99_GOAL_MS} ms`;
const range = (values: readonly number[], digits: number) => {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return "–";
  const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
  const f = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
};
for (const kind of kinds) {
  const own = results[kind];
  const held = largestHeld(own);
  if (opts.bare)
    console.log(`\n${kind === "game" ? "The game server" : "The bare room"} (load average at each step: ${loads[kind].map((l) => l.toFixed(1)).join(", ")}):`);
  console.log(`\n${table(own)}\n`);
  console.log(
    held
      ? `largest N holding ${goal} on ${opts.processes} process(es): ${held.rooms} rooms (${held.clients.toLocaleString("en-US")} clients)${held === own.at(-1) ? " — the largest step run" : ""}`
      : `no step held ${goal}`,
  );
  if (opts.bare) {
    const upTo = held ? own.slice(0, own.indexOf(held) + 1) : own;
    const cpu = range(
      upTo.map((r) => r.serverCpuMsPerRoomQuarter),
      1,
    );
    const bytes = range(
      upTo.map((r) => r.bytesPerClientQuarter),
      0,
    );
    console.log(
      `  server CPU ms per room-quarter ${cpu}, bytes per client per quarter ${bytes} (${held ? "over the steps that held" : "no step held: over every step"})`,
    );
  }
}
if (opts.bare) {
  const game = largestHeld(results.game)?.rooms ?? 0;
  const bare = largestHeld(results.bare)?.rooms ?? 0;
  console.log(
    bare > 0
      ? `\nthe game server held ${game} rooms, the bare room ${bare}: ${Math.round((100 * game) / bare)}% of the bare room's largest holding N${largestHeld(results.bare) === results.bare.at(-1) ? " (the bare room held every step run: its limit is higher)" : ""}`
      : "\nthe bare room held no step: no ratio",
  );
}
if (opts.json)
  writeFileSync(opts.json, `${JSON.stringify({ options: { ...opts, seconds, warmup }, results: opts.bare ? results : results.game, loads }, null, 2)}\n`);
