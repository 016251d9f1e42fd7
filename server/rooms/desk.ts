import type { Injection } from "../../shared/schemas/injection.js";
import type { LogEntry } from "../../shared/schemas/protocol.js";
import { keyMatches, newFacilitatorKey } from "./keys.js";

/** What the desk needs of a connection. */
interface Connection {
  sessionId: string;
  send(type: "console", message: unknown): void;
}

/**
 * The facilitator's side of a room: the key (only its hash is kept once the creator has it),
 * the game log, and the facilitator's connections, which get a `console` message on joining
 * and whenever the log or the queued injections change.
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
    this.log.push(...log);
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
    this.refresh();
  }

  /** Every facilitator connection gets the console again. */
  refresh(): void {
    for (const client of this.connections.values()) this.send(client, null);
  }

  private send(client: C, key: string | null): void {
    client.send("console", { key, log: this.log, queued: this.queued(), serverTime: Date.now() });
  }
}
