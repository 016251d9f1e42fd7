/**
 * The debrief at game end, for players and the facilitator: valuation vs fundamentals per
 * firm, the bubble ratio and sentiment with the corrections marked, value created vs value
 * captured, and this market against simulated markets on the same scenario and bots. Every
 * chart has a title and captions computed from the data (shared/debrief), readable without
 * the chart. The simulations run in a Web Worker; the page stays responsive.
 */
import { computeDebrief } from "../../shared/debrief/analytics.js";
import { type FanSummary, fanSummary, SIMULATED_MARKETS, simulationPlan } from "../../shared/debrief/fan.js";
import type { DebriefInput } from "../../shared/debrief/input.js";
import { h } from "../ui/dom.js";
import { FanPanel, marketPanel, valuationPanel, valuePanel } from "./panels.js";
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
  /** Removes the debrief; a simulation batch still running finishes in its worker and is kept for a later mount. */
  destroy(): void;
}

/** Draws the debrief of a finished game into `container`. */
export function mountDebrief(container: HTMLElement, input: DebriefInput, options: DebriefOptions = {}): DebriefHandle {
  const debrief = computeDebrief(input);
  const count = options.simulations ?? SIMULATED_MARKETS;
  const root = h("div", { class: "debrief" }, valuationPanel(debrief), marketPanel(debrief), valuePanel(debrief));
  container.append(root);
  let stop = () => {};
  let destroyed = false;
  let simulated: Promise<FanSummary | null> = Promise.resolve(null);
  if (count > 0) {
    const fan = new FanPanel(debrief, count);
    root.append(fan.element);
    const plan = simulationPlan(input, count);
    if (!plan.ok) {
      fan.fail(plan.error);
    } else {
      const job = simulatedMarkets(input.code, plan.value, (done) => fan.setProgress(done));
      stop = job.stop;
      simulated = job.result.then(
        (markets) => {
          const summary = fanSummary(input, debrief, plan.value, markets);
          if (!destroyed) fan.show(summary);
          return summary;
        },
        (error: unknown) => {
          fan.fail(error instanceof Error ? error.message : String(error));
          return null;
        },
      );
    }
  }
  return {
    element: root,
    simulated,
    destroy: () => {
      destroyed = true;
      stop();
      root.remove();
    },
  };
}
