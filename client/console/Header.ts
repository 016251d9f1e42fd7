import { list, t } from "../i18n.js";
import { ServerClock } from "../market/clock.js";
import { joinLink, watchLink } from "../net/link.js";
import { type MarketRoomStateShape, phaseSeconds } from "../net/state.js";
import { h, status } from "../ui/dom.js";
import { economySummary } from "../ui/economy.js";
import { economyChanges } from "../ui/economy-words.js";
import { qrCode } from "../ui/qr.js";
import { roomTitle } from "../ui/room-title.js";
import { roomTurns } from "../ui/turns.js";
import { copyTo, openModal } from "./dialogs.js";
import { countdownText, phaseName, quarterLine } from "./words.js";

/**
 * The console's top band, sized for a projector: the join code, a QR code and the link; the
 * phase, the quarter and the countdown (frozen and labelled while paused).
 */
export class ConsoleHeader {
  readonly element: HTMLElement;
  private readonly title = h("h1", { id: "console-title" });
  private readonly phase = h("p", { class: "console-phase" });
  private readonly quarter = h("p", { class: "console-quarter" });
  private readonly countdown = h("p", { class: "console-countdown", role: "timer", "aria-label": t("console.header.timeLeft") });
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
    const qr = qrCode(link, "console-qr");
    const copied = status();
    copied.classList.add("copy-status");
    this.element = h(
      "header",
      { class: "console-head" },
      qr,
      h(
        "div",
        { class: "console-join" },
        this.title,
        h("p", { class: "console-label" }, t("console.header.joinCode")),
        h("p", { class: "console-code", "aria-label": t("console.header.joinCodeSpelled", { letters: code.split("").join(" ") }) }, code),
        h(
          "div",
          { class: "row" },
          h("input", { readonly: true, value: link, "aria-label": t("console.header.link"), class: "console-link" }),
          h("button", { type: "button", onclick: () => copyTo(link, copied, "link") }, t("console.header.copyLink")),
        ),
        h(
          "p",
          {},
          h("a", { href: watchLink(window.location.origin, code), target: "_blank", rel: "noopener", class: "screen-link" }, t("console.header.screenLink")),
        ),
        copied,
        this.economy,
      ),
      h("div", { class: "console-clock" }, close, this.phase, this.quarter, this.countdown),
    );
  }

  update(state: MarketRoomStateShape, firmsDecided: number, firmsPlaying: number): void {
    this.title.textContent = roomTitle(state.title, true);
    if (state.settings.economy !== this.economySeen) {
      this.economySeen = state.settings.economy;
      this.showEconomy(state.settings.scenario, state.settings.economy);
    }
    this.phase.textContent = phaseName(state.phase, t);
    const line = quarterLine(state.phase, state.quarter, state.settings.quarters, t, roomTurns(state.settings));
    this.quarter.textContent = state.phase === "decide" ? t("console.quarter.decided", { line, decided: firmsDecided, playing: firmsPlaying }) : line;
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
    const { count, labels } = economyChanges(scenario, economy);
    if (count === 0) return void this.economy.replaceChildren();
    const shown = labels.length > 3 ? [...labels.slice(0, 3), t("console.economy.more", { count: labels.length - 3 })] : labels;
    const names = list(shown);
    this.economy.replaceChildren(
      h("span", { class: "console-economy-text" }, h("strong", {}, t("console.economy.label")), " ", t("console.economy.changed", { count, names })),
      " ",
      h(
        "button",
        {
          type: "button",
          class: "small",
          onclick: () =>
            openModal(
              () => t("console.economy.title"),
              (close) => [
                economySummary(scenario, economy) ?? "",
                h("div", { class: "row" }, h("button", { type: "button", onclick: close }, t("common.button.close"))),
              ],
            ),
        },
        t("console.economy.view"),
      ),
    );
  }

  tick(state: MarketRoomStateShape): void {
    const text = countdownText(state.phase, state.paused, this.clock.secondsLeft(state.deadline, Date.now()), state.remaining, t);
    if (this.countdown.textContent !== text) this.countdown.textContent = text;
    this.countdown.classList.toggle("paused", state.paused);
  }
}
