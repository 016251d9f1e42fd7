import Phaser from "phaser";
import type { RejectedMessage, ServerMessages } from "../../shared/schemas/protocol.js";
import { Controls } from "../console/Controls.js";
import { relabelDialogs, showKeyDialog } from "../console/dialogs.js";
import { ConsoleHeader } from "../console/Header.js";
import type { InjectDraft } from "../console/InjectForm.js";
import { LogView } from "../console/LogView.js";
import { Roster } from "../console/Roster.js";
import { Refusals } from "../console/refusals.js";
import { type DebriefHandle, debriefInputFrom, mountDebrief } from "../debrief/index.js";
import { t } from "../i18n.js";
import type { ConsoleJoined } from "../net/session.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { downloadButtons } from "../ui/downloads.js";
import { mountScreen } from "../ui/screen.js";
import { standingsTable } from "../ui/standings.js";
import { roomTurns } from "../ui/turns.js";
import { leaveConsole } from "./console-route.js";
import { appOf } from "./route.js";
import "../console/console.css";

/** The console's page, drawn in the page's language; drawn again (not the scene) on a language switch. */
interface View {
  readonly page: HTMLElement;
  readonly refusals: Refusals;
  readonly log: LogView;
  readonly roster: Roster;
  readonly controls: Controls;
  render(state: MarketRoomStateShape): void;
  tick(state: MarketRoomStateShape): void;
  destroy(): void;
}

/**
 * The facilitator's console, readable on a projector: the join code, QR code and link; the
 * phase and countdown; the live roster; every control; the queued injections and the log;
 * the downloads. When the game is over: the final standings, the downloads and the debrief
 * (in `#debrief`). A language switch calls `relabel()`: the page is drawn again in the new
 * language with what the facilitator typed, the focus and the scroll kept; the connection
 * and its listeners stay as they are.
 */
export class Console extends Phaser.Scene {
  private view: View | null = null;
  private relabelView: (() => void) | null = null;

  constructor() {
    super("Console");
  }

  create(): void {
    const app = appOf(this);
    const joined = app.facilitator;
    if (!joined) return void this.scene.start("Menu");
    const { room } = joined;
    const state = () => room.state as MarketRoomStateShape;
    let lastConsole: ServerMessages["console"] | undefined = joined.inbox.last("console");

    const draw = () => {
      this.view = this.drawView(joined);
      mountScreen(this, this.view.page, "app");
      this.view.render(state());
      if (lastConsole) {
        this.view.log.show(lastConsole);
        this.view.roster.noteLog(lastConsole.log);
        this.view.controls.showQueued(lastConsole.queued);
      }
    };
    draw();

    const render = () => this.view?.render(state());
    const stopConsole = joined.inbox.on("console", (message) => {
      lastConsole = message;
      this.view?.log.show(message);
      this.view?.roster.noteLog(message.log);
      this.view?.controls.showQueued(message.queued);
    });
    const stopRejected = joined.inbox.on("rejected", (message: RejectedMessage) => this.view?.refusals.show(message));
    room.onStateChange(render);
    const timer = window.setInterval(() => this.view?.tick(state()), 250);

    this.relabelView = () => {
      const old = this.view;
      if (!old) return;
      const kept = keepForm(old);
      old.destroy();
      old.page.remove();
      draw();
      if (this.view) {
        this.view.refusals.showAgain(old.refusals);
        restoreForm(this.view, kept);
      }
      relabelDialogs();
    };

    if (joined.fresh) {
      joined.fresh = false;
      showKeyDialog(joined.key);
    }

    this.events.once("shutdown", () => {
      room.onStateChange.remove(render);
      stopConsole();
      stopRejected();
      window.clearInterval(timer);
      this.view?.destroy();
      this.view = null;
      this.relabelView = null;
      for (const dialog of document.querySelectorAll("dialog.modal")) dialog.remove();
    });
  }

  /** Called by the game on a language switch instead of a restart. */
  relabel(): void {
    this.relabelView?.();
  }

