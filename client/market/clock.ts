/**
 * The server's clock as seen from this tab, for the countdown to `state.deadline` (server
 * ms). The offset (server − local) is known only from below:
 * - the welcome's `serverTime` was the server's time when it was sent, and we may read it
 *   long after (a lobby can last minutes), so `serverTime − now` underestimates the offset;
 * - a phase of `seconds` cannot have more than `seconds` left, so when a deadline is seen,
 *   `deadline − seconds − now` underestimates it too, by the time since the phase began
 *   (a patch's latency when it is seen as it happens).
 * The best estimate is the largest lower bound seen.
 */
export class ServerClock {
  private offsetMs: number;

  constructor(welcomeServerTime: number | null, localNow: number) {
    this.offsetMs = welcomeServerTime === null ? 0 : welcomeServerTime - localNow;
  }

  /** A deadline seen at `localNow` for a phase that lasts `phaseSeconds`. */
  observeDeadline(deadline: number, phaseSeconds: number, localNow: number): void {
    if (!(deadline > 0) || !(phaseSeconds > 0)) return;
    this.offsetMs = Math.max(this.offsetMs, deadline - phaseSeconds * 1000 - localNow);
  }

  serverNow(localNow: number): number {
    return localNow + this.offsetMs;
  }

  /** Whole seconds left until `deadline` (0 when it has passed or is unset). */
  secondsLeft(deadline: number, localNow: number): number {
    if (!(deadline > 0)) return 0;
    return Math.max(0, Math.ceil((deadline - this.serverNow(localNow)) / 1000));
  }
}

/** "1:05", "0:09". */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
