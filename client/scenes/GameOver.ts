import Phaser from "phaser";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { type TurnWords, turnKey } from "../../shared/words/turns.js";
import { debriefInputFrom, mountDebrief } from "../debrief/index.js";
import { t } from "../i18n.js";
import { facilitatorKeyFor } from "../net/keys.js";
import { quarterCard } from "../report/model.js";
import { cardBody } from "../report/view.js";
import { endedEarlyLine } from "../report/words.js";
import { h } from "../ui/dom.js";
import { downloadButtons } from "../ui/downloads.js";
import { mountScreen } from "../ui/screen.js";
import { standingsTable } from "../ui/standings.js";
import { roomTurns } from "../ui/turns.js";
import { appOf } from "./route.js";

/**
 * Final standings: the score (founders' stake), valuation and value created; the player's report
 * on the last turn (the game ends as it resolves, so the market never showed it); play again;
 * beside them, the debrief.
 */
export class GameOver extends Phaser.Scene {
  constructor() {
    super("GameOver");
  }

  create(): void {
    const app = appOf(this);
    const room = app.room;
    if (!room) return void this.scene.start("Menu");
    const mine = app.welcome?.firmId;
    // The game's creator (a friends game's host, a facilitator) holds its key in this browser: the data set is theirs.
    const stored = facilitatorKeyFor(window.localStorage, room.roomId);
    const panel = h(
      "section",
      { class: "panel over", "aria-labelledby": "over-title" },
      h("h1", { id: "over-title" }, t("report.over.title")),
      h("p", { class: "lede" }, t("report.over.lede")),
      // A facilitator's End game: the student's screen said nothing of the turns that were not played.
      ((line) => (line ? h("p", { class: "ended-early" }, line) : null))(
        endedEarlyLine(room.state.quarter, room.state.settings.quarters, roomTurns(room.state.settings)),
      ),
      standingsTable(room.state, mine ?? null),
      finalReport(app.inbox?.last("private"), roomTurns(room.state.settings)),
      stored ? downloadButtons(room.roomId, stored.key, roomTurns(room.state.settings)) : null,
      // A screen for the room has no game of its own to play again.
      app.spectating
        ? null
        : h(
            "button",
            {
              type: "button",
              class: "primary",
              onclick: () => {
                void app.session.leave(room);
                app.room = null;
                app.inbox = null;
                // The menu starts from this game's name and settings, not from the link that joined it.
                app.linkCode = null;
                window.history.replaceState(null, "", "/");
                this.scene.start("Menu");
              },
            },
            t("report.over.playAgain"),
          ),
    );
    const debriefBox = h("section", { class: "over-debrief", "aria-label": t("report.over.debrief"), tabindex: 0 });
    mountScreen(this, h("div", { class: "over-layout" }, panel, debriefBox));
    const debrief = mountDebrief(debriefBox, debriefInputFrom(room.state, mine));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => debrief.destroy());
  }
}

/** The player's own report on the turn that ended the game, from their last private message; null without a firm. */
function finalReport(message: PrivateView | undefined, turns: TurnWords): HTMLElement | null {
  const card = message ? quarterCard(message) : null;
  if (!card) return null;
  return h(
    "section",
    { class: "report-card final-report", "aria-labelledby": "final-report-title" },
    h("h2", { id: "final-report-title" }, t(turnKey(turns, "report.title"), { quarter: card.quarter, firm: card.firmName })),
    // The game ended with this turn: what is still in training ships after the game (lastTurn = this turn).
    cardBody(card, turns, undefined, card.quarter),
  );
}
