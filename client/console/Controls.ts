import type { Injection } from "../../shared/schemas/injection.js";
import { REGIMES } from "../../shared/schemas/vocabulary.js";
import { regimeName } from "../../shared/words/events.js";
import { QUARTERLY, type TurnWords, turnKey } from "../../shared/words/turns.js";
import { t } from "../i18n.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { settingsSummary } from "../scenes/lobby-settings.js";
import { h } from "../ui/dom.js";
import { roomTurns } from "../ui/turns.js";
import { confirmDialog } from "./dialogs.js";
import { InjectForm } from "./InjectForm.js";
import type { Send } from "./Roster.js";
import type { Refusals } from "./refusals.js";
import { pendingPolicy, regimeSwitchProblem } from "./words.js";

/** What "Force next phase" does now, by phase (the ".turn" lines when a turn is not a quarter). */
const FORCE_WORDS = {
  news: "console.controls.force.news",
  decide: "console.controls.force.decide",
  report: "console.controls.force.report",
} as const;

/** The timer's extensions offered, in seconds. */
const EXTENSIONS = [30, 60];

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
  /** The market's regime now (what the select shows until the facilitator picks another). */
  private current = "";
  private readonly disclosure: HTMLButtonElement;
  /** "End game" (with a confirmation): placed by the scene in the header. */
  readonly end: HTMLButtonElement;
  /** The inject form: placed by the scene beside the queued injections. */
  readonly inject: InjectForm;
  private shown = "";
  /** The market's policy now and the injections queued for the next resolution (`showQueued`). */
  private market = { regime: "", disclosure: false };
  private queued: readonly Injection[] = [];
  /** How this game's turns read ("quarter" or "turn"), for the end-game dialog's words. */
  private turns: TurnWords = QUARTERLY;

  constructor(send: Send, refusals: Refusals, downloads: HTMLElement) {
    this.lobby = h(
      "div",
      { class: "group" },
      this.lobbySummary,
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "primary big", onclick: () => send("start") }, t("console.controls.start")),
        h("button", { type: "button", onclick: () => send("addBot", { strategy: "balanced" }) }, t("console.controls.addBot")),
      ),
      refusals.line("start", "addBot", "setBot", "removeBot", "configure"),
    );

    this.pause = h("button", { type: "button", class: "big", onclick: () => send(this.pause.dataset.action ?? "pause") }, t("console.controls.pause"));
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
          h("span", { id: "extend-label" }, t("console.controls.extend")),
          ...EXTENSIONS.map((seconds) =>
            h("button", { type: "button", onclick: () => send("extend", { seconds }) }, t("console.controls.extendBy", { seconds })),
          ),
        ),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", "aria-describedby": "force-hint", onclick: () => send("forceNext") }, t("console.controls.forceNext")),
        this.forceHint,
      ),
      refusals.line("pause", "resume", "extend", "forceNext"),
    );

    const policyRefusal = refusals.line();
    this.regime = h("select", { id: "console-regime" }, ...REGIMES.map((r) => h("option", { value: r }, regimeName(r, t))));
    this.disclosure = h(
      "button",
      {
        type: "button",
        onclick: () => {
          refusals.route("inject", policyRefusal);
          send("inject", { injection: { kind: "disclosure", on: this.disclosure.dataset.on === "true" } });
        },
      },
      t("console.controls.disclosureOn"),
    );
    const policy = h(
      "div",
      { class: "group" },
      h("h3", {}, t("console.controls.policy")),
      this.policyNow,
      h("div", { class: "row" }, h("label", { for: "console-regime" }, t("console.controls.regime")), this.regime),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              const problem = regimeSwitchProblem(this.current, this.regime.value, t);
              policyRefusal.textContent = problem ?? "";
              if (problem) return;
              refusals.route("inject", policyRefusal);
              send("inject", { injection: { kind: "regime", regime: this.regime.value } });
            },
          },
          t("console.controls.switchRegime"),
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
            () => t("console.controls.end.title"),
            () => t(turnKey(this.turns, "console.controls.end.text")),
            () => t("console.controls.end.confirm"),
            () => send("endGame"),
          ),
      },
      t("console.controls.end"),
    );

    this.play = h("div", {}, timer, policy, refusals.line("endGame"), downloads);
    this.element = h(
      "section",
      { class: "console-controls", "aria-labelledby": "controls-title" },
      h("h2", { id: "controls-title" }, t("console.controls.title")),
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
    this.pause.textContent = t(state.paused ? "console.controls.resume" : "console.controls.pause");
    this.pause.dataset.action = state.paused ? "resume" : "pause";
    const phase = state.phase;
    const turns = roomTurns(state.settings);
    this.turns = turns;
    // In the first quarter a firm that has not decided has no earlier action to repeat: it makes no move.
    const force =
      phase === "decide" && state.quarter === 0 ? "console.controls.force.decideFirst" : phase === "decide" || phase === "report" ? FORCE_WORDS[phase] : null;
    this.forceHint.textContent = force ? t(turnKey(turns, force)) : phase === "news" ? t(FORCE_WORDS.news) : "";
    this.policyNow.textContent = t(market.disclosure ? "console.controls.policyNow.on" : "console.controls.policyNow.off", {
      regime: regimeName(market.regime, t),
    });
    this.regime.value = market.regime;
    this.current = market.regime;
    this.market = { regime: market.regime, disclosure: market.disclosure };
    this.syncPolicy();
  }

  /** The injections queued for the next resolution (the console message's list): the policy buttons offer the change from where they leave the market. */
  showQueued(queued: readonly Injection[]): void {
    this.queued = queued;
    this.syncPolicy();
  }

  private syncPolicy(): void {
    const pending = pendingPolicy(this.market, this.queued);
    this.disclosure.textContent = t(pending.disclosure ? "console.controls.disclosureOff" : "console.controls.disclosureOn");
    this.disclosure.dataset.on = String(!pending.disclosure);
  }
}
