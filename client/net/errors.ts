import { ADDRESS_RATE_LIMITED, CREATE_INVALID_OPTIONS, JOIN_BUSY, JOIN_ERRORS } from "../../shared/schemas/protocol.js";

/** Colyseus' own matchmaking codes that players can meet. */
const ROOM_NOT_FOUND = [4212, 522];
/** A game whose server is down or restarting, or a server shutting down (see docs/deploy.md). */
const SERVICE_UNAVAILABLE = 503;

/** A join failure in words a player understands, from the server's code and message. */
export function joinErrorText(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: number; message?: string };
  switch (code) {
    case JOIN_ERRORS.NAME_TAKEN:
      return `${message ?? "That name is taken"}. Pick another name.`;
    case JOIN_ERRORS.ROOM_FULL:
      return "This game is full: every firm already has its players.";
    case JOIN_ERRORS.GAME_STARTED:
      return "This game has already started. Ask the host for a new game, or rejoin from the device you played on.";
    case JOIN_ERRORS.BAD_TOKEN:
      return "Your seat in this game could not be found.";
    case JOIN_ERRORS.SEAT_HELD:
      return /another device/.test(message ?? "")
        ? "A player with this name is already playing in this game. Pick another name, or close the game on your other device."
        : "This name holds a seat in the game. Ask your teacher (or the host) to let you back in, then press Join again.";
    case JOIN_BUSY:
      return "Many people are joining this game right now. Try again in a few seconds.";
    case ADDRESS_RATE_LIMITED: {
      // The server's message ends "try again in N s".
      const seconds = Number(/in (\d+) s$/.exec(message ?? "")?.[1] ?? 0);
      const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : seconds > 0 ? `${seconds} seconds` : "a minute";
      return `Too many attempts from your network. Try again in ${wait}.`;
    }
    case JOIN_ERRORS.INVALID_OPTIONS:
    case CREATE_INVALID_OPTIONS:
      return message?.replace(/^invalid (join|room) options: /, "") ?? "Some details are not valid.";
    default:
      if (code === SERVICE_UNAVAILABLE && /not running right now/.test(message ?? ""))
        return "This game is paused: the server running it is restarting or down. It resumes at its last finished quarter when that server is back; try again in a minute.";
      if (code === SERVICE_UNAVAILABLE) return "The server is restarting. Try again in a moment.";
      if (code !== undefined && ROOM_NOT_FOUND.includes(code)) return "No game has that code. Check the letters and try again.";
      if (/not found|invalid room id/i.test(message ?? "")) return "No game has that code. Check the letters and try again.";
      if (/failed to fetch|ECONNREFUSED|network/i.test(message ?? "")) return "The game server cannot be reached. Check your connection and try again.";
      return message || "Could not join the game.";
  }
}
