/** A cancellable timer on the room's clock (a disposed room's timers never fire). */
type Schedule = (run: () => void, ms: number) => { clear(): void };

/**
 * A room's two timers on its clock: the phase timer the flow asks for (`schedule`/`cancel`
 * effects, its expiry tagged with the flow's id), and the idle watch (`idle` effects: armed
 * once while a started game has nobody at it, cleared when someone comes). When one fires it
 * calls back, unless `stop` was called (the room is closing or the process stopping).
 */
export class RoomTimers {
  private phase: { clear(): void } | null = null;
  private idle: { clear(): void } | null = null;
  private stopped = false;

  constructor(
    private readonly schedule: Schedule,
    private readonly fired: { phase(id: number): void; idle(): void },
    private readonly idleMs: () => number,
  ) {}

  /** Runs the phase timer for `ms`, replacing any running one. */
  start(ms: number, id: number): void {
    this.cancel();
    this.phase = this.schedule(() => {
      this.phase = null;
      if (!this.stopped) this.fired.phase(id);
    }, ms);
  }

  cancel(): void {
    this.phase?.clear();
    this.phase = null;
  }

  /** Arms the idle watch (if it is not running already), or clears it. */
  watchIdle(watch: boolean): void {
    if (!watch) {
      this.idle?.clear();
      this.idle = null;
    } else if (!this.idle && !this.stopped) {
      this.idle = this.schedule(() => {
        this.idle = null;
        if (!this.stopped) this.fired.idle();
      }, this.idleMs());
    }
  }

  /** Nothing fires any more. */
  stop(): void {
    this.stopped = true;
    this.cancel();
    this.watchIdle(false);
  }
}
