import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { formatCountdown } from "./clock.js";
import { quarterLabel } from "./figures.js";

/** Sentiment at which the gauge is full; the engine's neutral is 1.0, its floor 0.3. */
const GAUGE_MAX = 2.5;

const PHASE_TEXT: Record<string, string> = {
  news: "News",
  decide: "Decide",
  report: "Report",
  over: "Game over",
};

/** The countdown in words, by phase. */
const COUNTDOWN: Record<string, (left: string) => string> = {
  news: (left) => `decisions open in ${left}`,
  decide: (left) => `${left} left`,
  report: (left) => `next quarter in ${left}`,
};

export function sentimentWord(s: number): string {
  if (s < 0.8) return "gloomy";
  if (s < 1.2) return "neutral";
  if (s < 1.8) return "hot";
  return "euphoric";
}

/**
 * The top bar: which quarter and phase, the countdown, market sentiment as a gauge, the
 * bubble ratio, and how many firms have decided. (The bubbles' scale is under the field.)
 */
export class StatusBar {
  readonly element: HTMLElement;
  private readonly quarter = h("h1", { class: "quarter" });
  private readonly phase = h("span", { class: "phase", "aria-live": "polite" });
  private readonly countdown = h("span", { class: "countdown" });
  private readonly gaugeFill = h("span", { class: "fill" });
  private readonly gauge = h(
    "span",
    { class: "gauge", role: "meter", "aria-label": "Market sentiment", "aria-valuemin": 0, "aria-valuemax": GAUGE_MAX },
    this.gaugeFill,
    h("span", { class: "neutral", title: "neutral: 1.0" }),
  );
  private readonly sentiment = h("span", { class: "value" });
  private readonly ratio = h("span", { class: "value" });
  private readonly correction = h("span", { class: "correction", hidden: true }, "Correction");
  private readonly submitted = h("span", { class: "value" });

  constructor() {
    this.element = h(
      "header",
      { class: "market-status" },
      h("div", { class: "when" }, this.quarter, h("p", { class: "phase-line" }, this.phase, " ", this.countdown)),
      h("div", { class: "stat" }, h("span", { class: "label" }, "Sentiment"), this.gauge, this.sentiment),
      h(
        "div",
        { class: "stat", title: "Bubble ratio B: total valuation ÷ total fundamentals. Above ~2.8 a correction is likely." },
        h("span", { class: "label" }, "Bubble ratio"),
        h("span", {}, this.ratio, " ", this.correction),
      ),
      h("div", { class: "stat" }, h("span", { class: "label" }, "Decided"), this.submitted),
    );
  }

  show(state: MarketRoomStateShape): void {
    this.quarter.textContent = quarterLabel(state);
    this.phase.textContent = state.paused ? "Paused" : (PHASE_TEXT[state.phase] ?? state.phase);
    const s = state.market.sentiment;
    this.gaugeFill.style.transform = `scaleX(${(Math.min(GAUGE_MAX, Math.max(0, s)) / GAUGE_MAX).toFixed(4)})`;
    this.gaugeFill.classList.toggle("low", s < 1);
    this.gauge.setAttribute("aria-valuenow", s.toFixed(2));
    this.gauge.setAttribute("aria-valuetext", `${s.toFixed(2)}, ${sentimentWord(s)}`);
    this.sentiment.textContent = `${s.toFixed(2)} ${sentimentWord(s)}`;
    this.ratio.textContent = `B = ${state.market.bubbleRatio.toFixed(2)}×`;
    this.correction.hidden = !state.market.correction;
    const listed = state.firms.filter((f) => !f.delisted);
    // Firms decide only in the decide phase; before and after it the count means nothing.
    this.submitted.textContent = state.phase === "decide" ? `${listed.filter((f) => f.submitted).length} of ${listed.length} ✓` : "—";
  }

  /** The countdown: seconds left in the phase, or nothing when the phase is untimed. */
  tick(phase: string, paused: boolean, secondsLeft: number, timed: boolean): void {
    const words = COUNTDOWN[phase];
    this.countdown.textContent = !paused && timed && words ? `· ${words(formatCountdown(secondsLeft))}` : "";
  }
}
