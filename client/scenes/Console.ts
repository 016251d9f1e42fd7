import Phaser from "phaser";
import { formatMoney } from "../../shared/format.js";
import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { Controls } from "../console/Controls.js";
import { showKeyDialog } from "../console/dialogs.js";
import { ConsoleHeader } from "../console/Header.js";
import { LogView } from "../console/LogView.js";
import { Roster } from "../console/Roster.js";
import { Refusals } from "../console/refusals.js";
import { type DebriefHandle, debriefInputFrom, mountDebrief } from "../debrief/index.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { downloadButtons } from "../ui/downloads.js";
import { mountScreen } from "../ui/screen.js";
import { leaveConsole } from "./console-route.js";
import { appOf } from "./route.js";
import "../console/console.css";

/** The final standings, as on the game-over screen. */
function standingsTable(state: MarketRoomStateShape): HTMLElement {
  return h(
    "table",
    { class: "standings", "aria-labelledby": "final-title" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Rank"),
        h("th", { scope: "col" }, "Firm"),
        h("th", { scope: "col" }, "Score"),
        h("th", { scope: "col" }, "Value created"),
      ),
    ),
    h(
      "tbody",
      {},
      ...state.standings.map((s) =>
        h(
          "tr",
          {},
          h("td", {}, String(s.rank)),
          h("th", { scope: "row" }, s.name, s.delisted ? " — delisted" : ""),
          h("td", {}, formatMoney(s.score)),
          h("td", {}, formatMoney(s.valueCreated)),
        ),
      ),
    ),
  );
}

/**
 * The facilitator's console, readable on a projector: the join code, QR code and link; the
 * phase and countdown; the live roster; every control; the queued injections and the log;
 * the downloads. When the game is over: the final standings, the downloads and the debrief
 * (in `#debrief`).
 */
export class Console extends Phaser.Scene {
  constructor() {
    super("Console");
  }

  create(): void {
    const app = appOf(this);
    const joined = app.facilitator;
    if (!joined) return void this.scene.start("Menu");
    const { room, code, key } = joined;
    const state = () => room.state as MarketRoomStateShape;
    const refusals = new Refusals();
    const send = (type: string, payload: unknown = {}) => {
      refusals.clear(type);
      room.send(type, payload);
    };

    const roster = new Roster(send, refusals.line("renamePlayer", "removePlayer", "replaceWithBot"));
    const controls = new Controls(send, refusals, downloadButtons(code, key));
    const close = h("button", { type: "button", class: "small", onclick: () => leaveConsole(this) }, "Close the console");
    const header = new ConsoleHeader(code, h("div", { class: "console-top" }, controls.end, close), joined.inbox.last("console")?.serverTime ?? null);
    const log = new LogView(controls.inject.element, refusals.fallback);
    // When the game is over: the standings; the downloads and the debrief's mount point (#debrief).
    const final = h("section", { class: "console-final", "aria-labelledby": "final-title" });
    const debriefBox = h("div", { id: "debrief", class: "console-debrief" });
    let debrief: DebriefHandle | null = null;
    const wrapUp = h(
      "section",
      { class: "console-wrapup", "aria-labelledby": "wrapup-title" },
      h("h2", { id: "wrapup-title" }, "The game is over"),
      downloadButtons(code, key),
      debriefBox,
    );
    const body = h("div", { class: "console-body" }, roster.element, controls.element, final, wrapUp, log.element);
    const page = h("div", { class: "console", role: "region", "aria-labelledby": "console-title" }, header.element, body);
    mountScreen(this, page, "app");

    let shownStandings = "";
    const render = () => {
      const s = state();
      const playing = s.firms.filter((f) => !f.delisted);
      header.update(s, playing.filter((f) => f.submitted).length, playing.length);
      const isOver = s.phase === "over";
      roster.element.hidden = isOver;
      controls.element.hidden = isOver;
      controls.inject.element.hidden = isOver || s.phase === "lobby";
      controls.end.hidden = s.phase === "lobby" || isOver;
      final.hidden = !isOver;
      wrapUp.hidden = !isOver;
      body.classList.toggle("over", isOver);
      log.over = isOver;
      const standingsKey = isOver ? s.standings.map((r) => `${r.firmId}:${r.rank}`).join(",") : "";
      if (standingsKey !== shownStandings) {
        shownStandings = standingsKey;
        final.replaceChildren(h("h2", { id: "final-title" }, "Final standings"), h("div", { class: "console-scroll" }, standingsTable(s)));
        // The debrief, once the standings are in (the facilitator holds no firm).
        if (isOver && !debrief && s.standings.length > 0) debrief = mountDebrief(debriefBox, debriefInputFrom(s, null));
      }
      if (!isOver) {
        roster.update(s);
        controls.update(s);
      }
    };
    const stopConsole = joined.inbox.on("console", (message) => log.show(message));
    const stopRejected = joined.inbox.on("rejected", (message: RejectedMessage) => refusals.show(message));
    const last = joined.inbox.last("console");
    if (last) log.show(last);
    room.onStateChange(render);
    const timer = window.setInterval(() => header.tick(state()), 250);
    render();

    if (joined.fresh) {
      joined.fresh = false;
      showKeyDialog(key);
    }

    this.events.once("shutdown", () => {
      room.onStateChange.remove(render);
      stopConsole();
      stopRejected();
      window.clearInterval(timer);
      debrief?.destroy();
      for (const dialog of document.querySelectorAll("dialog.modal")) dialog.remove();
    });
  }
}
