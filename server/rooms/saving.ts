import type { MarketFlow } from "../flow/flow.js";
import type { Persist } from "../flow/types.js";
import { log } from "../log.js";
import type { GameStore } from "../store/games.js";
import { type Schedule, StoreGate } from "../store/gate.js";
import { writeFor } from "../store/write.js";
import type { MarketRoomState } from "./state.js";

/** What saving needs of a room. */
export interface SavingRoom {
  readonly roomId: string;
  readonly state: MarketRoomState;
  /** Writes are failing: the game's timer freezes (unless the facilitator had paused it). */
  storeFailed(): void;
  /** Every failed write is stored now: a timer the failure froze runs again. */
  storeRecovered(): void;
}

/**
 * A room's writes to the store. When a write fails (disk full, file read-only, removed or
 * replaced), the room's timer freezes and `state.notice` tells its players and facilitator
 * why; the writes are retried in order, and when they all succeed the notice goes and the
 * timer runs again (unless the facilitator had paused it). The process never stops for it.
 */
export class RoomSaving {
  private readonly gate: StoreGate;

  constructor(
    private readonly room: SavingRoom,
    private readonly store: GameStore | null,
    schedule: Schedule,
    retryMs: number,
  ) {
    this.gate = new StoreGate({ failed: (problem, error) => this.failed(problem, error), recovered: () => this.recovered() }, schedule, retryMs);
  }

  /**
   * Writes what a `persist` effect asks, with the flow's state as it stands now (store/write.ts);
   * no store: nothing to do. A failure pauses the room until it is written.
   */
  persist(flow: MarketFlow, write: Persist): void {
    const store = this.store;
    const run = store ? writeFor(this.room.roomId, flow, write) : null;
    if (store && run) this.gate.write(write.op, () => run(store));
  }

  stop(): void {
    this.gate.stop();
  }

  private failed(problem: string, error: unknown): void {
    const { room } = this;
    room.state.notice = `The server cannot save this game (${problem}). The game is paused and carries on by itself when saving works again.`;
    room.storeFailed();
    log.error("store write failed: the room is paused until it can save", {
      roomId: room.roomId,
      code: room.roomId,
      problem,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  private recovered(): void {
    const { room } = this;
    room.state.notice = "";
    room.storeRecovered();
    log.warn("store writes succeed again: the room carries on", { roomId: room.roomId, code: room.roomId });
  }
}
