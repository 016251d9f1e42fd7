import { lengthWords, turnWordsFor } from "../../shared/words/turns.js";
import { t } from "../i18n.js";

/** A public game waiting in its lobby, as `GET /api/rooms` lists it. */
export interface OpenGame {
  code: string;
  title: string;
  host: string;
  firms: number;
  players: number;
  openSeats: number;
  quarters: number;
}

/** How often the menu asks the server for open games while it is on screen. */
export const OPEN_GAMES_POLL_MS = 3000;

/** The games someone can join now, from the server's answer (anything malformed is left out). */
export function joinableGames(answer: unknown): OpenGame[] {
  if (!Array.isArray(answer)) return [];
  return answer.filter(
    (g): g is OpenGame =>
      typeof g === "object" &&
      g !== null &&
      typeof g.code === "string" &&
      typeof g.title === "string" &&
      typeof g.openSeats === "number" &&
      g.openSeats > 0 &&
      g.phase === "lobby",
  );
}

/** One line about an open game: "hosted by Ada · 3 seats free · 12 quarters", in the page's language. */
export function openGameLine(game: OpenGame): string {
  const seats = t("menu.open.seats", { count: game.openSeats });
  const quarters = lengthWords(t, game.quarters, turnWordsFor(game.quarters));
  return game.host ? t("menu.open.lineHosted", { host: game.host, seats, quarters }) : t("menu.open.lineClass", { seats, quarters });
}

export async function fetchOpenGames(): Promise<OpenGame[]> {
  const response = await fetch("/api/rooms", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return joinableGames(await response.json());
}
