import type { Client } from "colyseus";

/** What a connection is: a player's (playerId), the facilitator's (facilitator), both (a friends host's creating connection), or a read-only screen's (spectator). */
export interface SessionData {
  playerId: string | null;
  facilitator: boolean;
  spectator?: boolean;
}

/** A connection of a market room; `auth` is what `onAuth` gave its reservation. */
export type MarketClient = Client<{ userData: SessionData; auth: { creator: string; address?: string } | undefined }>;

/**
 * A room's player connections by session, and the sessions the server closed itself (abuse,
 * seat reclaimed, removed), which get no grace period. Forgetting a connection also tells
 * `onForget` (the console list, the message guard and the private feed drop it).
 */
export class Sessions<C extends { sessionId: string; userData?: SessionData; leave(code?: number, reason?: string): void }> {
  private readonly seated = new Map<string, C>();
  private readonly closing = new Set<string>();

  constructor(private readonly onForget: (sessionId: string) => void) {}

  get(sessionId: string): C | undefined {
    return this.seated.get(sessionId);
  }

  /** Binds a connection as the flow says (a player's is kept, to reach it by player). */
  bind(client: C, data: SessionData): void {
    client.userData = data;
    if (data.playerId) this.seated.set(client.sessionId, client);
  }

  /** A player's connection came back within the grace period. */
  resume(client: C): void {
    this.seated.set(client.sessionId, client);
  }

  /** Every open connection of a player. */
  of(playerId: string): C[] {
    const found: C[] = [];
    for (const client of this.seated.values()) if (client.userData?.playerId === playerId) found.push(client);
    return found;
  }

  /** Whether the player still has a connection open (another device, or a seat taken over). */
  holds(playerId: string): boolean {
    return this.of(playerId).length > 0;
  }

  /** Closes a connection without a grace period. */
  close(client: C, code: number, reason: string): void {
    this.forget(client.sessionId);
    this.closing.add(client.sessionId);
    client.leave(code, reason);
  }

  /** Whether the server closed this connection itself (then it gets no grace period); true once. */
  closedByServer(sessionId: string): boolean {
    return this.closing.delete(sessionId);
  }

  forget(sessionId: string): void {
    this.seated.delete(sessionId);
    this.onForget(sessionId);
  }
}
