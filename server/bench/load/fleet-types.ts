import type { RoomSettingsInput } from "../../../shared/schemas/protocol.js";

/** The rooms one client worker opens and plays. */
export interface WorkerPlan {
  /** Each room: the process that creates it, and the one its other players join through. */
  rooms: { index: number; endpoint: string; joinEndpoint: string }[];
  settings: RoomSettingsInput;
  playersPerRoom: number;
  /** Longest think time before a submission, ms (each is uniform in [0, thinkMs]). */
  thinkMs: number;
  /**
   * Each host starts its game after a random delay up to this, ms: rooms started together
   * would resolve their quarters in lockstep, a burst no set of independent games makes.
   */
  startSpreadMs: number;
  /** Rooms being opened at the same time. */
  concurrency: number;
}

export type WorkerCommand = { id: number } & ({ cmd: "setup"; plan: WorkerPlan } | { cmd: "start" } | { cmd: "begin" } | { cmd: "end" } | { cmd: "close" });

export type WorkerReply = { id: number } & ({ ok: true; result: unknown } | { ok: false; error: string });

export interface SetupResult {
  rooms: number;
  clients: number;
  failedRooms: number;
  firstError: string | null;
}

/** One worker's measurements over a window. */
export interface WorkerWindow {
  acks: Float64Array;
  ackSentAt: Float64Array;
  resolveToPatch: Float64Array;
  /** Per room and quarter resolved in the window: ms from the last submitter's `accepted` to the patch showing the result. */
  lastAckToResult: Float64Array;
  quarters: number;
  /** Bytes received, by kind (see player.ts). */
  bytes: Record<string, number>;
  rejected: number;
  unanswered: number;
  /** Connections dropped since setup (e.g. by the server's ping timeout). */
  drops: number;
  roomsOver: number;
  /** This worker's event-loop delay over the window, ms. */
  loop: { p50: number; p99: number; max: number };
}
