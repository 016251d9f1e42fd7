/**
 * The bench's rule for "a server held N rooms", the same for the game and the bare room:
 * a measured window holds when every room opened, ack p99 is under its goal and
 * resolve→patch p99 under its goal; a window that does not hold is measured again on the
 * same server, up to `--retries` more windows, and the step holds when one of its windows
 * did. The largest N a server held is the largest step that held, whatever the steps below
 * it did (a single window at one N can fail on a GC pause that the next N's does not meet).
 */

export interface Goal {
  ackP99Ms: number;
  resolveP99Ms: number;
}

/** What the rule reads of a measured window. */
export interface WindowFigures {
  failedRooms: number;
  ack: { p99: number };
  resolveToPatch: { p99: number };
}

export function windowHolds(goal: Goal, w: WindowFigures): boolean {
  return w.failedRooms === 0 && w.ack.p99 < goal.ackP99Ms && w.resolveToPatch.p99 < goal.resolveP99Ms;
}

/** A step as the verdict sees it: its room count and whether it held. */
export interface StepVerdict {
  rooms: number;
  held: boolean;
}

/** The largest N among the steps that held; 0 when none did. */
export function largestHeld(steps: readonly StepVerdict[]): number {
  return steps.reduce((n, s) => (s.held && s.rooms > n ? s.rooms : n), 0);
}

/** The game's largest holding N as a share of the bare room's (null: the bare room held nothing). */
export function ratio(game: readonly StepVerdict[], bare: readonly StepVerdict[]): number | null {
  const b = largestHeld(bare);
  return b > 0 ? largestHeld(game) / b : null;
}

/**
 * When the next window should start so that it holds the same number of the transport's ping
 * rounds on every server (one, for windows of half an interval up to one and a half): half an
 * interval after a round, counted from the last round seen (ms since the epoch). Without it,
 * whether a window catches a round (up to ~170 ms with every socket pinged in one loop) hangs on
 * how long each server took to open its rooms, and that differs between the game and the bare room.
 */
export function alignedStart(lastRoundAt: number, intervalMs: number, now: number): number {
  const first = lastRoundAt + intervalMs / 2;
  return first + Math.max(0, Math.ceil((now - first) / intervalMs)) * intervalMs;
}
