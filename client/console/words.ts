import type { Key, Translate } from "../../shared/i18n/catalog.js";
import type { Locale } from "../../shared/i18n/core.js";
import type { Injection } from "../../shared/schemas/injection.js";
import type { LogEntry, RejectedMessage } from "../../shared/schemas/protocol.js";
import { regimeName } from "../../shared/words/events.js";
import { lengthWords, spanWords, type TurnWords, turnShort } from "../../shared/words/turns.js";
import { formatCountdown } from "../market/clock.js";

/**
 * The console's words that depend on the game's state (phase, quarter, countdown, log stamps).
 * Pure: each takes the reader's `t` (client/i18n.ts's `t` on the page) so unit tests run them
 * in both languages without a page.
 */

/** The console's words for the room's phases, large on the projector. */
export function phaseName(phase: string, t: Translate): string {
  switch (phase) {
    case "lobby":
    case "news":
    case "decide":
    case "report":
    case "over":
      return t(`console.phase.${phase}`);
    default:
      return phase;
  }
}

/** "Quarter 3 of 12" for the quarter being played or just reported. */
export function quarterLine(phase: string, quarter: number, quarters: number, t: Translate, turns: TurnWords): string {
  const shown = phase === "report" ? quarter : quarter + 1;
  if (turns.quarterly) {
    if (phase === "lobby") return t("console.quarter.lobby", { count: quarters });
    if (phase === "over") return t("console.quarter.over", { quarter, quarters });
    return t("console.quarter.playing", { quarter: shown, quarters });
  }
  if (phase === "lobby") return t("console.quarter.lobby.turn", { length: lengthWords(t, quarters, turns) });
  if (phase === "over") return t("console.quarter.over.turn", { quarter, quarters });
  return t("console.quarter.playing.turn", { quarter: shown, quarters, span: spanWords(t, turns) });
}

/** The countdown as the console shows it: frozen and labelled while paused. */
export function countdownText(phase: string, paused: boolean, secondsLeft: number, remainingMs: number, t: Translate): string {
  if (phase === "lobby" || phase === "over") return "";
  if (paused) return t("console.countdown.paused", { time: formatCountdown(Math.ceil(remainingMs / 1000)) });
  return formatCountdown(secondsLeft);
}

/** A clock time "14:02:07" for `locale` (24 hours), in the viewer's time zone or `timeZone`. */
export function clockTime(at: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone }).format(at);
}

const STAMPS: Record<LogEntry["phase"], Key> = {
  lobby: "console.log.stamp.lobby",
  news: "console.log.stamp.news",
  decide: "console.log.stamp.decide",
  report: "console.log.stamp.report",
  over: "console.log.stamp.over",
};

/** "14:02:07 · Q3 deciding" ("T3" when a turn is not a quarter), the log line's prefix (time in the viewer's clock, or `timeZone`). */
export function logStamp(entry: Pick<LogEntry, "at" | "phase" | "quarter">, t: Translate, locale: Locale, turns: TurnWords, timeZone?: string): string {
  const time = clockTime(entry.at, locale, timeZone);
  const turn = turnShort(t, entry.phase === "report" ? entry.quarter : entry.quarter + 1, turns);
  return t(STAMPS[entry.phase] as "console.log.stamp.decide", { time, turn });
}

/**
 * A refusal of a console command in words, from its code and reason (the server's English
 * `message` is for logs, never shown): the reason when the server gave one, else the code.
 */
export function refusalText(rejected: Pick<RejectedMessage, "code" | "reason" | "params">, tr: Translate): string {
  const params = rejected.params ?? {};
  const phase = phaseName(String(params.phase ?? ""), tr);
  switch (rejected.reason) {
    case "notNow":
      return tr("console.refusal.notNow", { phase });
    case "alreadyPaused":
      return tr("console.refusal.alreadyPaused");
    case "notPaused":
      return tr("console.refusal.notPaused");
    case "noTimer":
      return tr("console.refusal.noTimer", { phase });
    case "notStarted":
      return tr("console.refusal.notStarted");
    case "queueFull":
      return tr("console.refusal.queueFull", { limit: Number(params.limit ?? 0) });
    case "noSuchPlayer":
      return tr("console.refusal.noSuchPlayer");
    case "nameTaken":
      return tr("console.refusal.nameTaken", { name: String(params.name ?? "") });
    case "notAsking":
      return tr("console.refusal.notAsking", { player: String(params.player ?? "") });
    case "staleQuarter":
      return tr("console.refusal.staleQuarter", { quarter: Number(params.quarter ?? 0), now: Number(params.now ?? 0) });
    case undefined:
      return tr(`console.refusal.code.${rejected.code}`);
  }
}

/** Why "Switch regime" sends nothing: the regime chosen is the market's own already (a switch to it would be queued and logged, and change nothing); null when it can go. */
export function regimeSwitchProblem(current: string, chosen: string, t: Translate): string | null {
  return current === chosen ? t("console.controls.regimeAlready", { regime: regimeName(current, t) }) : null;
}

/**
 * The policy the market will have after the queued injections resolve (the last queued change
 * of each kind wins): the policy buttons offer the change from there, so "Turn disclosure on",
 * once queued, becomes "Turn disclosure off" instead of offering the same change again.
 */
export function pendingPolicy(market: { regime: string; disclosure: boolean }, queued: readonly Injection[]): { regime: string; disclosure: boolean } {
  let { regime, disclosure } = market;
  for (const injection of queued) {
    if (injection.kind === "regime") regime = injection.regime;
    else if (injection.kind === "disclosure") disclosure = injection.on;
  }
  return { regime, disclosure };
}

/** A player's connection in words (colour is never the only cue); `again`: let back in, then asking from another device. */
export function presence(player: { connected: boolean; away: boolean; asking: boolean }, tr: Translate, again = false): string {
  if (player.asking) return tr(again ? "console.roster.presence.askingAgain" : "console.roster.presence.asking");
  if (player.away) return tr("console.roster.presence.away");
  return tr(player.connected ? "console.roster.presence.online" : "console.roster.presence.offline");
}

/**
 * A friends game's host's line for a player asking to come back (client/market/ReturnRequests.ts):
 * once let back in, a player asking from another device "asks again from another device", as the
 * console's roster says it (`again`: from `askingAgain`).
 */
export function returnLine(tr: Translate, name: string, again: boolean): string {
  return tr(again ? "market.returns.asksAgain" : "market.returns.asks", { name });
}

/**
 * The players (by id) who, let back in, asked again from another device and have not been let
 * in since: the server logs `askedAgain` (docs/protocol.md), and a later `letBackIn` of the same
 * name moves the approval to that device. The roster says so beside their name.
 */
export function askingAgain(log: readonly LogEntry[]): ReadonlySet<string> {
  const byName = new Map<string, string>();
  for (const entry of log) {
    if (!("params" in entry)) continue;
    const { player, playerId } = entry.params;
    if (typeof player !== "string") continue;
    if (entry.command === "askedAgain" && typeof playerId === "string") byName.set(player, playerId);
    else if (entry.command === "letBackIn") byName.delete(player);
  }
  return new Set(byName.values());
}
