import type { LogEntry } from "../../shared/schemas/protocol.js";
import { injectionSentence, REGIME_WORDS } from "../../shared/words/events.js";
import { formatCountdown } from "../market/clock.js";

/** The console's words for the room's phases, large on the projector. */
export const PHASE_WORDS: Record<string, string> = {
  lobby: "Lobby",
  news: "News",
  decide: "Deciding",
  report: "Report",
  over: "Game over",
};

export { injectionSentence, REGIME_WORDS };

/** "Quarter 3 of 12" for the quarter being played or just reported. */
export function quarterLine(phase: string, quarter: number, quarters: number): string {
  if (phase === "lobby") return `Students are joining · ${quarters} quarters to play`;
  if (phase === "over") return `Ended after ${quarter} of ${quarters} quarters`;
  const shown = phase === "report" ? quarter : quarter + 1;
  return `Quarter ${shown} of ${quarters}`;
}

/** The countdown as the console shows it: frozen and labelled while paused. */
export function countdownText(phase: string, paused: boolean, secondsLeft: number, remainingMs: number): string {
  if (phase === "lobby" || phase === "over") return "";
  if (paused) return `Paused · ${formatCountdown(Math.ceil(remainingMs / 1000))}`;
  return formatCountdown(secondsLeft);
}

/** "14:02:07 · Q3 deciding", the log line's prefix (time in the viewer's clock, or `timeZone`). */
export function logStamp(entry: LogEntry, timeZone?: string): string {
  const time = new Date(entry.at).toLocaleTimeString("en-GB", { hour12: false, timeZone });
  if (entry.phase === "lobby") return `${time} · lobby`;
  if (entry.phase === "over") return `${time} · game over`;
  const quarter = entry.phase === "report" ? entry.quarter : entry.quarter + 1;
  const phase = (PHASE_WORDS[entry.phase] ?? entry.phase).toLowerCase();
  return `${time} · Q${quarter} ${phase}`;
}
