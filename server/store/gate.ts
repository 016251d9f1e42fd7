import Database from "better-sqlite3";

/** The store cannot be written: the disk is full, the file is read-only, gone or replaced. */
export class StoreFailure extends Error {
  override readonly name = "StoreFailure";
}

/** What went wrong with a store write, in words a player can read. */
export function storeProblem(error: unknown): string {
  if (error instanceof StoreFailure) return error.message;
  if (error instanceof Database.SqliteError) {
    if (error.code.startsWith("SQLITE_FULL")) return "the server's disk is full";
    if (error.code.startsWith("SQLITE_READONLY")) return "the server's data directory is read-only";
    if (error.code.startsWith("SQLITE_IOERR")) return "the server's disk cannot be written";
    if (error.code.startsWith("SQLITE_BUSY") || error.code.startsWith("SQLITE_LOCKED")) return "the server's game file is busy";
  }
  return "the server cannot save games";
}

/** A cancellable timer (the room's clock, so a disposed room retries nothing). */
export type Schedule = (run: () => void, ms: number) => { clear(): void };

export interface StoreGateEvents {
  /** The first write that failed: `problem` in words, `error` for the log. */
  failed(problem: string, error: unknown): void;
  /** Every write that had failed has now succeeded, in order. */
  recovered(): void;
}

/**
 * One room's writes to the store. A write that throws is kept, in order with any writes
 * after it, and retried every `retryMs` until all succeed: the room hears `failed` once and
 * `recovered` once, and no store error ever leaves the room (nor stops the process).
 */
export class StoreGate {
  private readonly backlog: { what: string; write: () => void }[] = [];
  private timer: { clear(): void } | null = null;
  private problem: string | null = null;

  constructor(
    private readonly events: StoreGateEvents,
    private readonly schedule: Schedule,
    private readonly retryMs: number,
  ) {}

  /** Whether writes are failing (the room is waiting for the store). */
  get failing(): boolean {
    return this.problem !== null;
  }

  /** What is wrong, in words; null while writes succeed. */
  get failure(): string | null {
    return this.problem;
  }

  /** Writes now, or after the writes still waiting; true when it is stored. */
  write(what: string, write: () => void): boolean {
    this.backlog.push({ what, write });
    if (this.backlog.length > 1) return false;
    return this.flush();
  }

  /** Stops retrying (the room is going away; what was not written is lost with it). */
  stop(): void {
    this.timer?.clear();
    this.timer = null;
  }

  private flush(): boolean {
    while (this.backlog.length > 0) {
      const next = this.backlog[0] as { what: string; write: () => void };
      try {
        next.write();
      } catch (error) {
        const first = this.problem === null;
        this.problem = storeProblem(error);
        if (first) this.events.failed(this.problem, error);
        this.timer = this.schedule(() => {
          this.timer = null;
          this.flush();
        }, this.retryMs);
        return false;
      }
      this.backlog.shift();
    }
    if (this.problem !== null) {
      this.problem = null;
      this.events.recovered();
    }
    return true;
  }
}
