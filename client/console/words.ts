import type { Injection } from "../../shared/schemas/injection.js";
import type { LogEntry } from "../../shared/schemas/protocol.js";
import { formatCountdown } from "../market/clock.js";
import { eventSentence } from "../market/news.js";

/** The console's words for the room's phases, large on the projector. */
export const PHASE_WORDS: Record<string, string> = {
  lobby: "Lobby",
  news: "News",
  decide: "Deciding",
  report: "Report",
  over: "Game over",
};

export const REGIME_WORDS: Record<string, string> = {
  application: "application-level regulation",
  model: "model-level licences",
  none: "no regulation",
};

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

/** A queued injection in one sentence. */
export function injectionSentence(injection: Injection): string {
  switch (injection.kind) {
    case "event":
      return eventSentence(injection.event);
    case "regime":
      return `Regime switch: ${REGIME_WORDS[injection.regime] ?? injection.regime}.`;
    case "disclosure":
      return injection.on ? "Disclosure rule on: investors weigh unit economics over narrative." : "Disclosure rule off: investors go back to narrative.";
  }
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
