import type { Injection } from "../../shared/schemas/injection.js";
import { LOG_LIMIT, type LogEntry, type ServerMessages } from "../../shared/schemas/protocol.js";
import { keyMatches, newFacilitatorKey } from "./keys.js";

/** What the desk needs of a connection. */
interface Connection {
  sessionId: string;
  send(type: "console" | "consoleUpdate", message: unknown): void;
}

/**
 * The facilitator's side of a room: the key (only its hash is kept once the creator has it),
 * the game log, and the facilitator's connections, which get a `console` message on joining
 * and then `consoleUpdate` with only what changed whenever the log or the queued injections
 * change. The log keeps its newest LOG_LIMIT entries.
 */
export class FacilitatorDesk<C extends Connection> {
  readonly log: LogEntry[] = [];
  private hash: string | null = null;
  /** The key itself, until the creating connection has received it. */
  private freshKey: string | null = null;
  private readonly connections = new Map<string, C>();

  /** @param queued the injections waiting for the next resolution */
  constructor(private readonly queued: () => readonly Injection[]) {}

  /** A new room: a new key, for the first connection that opens the desk. */
  issueKey(): void {
    const { key, hash } = newFacilitatorKey();
    this.freshKey = key;
    this.hash = hash;
  }

  /** A stored game: its key's hash and its log. */
  restore(hash: string | null, log: readonly LogEntry[]): void {
    this.hash = hash;
    this.log.push(...log.slice(-LOG_LIMIT));
  }

  get keyHash(): string | null {
    return this.hash;
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

  write(entry: LogEntry): void {
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    this.update([entry]);
  }

  /** The queued injections changed: every facilitator connection gets the queue. */
  refresh(): void {
    this.update([]);
  }

  private update(entries: LogEntry[]): void {
    if (this.connections.size === 0) return;
    const message: ServerMessages["consoleUpdate"] = { entries, queued: [...this.queued()], serverTime: Date.now() };
    for (const client of this.connections.values()) client.send("consoleUpdate", message);
  }

  private send(client: C, key: string | null): void {
    client.send("console", { key, log: this.log, queued: this.queued(), serverTime: Date.now() });
  }
}
