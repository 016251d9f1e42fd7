import type { TickStretch, TicksReport } from "./probe-types.js";
import { TICK_BUCKETS_MS } from "./tick-probe.js";

/** What the long stretches of a window held, on average (tick-probe.ts). */
export interface TickSummary {
  stretches: number;
  /** Share of the window the loop was busy in stretches, %. */
  busyPercent: number;
  /** Stretches by duration: "<1", "1–5", …, "≥100" ms. */
  buckets: Record<string, number>;
  /** Stretches of at least 20 and 50 ms, and the same per 1,000 room-quarters. */
  over20: number;
  over50: number;
  over20PerKiloQuarters: number;
  over50PerKiloQuarters: number;
  /** The stretches of at least 20 ms, on average: how long, and what ran in them. */
  long: {
    ms: number;
    patchMs: number;
    patches: number;
    patchesSent: number;
    frameMs: number;
    frames: number;
    submits: number;
    resolvingFrames: number;
    resolvingFrameMs: number;
    timerMs: number;
    timers: number;
    /** Quarters resolved (`private` messages / players per room). */
    resolutions: number;
    pings: number;
    /** GC inside the stretch (it runs inside the callbacks, so it is part of their time too). */
    gcMs: number;
    majorGcMs: number;
    /** Time in none of the timed callbacks: socket reads and write completions, microtasks, the loop itself. */
    otherMs: number;
  } | null;
  /** The longest few, as they were. */
  longest: (TickStretch & { gcMs: number })[];
}

const LONG_MS = 20;
const VERY_LONG_MS = 50;

/** V8's GC kinds as the `gc` performance entries give them (perf_hooks constants). */
const MAJOR = 2;

export function summarizeTicks(report: TicksReport, windowMs: number, roomQuarters: number, playersPerRoom: number): TickSummary {
  const gcIn = (s: TickStretch, major = false) => {
    const start = s.start + report.origin;
    const end = s.end + report.origin;
    let ms = 0;
    for (const g of report.gcs) if ((!major || g.kind === MAJOR) && g.end > start && g.start < end) ms += Math.min(end, g.end) - Math.max(start, g.start);
    return ms;
  };
  const labels = [...TICK_BUCKETS_MS.map((b, i) => (i === 0 ? `<${b}` : `${TICK_BUCKETS_MS[i - 1]}–${b}`)), `≥${TICK_BUCKETS_MS.at(-1)}`];
  const buckets = Object.fromEntries(labels.map((label, i) => [label, report.buckets[i] ?? 0]));
  const length = (s: TickStretch) => s.end - s.start;
  const long = report.long.filter((s) => length(s) >= LONG_MS);
  const over50 = long.filter((s) => length(s) >= VERY_LONG_MS).length;
  const perKilo = (n: number) => (roomQuarters > 0 ? (1000 * n) / roomQuarters : Number.NaN);
  const mean = (f: (s: TickStretch) => number) => long.reduce((n, s) => n + f(s), 0) / long.length;
  return {
    stretches: report.stretches,
    busyPercent: (100 * report.busyMs) / windowMs,
    buckets,
    over20: long.length,
    over50,
    over20PerKiloQuarters: perKilo(long.length),
    over50PerKiloQuarters: perKilo(over50),
    long:
      long.length === 0
        ? null
        : {
            ms: mean(length),
            patchMs: mean((s) => s.patchMs),
            patches: mean((s) => s.patches),
            patchesSent: mean((s) => s.patchesSent),
            frameMs: mean((s) => s.frameMs),
            frames: mean((s) => s.frames),
            submits: mean((s) => s.submits),
            resolvingFrames: mean((s) => s.resolvingFrames),
            resolvingFrameMs: mean((s) => s.resolvingFrameMs),
            timerMs: mean((s) => s.timerMs),
            timers: mean((s) => s.timers),
            resolutions: mean((s) => s.privates / playersPerRoom),
            pings: mean((s) => s.pings),
            gcMs: mean((s) => gcIn(s)),
            majorGcMs: mean((s) => gcIn(s, true)),
            otherMs: mean((s) => Math.max(0, length(s) - s.patchMs - s.frameMs - s.timerMs)),
          },
    longest: [...long]
      .sort((a, b) => length(b) - length(a))
      .slice(0, 5)
      .map((s) => ({ ...s, gcMs: gcIn(s) })),
  };
}

const f1 = (n: number) => n.toFixed(1);

/** One line for the step's log. */
export function ticksLine(t: TickSummary): string {
  const head = `ticks: ${t.stretches} busy stretches (${f1(t.busyPercent)}% of the window), by ms ${Object.entries(t.buckets)
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ")}; ≥ 20 ms: ${t.over20} (${f1(t.over20PerKiloQuarters)} per 1,000 room-quarters), ≥ 50 ms: ${t.over50} (${f1(t.over50PerKiloQuarters)})`;
  const l = t.long;
  if (!l) return head;
  return `${head}; a stretch ≥ 20 ms on average ${f1(l.ms)} ms: patch intervals ${f1(l.patchMs)} ms (${f1(l.patches)} of them, ${f1(l.patchesSent)} sending), frames ${f1(l.frameMs)} ms (${f1(l.frames)}, ${f1(l.submits)} submits; ${f1(l.resolvingFrameMs)} ms in the ${f1(l.resolvingFrames)} that resolved a quarter), other timers ${f1(l.timerMs)} ms (${f1(l.timers)}), untimed ${f1(l.otherMs)} ms; GC ${f1(l.gcMs)} ms (major ${f1(l.majorGcMs)}); ${f1(l.resolutions)} quarters resolved, ${f1(l.pings)} pings; longest ${t.longest.map((s) => `${f1(s.end - s.start)} ms (patches ${s.patches}/${s.patchesSent} ${f1(s.patchMs)} ms, frames ${s.frames} ${f1(s.frameMs)} ms, timers ${s.timers} ${f1(s.timerMs)} ms, GC ${f1(s.gcMs)} ms, ${s.privates} private, ${s.pings} pings)`).join("; ")}`;
}
