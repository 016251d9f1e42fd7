import { Protocol, type Room } from "@colyseus/sdk";
import { mergePrivate } from "../../../shared/private.js";
import type { ActionInput } from "../../../shared/schemas/action.js";
import type { PrivateView, ServerMessages } from "../../../shared/schemas/protocol.js";

/** The few synced fields a bench player reads. */
export interface BenchState {
  phase: string;
  quarter: number;
  resolvedAt: number;
}

/** What one player measured while measuring was on. */
export interface PlayerSamples {
  /** ms from `send("submit")` to its `accepted`, and when each was sent (ms since epoch). */
  acks: number[];
  ackSentAt: number[];
  /** ms from the server's `resolvedAt` to the patch showing the new quarter. */
  resolveToPatch: number[];
  /** By the quarter it showed: ms from this player's last `accepted` to the patch showing that quarter resolved (the room's least is its last submitter's wait for the result). */
  ackToResult: Record<number, number>;
  /** Quarters resolved. */
  quarters: number;
  /** WebSocket payload bytes received, by kind: "patch", "state", a message type, or "other". */
  bytes: Record<string, number>;
  rejected: number;
  unanswered: number;
}

/** The ws socket under the SDK's WebSocket transport (Node: the `ws` package). */
interface WsSocket {
  on(event: "message", listener: (data: ArrayBuffer | Buffer | Buffer[]) => void): void;
}

const asBytes = (data: ArrayBuffer | Buffer | Buffer[]): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/** Adds each WebSocket frame `room` receives to `received`, by kind (`frameKind`): the bytes a player's connection carries. */
export function countBytes(room: Room, received: Record<string, number>): void {
  const ws = (room.connection.transport as unknown as { ws?: WsSocket }).ws;
  ws?.on("message", (data) => {
    const frame = asBytes(data);
    const kind = frameKind(frame);
    received[kind] = (received[kind] ?? 0) + frame.length;
  });
}

/**
 * What a frame carries, from its first bytes: Colyseus' protocol code, and for a message its
 * type, which msgpack writes first as a short string (a byte 0xa0 + length, then the name).
 */
function frameKind(frame: Uint8Array): string {
  const code = frame[0];
  if (code === Protocol.ROOM_STATE_PATCH) return "patch";
  if (code === Protocol.ROOM_STATE) return "state";
  const tag = frame[1] ?? 0;
  if (code === Protocol.ROOM_DATA && tag >= 0xa0 && tag <= 0xbf) return Buffer.from(frame.subarray(2, 2 + (tag & 0x1f))).toString();
  return "other";
}

/**
 * One simulated person in a room: in each decision phase, after a random think time, submits
 * a modest action (some quarters nothing), as a person would; it times the acknowledgement,
 * the resolved quarter's arrival and the bytes it receives.
 */
export class BenchPlayer {
  measuring = false;
  over = false;
  drops = 0;
  private samples = BenchPlayer.empty();
  private sentAt: number | null = null;
  /** When the last `accepted` of the quarter being decided arrived (performance.now()). */
  private ackAt: number | null = null;
  private decidedFor = -1;
  private lastQuarter = 0;
  /** The firm's private view, merged as the client does. */
  private view: PrivateView | undefined;
  /** Bytes received since joining, by kind. */
  private readonly received: Record<string, number> = {};
  private thinkTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly room: Room<unknown, BenchState>,
    private readonly thinkMs: number,
  ) {
    countBytes(room, this.received);
    room.onMessage("accepted", () => {
      if (this.sentAt === null) return;
      const now = performance.now();
      if (this.measuring) {
        this.samples.acks.push(now - this.sentAt);
        this.samples.ackSentAt.push(performance.timeOrigin + this.sentAt);
      }
      this.ackAt = now;
      this.sentAt = null;
    });
    room.onMessage("rejected", () => {
      if (this.measuring) this.samples.rejected++;
      this.sentAt = null;
    });
    // Whole, or only the fields that changed, merged as the game's client merges them.
    room.onMessage("private", (message: ServerMessages["private"]) => {
      this.view = mergePrivate(this.view, message) ?? this.view;
    });
    // welcome and draft: received (and counted in bytes), not needed.
    room.onMessage("*", () => {});
    room.onStateChange((state) => this.onState(state));
    room.onDrop(() => this.drops++);
  }

  static empty(): PlayerSamples {
    return { acks: [], ackSentAt: [], resolveToPatch: [], ackToResult: {}, quarters: 0, bytes: {}, rejected: 0, unanswered: 0 };
  }

  /** Starts a measurement window. */
  begin(): void {
    this.samples = BenchPlayer.empty();
    this.samples.bytes = { ...this.received };
    this.measuring = true;
  }

  /** Ends the window and hands over what it measured. */
  end(): PlayerSamples {
    this.measuring = false;
    const samples = this.samples;
    const before = samples.bytes;
    samples.bytes = Object.fromEntries(Object.entries(this.received).map(([kind, n]) => [kind, n - (before[kind] ?? 0)]));
    if (this.sentAt !== null) samples.unanswered++;
    this.samples = BenchPlayer.empty();
    return samples;
  }

  stop(): void {
    if (this.thinkTimer) clearTimeout(this.thinkTimer);
    this.over = true;
  }

  private onState(state: BenchState): void {
    if (state.quarter > this.lastQuarter) {
      if (this.measuring) {
        this.samples.resolveToPatch.push(Date.now() - state.resolvedAt);
        this.samples.quarters += state.quarter - this.lastQuarter;
        if (this.ackAt !== null) this.samples.ackToResult[state.quarter] = performance.now() - this.ackAt;
      }
      this.ackAt = null;
      this.lastQuarter = state.quarter;
    }
    if (state.phase === "over") this.stop();
    if (state.phase === "decide" && this.decidedFor !== state.quarter && !this.view?.firm.delisted && !this.over) {
      this.decidedFor = state.quarter;
      this.thinkTimer = setTimeout(() => this.submit(), Math.random() * this.thinkMs);
    }
  }

  private submit(): void {
    this.thinkTimer = null;
    if (this.room.state.phase !== "decide" || this.over) return;
    if (this.sentAt !== null && this.measuring) this.samples.unanswered++;
    this.sentAt = performance.now();
    this.room.send("submit", { action: this.action() });
  }

  /** A tenth of the quarters nothing new; otherwise a few percent of cash into training, apps and hype. */
  private action(): ActionInput {
    if (Math.random() < 0.1) return {};
    const budget = Math.max(0, this.view?.firm.cash ?? 0) * 0.05;
    return { train: budget * 0.5, marketing: budget * 0.2, apps: { support: budget * 0.3 } };
  }
}
