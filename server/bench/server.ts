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
import { PING_INTERVAL_MS } from "../app.js";
import { clusterProcesses, mainProcess, type ServerKind } from "./load/launch.js";
import { runWhenQuiet } from "./load/quiet.js";
import { table } from "./load/report.js";
import type { StepOptions, StepResult } from "./load/step.js";
import { largestHeld, ratio } from "./load/verdict.js";

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
  .option(
    "--retries <n>",
    "windows measured again, on the same server and rooms, after one that does not hold the goal (a step holds if one of its windows does)",
    Number,
    3,
  )
  .option("--processes <n>", "server processes sharing the rooms through Redis (REDIS_URL, or a redis-server started for each step)", positive, 1)
  .option("--json <file>", "write every step's figures as JSON")
  .option(
    "--bare",
    "alternate every step between the game server and a bare Colyseus room (same clients, messages and synced fields, no game), and compare them",
  )
  .option(
    "--ticks",
    "time every timer callback and frame handler in the server and report its long busy stretches (load/tick-probe.ts; costs the server a little CPU)",
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
  ticks?: boolean;
}>();
if (opts.bare && opts.processes > 1) program.error("--bare compares one process of each: leave out --processes");
if (opts.ticks && opts.processes > 1) program.error("--ticks probes one server process: leave out --processes");

// An interrupted bench must not leave its server behind: exiting runs the launcher's cleanup.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const steps = opts.quick ? [10] : (opts.rooms ?? (opts.bare ? BARE_RAMP : DEFAULT_RAMP));
const explicit = opts.quick || opts.rooms !== undefined;
const seconds = opts.quick ? 8 : opts.seconds;
const warmup = opts.quick ? opts.think + opts.report : opts.warmup;
// Quarters last at least the slowest of six think times (≈ 6/7 of the longest) plus the report pause.
const shortestGame = QUARTERS * ((opts.think * 6) / 7 + opts.report);
if (warmup < opts.think + opts.report) console.warn("warning: the warm-up is shorter than the spread of game starts");
// Each window starts half a ping interval after a ping round: the first within an interval
// and a half of the warm-up's end, each repeat an interval or more after the one before.
const pingSeconds = PING_INTERVAL_MS / 1000;
const lastWindowEnds = warmup + 1.5 * pingSeconds + opts.retries * Math.max(pingSeconds, Math.ceil(seconds / pingSeconds) * pingSeconds) + seconds;
if (lastWindowEnds > shortestGame * 0.9) console.warn(`warning: games may end (≈${shortestGame.toFixed(0)} s) before the window does; see "rooms over"`);

console.log(
  `server load: ${opts.bare ? "the game and the bare room, alternating" : `${opts.processes} server process(es)`}, ${availableParallelism()} cores, Node ${process.versions.node}, load average ${loadavg()[0]?.toFixed(2)}; ` +
    `rooms of ${PLAYERS_PER_ROOM} clients, decision ${opts.decision} s, report ${opts.report} s, think 0–${opts.think} s; ` +
    `${warmup} s warm-up, ${seconds} s measured per step; ${opts.threads} client threads`,
);
const nodeArgs = opts.serverNodeArgs?.split(" ").filter(Boolean);
const goal = { ackP99Ms: ACK_P99_GOAL_MS, resolveP99Ms: RESOLVE_P99_GOAL_MS };
const kinds: ServerKind[] = opts.bare ? ["game", "bare"] : ["game"];
const results: Record<ServerKind, StepResult[]> = { game: [], bare: [] };
/** Load averages (1 min) at the start of each step, by kind: the machine is shared. */
const loads: Record<ServerKind, number[]> = { game: [], bare: [] };
const done = new Set<ServerKind>();
for (const [index, rooms] of steps.entries()) {
  // Which server goes first alternates from step to step, so neither always runs on a machine the other just warmed.
  for (const kind of index % 2 === 0 ? kinds : [...kinds].reverse()) {
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
      launcher:
        opts.processes > 1 ? clusterProcesses(Math.round(opts.processes), nodeArgs) : mainProcess(nodeArgs, kind, opts.ticks ? { BENCH_TICKS: "1" } : {}),
      goal,
      retries: Math.max(0, Math.round(opts.retries)),
      pingIntervalMs: PING_INTERVAL_MS,
    };
    const result = await runWhenQuiet(step, { quietPercent: opts.quiet, waitSeconds: opts.quietWait }, (line) => console.log(line));
    results[kind].push(result);
    loads[kind].push(load);
    console.log(table([result]).split("\n").at(-1));
    if (!explicit && !result.held) done.add(kind);
  }
  if (kinds.every((kind) => done.has(kind))) break;
}

