import type { Translate } from "../../shared/i18n/catalog.js";
import { botName } from "../../shared/words/names.js";
import { list, t } from "../i18n.js";
import type { MarketRoomStateShape } from "../net/state.js";

/**
 * Who played a firm, for its row in the final standings: its players' names, or the bot that
 * played it when nobody held it (a teacher reads the standings by their students' names).
 */
export function playedByLine(
  state: Pick<MarketRoomStateShape, "firms" | "players">,
  firmId: string,
  tr: Translate = t,
  join: (names: readonly string[]) => string = list,
): string {
  const names = state.players.filter((p) => p.firmId === firmId).map((p) => p.name);
  if (names.length > 0) return join(names);
  const firm = state.firms.find((f) => f.id === firmId);
  return firm ? tr("console.roster.playedBy.bot", { bot: botName(firm.bot, tr) }) : "";
}
