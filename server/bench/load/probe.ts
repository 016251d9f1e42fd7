/**
 * Preloaded into the server process by the bench (`--import`), never by the game: it answers
 * the bench over the IPC channel with the heap, the event-loop delay, and how long each
 * round of WebSocket pings blocks the loop, so the server's code stays as it ships.
 */
import { monitorEventLoopDelay, PerformanceObserver, performance } from "node:perf_hooks";
import WebSocket from "ws";
import type { ProbeReport, ProbeRequest } from "./probe-types.js";
import { installTickProbe, isRoomMessage } from "./tick-probe.js";

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
/** Milliseconds since the epoch, sub-millisecond: comparable with the clients' clocks on the same machine. */
const epoch = (t = performance.now()) => performance.timeOrigin + t;

/** `bench:server --ticks`: the long-tick probe, and every GC, not only the pauses ≥ 2 ms. */
const ticks = process.env.BENCH_TICKS === "1" ? installTickProbe() : null;
const allGcs: { start: number; end: number; kind: number }[] = [];

const gcPauses: ProbeReport["gcPauses"] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration >= 2) gcPauses.push({ start: epoch(entry.startTime), end: epoch(entry.startTime + entry.duration) });
    if (ticks)
      allGcs.push({
        start: epoch(entry.startTime),
        end: epoch(entry.startTime + entry.duration),
        kind: (entry as { detail?: { kind?: number } }).detail?.kind ?? 0,
      });
  }
}).observe({ entryTypes: ["gc"] });

// The transport pings every socket in one synchronous loop; time it by wrapping ws' ping.
const rounds: ProbeReport["pingRounds"] = [];
let round: { start: number; last: number; sockets: number } | null = null;
const ping = WebSocket.prototype.ping;
WebSocket.prototype.ping = function (this: WebSocket, ...args: Parameters<WebSocket["ping"]>) {
  const now = performance.now();
  if (!round) {
    const current = { start: now, last: now, sockets: 0 };
    round = current;
    setImmediate(() => {
      rounds.push({ start: epoch(current.start), end: epoch(current.last), sockets: current.sockets });
      round = null;
    });
  }
  ping.apply(this, args);
  round.sockets++;
  round.last = performance.now();
};

// The server's own share of an acknowledgement: from the `submit` frame's 'message' event on a
// socket to the `accepted` frame handed to that socket's send (the room's handling, the flow,
// the mirror; not the time the frame waited for the loop before it, nor the client's side).
const submittedAt = new WeakMap<WebSocket, number>();
const serverAcks: number[] = [];
const emit = WebSocket.prototype.emit;
WebSocket.prototype.emit = function (this: WebSocket, event: string | symbol, ...args: unknown[]) {
  if (event === "message" && isRoomMessage(args[0], "submit")) submittedAt.set(this, performance.now());
  return emit.call(this, event, ...args);
};
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (this: WebSocket, ...args: Parameters<WebSocket["send"]>) {
  if (isRoomMessage(args[0], "accepted")) {
    const at = submittedAt.get(this);
    if (at !== undefined) {
      serverAcks.push(performance.now() - at);
      submittedAt.delete(this);
    }
  }
  return send.apply(this, args);
} as WebSocket["send"];

const ms = (ns: number) => ns / 1e6;

process.on("message", (request: ProbeRequest) => {
  if (typeof request !== "object" || request === null || !("probe" in request)) return;
  if (request.probe === "reset") {
    loop.reset();
    rounds.length = 0;
    gcPauses.length = 0;
    serverAcks.length = 0;
    allGcs.length = 0;
    ticks?.reset();
  } else if (request.gc) (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const report: ProbeReport = {
    id: request.id,
    heapUsed: memory.heapUsed,
    rss: memory.rss,
    loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
    pingRounds: [...rounds],
    gcPauses: [...gcPauses],
    serverAcks: [...serverAcks],
    ...(ticks && request.probe === "read" && !request.gc ? { ticks: { ...ticks.read(), gcs: [...allGcs] } } : {}),
  };
  process.send?.(report);
});
// A server whose bench is gone must not linger.
process.on("disconnect", () => process.exit(0));
