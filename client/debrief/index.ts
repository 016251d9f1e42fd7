/**
 * The debrief at game end, for players and the facilitator: valuation vs fundamentals per
 * firm, the bubble ratio and sentiment with the corrections marked, value created vs value
 * captured, and this market against simulated markets on the same scenario and bots. Every
 * chart has a title and captions computed from the data (shared/debrief), readable without
 * the chart. The simulations run in a Web Worker; the page stays responsive.
 */
import { computeDebrief, type Debrief } from "../../shared/debrief/analytics.js";
import { type FanSummary, fanSummary, SIMULATED_MARKETS, type SimulatedMarket, simulationPlan } from "../../shared/debrief/fan.js";
import type { DebriefInput } from "../../shared/debrief/input.js";
import { debriefTurns, wordsFor } from "../../shared/debrief/text.js";
import { locale, onLocaleChange } from "../i18n.js";
import { h } from "../ui/dom.js";
import { CHART_WIDTH, type FanFailure, FanPanel, marketPanel, SMALL_CHART_WIDTH, valuationPanel, valuePanel } from "./panels.js";
import { simulatedMarkets } from "./simulations.js";
import "./debrief.css";

export type { DebriefInput } from "../../shared/debrief/input.js";
export { debriefInputFrom } from "./from-state.js";

export interface DebriefOptions {
  /** How many markets to simulate for the fan bands (default 200; 0 leaves the fan panel out). */
  simulations?: number;
}

export interface DebriefHandle {
  /** The debrief's root element, appended to the container. */
  readonly element: HTMLElement;
  /** Settles when the fan chart is drawn (null when it is left out or the simulations failed). */
  readonly simulated: Promise<FanSummary | null>;
  /**
   * Redraws every panel in the page's current language, from the figures already computed
   * (the simulated markets are not played again). The debrief does this by itself on a
   * language switch; a scene that redraws in place may call it too.
   */
  relabel(): void;
  /** Removes the debrief; a simulation batch still running finishes in its worker and is kept for a later mount. */
  destroy(): void;
}

/** Draws the debrief of a finished game into `container`, in the page's language; a language switch redraws it. */
export function mountDebrief(container: HTMLElement, input: DebriefInput, options: DebriefOptions = {}): DebriefHandle {
  const count = options.simulations ?? SIMULATED_MARKETS;
  const root = h("div", { class: "debrief" });
  container.append(root);
  const plan = count > 0 ? simulationPlan(input, count) : null;
  /** How the game's turns read: "Q3" at 16 quarters, "T3" at other lengths. */
  const turns = debriefTurns(input);
  let destroyed = false;
  let debrief: Debrief;
  let fan: FanPanel | null = null;
  let done = 0;
  let markets: readonly SimulatedMarket[] | null = null;
  let failure: FanFailure | null = plan && !plan.ok ? plan.error.code : null;
  if (plan && !plan.ok) console.warn(`debrief: the simulated markets cannot be planned: ${plan.error.detail}`);

  /** The full charts' drawn width: the panel's inner width up to CHART_WIDTH (a hidden container: CHART_WIDTH). */
  const chartWidth = () => {
    const inner = root.clientWidth - 34; // the panel's padding and border (debrief.css)
    return inner > 0 ? Math.max(300, Math.min(CHART_WIDTH, Math.round(inner))) : CHART_WIDTH;
  };
  let drawnWidth = chartWidth();
  const summary = (): FanSummary | null => (plan?.ok && markets ? fanSummary(input, debrief, plan.value, markets, wordsFor(locale(), turns)) : null);
  const render = () => {
    const w = wordsFor(locale(), turns);
    // The figures' tables folded open stay open across a redraw.
    const open = [...root.querySelectorAll("details")].map((d) => d.open);
    debrief = computeDebrief(input, w);
    drawnWidth = chartWidth();
    // On a phone (one column of cards: debrief.css) each firm's small chart is drawn at its card's width, text at its own size.
    const oneColumn = globalThis.matchMedia?.("(max-width: 759px)").matches ?? false;
    const multipleWidth = oneColumn ? Math.max(SMALL_CHART_WIDTH, drawnWidth - 20) : SMALL_CHART_WIDTH;
    root.replaceChildren(valuationPanel(w, debrief, multipleWidth), marketPanel(w, debrief, drawnWidth), valuePanel(w, debrief, drawnWidth));
    fan = null;
    if (count > 0) {
      fan = new FanPanel(w, debrief, count, drawnWidth);
      root.append(fan.element);
      const shown = summary();
      if (failure) fan.fail(failure);
      else if (shown) fan.show(shown);
      else fan.setProgress(done);
    }
    root.querySelectorAll("details").forEach((d, i) => {
      if (open[i]) d.open = true;
    });
  };
  render();

  let stop = () => {};
  let simulated: Promise<FanSummary | null> = Promise.resolve(null);
  if (plan?.ok) {
    const job = simulatedMarkets(input.code, plan.value, (progress) => {
      done = progress;
      fan?.setProgress(progress);
    });
    stop = job.stop;
    simulated = job.result.then(
      (result) => {
        markets = result;
        const shown = summary();
        if (!destroyed && shown) fan?.show(shown);
        return shown;
      },
      (error: unknown) => {
        console.warn(`debrief: the simulated markets failed: ${error instanceof Error ? error.message : String(error)}`);
        failure = "worker";
        if (!destroyed) fan?.fail("worker");
        return null;
      },
    );
  }
  const stopLocale = onLocaleChange(() => {
    if (!destroyed) render();
  });
  // A phone turned sideways, a window resized: the charts are drawn again for their new width.
  const resized =
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver(() => {
          if (!destroyed && Math.abs(chartWidth() - drawnWidth) > 40) render();
        });
  resized?.observe(root);
  return {
    element: root,
    simulated,
    relabel: render,
    destroy: () => {
      destroyed = true;
      stop();
      stopLocale();
      resized?.disconnect();
      root.remove();
    },
  };
}
