import type { Translate } from "../../shared/i18n/catalog.js";
import { t } from "../i18n.js";

/** A seat's firm in the lobby, marked "(you)" on the player's own (as the final standings mark it). */
export function seatFirmName(name: string, mine: boolean, tr: Translate = t): string {
  return mine ? tr("report.standings.mine", { name }) : name;
}

/** A seat's players in the lobby, each with whether they are ready (the host starts when all are). */
export function seatPlayers(members: readonly { name: string; ready: boolean; connected: boolean }[]): string {
  return members
    .map(({ name, ready, connected }) => t(connected ? (ready ? "lobby.player.ready" : "lobby.player.notReady") : "lobby.player.offline", { name }))
    .join(t("lobby.player.separator"));
}

/**
 * A bot's seat in the lobby: its strategy by name, except where the host's strategy picker
 * beside it already shows the strategy (the line said "scaler bot" over a "scaler" picker).
 */
export function seatBot(strategy: string, picker: boolean, tr: Translate = t): string {
  return picker ? tr("lobby.seat.botPicker") : tr("lobby.seat.bot", { strategy });
}
