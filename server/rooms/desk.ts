import type { Injection } from "../../shared/schemas/injection.js";
import type { LogEntry, ServerMessages } from "../../shared/schemas/protocol.js";
import { newFacilitatorKey } from "./keys.js";

/** What the desk needs of a connection. */
interface Connection {
  sessionId: string;
  send(type: "console" | "consoleUpdate", message: unknown): void;
}

/** What the consoles show: the game log (its newest LOG_LIMIT entries) and the injections queued for the next resolution. */
export interface DeskSource {
  readonly log: readonly LogEntry[];
  readonly queued: readonly Injection[];
}

/**
 * The facilitator's side of a room's connections: the new key until the creator has it (the
 * flow keeps only its hash and checks keys) and the facilitator's connections, which get a `console` message on joining
 * and then `consoleUpdate` with only what changed whenever the log or the queued injections
 * change.
 */
export class FacilitatorDesk<C extends Connection> {
  /** The key itself, until the creating connection has received it. */
  private freshKey: string | null = null;
  private readonly connections = new Map<string, C>();
  private source: DeskSource = { log: [], queued: [] };

  /** A new room: a new key, for the creating connection; its hash, for the flow. */
  issueKey(): string {
    const { key, hash } = newFacilitatorKey();
    this.freshKey = key;
    return hash;
  }

  /** Where the log and the queue come from (the room's flow). */
  showing(source: DeskSource): void {
    this.source = source;
  }

  /** A facilitator connection: it gets the console, with the key the first time only. */
  open(client: C): void {
    this.connections.set(client.sessionId, client);
    const key = this.freshKey;
    this.freshKey = null;
    this.send(client, key);
  }

  close(sessionId: string): void {
    this.connections.delete(sessionId);
  }

  /** The log gained `entries` or the queue changed: every facilitator connection gets only that (and the queue). */
  update(entries: readonly LogEntry[]): void {
    if (this.connections.size === 0) return;
    const message: ServerMessages["consoleUpdate"] = { entries: [...entries], queued: [...this.source.queued], serverTime: Date.now() };
    for (const client of this.connections.values()) client.send("consoleUpdate", message);
  }

  private send(client: C, key: string | null): void {
    client.send("console", { key, log: this.source.log, queued: this.source.queued, serverTime: Date.now() });
  }
}
