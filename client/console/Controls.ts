import { REGIMES } from "../../shared/schemas/vocabulary.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { settingsSummary } from "../scenes/lobby-settings.js";
import { h } from "../ui/dom.js";
import { confirmDialog } from "./dialogs.js";
import { InjectForm } from "./InjectForm.js";
import type { Send } from "./Roster.js";
import type { Refusals } from "./refusals.js";
import { REGIME_WORDS } from "./words.js";

/** What "Force next quarter" does now, by phase. */
const FORCE_WORDS: Record<string, string> = {
  news: "Opens the decisions now.",
  decide: "Resolves the quarter now; firms that have not decided repeat their last action.",
  report: "Starts the next quarter now.",
};

/**
 * The facilitator's controls. In the lobby: start, add a bot. In play: pause or resume the
 * timer, extend it, force the next quarter, switch regime and disclosure, inject an event,
 * end the game. Each group has a line for the server's refusals.
 */
export class Controls {
  readonly element: HTMLElement;
  private readonly lobby: HTMLElement;
  private readonly play: HTMLElement;
  private readonly lobbySummary = h("div", {});
  private readonly pause: HTMLButtonElement;
  private readonly forceHint = h("p", { class: "hint", id: "force-hint" });
  private readonly policyNow = h("p", { class: "muted" });
  private readonly regime: HTMLSelectElement;
  private readonly disclosure: HTMLButtonElement;
  /** "End game" (with a confirmation): placed by the scene in the header. */
  readonly end: HTMLButtonElement;
  /** The inject form: placed by the scene beside the queued injections. */
  readonly inject: InjectForm;
  private shown = "";

  constructor(send: Send, refusals: Refusals, downloads: HTMLElement) {
    this.lobby = h(
      "div",
      { class: "group" },
      this.lobbySummary,
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "primary big", onclick: () => send("start") }, "Start game"),
        h("button", { type: "button", onclick: () => send("addBot", { strategy: "balanced" }) }, "Add a bot"),
      ),
      refusals.line("start", "addBot", "setBot", "removeBot", "configure"),
    );

    this.pause = h("button", { type: "button", class: "big", onclick: () => send(this.pause.dataset.action ?? "pause") }, "Pause");
    const timer = h(
      "div",
      { class: "group" },
      h(
        "div",
        { class: "row" },
        this.pause,
        h(
          "span",
          { role: "group", "aria-labelledby": "extend-label", class: "extend" },
          h("span", { id: "extend-label" }, "Extend"),
          h("button", { type: "button", onclick: () => send("extend", { seconds: 30 }) }, "+30 s"),
          h("button", { type: "button", onclick: () => send("extend", { seconds: 60 }) }, "+60 s"),
        ),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", "aria-describedby": "force-hint", onclick: () => send("forceNext") }, "Force next quarter"),
        this.forceHint,
      ),
      refusals.line("pause", "resume", "extend", "forceNext"),
    );

    const policyRefusal = refusals.line();
    this.regime = h("select", { id: "console-regime" }, ...REGIMES.map((r) => h("option", { value: r }, REGIME_WORDS[r] ?? r)));
    this.disclosure = h(
      "button",
      {
        type: "button",
        onclick: () => {
          refusals.route("inject", policyRefusal);
          send("inject", { injection: { kind: "disclosure", on: this.disclosure.dataset.on === "true" } });
        },
      },
      "Turn disclosure on",
    );
    const policy = h(
      "div",
      { class: "group" },
      h("h3", {}, "Policy"),
      this.policyNow,
      h("div", { class: "row" }, h("label", { for: "console-regime" }, "Regime"), this.regime),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              refusals.route("inject", policyRefusal);
              send("inject", { injection: { kind: "regime", regime: this.regime.value } });
            },
          },
          "Switch regime",
        ),
        this.disclosure,
      ),
      policyRefusal,
    );

    const injectRefusal = refusals.line("inject");
    this.inject = new InjectForm((injection) => {
      refusals.route("inject", injectRefusal);
      send("inject", { injection });
    }, injectRefusal);

    this.end = h(
      "button",
      {
        type: "button",
        class: "danger small",
        onclick: () =>
          confirmDialog(
            "End the game now?",
            "The standings of the last resolved quarter become final, for everyone. This cannot be undone.",
            "End the game",
            () => send("endGame"),
          ),
      },
      "End game",
    );

    this.play = h("div", {}, timer, policy, refusals.line("endGame"), downloads);
    this.element = h(
      "section",
      { class: "console-controls", "aria-labelledby": "controls-title" },
      h("h2", { id: "controls-title" }, "Controls"),
      this.lobby,
      this.play,
    );
  }

  update(state: MarketRoomStateShape): void {
    const lobby = state.phase === "lobby";
    this.lobby.hidden = !lobby;
    this.play.hidden = lobby;
    const market = state.market;
    const key = JSON.stringify([state.phase, state.paused, market.regime, market.disclosure, state.settings.quarters, state.settings.decisionSeconds]);
    if (key === this.shown) return;
    this.shown = key;
    if (lobby) this.lobbySummary.replaceChildren(settingsSummary(state.settings));
    this.pause.textContent = state.paused ? "Resume" : "Pause";
    this.pause.dataset.action = state.paused ? "resume" : "pause";
    this.forceHint.textContent = FORCE_WORDS[state.phase] ?? "";
    this.policyNow.textContent = `Now: ${REGIME_WORDS[market.regime] ?? market.regime}, disclosure ${market.disclosure ? "on" : "off"}. Changes apply at the next resolution.`;
    this.regime.value = market.regime;
    this.disclosure.textContent = market.disclosure ? "Turn disclosure off" : "Turn disclosure on";
    this.disclosure.dataset.on = String(!market.disclosure);
  }
}
