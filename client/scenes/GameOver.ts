import Phaser from "phaser";
import { formatMoney } from "../../shared/format.js";
import { debriefInputFrom, mountDebrief } from "../debrief/index.js";
import { facilitatorKeyFor } from "../net/keys.js";
import { h } from "../ui/dom.js";
import { downloadButtons } from "../ui/downloads.js";
import { mountScreen } from "../ui/screen.js";
import { appOf } from "./route.js";

/** Final standings: the score (founders' stake), valuation and value created; play again; beside them, the debrief. */
export class GameOver extends Phaser.Scene {
  constructor() {
    super("GameOver");
  }

  create(): void {
    const app = appOf(this);
    const room = app.room;
    if (!room) return void this.scene.start("Menu");
    const mine = app.welcome?.firmId;
    const rows = room.state.standings.map((s) =>
      h(
        "tr",
        { class: s.firmId === mine ? "mine" : undefined },
        h("td", {}, String(s.rank)),
        h("th", { scope: "row" }, s.name, s.firmId === mine ? " (you)" : "", s.delisted ? " — delisted" : ""),
        h("td", {}, formatMoney(s.score)),
        h("td", {}, formatMoney(s.valuation)),
        h("td", {}, formatMoney(s.valueCreated)),
      ),
    );
    // The game's creator (a friends game's host, a facilitator) holds its key in this browser: the data set is theirs.
    const stored = facilitatorKeyFor(window.localStorage, room.roomId);
    const panel = h(
      "section",
      { class: "panel over", "aria-labelledby": "over-title" },
      h("h1", { id: "over-title" }, "Final standings"),
      h("p", { class: "lede" }, "Score is the founders' stake at the final valuation. Value created is the operating profit the firm actually made."),
      h(
        "table",
        { class: "standings" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Rank"),
            h("th", { scope: "col" }, "Firm"),
            h("th", { scope: "col" }, "Score"),
            h("th", { scope: "col" }, "Valuation"),
            h("th", { scope: "col" }, "Value created"),
          ),
        ),
        h("tbody", {}, ...rows),
      ),
      stored ? downloadButtons(room.roomId, stored.key) : null,
      h(
        "button",
        {
          type: "button",
          class: "primary",
          onclick: () => {
            void app.session.leave(room);
            app.room = null;
            app.inbox = null;
            window.history.replaceState(null, "", "/");
            this.scene.start("Menu");
          },
        },
        "Play again",
      ),
    );
    const debriefBox = h("section", { class: "over-debrief", "aria-label": "Debrief", tabindex: 0 });
    mountScreen(this, h("div", { class: "over-layout" }, panel, debriefBox));
    const debrief = mountDebrief(debriefBox, debriefInputFrom(room.state, mine));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => debrief.destroy());
  }
}
