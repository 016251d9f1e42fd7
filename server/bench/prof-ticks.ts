/**
 * `npx tsx server/bench/prof-ticks.ts FILE.cpuprofile [--from s] [--to s] [--long ms]`: the
 * server's main thread as a timeline, from a V8 CPU profile (`--cpu-prof`, e.g. through
 * `bench:server --server-node-args "--cpu-prof --cpu-prof-dir=DIR"`). It splits the samples
 * into busy stretches (consecutive samples that are not idle), reports how long they were, and
 * for the stretches longer than `--long` ms (default 20) what ran in them: by entry (what the
 * event loop called: a patch interval, a socket's frame, the transport's ping round…) and by
 * work (the game's own parts, schema, sockets, SQLite, garbage collection).
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const program = new Command("prof-ticks")
  .argument("<file>", "a .cpuprofile")
  .option("--from <s>", "seconds into the profile to start at", Number, 0)
  .option("--to <s>", "seconds into the profile to stop at", Number, Number.POSITIVE_INFINITY)
  .option("--long <ms>", "a stretch at least this long is reported", Number, 20)
  .option("--list <n>", "list this many of the longest stretches", Number, 12)
  .option("--top <n>", "list this many functions by self time", Number, 40)
  .option("--stacks <regexp>", "print the commonest stacks of the samples whose entry · function matches")
  .parse();
const [file] = program.args as [string];
const opts = program.opts<{ from: number; to: number; long: number; list: number; top: number; stacks?: string }>();

const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/** Function names from the root to the node. */
const stackCache = new Map<number, string[]>();
function stackOf(id: number): string[] {
  let stack = stackCache.get(id);
  if (stack) return stack;
  const names: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame) names.push(`${frame.functionName || "(anonymous)"}@${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber}`);
  }
  stack = names.reverse();
  stackCache.set(id, stack);
  return stack;
}

const has = (stack: readonly string[], pattern: RegExp) => stack.some((f) => pattern.test(f));

/** What the event loop called: the outermost frame that tells. */
function entryOf(stack: readonly string[]): string {
  const leaf = stack.at(-1) ?? "";
  if (leaf.startsWith("(idle)")) return "idle";
  if (leaf.startsWith("(garbage collector)")) return "gc (outside JS)";
  if (leaf.startsWith("(program)")) return "program (native, no JS)";
  if (has(stack, /^autoTerminateUnresponsiveClients|^ping@.*ws\/lib/)) return "ping round";
  if (has(stack, /^broadcastPatch@/)) return "patch interval";
  if (has(stack, /^listOnTimeout@/)) return "other timer";
  if (has(stack, /^receiverOnMessage@|^emitMessage@|^onMessage@.*ws\/lib|^onWebSocketMessage|^_onMessage/)) return "socket frame";
  if (has(stack, /^socketOnData@|^receiverOnConclude|^onStreamRead@/)) return "socket read";
  if (has(stack, /^afterWriteDispatched@|^onWriteComplete@|^afterWrite/)) return "socket write done";
  if (has(stack, /^processImmediate@/)) return "immediate";
  if (has(stack, /^processTicksAndRejections@|^runMicrotasks/)) return "microtasks";
  if (has(stack, /^parserOnIncoming|^onRequest|^emit@.*_http/)) return "http";
  return "other";
}

/** What the work was: the innermost frame that tells. */
const WORK: [string, RegExp][] = [
  ["gc", /^\(garbage collector\)/],
  ["store (SQLite, JSON)", /@store\/|better-sqlite3/],
  ["engine resolution", /^resolveQuarter(InPlace)?@.*engine|@engine\/|@rules\//],
  ["private feed", /@shared\/private\.ts|private-feed\.ts/],
  ["mirror", /@rooms\/mirror\.ts|@shared\/synced\.ts|array-staging/],
  ["flow, match, intents", /@flow\/|@game\/match\.ts|@game\/roster\.ts|@rooms\/effects\.ts|@rooms\/MarketRoom\.ts|@rooms\/guard\.ts|@rooms\/messages\.ts/],
  ["zod", /@zod\//],
  ["schema encode", /@colyseus\/schema|schema\/build/],
  ["msgpack", /msgpackr/],
  ["ws and sockets", /ws\/lib|^writev|^writeGeneric|^_write|net\.js|stream_base/],
  ["colyseus", /@colyseus\/core|colyseus\/build|core\/build/],
];
function workOf(stack: readonly string[]): string {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i] as string;
    for (const [name, pattern] of WORK) if (pattern.test(frame)) return name;
  }
  const leaf = stack.at(-1) ?? "";
  if (leaf.startsWith("(program)")) return "program (native)";
  return "other";
}

