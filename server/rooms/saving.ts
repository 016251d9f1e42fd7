import type { MarketFlow } from "../flow/flow.js";
import type { FlowEvent, Persist } from "../flow/types.js";
import { log } from "../log.js";
import type { GameStore } from "../store/games.js";
import { type Schedule, StoreGate } from "../store/gate.js";
import { writeFor } from "../store/write.js";

/** What the room hears when saving fails or works again: the notice for its people ("" once it works) and the event for its flow. */
type SavingEvents = (notice: string, event: Extract<FlowEvent, { type: "storeFailed" | "storeRecovered" }>) => void;

/**
 * A room's writes to the store. When a write fails (disk full, file read-only, removed or
 * replaced), the room shows a notice telling its players and facilitator why and its flow
 * hears `storeFailed` (the timer freezes, commands that run the game are refused); the writes
 * are retried in order, and when they all succeed the notice goes and the flow hears
 * `storeRecovered`. The process never stops for it.
 */
export class RoomSaving {
  private readonly gate: StoreGate;

  constructor(
    private readonly code: string,
    private readonly store: GameStore | null,
    schedule: Schedule,
    retryMs: number,
    private readonly events: SavingEvents,
  ) {
    this.gate = new StoreGate({ failed: (problem, error) => this.failed(problem, error), recovered: () => this.recovered() }, schedule, retryMs);
  }

  /**
   * Writes what a `persist` effect asks, with the flow's state as it stands now (store/write.ts);
   * no store: nothing to do. A failure pauses the room until it is written.
   */
  persist(flow: MarketFlow, write: Persist): void {
    const store = this.store;
    const run = store ? writeFor(this.code, flow, write) : null;
    if (store && run) this.gate.write(write.op, () => run(store));
  }

  stop(): void {
    this.gate.stop();
  }

  private failed(problem: string, error: unknown): void {
    const notice = `The server cannot save this game (${problem}). The game is paused and carries on by itself when saving works again.`;
    this.events(notice, { type: "storeFailed", now: Date.now(), notice });
    log.error("store write failed: the room is paused until it can save", {
      roomId: this.code,
      code: this.code,
      problem,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  private recovered(): void {
    this.events("", { type: "storeRecovered", now: Date.now() });
    log.warn("store writes succeed again: the room carries on", { roomId: this.code, code: this.code });
  }
}
