/** The part of a Node socket a hold uses. */
export interface Corkable {
  cork(): void;
  uncork(): void;
  readonly destroyed: boolean;
}

/**
 * The socket under a Colyseus WebSocket connection (`ws` keeps it as `_socket`), or none (another
 * transport, a test's fake client): then nothing is held and frames go out as before.
 */
export function socketOf(client: unknown): Corkable | undefined {
  const socket = (client as { ref?: { _socket?: Partial<Corkable> } } | null)?.ref?._socket;
  return socket && typeof socket.cork === "function" && typeof socket.uncork === "function" ? (socket as Corkable) : undefined;
}

/**
 * Holds connections' outgoing frames until the room's next patch, so that frames sent just
 * before a patch leave with it in one socket write. A quarter's resolution sends each player a
 * `private` message, and the patch that shows the new quarter follows within one patch
 * interval (50 ms): held, the two reach the player in the same order, at the same moment, and
 * cost one `writev` system call instead of two (a frame's socket write was the largest single
 * cost of the game's server under load, README "Server load"). Only frames nobody waits for go
 * through a hold: acknowledgements and refusals are sent at once.
 */
export class FrameHold {
  private readonly held = new Set<Corkable>();

  /** Holds the socket's frames from now until `release` (a socket held already stays held once). */
  hold(socket: Corkable | undefined): void {
    if (!socket || socket.destroyed || this.held.has(socket)) return;
    socket.cork();
    this.held.add(socket);
  }

  /** Lets every held socket write what it holds (after the patch; when the room closes). */
  release(): void {
    if (this.held.size === 0) return;
    for (const socket of this.held) if (!socket.destroyed) socket.uncork();
    this.held.clear();
  }

  get size(): number {
    return this.held.size;
  }
}
