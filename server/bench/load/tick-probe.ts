/**
 * The long-tick probe (`bench:server --ticks`; off by default, so the measure itself is as it
 * ships): installed into the server process by probe.ts, it times every timer callback and
 * every WebSocket frame handler (and immediate), and groups them into **busy stretches**: the callbacks run
 * between two waits of the event loop for I/O (a callback that finds the loop's idle time grown
 * since the one before starts a new stretch). A frame that arrives during a stretch waits for
 * its end, so the long stretches are what holds acknowledgements back. For each stretch it
 * counts what ran: patch intervals (and how many of them sent a patch), frames (`submit`s
 * among them), other timers (the room clocks run inside the patch intervals), `private`
 * messages sent (six per resolved quarter in a bench room), WebSocket pings; the garbage
 * collections inside a stretch are matched afterwards from the GC entries.
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import type { TickStretch, TicksReport } from "./probe-types.js";

/** A stretch from `start` to `end` with nothing counted yet. */
export function emptyStretch(start: number, end: number): TickStretch {
  return {
    start,
    end,
    patches: 0,
    patchesSent: 0,
    patchMs: 0,
    frames: 0,
    submits: 0,
    frameMs: 0,
    resolvingFrames: 0,
    resolvingFrameMs: 0,
    timers: 0,
    timerMs: 0,
    privates: 0,
    pings: 0,
  };
}

/** Colyseus' default patch interval: a `setInterval` of this period is a room's patch tick. */
const PATCH_MS = 50;
/** Stretches at least this long are kept whole; shorter ones only counted. */
const KEEP_MS = 10;
/** Upper bounds (ms) of the duration buckets every stretch is counted in; the last is open. */
export const TICK_BUCKETS_MS = [1, 5, 10, 20, 50, 100] as const;

const ROOM_DATA = 13;
/** Whether `data` is a room message of `type` (Colyseus: its code, then the type as a short msgpack string); the probes read frames with it. */
export function isRoomMessage(data: unknown, type: string): boolean {
  if (!(data instanceof Uint8Array) || data.length < type.length + 2 || data[0] !== ROOM_DATA || data[1] !== (0xa0 | type.length)) return false;
  for (let i = 0; i < type.length; i++) if (data[2 + i] !== type.charCodeAt(i)) return false;
  return true;
}

type Kind = "patch" | "frame" | "timer";

export function installTickProbe(): { reset(): void; read(): Omit<TicksReport, "gcs"> } {
  const timing = performance.nodeTiming;
  let lastIdle = -1;
  let current: TickStretch | null = null;
  let kept: TickStretch[] = [];
  let buckets = new Array<number>(TICK_BUCKETS_MS.length + 1).fill(0);
  let stretches = 0;
  let busyMs = 0;
  let depth = 0;
  let sendsInCallback = 0;
  let privatesInCallback = 0;

  const close = () => {
    if (!current) return;
    const length = current.end - current.start;
    stretches++;
    busyMs += length;
    let b = 0;
    while (b < TICK_BUCKETS_MS.length && length >= (TICK_BUCKETS_MS[b] as number)) b++;
    buckets[b] = (buckets[b] as number) + 1;
    if (length >= KEEP_MS) kept.push(current);
    current = null;
  };

  /** Opens a new stretch when the loop has waited for I/O since the last callback. */
  const enter = (now: number): TickStretch => {
    const idle = timing.idleTime;
    let stretch = current;
    if (idle !== lastIdle || !stretch) {
      close();
      lastIdle = idle;
      stretch = emptyStretch(now, now);
      current = stretch;
    }
    return stretch;
  };

  const timed = <A extends unknown[], R>(kind: Kind, run: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      if (depth > 0) return run.apply(this, args);
      const start = performance.now();
      const stretch = enter(start);
      depth++;
      sendsInCallback = 0;
      privatesInCallback = 0;
      try {
        return run.apply(this, args);
      } finally {
        depth--;
        const end = performance.now();
        stretch.end = end;
        if (kind === "patch") {
          stretch.patches++;
          if (sendsInCallback > 0) stretch.patchesSent++;
          stretch.patchMs += end - start;
        } else if (kind === "timer") {
          stretch.timers++;
          stretch.timerMs += end - start;
        } else {
          stretch.frameMs += end - start;
          if (privatesInCallback > 0) {
            stretch.resolvingFrames++;
            stretch.resolvingFrameMs += end - start;
          }
        }
      }
    };

  const setIntervalOf = globalThis.setInterval;
  globalThis.setInterval = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    setIntervalOf(timed(ms === PATCH_MS ? "patch" : "timer", callback), ms, ...args)) as typeof setInterval;
  const setTimeoutOf = globalThis.setTimeout;
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    setTimeoutOf(timed("timer", callback), ms, ...args)) as typeof setTimeout;

  // Immediates (the settle queue's turns among them) count as timers.
  const setImmediateOf = globalThis.setImmediate;
  globalThis.setImmediate = ((callback: (...args: unknown[]) => void, ...args: unknown[]) =>
    setImmediateOf(timed("timer", callback), ...args)) as typeof setImmediate;
  const emit = WebSocket.prototype.emit;
  const timedEmit = timed("frame", emit);
  WebSocket.prototype.emit = function (this: WebSocket, event: string | symbol, ...args: unknown[]) {
    if (event !== "message") return emit.call(this, event, ...args);
    const stretch = enter(performance.now());
    stretch.frames++;
    if (isRoomMessage(args[0], "submit")) stretch.submits++;
    return timedEmit.call(this, event, ...args);
  } as typeof emit;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, ...args: Parameters<WebSocket["send"]>) {
    sendsInCallback++;
    if (current && isRoomMessage(args[0], "private")) {
      current.privates++;
      privatesInCallback++;
    }
    return send.apply(this, args);
  } as WebSocket["send"];
  const ping = WebSocket.prototype.ping;
  WebSocket.prototype.ping = function (this: WebSocket, ...args: Parameters<WebSocket["ping"]>) {
    if (current) current.pings++;
    return ping.apply(this, args);
  };

  return {
    reset() {
      close();
      kept = [];
      buckets = buckets.map(() => 0);
      stretches = 0;
      busyMs = 0;
    },
    read(): Omit<TicksReport, "gcs"> {
      close();
      return { origin: performance.timeOrigin, stretches, busyMs, buckets: [...buckets], long: [...kept] };
    },
  };
}
