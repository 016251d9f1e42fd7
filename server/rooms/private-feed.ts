import type { Client } from "colyseus";
import { privateMessage, privateView } from "../../shared/private.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import type { Match } from "../game/match.js";

/**
 * Sends each firm's `private` message to its members' connections: whole the first time on a
 * connection (joining, reconnecting, taking a seat back), then only what changed since that
 * connection's previous one (shared/private.ts). It remembers, per connection, the view last
 * sent.
 */
export class PrivateFeed {
  private readonly sent = new Map<string, PrivateView>();

  /** Sends firm `firmId`'s view to `client`: whole when the connection has none yet (or was forgotten), else the change. */
  send(client: Client, match: Match, firmId: string): void {
    const view = privateView(match.state, firmId, match.pending.get(firmId));
    if (!view) return;
    client.send("private", privateMessage(view, this.sent.get(client.sessionId)));
    this.sent.set(client.sessionId, view);
  }

  /** The connection's next message is whole (it closed, or was welcomed again after reconnecting). */
  forget(sessionId: string): void {
    this.sent.delete(sessionId);
  }
}
