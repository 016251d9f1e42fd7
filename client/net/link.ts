import { JoinCodeSchema } from "../../shared/schemas/protocol.js";

/** A join code to show as an example (its letters are from the alphabet). */
export const EXAMPLE_JOIN_CODE = "K7M3QX";

/** The join code in a page address (`/?join=CODE`), normalised, or null when absent or malformed. */
export function joinCodeFrom(search: string): string | null {
  const raw = new URLSearchParams(search).get("join");
  if (raw === null) return null;
  const code = JoinCodeSchema.safeParse(raw);
  return code.success ? code.data : null;
}

/** The shareable link that joins a game directly. */
export function joinLink(origin: string, code: string): string {
  return `${origin}/?join=${encodeURIComponent(code)}`;
}

/** The game server's WebSocket endpoint for a page served from `location` (same host and port). */
export function endpointFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

/** The console's code in a page address (`/?console=CODE`), normalised, or null. */
export function consoleCodeFrom(search: string): string | null {
  const raw = new URLSearchParams(search).get("console");
  if (raw === null) return null;
  const code = JoinCodeSchema.safeParse(raw);
  return code.success ? code.data : null;
}

/** The code of the game a screen watches (`/?watch=CODE`: the market for a projector or a TV), or null. */
export function watchCodeFrom(search: string): string | null {
  const raw = new URLSearchParams(search).get("watch");
  if (raw === null) return null;
  const code = JoinCodeSchema.safeParse(raw);
  return code.success ? code.data : null;
}

/** The link that shows a game's market on a big screen, without a seat. */
export function watchLink(origin: string, code: string): string {
  return `${origin}/?watch=${encodeURIComponent(code)}`;
}

/** The address that opens a game's console (in a browser that holds its key). */
export function consolePath(code: string): string {
  return `/?console=${encodeURIComponent(code)}`;
}
