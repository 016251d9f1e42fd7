/**
 * Plays the debrief's simulated markets off the page's thread. In: a `SimulationPlan`. Out:
 * `{ type: "progress", done }` after each market, then `{ type: "done", markets }`, or
 * `{ type: "error", message }`.
 */
import { type SimulatedMarket, type SimulationPlan, simulateMarket } from "../../shared/debrief/fan.js";

export type WorkerReply = { type: "progress"; done: number } | { type: "done"; markets: SimulatedMarket[] } | { type: "error"; message: string };

const scope = self as unknown as { postMessage(message: WorkerReply): void; onmessage: ((event: MessageEvent<SimulationPlan>) => void) | null };

scope.onmessage = (event) => {
  try {
    const plan = event.data;
    const markets: SimulatedMarket[] = [];
    for (let i = 0; i < plan.seeds.length; i++) {
      markets.push(simulateMarket(plan, i));
      scope.postMessage({ type: "progress", done: i + 1 });
    }
    scope.postMessage({ type: "done", markets });
  } catch (error) {
    scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
