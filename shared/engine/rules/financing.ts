import type { EconomyConfig } from "../../schemas/config.js";
import type { GameEvent } from "../../schemas/injection.js";
import { overTurns, turnSpan } from "../clock.js";
import { clamp } from "../math.js";
import type { FirmReport, MarketState } from "../types.js";

/**
 * The most new equity a firm can sell this turn: a fraction of its valuation that grows with
 * sentiment (easy in a bubble, nearly impossible after a crash), and never more than the
 * firm's share of the capital investors put into the sector this turn (`pool`, per listed
 * firm): capital is finite, so no firm compounds its valuation by selling ever more stock.
 * In the game's first turn (`firstTurn`) the market is young and its committed venture money
 * is still there: cold news shrinks what it buys in proportion, it does not stop it
 * (`seedHeat`).
 */
export function raiseCapacity(
  config: EconomyConfig,
  sentiment: number,
  inCorrection: boolean,
  valuation: number,
  operatingProfit = 0,
  firstTurn = false,
): number {
  const f = config.financing;
  const linear = clamp((sentiment - f.appetiteFloor) / f.appetiteSpan, 0, 1);
  const heat = firstTurn ? Math.max(linear, seedHeat(config, sentiment)) : linear;
  // Appetite and the pool are per quarter; a turn spans tau of them.
  const tau = turnSpan(config);
  const own = Math.max(0, valuation) * overTurns(f.appetite, tau);
  const cap = Math.min(own, f.pool * tau);
  const cold = inCorrection ? f.correctionAppetite : 1;
  return Math.max(cap * heat, Math.min(cap, profitBacking(config, operatingProfit))) * cold;
}

/**
 * The least appetite of a young market (engine 2.12.0): `seedAppetite` × the appetite at the
 * starting sentiment S₀, scaled by S ÷ S₀. A cold first news item (a sell-off, a scandal) takes
 * the share of the start's appetite it takes of the sentiment; news at or above S₀ leaves the
 * ordinary appetite, which is then at least as large. Dry powder (venture money raised for the
 * sector and not yet invested) keeps deals going in a downturn: US venture deal value fell
 * about 30% in 2022, not to nothing, with record dry powder (PitchBook–NVCA Venture Monitor).
 */
export function seedHeat(config: EconomyConfig, sentiment: number): number {
  const f = config.financing;
  const start = config.start.sentiment;
  if (start <= 0) return 0;
  const startHeat = clamp((start - f.appetiteFloor) / f.appetiteSpan, 0, 1);
  return f.seedAppetite * startHeat * clamp(sentiment / start, 0, 1);
}

/**
 * What investors still put into a profitable firm when the market is cold: `profitAppetite`
 * times its last turn's operating profit, whatever the sentiment (venture and IPO funding fell
 * by about two thirds in 2000–02, not to nothing, and what was left went to firms that earned
 * money). 0 for a firm losing money, and for every firm with the dial at 0.
 */
export function profitBacking(config: EconomyConfig, operatingProfit: number): number {
  return config.financing.profitAppetite * Math.max(0, operatingProfit);
}

/**
 * What a rescue round can always sell, whatever the sentiment: `lastResort` of the firm's
 * valuation a quarter (over the turn's tau quarters). Investors of last resort (hedge funds
 * buying PIPEs at deep discounts in 2000–02) funded listed firms the public market would not,
 * so a firm still worth many times its cash hole is not delisted for want of a small round.
 */
export function lastResortCapacity(config: EconomyConfig, valuation: number): number {
  return overTurns(config.financing.lastResort, turnSpan(config)) * Math.max(0, valuation);
}

/** Sentiment once `events` have hit it (sell-offs, scandals): what investors price a raise at. */
export function sentimentAfter(config: EconomyConfig, sentiment: number, events: readonly GameEvent[]): number {
  let s = sentiment;
  for (const event of events) {
    if (event.kind === "selloff") s *= 1 - event.depth;
    else if (event.kind === "provenanceScandal") s *= 1 - config.regulation.sentimentHit;
  }
  return Math.max(config.sentiment.floor, s);
}

/**
 * A firm's valuation at `sentiment`, from its last report: fundamentals plus sentiment times
 * narrative. Raises are priced on it after the turn's news, so news everyone saw before
 * deciding is in the price (no free option on a sell-off announced in advance).
 */
export function repricedValuation(last: Pick<FirmReport, "fundamentals" | "narrative"> | undefined, sentiment: number): number {
  return last ? last.fundamentals + sentiment * last.narrative : 0;
}

/** The raise capacity a firm sees while deciding: the market after the news everyone can read. */
export function raiseCapacityBeforeNews(config: EconomyConfig, market: MarketState, last: FirmReport | undefined): number {
  const sentiment = sentimentAfter(config, market.sentiment, market.news);
  const firstTurn = (last?.quarter ?? 0) === 0;
  return raiseCapacity(config, sentiment, market.correction.quartersLeft > 0, repricedValuation(last, sentiment), last?.operatingProfit ?? 0, firstTurn);
}

/** Shares issued to raise `amount` at `sharePrice` less `discount`. */
export function sharesForRaise(amount: number, sharePrice: number, discount: number): number {
  if (amount <= 0) return 0;
  return amount / (sharePrice * (1 - discount));
}
