import { log, takeColyseusErrors } from "../log.js";

/** The connection whose frame Colyseus is decoding right now (it logs a decode error synchronously, inside `_onMessage`). */
let decoding: { roomId: string; sessionId: string; warned: Set<string> } | null = null;

interface FrameRoom {
  roomId: string;
}
interface FrameClient {
  sessionId: string;
}

/**
 * Colyseus logs every frame it cannot decode (not msgpack, a truncated header) as an ERROR
 * with a stack, once per frame: a careless or hostile client fills the log. This wraps the
 * room's frame handler so that such a frame is logged once per connection, at warn, with the
 * room and session; Colyseus still refuses the frame as before. Call in `onCreate`, before
 * anyone joins (Colyseus binds the handler when a client joins).
 */
export function warnMalformedFramesOnce(room: FrameRoom): void {
  const target = room as unknown as { _onMessage(client: FrameClient, buffer: unknown): unknown };
  const original = target._onMessage;
  const warned = new Set<string>();
  target._onMessage = function (this: unknown, client: FrameClient, buffer: unknown) {
    const outer = decoding;
    decoding = { roomId: room.roomId, sessionId: client.sessionId, warned };
    try {
      return original.call(this, client, buffer);
    } finally {
      decoding = outer;
    }
  };
}

/**
 * For Colyseus' error log: true when the error is about a frame being decoded (then it is
 * logged here, at warn, once per connection, and the caller logs nothing).
 */
function malformedFrame(message: string): boolean {
  if (!decoding) return false;
  const { roomId, sessionId, warned } = decoding;
  if (!warned.has(sessionId)) {
    warned.add(sessionId);
    const reason = message.split("\n", 1)[0]?.slice(0, 200) ?? "";
    log.warn("malformed frame: refused (further ones from this connection are not logged)", { roomId, code: roomId, sessionId, reason });
  }
  return true;
}

takeColyseusErrors(malformedFrame);
