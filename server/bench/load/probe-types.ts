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
}
