import { type Translate, translator } from "../i18n/catalog.js";
import type { Locale } from "../i18n/core.js";
import { list } from "../i18n/format.js";
import { InjectionSchema } from "../schemas/injection.js";
import type { LogEntry, LogParams } from "../schemas/protocol.js";
import { injectionSentence } from "./events.js";
import { botName, scenarioTitle } from "./names.js";
import { QUARTERLY, type TurnWords, turnKey, turnWordsFor } from "./turns.js";

/**
 * The facilitator's game log in words. The server writes each entry as a command and its
 * parameters (server/flow/facilitator.ts); this words it for a reader of `locale` (the console,
 * in the page's language). An entry stored before the log spoke in codes has its English
 * `effect` instead, shown as it was stored.
 */

type Params = LogParams;

const num = (params: Params, name: string): number => {
  const value = params[name];
  return typeof value === "number" ? value : Number(value ?? 0);
};
const text = (params: Params, name: string): string | null => {
  const value = params[name];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
};

/** The timed phases as the log names their timers ("the decision timer"). */
function timerName(phase: string | null, t: Translate): string {
  if (phase === "news" || phase === "decide" || phase === "report") return t(`console.log.timer.${phase}`);
  return phase ?? "";
}

/** Who plays a firm after a player left it: teammates, the bot, or the lobby's open seat. */
function removal(kind: "removePlayer" | "replaceWithBot", params: Params, t: Translate): string {
  const player = text(params, "player") ?? t("console.log.somePlayer");
  const firm = params.firm === undefined || params.firm === null ? t("console.log.noFirm") : String(params.firm);
  if (typeof params.teammates === "number") return t(`console.log.${kind}.teammates`, { player, firm, count: params.teammates });
  if (params.bot !== undefined) {
    const bot = botName(text(params, "bot") ?? "", t);
    return params.open === true ? t(`console.log.${kind}.open`, { player, firm, bot }) : t(`console.log.${kind}.bot`, { player, firm, bot });
  }
  return t(`console.log.${kind}`, { player, firm });
}

/** One changed setting of a `configure`, in words. */
function settingWords(name: string, value: Params[string], t: Translate, locale: Locale): string {
  switch (name) {
    case "name":
      return t("console.setting.name", { value: String(value) });
    case "scenario":
      return t("console.setting.scenario", { value: scenarioTitle(String(value), t) });
    case "firms":
      return t("common.firms.count", { count: Number(value) });
    case "quarters": {
      const count = Number(value);
      return t(turnWordsFor(count).quarterly ? "common.quarters.count" : "common.turns.count", { count });
    }
    case "decisionSeconds":
      return t("console.setting.decisionSeconds", { value: Number(value) });
    case "newsSeconds":
      return t("console.setting.newsSeconds", { value: Number(value) });
    case "reportSeconds":
      return t("console.setting.reportSeconds", { value: Number(value) });
    case "teamSize":
      return t("console.setting.teamSize", { value: Number(value) });
    case "private":
      return t(value ? "console.setting.private" : "console.setting.listed");
    case "bots":
      return t("console.setting.bots", {
        value: Array.isArray(value)
          ? list(
              locale,
              value.map((b) => botName(String(b), t)),
            )
          : String(value),
      });
    case "seed":
      return t("console.setting.seed");
    case "economy": {
      const paths = Array.isArray(value) ? value.map(String) : [];
      return paths.length === 0 ? t("console.setting.economy.own") : t("console.setting.economy.custom", { count: paths.length, paths: list(locale, paths) });
    }
    default:
      return t("console.setting.other");
  }
}

function queuedSentence(params: Params, t: Translate, turns: TurnWords): string {
  const injection = InjectionSchema.safeParse(params.injection);
  const sentence = injection.success ? injectionSentence(injection.data, t) : "";
  return t(turnKey(turns, "console.log.inject"), { quarter: num(params, "quarter"), sentence });
}

/**
 * A log entry in words, for a reader of `locale` (English by default), naming the game's turns
 * as `turns` words them ("quarter 3" in a 16-quarter game, "turn 3" at other lengths).
 */
export function logSentence(entry: LogEntry, locale: Locale = "en", turns: TurnWords = QUARTERLY): string {
  if (!("params" in entry)) return entry.effect;
  const t = translator(locale);
  const p = entry.params;
  switch (entry.command) {
    case "pause":
      return t("console.log.pause", { phase: timerName(text(p, "phase"), t), seconds: num(p, "seconds") });
    case "resume":
      return t("console.log.resume", { phase: timerName(text(p, "phase"), t), seconds: num(p, "seconds") });
    case "extend":
      return t(p.paused === true ? "console.log.extend.paused" : "console.log.extend", {
        phase: timerName(text(p, "phase"), t),
        added: num(p, "added"),
        seconds: num(p, "seconds"),
      });
    case "forceNext": {
      const quarter = num(p, "quarter");
      if (p.from === "news") return t(turnKey(turns, "console.log.forceNext.news"), { quarter });
      if (p.from === "report") return t(turnKey(turns, "console.log.forceNext.report"), { previous: quarter - 1, quarter });
      const missing = Array.isArray(p.missing) ? p.missing.map(String) : [];
      return missing.length === 0
        ? t(turnKey(turns, "console.log.forceNext.decide"), { quarter })
        : // The first quarter has no earlier action: a firm that did not decide makes no move.
          t(turnKey(turns, quarter === 1 ? "console.log.forceNext.decideFirst" : "console.log.forceNext.decideMissing"), {
            quarter,
            count: missing.length,
            firms: list(locale, missing),
          });
    }
    case "inject":
      return queuedSentence(p, t, turns);
    case "renamePlayer":
      return t("console.log.renamePlayer", { from: text(p, "from") ?? "", to: text(p, "to") ?? "" });
    case "removePlayer":
    case "replaceWithBot":
      return removal(entry.command, p, t);
    case "endGame": {
      const values = { quarter: num(p, "quarter"), quarters: num(p, "quarters") };
      const dropped = num(p, "dropped");
      return dropped > 0 ? t(turnKey(turns, "console.log.endGame.dropped"), { ...values, count: dropped }) : t(turnKey(turns, "console.log.endGame"), values);
    }
    case "start":
      return t(turnKey(turns, "console.log.start"), {
        firms: num(p, "firms"),
        humans: num(p, "humans"),
        bots: num(p, "bots"),
        quarters: text(p, "quarters") ?? "?",
      });
    case "addBot":
      return t("console.log.addBot", { bot: botName(text(p, "bot") ?? "", t), firm: text(p, "firm") ?? t("console.log.noFirm") });
    case "setBot":
      return t("console.log.setBot", { firm: text(p, "firm") ?? t("console.log.noFirm"), bot: botName(text(p, "bot") ?? "", t) });
    case "removeBot":
      return t("console.log.removeBot", { firms: num(p, "firms") });
    case "letBackIn":
      return t("console.log.letBackIn", { player: text(p, "player") ?? t("console.log.somePlayer"), minutes: num(p, "minutes") });
    case "askedAgain":
      return t("console.log.askedAgain", { player: text(p, "player") ?? t("console.log.somePlayer") });
    case "configure": {
      const settings = p.settings && typeof p.settings === "object" && !Array.isArray(p.settings) ? p.settings : {};
      return t("console.log.configure", {
        changes: list(
          locale,
          Object.entries(settings).map(([name, value]) => settingWords(name, value, t, locale)),
        ),
      });
    }
    default:
      return t("console.log.other", { command: entry.command });
  }
}