  private drawView(joined: ConsoleJoined): View {
    const { room, code, key } = joined;
    const refusals = new Refusals();
    const send = (type: string, payload: unknown = {}) => {
      refusals.clear(type);
      room.send(type, payload);
    };
    const roster = new Roster(send, refusals.line("renamePlayer", "removePlayer", "replaceWithBot"));
    // The game's length is in the synced settings by the time the console's first message arrives.
    const turns = roomTurns(room.state.settings);
    const controls = new Controls(send, refusals, downloadButtons(code, key, turns));
    const close = h("button", { type: "button", class: "small", onclick: () => leaveConsole(this) }, t("console.close"));
    const header = new ConsoleHeader(code, h("div", { class: "console-top" }, controls.end, close), joined.inbox.last("console")?.serverTime ?? null);
    const log = new LogView(controls.inject.element, refusals.fallback);
    // When the game is over: the standings; the downloads and the debrief's mount point (#debrief).
    const final = h("section", { class: "console-final", "aria-labelledby": "final-title" });
    const debriefBox = h("div", { id: "debrief", class: "console-debrief" });
    let debrief: DebriefHandle | null = null;
    const wrapUp = h(
      "section",
      { class: "console-wrapup", "aria-labelledby": "wrapup-title" },
      h("h2", { id: "wrapup-title" }, t("console.wrapUp.title")),
      downloadButtons(code, key, turns),
      debriefBox,
    );
    const body = h("div", { class: "console-body" }, roster.element, controls.element, final, wrapUp, log.element);
    const page = h("div", { class: "console", role: "region", "aria-labelledby": "console-title" }, header.element, body);

    let shownStandings = "";
    const render = (s: MarketRoomStateShape) => {
      const playing = s.firms.filter((f) => !f.delisted);
      header.update(s, playing.filter((f) => f.submitted).length, playing.length);
      log.turns = roomTurns(s.settings);
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
        final.replaceChildren(
          h("h2", { id: "final-title" }, t("console.final.title")),
          h("div", { class: "console-scroll" }, standingsTable(s, null, { "aria-labelledby": "final-title" })),
        );
        // The debrief, once the standings are in (the facilitator holds no firm).
        if (isOver && !debrief && s.standings.length > 0) debrief = mountDebrief(debriefBox, debriefInputFrom(s, null));
      }
      if (!isOver) {
        roster.update(s);
        controls.update(s);
      }
    };
    return {
      page,
      refusals,
      log,
      roster,
      controls,
      render,
      tick: (s) => header.tick(s),
      destroy: () => debrief?.destroy(),
    };
  }
}

/** What the facilitator has in hand on the page: the inject form's draft, other fields by id, the focus, the scroll. */
interface KeptForm {
  draft: InjectDraft;
  fields: Map<string, string>;
  focus: { id: string | null; key: string | null };
  scroll: number[];
}

function keepForm(view: View): KeptForm {
  const fields = new Map<string, string>();
  for (const field of view.page.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[id], select[id]")) {
    if (!field.closest("form.inject")) fields.set(field.id, field.value);
  }
  const active = document.activeElement instanceof HTMLElement && view.page.contains(document.activeElement) ? document.activeElement : null;
  return {
    draft: view.controls.inject.draftOf(),
    fields,
    focus: { id: active?.id || null, key: active?.dataset.key ?? null },
    scroll: Array.from(view.page.querySelectorAll(".console-scroll"), (el) => el.scrollTop),
  };
}

function restoreForm(view: View, kept: KeptForm): void {
  view.controls.inject.restore(kept.draft);
  for (const [id, value] of kept.fields) {
    const field = view.page.querySelector<HTMLInputElement | HTMLSelectElement>(`#${CSS.escape(id)}`);
    if (field && !(field instanceof HTMLInputElement && field.readOnly)) field.value = value;
  }
  Array.from(view.page.querySelectorAll(".console-scroll")).forEach((el, i) => {
    el.scrollTop = kept.scroll[i] ?? 0;
  });
  const { id, key } = kept.focus;
  const again = id
    ? view.page.querySelector<HTMLElement>(`#${CSS.escape(id)}`)
    : key
      ? Array.from(view.page.querySelectorAll<HTMLElement>("[data-key]")).find((el) => el.dataset.key === key)
      : null;
  again?.focus();
}
