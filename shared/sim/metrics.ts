import { score } from "../engine/score.js";
import type { GameState } from "../engine/types.js";
import { type LineupSeat, type PlayedGame, seatLabel } from "./play.js";

/** Drawdown of sentiment from its running peak that counts as a correction. */
export const CORRECTION_DRAWDOWN = 0.4;

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
  correction: { happened: boolean; quarter: number | null; depth: number };
  incidents: number;
  /** Σ cumulative operating profit of every firm. */
  valueCreated: number;
  /** Σ founders' final stakes (the scores). */
  valueCaptured: number;
  winner: string;
  firms: FirmOutcome[];
}

/** Largest fall of sentiment from its running peak, and the quarter it first passed 40%. */
export function sentimentDrawdown(sentiment: readonly number[]): { depth: number; quarter: number | null } {
  let peak = 0;
  let depth = 0;
  let quarter: number | null = null;
  sentiment.forEach((s, q) => {
    peak = Math.max(peak, s);
    const drawdown = peak > 0 ? 1 - s / peak : 0;
    depth = Math.max(depth, drawdown);
    if (quarter === null && drawdown >= CORRECTION_DRAWDOWN) quarter = q;
  });
  return { depth, quarter };
}

export function summarize(run: number, variant: string, lineup: readonly LineupSeat[], played: PlayedGame): GameSummary {
  const final = played.states[played.states.length - 1] as GameState;
  const history = final.market.history;
  const sentiment = history.map((m) => m.sentiment);
  const bubbleRatio = history.map((m) => m.bubbleRatio);
  const { depth, quarter } = sentimentDrawdown(sentiment);
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
  const winner = firms.find((f) => f.rank === 1);
  return {
    run,
    seed: final.seed,
    variant,
    quarters: final.config.quarters,
    sentiment,
    bubbleRatio,
    peakBubble: Math.max(...bubbleRatio),
    correction: { happened: quarter !== null, quarter, depth },
    incidents: firms.reduce((sum, f) => sum + f.incidents, 0),
    valueCreated: firms.reduce((sum, f) => sum + f.valueCreated, 0),
    valueCaptured: firms.reduce((sum, f) => sum + f.score, 0),
    winner: winner?.strategy ?? "",
    firms,
  };
}
