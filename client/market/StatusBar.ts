import { QUARTERLY, spanLine, type TurnWords, turnKey } from "../../shared/words/turns.js";
import { locale, number, t } from "../i18n.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { setText } from "../ui/nobreak.js";
import { roomTurns } from "../ui/turns.js";
import { formatCountdown } from "./clock.js";
import { phaseLabel, quarterLabel } from "./figures.js";

/** Sentiment at which the gauge is full; the engine's neutral is 1.0, its floor 0.3. */
const GAUGE_MAX = 2.5;

/** Above about this bubble ratio a correction is likely (the status bar's hint). */
const RATIO_WARNING = 2.8;

/** The countdown in words, by phase. */
const COUNTDOWN = {
  news: "market.status.countdown.news",
  decide: "market.status.countdown.decide",
  report: "market.status.countdown.report",
} as const;

export function sentimentWord(s: number): string {
  if (s < 0.8) return t("market.status.sentiment.gloomy");
  if (s < 1.2) return t("market.status.sentiment.neutral");
  if (s < 1.8) return t("market.status.sentiment.hot");
  return t("market.status.sentiment.euphoric");
}

/** A figure with two decimals, as the market quotes it: "1.00". */
const two = (value: number) => new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/**
 * The top bar: which quarter and phase, the countdown, market sentiment as a gauge, the
 * bubble ratio, and how many firms have decided. (The bubbles' scale is under the field.)
 */
export class StatusBar {
  readonly element: HTMLElement;
  private readonly quarter = h("h1", { class: "quarter" });
  /** What a turn spans when it is not a quarter: "Each turn is 6 months of the story." */
  private readonly span = h("span", { class: "turn-span" });
  /** How the game's turns read, as last shown ("next quarter" or "next turn"). */
  private turns: TurnWords = QUARTERLY;
  /** The turn the report phase leads to, which its countdown names ("turn 3 opens in 0:05"). */
  private nextTurn = 1;
  private readonly phase = h("span", { class: "phase", "aria-live": "polite" });
  private readonly countdown = h("span", { class: "countdown" });
  private readonly gaugeFill = h("span", { class: "fill" });
  private readonly gauge = h(
    "span",
    { class: "gauge", role: "meter", "aria-label": t("market.status.sentiment.gauge"), "aria-valuemin": 0, "aria-valuemax": GAUGE_MAX },
    this.gaugeFill,
    h("span", { class: "neutral", title: t("market.status.sentiment.neutralMark", { value: two(1) }) }),
  );
  private readonly sentiment = h("span", { class: "value" });
  private readonly ratio = h("span", { class: "value" });
  private readonly correction = h("span", { class: "correction", hidden: true }, t("market.status.correction"));
  private readonly submitted = h("span", { class: "value" });

  constructor() {
    this.element = h(
      "header",
      { class: "market-status" },
      h("div", { class: "when" }, h("div", { class: "when-top" }, this.quarter, this.span), h("p", { class: "phase-line" }, this.phase, " ", this.countdown)),
      h("div", { class: "stat" }, h("span", { class: "label" }, t("market.status.sentiment.label")), this.gauge, this.sentiment),
      h(
        "div",
        { class: "stat", title: t("market.status.ratio.title", { threshold: number(RATIO_WARNING, 1) }) },
        h("span", { class: "label" }, t("market.status.ratio.label")),
        h("span", {}, this.ratio, " ", this.correction),
      ),
      h("div", { class: "stat" }, h("span", { class: "label" }, t("market.status.decided.label")), this.submitted),
    );
  }

  show(state: MarketRoomStateShape): void {
    const quarter = quarterLabel(state);
    if (this.quarter.textContent !== quarter) setText(this.quarter, quarter);
    this.turns = roomTurns(state.settings);
    this.nextTurn = state.quarter + 1;
    const span = spanLine(t, this.turns);
    if (this.span.textContent !== span) setText(this.span, span);
    this.span.hidden = span === "";
    this.phase.textContent = phaseLabel(state);
    const s = state.market.sentiment;
    this.gaugeFill.style.transform = `scaleX(${(Math.min(GAUGE_MAX, Math.max(0, s)) / GAUGE_MAX).toFixed(4)})`;
    this.gaugeFill.classList.toggle("low", s < 1);
    this.gauge.setAttribute("aria-valuenow", s.toFixed(2));
    this.gauge.setAttribute("aria-valuetext", t("market.status.sentiment.valueText", { value: two(s), word: sentimentWord(s) }));
    this.sentiment.textContent = t("market.status.sentiment.value", { value: two(s), word: sentimentWord(s) });
    this.ratio.textContent = t("market.status.ratio.value", { value: two(state.market.bubbleRatio) });
    this.correction.hidden = !state.market.correction;
    const listed = state.firms.filter((f) => !f.delisted);
    // Firms decide only in the decide phase; before and after it the count means nothing.
    this.submitted.textContent =
      state.phase === "decide" ? t("market.status.decided.value", { done: listed.filter((f) => f.submitted).length, total: listed.length }) : "—";
  }

  /** The countdown: seconds left in the phase, or nothing when the phase is untimed. */
  tick(phase: string, paused: boolean, secondsLeft: number, timed: boolean): void {
    const words = COUNTDOWN[phase as keyof typeof COUNTDOWN] as (typeof COUNTDOWN)[keyof typeof COUNTDOWN] | undefined;
    const left = formatCountdown(secondsLeft);
    if (paused || !timed || !words) this.countdown.textContent = "";
    else if (words === COUNTDOWN.report) this.countdown.textContent = t(turnKey(this.turns, words), { left, next: this.nextTurn });
    else this.countdown.textContent = t(words, { left });
  }
}
