/** How long (ms) one turn of the queue may run before it lets the event loop read and answer frames again. */
export const SETTLE_BUDGET_MS = 2;

/**
 * The quarters waiting to resolve, for every room of the process: a room whose last firm just
 * submitted queues its resolution here (the flow's `settle` effect) instead of resolving in the
 * submission's frame handler. The queue runs on `setImmediate`, after the frames the loop has
 * already read: their handlers (acknowledgements among them) no longer wait behind other rooms'
 * resolutions, which made the event loop's longest stretches under load (README "Server load").
 * A turn runs queued resolutions, in order, until `budgetMs` has passed, then yields to the
 * loop (frames, patches, timers) and goes on at its next turn. A room resolves what is in when
 * its turn comes (flow.ts `settle`), so a resubmission in between is in its quarter, and its
 * acknowledgement left before the quarter's results.
 */
export class SettleQueue {
  private readonly waiting: (() => void)[] = [];
  private armed = false;

  constructor(
    private readonly budgetMs = SETTLE_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly later: (run: () => void) => void = (run) => void setImmediate(run),
  ) {}

  /** Runs `settle` at a coming turn of the loop (a throw from it is its own to handle). */
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
    const until = this.now() + this.budgetMs;
    let ran = 0;
    // At least one per turn, so the queue always moves.
    while (this.waiting.length > 0 && (ran === 0 || this.now() < until)) {
      const settle = this.waiting.shift() as () => void;
      ran++;
      settle();
    }
    if (this.waiting.length > 0) this.later(() => this.turn());
    else this.armed = false;
  }
}

/** The process's queue, shared by its rooms. */
export const settleQueue = new SettleQueue();