interface Stretch {
  start: number;
  end: number;
  samples: number[];
}
const t0 = profile.startTime;
const from = t0 + opts.from * 1e6;
const to = t0 + opts.to * 1e6;
const stretches: Stretch[] = [];
let current: Stretch | null = null;
let at = t0;
let busyUs = 0;
let spanUs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at < from || at > to) continue;
  spanUs += delta;
  const id = profile.samples[i] as number;
  const stack = stackOf(id);
  const idle = (stack.at(-1) ?? "").startsWith("(idle)");
  if (idle) {
    if (current) stretches.push(current);
    current = null;
    continue;
  }
  busyUs += delta;
  if (!current) current = { start: at - delta, end: at, samples: [] };
  current.end = at;
  current.samples.push(id);
}
if (current) stretches.push(current);

const ms = (us: number) => us / 1000;
const lengths = stretches.map((s) => ms(s.end - s.start)).sort((a, b) => a - b);
const pct = (p: number) => lengths[Math.min(lengths.length - 1, Math.floor((p / 100) * lengths.length))] ?? 0;
const long = stretches.filter((s) => ms(s.end - s.start) >= opts.long);
console.log(
  `${file}: ${(spanUs / 1e6).toFixed(1)} s, main thread busy ${((100 * busyUs) / Math.max(1, spanUs)).toFixed(1)}%; ${stretches.length} busy stretches, p50 ${pct(50).toFixed(2)} ms, p99 ${pct(99).toFixed(1)} ms, max ${pct(100).toFixed(1)} ms; ${long.length} of ≥ ${opts.long} ms (${(long.length / Math.max(1e-9, spanUs / 1e6)).toFixed(2)} a second), ${(ms(long.reduce((n, s) => n + s.end - s.start, 0)) / 1000).toFixed(2)} s in them`,
);

function breakdown(samples: readonly number[], of: (stack: string[]) => string): string {
  const counts = new Map<string, number>();
  for (const id of samples) {
    const key = of(stackOf(id));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${((100 * n) / samples.length).toFixed(0)}%`)
    .join(", ");
}
const allLong = long.flatMap((s) => s.samples);
const allBusy = stretches.flatMap((s) => s.samples);
if (allLong.length > 0) {
  console.log(`\nin the stretches ≥ ${opts.long} ms, by entry: ${breakdown(allLong, entryOf)}`);
  console.log(`by work: ${breakdown(allLong, workOf)}`);
}
console.log(`\nall busy time, by entry: ${breakdown(allBusy, entryOf)}`);
console.log(`by work: ${breakdown(allBusy, workOf)}`);
console.log(`\nthe ${opts.list} longest:`);
for (const s of [...stretches].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, opts.list))
  console.log(
    `  at ${((s.start - t0) / 1e6).toFixed(2)} s, ${ms(s.end - s.start).toFixed(1)} ms: ${breakdown(s.samples, entryOf)} | ${breakdown(s.samples, workOf)}`,
  );

/** The functions most samples of the long stretches were in (self), with the entry they ran under. */
const self = new Map<string, number>();
for (const id of allLong.length > 0 ? allLong : allBusy) {
  const stack = stackOf(id);
  const key = `${entryOf(stack)} · ${stack.at(-1)}`;
  self.set(key, (self.get(key) ?? 0) + 1);
}
const total = (allLong.length > 0 ? allLong : allBusy).length;
console.log(`\nself time in the ${allLong.length > 0 ? "long stretches" : "busy time"}, top ${opts.top}:`);
for (const [key, n] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, opts.top)) console.log(`  ${((100 * n) / total).toFixed(1)}%  ${key}`);

if (opts.stacks) {
  const pattern = new RegExp(opts.stacks);
  const stacks = new Map<string, number>();
  let matched = 0;
  for (const id of allLong.length > 0 ? allLong : allBusy) {
    const stack = stackOf(id);
    if (!pattern.test(`${entryOf(stack)} · ${stack.at(-1)}`)) continue;
    matched++;
    const key = stack.slice(-14).join("\n      ");
    stacks.set(key, (stacks.get(key) ?? 0) + 1);
  }
  console.log(`\nstacks of the samples matching /${opts.stacks}/ (${matched}):`);
  for (const [key, n] of [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${n}×\n      ${key}`);
}
