/**
 * The quarters waiting to resolve, for every room of the process: a room whose last firm just
 * submitted queues its resolution here (the flow's `settle` effect) instead of resolving in the
 * submission's frame handler. The queue runs on `setImmediate`, after the frames the loop has
 * already read: their handlers (acknowledgements among them) no longer wait behind other rooms'
 * resolutions, which filled about half of the frame handling in the event loop's long stretches
 * under load (README "Server load"). A turn runs every resolution queued before it began, in
 * order (one queued during a turn waits for the next), so a quarter waits at most one turn of the
 * loop, however many come at once: a time budget per turn was tried first and, on a saturated
 * loop, resolved fewer quarters a second than came in. A room resolves what is in when its turn
 * comes (flow.ts `settle`), so a resubmission in between is in its quarter, and its
 * acknowledgement left before the quarter's results.
 */
export class SettleQueue {
  private waiting: (() => void)[] = [];
  private armed = false;

  constructor(private readonly later: (run: () => void) => void = (run) => void setImmediate(run)) {}

  /** Runs `settle` at the loop's next turn (a throw from it is its own to handle). */
  add(settle: () => void): void {
    this.waiting.push(settle);
    if (!this.armed) {
      this.armed = true;
      this.later(() => this.turn());
    }
  }

  get size(): number {
    return this.waiting.length;
  }

  private turn(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.armed = false;
    for (const settle of batch) settle();
  }
}

/** The process's queue, shared by its rooms. */
export const settleQueue = new SettleQueue();
