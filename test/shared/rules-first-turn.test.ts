import { describe, expect, it } from "vitest";
import { raiseCapacity, seedHeat, sentimentAfter } from "../../shared/engine/rules/financing.js";
import { createGame, firmRaiseCapacity, type GameState, resolveQuarter } from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** The first of seeds `cold-0`, `cold-1`, … whose first news leaves sentiment below the appetite floor (a cold sell-off). */
function coldStart(override: object = {}): GameState {
  const config = configFor("ai-2025", { quarters: 8, ...override });
  for (let i = 0; i < 2000; i++) {
    const state = createGame(config, `cold-${i}`, seats(3));
    const selloff = state.market.news.find((e) => e.kind === "selloff");
    if (selloff && config.start.sentiment * (1 - selloff.depth) < config.financing.appetiteFloor) return state;
  }
  throw new Error("no seed with a cold first news item in cold-0 … cold-1999");
}

describe("a young market keeps some capital for a new firm (engine 2.12.0)", () => {
  const config = configFor("ai-2025");
  const f = config.financing;

  it("in the first turn, appetite below the start's sentiment shrinks in proportion to it instead of closing under appetiteFloor", () => {
    const startHeat = (config.start.sentiment - f.appetiteFloor) / f.appetiteSpan;
    expect(seedHeat(config, 0.7)).toBeCloseTo(startHeat * 0.7, 12);
    // $1,000M of valuation, a 16-quarter game: 23% of it, times the heat.
    expect(raiseCapacity(config, 0.7, false, 1000, 0, true)).toBeCloseTo(230 * startHeat * 0.7, 9);
    expect(raiseCapacity(config, 0.7, false, 1000, 0, false)).toBe(0);
    // At or above the start's sentiment the ordinary appetite is the larger: the rule changes nothing there.
    expect(raiseCapacity(config, 1.3, false, 1000, 0, true)).toBe(raiseCapacity(config, 1.3, false, 1000, 0, false));
    // A correction still cuts it to correctionAppetite.
    expect(raiseCapacity(config, 0.7, true, 1000, 0, true)).toBeCloseTo(230 * startHeat * 0.7 * f.correctionAppetite, 9);
  });

  it("a player whose first news is a cold sell-off can still raise in quarter 1, what the panel shows, and gets it", () => {
    const state = coldStart();
    const sentiment = state.config.start.sentiment * (1 - (state.market.news.find((e) => e.kind === "selloff")?.depth ?? 0));
    const capacity = firmRaiseCapacity(state, firm(state, 0));
    const start = firm(state, 0).history[0];
    const neutral = raiseCapacity(state.config, state.config.start.sentiment, false, start?.valuation ?? 0, 0, true);
    expect(capacity).toBeGreaterThan(0);
    // Smaller than after neutral news: the sell-off's share of the appetite, on a valuation repriced at the lower sentiment.
    expect(capacity).toBeLessThan(neutral * sentiment);
    expect(capacity).toBeGreaterThan(neutral * sentiment * 0.5);
    const next = resolveQuarter(state, { f1: act({ raise: capacity }), f2: act({}), f3: act({}) }).state;
    expect(firm(next, 0).history[1]?.raised).toBeCloseTo(capacity, 6);
    // With the dial at 0 the market is closed, as it was in 2.11.0 (2.75% of random seeds).
    const closed = coldStart({ financing: { seedAppetite: 0 } });
    expect(firmRaiseCapacity(closed, firm(closed, 0))).toBe(0);
  });

  it("only in the first turn: from quarter 2 the ordinary appetite applies", () => {
    const state = coldStart();
    const next = resolveQuarter(state, { f1: act({}), f2: act({}), f3: act({}) }).state;
    const s = sentimentAfter(next.config, next.market.sentiment, next.market.news);
    const last = firm(next, 0).history[1];
    expect(firmRaiseCapacity(next, firm(next, 0))).toBeCloseTo(
      raiseCapacity(
        next.config,
        s,
        next.market.correction.quartersLeft > 0,
        (last?.fundamentals ?? 0) + s * (last?.narrative ?? 0),
        last?.operatingProfit ?? 0,
      ),
      6,
    );
  });
});
