import { preview, previewState, rivalsFrom } from "../../client/panel/preview.js";
import type { BotName } from "../../shared/bots/index.js";
import type { GameState } from "../../shared/engine/types.js";
import { viewFor } from "../../shared/engine/view.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import { playBots } from "../../shared/sim/play.js";
import { gameSeed } from "../../shared/sim/run.js";

export interface Tally {
  /** Firm-quarters compared. */
  n: number;
  /** How many estimates fell within ±tolerance of the resolved figure. */
  revenue: number;
  valuation: number;
  /** How many resolved figures fell inside the range the panel shows. */
  revenueRange: number;
  valuationRange: number;
  /** Resolved ÷ estimate, for every firm-quarter with an estimate over $1M. */
  ratios: { revenue: number[]; valuation: number[] };
}

/**
 * Plays `games` games of bots and, for every listed firm and quarter, runs the decision
 * panel's preview from that firm's view with the action it then took, against the resolved quarter.
 */
export function measureEstimate(config: EconomyConfig, lineup: readonly BotName[], games: number, seed: string, tolerance = 0.25): Tally {
  /** Within ±tolerance of the resolved figure (two figures under $1M apart count as equal). */
  const near = (estimate: number, truth: number) => Math.abs(estimate - truth) <= Math.max(tolerance * Math.abs(truth), 1);
  const inside = ([low, high]: readonly [number, number], truth: number) => truth >= low - 1 && truth <= high + 1;
  const tally: Tally = { n: 0, revenue: 0, valuation: 0, revenueRange: 0, valuationRange: 0, ratios: { revenue: [], valuation: [] } };
  for (let g = 0; g < games; g++) {
    const played = playBots(
      config,
      gameSeed(seed, g),
      lineup.map((bot) => ({ bot })),
    );
    played.record.quarters.forEach((quarter, q) => {
      const real = played.states[q] as GameState;
      const next = played.states[q + 1] as GameState;
      for (const [firmId, action] of Object.entries(quarter.actions)) {
        const view = viewFor(real, { kind: "firm", firmId });
        const state = previewState({
          config: real.config,
          quarter: real.quarter,
          self: view.self,
          market: view.market,
          rivals: rivalsFrom(view.firms, firmId),
        });
        const result = preview(state, firmId, action);
        const truth = next.firms.find((f) => f.id === firmId)?.history.at(-1);
        if (!result.ok || !truth || truth.delisted) continue;
        tally.n++;
        if (near(result.next.revenue, truth.revenue)) tally.revenue++;
        if (near(result.next.valuation, truth.valuation)) tally.valuation++;
        if (inside(result.range.revenue, truth.revenue)) tally.revenueRange++;
        if (inside(result.range.valuation, truth.valuation)) tally.valuationRange++;
        if (result.next.revenue > 1) tally.ratios.revenue.push(truth.revenue / result.next.revenue);
        if (result.next.valuation > 1) tally.ratios.valuation.push(truth.valuation / result.next.valuation);
      }
    });
  }
  return tally;
}
