import type { ClockTimer, Delayed } from "@colyseus/timer";
import type { MarketRoomState } from "./state.js";

/**
 * The current phase's timer, which the facilitator can freeze and extend. It writes what
 * clients see: `deadline` (server ms; 0 while frozen or untimed), `paused` and `remaining`
 * (ms left while frozen). Pausing is room-wide: a phase entered while paused starts frozen.
 */
export class PhaseClock {
  private timer: Delayed | null = null;
  private next: (() => void) | null = null;

  constructor(
    private readonly clock: ClockTimer,
    private readonly state: MarketRoomState,
  ) {}

  get paused(): boolean {
    return this.state.paused;
  }

  /** Whether the current phase has a timer that can be paused or extended. */
  get timed(): boolean {
    return this.next !== null;
  }

  /** Milliseconds left in the phase (frozen while paused); 0 when untimed. */
  get remainingMs(): number {
    if (!this.next) return 0;
    return this.state.paused ? this.state.remaining : Math.max(0, this.state.deadline - Date.now());
  }

  /** Starts a phase of `seconds` that calls `next` at its end (a phase of 0 s passes at once). */
  start(seconds: number, next: (() => void) | null): void {
    this.stop();
    if (next && seconds <= 0) {
      queueMicrotask(next);
      return;
    }
    if (!next) return;
    this.next = next;
    this.run(seconds * 1000);
  }

  /** Cancels the timer (the phase ends by other means); the pause, if any, stays. */
  stop(): void {
    this.timer?.clear();
    this.timer = null;
    this.next = null;
    this.state.deadline = 0;
    this.state.remaining = 0;
  }

  /** Freezes the timer with the time left; false when there is nothing to freeze. */
  pause(): boolean {
    if (this.state.paused) return false;
    const left = this.next ? Math.max(0, this.state.deadline - Date.now()) : 0;
    this.timer?.clear();
    this.timer = null;
    this.state.paused = true;
    this.state.deadline = 0;
    this.state.remaining = left;
    return true;
  }

  /** Restarts a frozen timer with the time that was left; false when not paused. */
  resume(): boolean {
    if (!this.state.paused) return false;
    this.state.paused = false;
    const left = this.state.remaining;
    this.state.remaining = 0;
    if (this.next) this.run(left);
    return true;
  }

  /** Adds time to the current phase, running or frozen; false when the phase is untimed. */
  extend(ms: number): boolean {
    if (!this.next) return false;
    if (this.state.paused) this.state.remaining += ms;
    else this.run(Math.max(0, this.state.deadline - Date.now()) + ms);
    return true;
  }

  /** Ends the pause without a timer to restart (the game is over). */
  unpause(): void {
    this.state.paused = false;
    this.state.remaining = 0;
  }

  private run(ms: number): void {
    this.timer?.clear();
    const next = this.next as () => void;
    if (this.state.paused) {
      this.timer = null;
      this.state.deadline = 0;
      this.state.remaining = ms;
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.next = null;
      next();
    }, ms);
    this.state.deadline = Date.now() + ms;
  }
}
