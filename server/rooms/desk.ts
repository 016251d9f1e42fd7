import type { Injection } from "../../shared/schemas/injection.js";
import type { LogEntry, ServerMessages } from "../../shared/schemas/protocol.js";
import { keyMatches, newFacilitatorKey } from "./keys.js";

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
 * The facilitator's side of a room's connections: the key (only its hash is kept once the
 * creator has it) and the facilitator's connections, which get a `console` message on joining
 * and then `consoleUpdate` with only what changed whenever the log or the queued injections
 * change.
 */
export class FacilitatorDesk<C extends Connection> {
  private hash: string | null = null;
  /** The key itself, until the creating connection has received it. */
  private freshKey: string | null = null;
  private readonly connections = new Map<string, C>();
  private source: DeskSource = { log: [], queued: [] };

  /** A new room: a new key, for the creating connection. */
  issueKey(): void {
    const { key, hash } = newFacilitatorKey();
    this.freshKey = key;
    this.hash = hash;
  }

  /** A stored game: its key's hash. */
  restore(hash: string | null): void {
    this.hash = hash;
  }

  /** Where the log and the queue come from (the room's flow). */
  showing(source: DeskSource): void {
    this.source = source;
  }

  get keyHash(): string | null {
    return this.hash;
  }

  get log(): readonly LogEntry[] {
    return this.source.log;
  }

  /** Whether the key has not been handed out yet (the creator has not joined). */
  get keyPending(): boolean {
    return this.freshKey !== null;
  }

  accepts(key: string): boolean {
    return keyMatches(key, this.hash);
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
