import type { GameSummary } from "./metrics.js";
import { type Band, band, mean, quantile, share } from "./stats.js";

export interface StrategyStats {
  strategy: string;
  seats: number;
  winRate: number;
  meanScore: number;
  score: Band;
  peakValuation: Band;
  delistedRate: number;
  meanRaised: number;
  /** Valuation by quarter, p10/p50/p90 across every seat of this strategy. */
  valuation: Band[];
  /** Median over seats of (valuation at quarter q ÷ valuation at quarter 0), by quarter. */
  medianValuationRatio: number[];
}

export interface BatchStats {
  variant: string;
  games: number;
  peakBubble: Band & { atLeast2: number };
  correction: { rate: number; medianQuarter: number | null; medianDepth: number };
  incidents: number;
  valueCreated: number;
  valueCaptured: number;
  sentiment: Band[];
  bubbleRatio: Band[];
  strategies: StrategyStats[];
}

function byQuarter(series: readonly (readonly number[])[]): Band[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, q) => band(series.map((s) => s[q] ?? Number.NaN).filter(Number.isFinite)));
}

/** Distributions over a batch of games played under one variant. */
export function aggregate(variant: string, games: readonly GameSummary[]): BatchStats {
  const strategyNames = [...new Set(games.flatMap((g) => g.firms.map((f) => f.strategy)))];
  const corrections = games.filter((g) => g.correction.happened);
  const peaks = games.map((g) => g.peakBubble);
  return {
    variant,
    games: games.length,
    peakBubble: { ...band(peaks), atLeast2: share(peaks, (b) => b >= 2) },
    correction: {
      rate: share(games, (g) => g.correction.happened),
      medianQuarter:
        corrections.length > 0
          ? quantile(
              corrections.map((g) => g.correction.quarter as number),
              0.5,
            )
          : null,
      medianDepth: quantile(
        games.map((g) => g.correction.depth),
        0.5,
      ),
    },
    incidents: mean(games.map((g) => g.incidents)),
    valueCreated: mean(games.map((g) => g.valueCreated)),
    valueCaptured: mean(games.map((g) => g.valueCaptured)),
    sentiment: byQuarter(games.map((g) => g.sentiment)),
    bubbleRatio: byQuarter(games.map((g) => g.bubbleRatio)),
    strategies: strategyNames.map((strategy) => {
      const seats = games.flatMap((g) => g.firms.filter((f) => f.strategy === strategy));
      const valuations = seats.map((f) => f.valuations);
      const ratios = seats.map((f) => f.valuations.map((v) => v / (f.valuations[0] || 1)));
      return {
        strategy,
        seats: seats.length,
        winRate: share(games, (g) => g.winner === strategy),
        meanScore: mean(seats.map((f) => f.score)),
        score: band(seats.map((f) => f.score)),
        peakValuation: band(seats.map((f) => f.peakValuation)),
        delistedRate: share(seats, (f) => f.delisted),
        meanRaised: mean(seats.map((f) => f.raised)),
        valuation: byQuarter(valuations),
        medianValuationRatio: byQuarter(ratios).map((b) => b.p50),
      };
    }),
  };
}
