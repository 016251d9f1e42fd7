import { botName } from "../../shared/words/names.js";
import { money as formatMoney, t } from "../i18n.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "./dom.js";
import { playedByLine } from "./standings-words.js";

/** The final standings (the game-over screen, the console): rank, firm and who played it, score, valuation, value created. */
export function standingsTable(state: MarketRoomStateShape, mine: string | null, attrs: Record<string, string> = {}): HTMLTableElement {
  return h(
    "table",
    { class: "standings", ...attrs },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, t("report.standings.rank")),
        h("th", { scope: "col" }, t("report.standings.firm")),
        h("th", { scope: "col" }, t("report.standings.score")),
        h("th", { scope: "col" }, t("report.standings.valuation")),
        h("th", { scope: "col" }, t("report.standings.valueCreated")),
      ),
    ),
    h(
      "tbody",
      {},
      ...state.standings.map((s) =>
        h(
          "tr",
          { class: s.firmId === mine ? "mine" : undefined },
          h("td", {}, String(s.rank)),
          // On a phone the rank and each figure's label are drawn from these (the header row is hidden there).
          h(
            "th",
            { scope: "row", "data-rank": String(s.rank) },
            h("span", {}, firmName(s.name, s.firmId === mine, s.delisted)),
            h("span", { class: "played-by" }, ...playedByParts(state, s.firmId)),
          ),
          h("td", { "data-label": t("report.standings.score") }, formatMoney(s.score)),
          h("td", { "data-label": t("report.standings.valuation") }, formatMoney(s.valuation)),
          h("td", { "data-label": t("report.standings.valueCreated") }, formatMoney(s.valueCreated)),
        ),
      ),
    ),
  );
}

/** A firm's name in the standings, marked as yours and as delisted. */
function firmName(name: string, mine: boolean, delisted: boolean): string {
  if (delisted) return t(mine ? "report.standings.mineDelisted" : "report.standings.delisted", { name });
  return mine ? t("report.standings.mine", { name }) : name;
}

/**
 * `playedByLine` as text and `.nobreak` spans: a bot's line wraps, if it must, between the bot's
 * name and the word for bot ("规模派 / 机器人玩家"), never inside either ("规模派机器 / 人玩家").
 */
function playedByParts(state: Pick<MarketRoomStateShape, "firms" | "players">, firmId: string): (string | HTMLElement)[] {
  const line = playedByLine(state, firmId);
  const firm = state.firms.find((f) => f.id === firmId);
  if (!firm || state.players.some((p) => p.firmId === firmId)) return [line];
  const bot = botName(firm.bot, t);
  const at = line.indexOf(bot);
  if (bot === "" || at < 0) return [line];
  return [line.slice(0, at), line.slice(at, at + bot.length), line.slice(at + bot.length)]
    .filter((part) => part !== "")
    .map((part) => h("span", { class: "nobreak" }, part));
}
