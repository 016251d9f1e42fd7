/** What the bench asks the probe inside a server process, and what it answers. */
export type ProbeRequest = { id: number; probe: "reset" } | { id: number; probe: "read"; gc: boolean };

export interface ProbeReport {
  id: number;
  /** process.memoryUsage() of the server, bytes (after a full GC when asked). */
  heapUsed: number;
  rss: number;
  /** Event-loop delay since the last reset, ms. */
  loop: { p50: number; p99: number; max: number };
  /** Each round of WebSocket pings since the last reset: when it blocked the loop (ms since epoch), over how many sockets. */
  pingRounds: { start: number; end: number; sockets: number }[];
  /** Garbage-collection pauses of 2 ms or more since the last reset (ms since epoch). */
  gcPauses: { start: number; end: number }[];
  /** Each acknowledgement since the last reset as the server saw it: from a `submit` frame's 'message' event on its socket to the `accepted` frame's send, ms. */
  serverAcks: number[];
  /** The long-tick probe's (tick-probe.ts), when the bench runs with `--ticks`. */
  ticks?: TicksReport;
}

/** A busy stretch of the server's event loop (tick-probe.ts): ms since the probe's `origin`, with what ran in it. */
export interface TickStretch {
  start: number;
  end: number;
  /** Patch-interval callbacks, those that sent something, and their time (ms). */
  patches: number;
  patchesSent: number;
  patchMs: number;
  /** WebSocket frames handled (`submit`s among them) and their handlers' time (ms). */
  frames: number;
  submits: number;
  frameMs: number;
  /** Of those, the handlers that sent `private` messages (a quarter resolved in them), and their time (ms). */
  resolvingFrames: number;
  resolvingFrameMs: number;
  /** Other timer callbacks and immediates (the settle queue's turns among them), and their time (ms). */
  timers: number;
  timerMs: number;
  /** `private` messages sent, WebSocket pings sent. */
  privates: number;
  pings: number;
}

/** The long-tick probe's figures since its last reset. */
export interface TicksReport {
  /** performance.timeOrigin of the server (ms since the epoch): a stretch's times plus this are comparable with GC pauses. */
  origin: number;
  stretches: number;
  busyMs: number;
  /** Stretches by duration: under 1, 5, 10, 20, 50, 100 ms, and longer. */
  buckets: number[];
  /** Every stretch of 10 ms or more. */
  long: TickStretch[];
  /** Every garbage collection (not only those ≥ 2 ms), ms since the epoch, with V8's kind (1 minor, 2 major, 4 incremental, 8 weak callbacks). */
  gcs: { start: number; end: number; kind: number }[];
}
