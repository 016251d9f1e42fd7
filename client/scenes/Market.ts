import Phaser from "phaser";
import { formatMoney } from "../../shared/format.js";
import { createDecisionPanel, PANEL_WIDTH } from "../panel/index.js";
import { fill, h } from "../ui/dom.js";
import { appOf, followPhase } from "./route.js";

/** The market during play: phase, quarter and every firm's latest report. */
export class Market extends Phaser.Scene {
  constructor() {
    super("Market");
  }

  create(): void {
    const app = appOf(this);
    const room = app.room;
    if (!room) return void this.scene.start("Menu");
    const stop = followPhase(this, "Market");
    const board = h("section", { class: "panel market", "aria-live": "polite" });
    this.add.dom((this.scale.width - PANEL_WIDTH) / 2, this.scale.height / 2, board);
    const panel = createDecisionPanel(app);
    this.add.dom(this.scale.width - PANEL_WIDTH / 2 - 8, this.scale.height / 2, panel.element);
    this.events.once("shutdown", () => panel.destroy());
    const render = () => {
      const s = room.state;
      fill(
        board,
        h("h1", {}, `Quarter ${s.quarter + (s.phase === "report" ? 0 : 1)} of ${s.settings.quarters} — ${s.phase}`),
        h(
          "ul",
          {},
          ...s.firms.map((f) => {
            const last = f.history.at(-1);
            return h("li", {}, `${f.name}: ${last ? formatMoney(last.valuation) : "—"}${f.submitted ? " ✓" : ""}`);
          }),
        ),
      );
    };
    room.onStateChange(render);
    this.events.once("shutdown", () => {
      stop();
      room.onStateChange.remove(render);
    });
    render();
  }
}
