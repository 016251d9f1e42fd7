import { correctionSpans, valuationDrawdown } from "../engine/corrections.js";
import { score } from "../engine/score.js";
import type { GameState } from "../engine/types.js";
import { type LineupSeat, type PlayedGame, seatLabel } from "./play.js";

export interface FirmOutcome {
  firmId: string;
  strategy: string;
  rank: number;
  score: number;
  finalValuation: number;
  peakValuation: number;
  /** Valuation by quarter, quarter 0 first (0 once delisted). */
  valuations: number[];
  valueCreated: number;
  raised: number;
  delisted: boolean;
  delistedQuarter: number | null;
  incidents: number;
}

export interface GameSummary {
  run: number;
  seed: string;
  variant: string;
  quarters: number;
  sentiment: number[];
  bubbleRatio: number[];
  peakBubble: number;
  /** Σ valuation by quarter, quarter 0 first. */
  totalValuation: number[];
  /** Largest narrative excess ΣV − ΣF over the game. */
  peakExcess: number;
  /** Longest run of quarters with sentiment at its ceiling (within 5%). */
  ceilingRun: number;
  /** The first correction (the engine's definition) and the deepest fall of total valuation from its running peak. */
  correction: { happened: boolean; quarter: number | null; depth: number };
  incidents: number;
  /** Σ cumulative operating profit of every firm. */
  valueCreated: number;
  /** Σ founders' final stakes (the scores). */
  valueCaptured: number;
  /** The winning seat's strategy, or "" when every firm was delisted. */
  winner: string;
  firms: FirmOutcome[];
}

/** Sentiment within 5% of its ceiling counts as "at the ceiling". */
export const CEILING_ZONE = 0.95;

function longestRun(values: readonly number[], test: (v: number) => boolean): number {
  let best = 0;
  let run = 0;
  for (const v of values) {
    run = test(v) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** The firm that won: first in the standings and still listed. A game where every firm was delisted has no winner
 * (the standings' tie-break on firm order would otherwise hand it to the first seat). */
export function winningFirm<F extends { rank: number; delisted: boolean }>(firms: readonly F[]): F | undefined {
  return firms.find((f) => f.rank === 1 && !f.delisted);
}

export function summarize(run: number, variant: string, lineup: readonly LineupSeat[], played: PlayedGame): GameSummary {
  const final = played.states[played.states.length - 1] as GameState;
  const history = final.market.history;
  const sentiment = history.map((m) => m.sentiment);
  const bubbleRatio = history.map((m) => m.bubbleRatio);
  const first = correctionSpans(history)[0];
  const quarter = first ? first.start : null;
  const depth = valuationDrawdown(history);
  const standings = score(final);
  const firms: FirmOutcome[] = final.firms.map((firm, i) => {
    const standing = standings.find((s) => s.firmId === firm.id);
    const valuations = firm.history.map((r) => r.valuation);
    const delistedAt = firm.history.find((r) => r.delisted);
    return {
      firmId: firm.id,
      strategy: seatLabel(lineup[i] as LineupSeat),
      rank: standing?.rank ?? 0,
      score: standing?.score ?? 0,
      finalValuation: standing?.valuation ?? 0,
      peakValuation: Math.max(...valuations),
      valuations,
      valueCreated: firm.valueCreated,
      raised: firm.history.reduce((sum, r) => sum + r.raised + r.emergencyRaised, 0),
      delisted: firm.delisted,
      delistedQuarter: delistedAt ? delistedAt.quarter : null,
      incidents: firm.incidents,
    };
  });
  const winner = winningFirm(firms);
  return {
    run,
    seed: final.seed,
    variant,
    quarters: final.config.quarters,
    sentiment,
    bubbleRatio,
    peakBubble: Math.max(...bubbleRatio),
    totalValuation: history.map((m) => m.totalValuation),
    peakExcess: Math.max(...history.map((m) => m.totalValuation - m.totalFundamentals)),
    ceilingRun: longestRun(sentiment, (s) => s >= CEILING_ZONE * final.config.sentiment.ceiling),
    correction: { happened: quarter !== null, quarter, depth },
    incidents: firms.reduce((sum, f) => sum + f.incidents, 0),
    valueCreated: firms.reduce((sum, f) => sum + f.valueCreated, 0),
    valueCaptured: firms.reduce((sum, f) => sum + f.score, 0),
    winner: winner?.strategy ?? "",
    firms,
  };
}
