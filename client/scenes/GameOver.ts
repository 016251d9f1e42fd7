import Phaser from "phaser";
import { formatMoney } from "../../shared/format.js";
import { h } from "../ui/dom.js";
import { appOf } from "./route.js";

/** Final standings. */
export class GameOver extends Phaser.Scene {
  constructor() {
    super("GameOver");
  }

  create(): void {
    const app = appOf(this);
    const room = app.room;
    if (!room) return void this.scene.start("Menu");
    const panel = h(
      "section",
      { class: "panel over", "aria-labelledby": "over-title" },
      h("h1", { id: "over-title" }, "Final standings"),
      h(
        "ol",
        {},
        ...room.state.standings.map((s) => h("li", {}, `${s.name}: ${formatMoney(s.score)} founders' stake, ${formatMoney(s.valueCreated)} value created`)),
      ),
      h(
        "button",
        {
          type: "button",
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
    this.add.dom(this.scale.width / 2, this.scale.height / 2, panel);
  }
}
