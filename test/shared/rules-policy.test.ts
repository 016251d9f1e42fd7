import { describe, expect, it } from "vitest";
import { valuationDrawdown } from "../../shared/engine/corrections.js";
import { easing, monetaryPolicy } from "../../shared/engine/rules/policy.js";
import type { GameState, MarketReport } from "../../shared/engine/types.js";
import { createGame, loadConfig } from "../../shared/index.js";
import { playBots, type Seat } from "../../shared/sim/play.js";
import { quantile } from "../../shared/sim/stats.js";
import { configFor, seats } from "../helpers/play.js";

/** A game at quarter 0 whose market history is the given total valuations (quarter 0 first). */
function marketWith(scenario: "ai-2025" | "soft-landing", totals: readonly number[]): GameState {
  const game = createGame(configFor(scenario), 1, seats(4));
  const start = game.market.history[0] as MarketReport;
  game.market.history = totals.map((totalValuation, quarter) => ({ ...start, quarter, totalValuation }));
  return game;
}

/** This quarter's report with its total valuation. */
function reportOf(game: GameState, totalValuation: number): MarketReport {
  const start = game.market.history[0] as MarketReport;
  return { ...start, quarter: game.market.history.length, totalValuation };
}

/** Runs the policy for a quarter that closed at `totalValuation`, then files the quarter in the history, as a resolution does. */
function close(game: GameState, totalValuation: number): number {
  const report = reportOf(game, totalValuation);
  monetaryPolicy(game.config, game.market, report);
  game.market.history.push(report);
  return game.market.rate;
}

describe("a central bank that eases as the market falls (soft-landing's monetary policy)", () => {
  it("soft-landing cuts 75 bp at most, as the Fed did from July 1995 to January 1996, and other presets never move the rate", () => {
    expect(configFor("soft-landing").monetary.easeMax).toBe(0.0075);
    for (const scenario of ["ai-2025", "dotcom-1999", "sandbox"] as const) expect(configFor(scenario).monetary.easeMax).toBe(0);
    const game = marketWith("ai-2025", [5000]);
    expect([close(game, 4000), close(game, 2500), close(game, 5000)]).toEqual([0.04, 0.04, 0.04]);
  });

  it("eases from a 10% fall below the peak, all 75 bp by a 30% fall, and tightens back as the market recovers", () => {
    const game = marketWith("soft-landing", [4000, 5000]);
    const start = game.market.rate;
    const rates = [4750, 4000, 3500, 3000, 4000, 4900, 5200].map((total) => close(game, total) - start);
    // falls of 5%, 20%, 30%, 40% from the 5,000 peak; then 20% and 2% below it; then a new peak
    const expected = [0, -0.00375, -0.0075, -0.0075, -0.00375, 0, 0];
    for (const [i, r] of rates.entries()) expect(r, `quarter ${i + 2}`).toBeCloseTo(expected[i] as number, 12);
  });

  it("keeps the event deck's hikes and cuts: the policy moves the rate by its own change only", () => {
    const game = marketWith("soft-landing", [5000]);
    close(game, 3500); // 30% down: −75 bp
    game.market.rate += 0.01; // a 100 bp hike from the deck
    close(game, 3500); // no further fall: no move
    expect(game.market.rate).toBeCloseTo(0.04 - 0.0075 + 0.01, 12);
    close(game, 5000); // recovered: +75 bp back, the hike stays
    expect(game.market.rate).toBeCloseTo(0.05, 12);
  });

  it("easing is 0 when off and grows with the fall between its bounds", () => {
    const soft = configFor("soft-landing");
    expect(easing(configFor("ai-2025"), 0.9)).toBe(0);
    const expected = [0, 0, 0.00375, 0.0075, 0.0075];
    for (const [i, fall] of [0, 0.1, 0.2, 0.3, 0.9].entries()) expect(easing(soft, fall), `fall ${fall}`).toBeCloseTo(expected[i] as number, 12);
  });

  it("rejects an easing the schema cannot play, naming the key", () => {
    for (const monetary of [{ easeMax: -0.01 }, { easeMax: 0.3 }, { easeFrom: 1.5 }, { easeSpan: 0 }]) {
      const result = loadConfig("soft-landing", { monetary });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues[0]?.path).toBe(`monetary.${Object.keys(monetary)[0]}`);
    }
  });

  // What a class notices: the preset's 24-quarter games land. Measured on these seeds (the check's): 33.8% with the easing,
  // 35.4% without it (`--config '{"monetary":{"easeMax":0}}'`), docs/balance.md "Soft landing at 24 quarters (econ-v14)".
  it("soft-landing lands at 24 quarters: the median drawdown of total valuation over the check's 1,000 games is at most 35%", () => {
    const lineup: Seat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];
    const drawdowns = (config: ReturnType<typeof configFor>) =>
      Array.from({ length: 1000 }, (_, i) => {
        const played = playBots(config, `1-${i}`, lineup, {}, "final");
        return valuationDrawdown((played.states[played.states.length - 1] as GameState).market.history);
      });
    const eased = quantile(drawdowns(configFor("soft-landing", { quarters: 24 })), 0.5);
    expect(eased).toBeLessThanOrEqual(0.35);
  }, 60_000);
});