const goalText = `ack p99 < ${ACK_P99_GOAL_MS} ms and resolve→patch p99 < ${RESOLVE_P99_GOAL_MS} ms`;
const range = (values: readonly number[], digits: number) => {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return "–";
  const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
  const f = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
};
/** A step's verdict in a word, with the ack p99 of each window it measured. */
const verdict = (r: StepResult | undefined) =>
  r
    ? `${r.held ? "held" : "not held"} (ack p99 ${r.windowAckP99.map((v) => v.toFixed(1)).join(" / ")} ms; server-side ${r.windowServerAckP99.map((v) => v.toFixed(1)).join(" / ")} ms)`
    : "not run";
for (const kind of kinds) {
  const own = results[kind];
  const held = largestHeld(own);
  if (opts.bare)
    console.log(`\n${kind === "game" ? "The game server" : "The bare room"} (load average at each step: ${loads[kind].map((l) => l.toFixed(1)).join(", ")}):`);
  console.log(`\n${table(own)}\n`);
  console.log(
    held > 0
      ? `largest N holding ${goalText} on ${opts.processes} process(es): ${held} rooms (${(held * PLAYERS_PER_ROOM).toLocaleString("en-US")} clients)${held === Math.max(...own.map((r) => r.rooms)) ? " — the largest step run" : ""}`
      : `no step held ${goalText}`,
  );
  if (opts.bare) {
    const heldSteps = own.filter((r) => r.held);
    const over = heldSteps.length > 0 ? heldSteps : own;
    const cpu = range(
      over.map((r) => r.serverCpuMsPerRoomQuarter),
      1,
    );
    const bytes = range(
      over.map((r) => r.bytesPerClientQuarter),
      0,
    );
    console.log(
      `  server CPU ms per room-quarter ${cpu}, bytes per client per quarter ${bytes} (${heldSteps.length > 0 ? "over the steps that held" : "no step held: over every step"})`,
    );
  }
}
if (opts.bare) {
  const windows = 1 + Math.max(0, Math.round(opts.retries));
  console.log(
    `\nstep by step: a step holds when one of its windows (at most ${windows}, each started half a ping interval after a ping round) has every room open and ${goalText}\n`,
  );
  const rows = [...new Set([...results.game, ...results.bare].map((r) => r.rooms))].sort((a, b) => a - b);
  console.log("| rooms | game | bare |\n| ----- | ---- | ---- |");
  for (const rooms of rows)
    console.log(`| ${rooms} | ${verdict(results.game.find((r) => r.rooms === rooms))} | ${verdict(results.bare.find((r) => r.rooms === rooms))} |`);
  const game = largestHeld(results.game);
  const bare = largestHeld(results.bare);
  const share = ratio(results.game, results.bare);
  console.log(
    share !== null
      ? `\nlargest N held: the game server ${game} rooms, the bare room ${bare}: ${Math.round(100 * share)}% of the bare room's${bare === Math.max(...results.bare.map((r) => r.rooms)) ? " (the bare room held the largest step run: its limit may be higher)" : ""}`
      : "\nthe bare room held no step: no ratio",
  );
}
if (opts.json)
  writeFileSync(opts.json, `${JSON.stringify({ options: { ...opts, seconds, warmup }, results: opts.bare ? results : results.game, loads }, null, 2)}\n`);
