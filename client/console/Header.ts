import QRCode from "qrcode";
import { ServerClock } from "../market/clock.js";
import { joinLink } from "../net/link.js";
import { type MarketRoomStateShape, phaseSeconds } from "../net/state.js";
import { h, status } from "../ui/dom.js";
import { economySummary } from "../ui/economy.js";
import { economyChanges } from "../ui/economy-words.js";
import { copyTo, openModal } from "./dialogs.js";
import { countdownText, PHASE_WORDS, quarterLine } from "./words.js";

/**
 * The console's top band, sized for a projector: the join code, a QR code and the link; the
 * phase, the quarter and the countdown (frozen and labelled while paused).
 */
export class ConsoleHeader {
  readonly element: HTMLElement;
  private readonly title = h("h1", { id: "console-title" });
  private readonly phase = h("p", { class: "console-phase" });
  private readonly quarter = h("p", { class: "console-quarter" });
  private readonly countdown = h("p", { class: "console-countdown", role: "timer", "aria-label": "Time left" });
  /** "Custom economy: N values changed …" with a button to view it; empty for the scenario's own economy. */
  private readonly economy = h("p", { class: "console-economy" });
  private economySeen: string | null = null;
  private readonly clock: ServerClock;
  private phaseSeen = "";
  private pausedRemaining: number | null = null;

  /** `serverTime`: the server's clock in the latest `console` message (null if none yet). */
  constructor(code: string, close: HTMLElement, serverTime: number | null) {
    this.clock = new ServerClock(serverTime, Date.now());
    const link = joinLink(window.location.origin, code);
    const qr = h("div", { class: "console-qr", role: "img", "aria-label": `QR code of the link to join: ${link}` });
    QRCode.toString(link, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } }).then(
      (svg) => {
        qr.innerHTML = svg;
      },
      () => {
        qr.textContent = "No QR code: use the link.";
      },
    );
    const copied = status();
    this.element = h(
      "header",
      { class: "console-head" },
      qr,
      h(
        "div",
        { class: "console-join" },
        this.title,
        h("p", { class: "console-label" }, "Join code"),
        h("p", { class: "console-code", "aria-label": `Join code ${code.split("").join(" ")}` }, code),
        h(
          "div",
          { class: "row" },
          h("input", { readonly: true, value: link, "aria-label": "Link to join", class: "console-link" }),
          h("button", { type: "button", onclick: () => copyTo(link, copied, "Link") }, "Copy link"),
        ),
        copied,
        this.economy,
      ),
      h("div", { class: "console-clock" }, close, this.phase, this.quarter, this.countdown),
    );
  }

  update(state: MarketRoomStateShape, firmsDecided: number, firmsPlaying: number): void {
    this.title.textContent = state.title || "Class market";
    if (state.settings.economy !== this.economySeen) {
      this.economySeen = state.settings.economy;
      this.showEconomy(state.settings.scenario, state.settings.economy);
    }
    this.phase.textContent = PHASE_WORDS[state.phase] ?? state.phase;
    const decided = state.phase === "decide" ? ` · ${firmsDecided} of ${firmsPlaying} firms decided` : "";
    this.quarter.textContent = quarterLine(state.phase, state.quarter, state.settings.quarters) + decided;
    const now = Date.now();
    // A phase that has just begun has its whole length left; a timer just resumed, what was left.
    if (state.phase !== this.phaseSeen) {
      this.phaseSeen = state.phase;
      this.clock.observeDeadline(state.deadline, phaseSeconds(state), now);
    }
    if (!state.paused && this.pausedRemaining !== null) this.clock.observeDeadline(state.deadline, this.pausedRemaining / 1000, now);
    this.pausedRemaining = state.paused ? state.remaining : null;
    this.tick(state);
  }

  private showEconomy(scenario: string, economy: string): void {
    const changed = economyChanges(scenario, economy);
    if (changed.length === 0) return void this.economy.replaceChildren();
    const named = changed.slice(0, 3).join(", ") + (changed.length > 3 ? ` and ${changed.length - 3} more` : "");
    this.economy.replaceChildren(
      h(
        "span",
        { class: "console-economy-text" },
        h("strong", {}, "Custom economy:"),
        ` ${changed.length} value${changed.length === 1 ? "" : "s"} changed (${named})`,
      ),
      " ",
      h(
        "button",
        {
          type: "button",
          class: "small",
          onclick: () =>
            openModal("Custom economy", (close) => [
              economySummary(scenario, economy) ?? "",
              h("div", { class: "row" }, h("button", { type: "button", onclick: close }, "Close")),
            ]),
        },
        "View",
      ),
    );
  }

  tick(state: MarketRoomStateShape): void {
    const text = countdownText(state.phase, state.paused, this.clock.secondsLeft(state.deadline, Date.now()), state.remaining);
    if (this.countdown.textContent !== text) this.countdown.textContent = text;
    this.countdown.classList.toggle("paused", state.paused);
  }
}
