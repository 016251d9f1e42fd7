import type { GameState } from "./types.js";

export interface Standing {
  rank: number;
  firmId: string;
  name: string;
  /** Founder stake × final valuation, $M; 0 if delisted. */
  score: number;
  valuation: number;
  /** Cumulative operating profit, $M: value created rather than captured. */
  valueCreated: number;
  delisted: boolean;
}

/** Standings by score (ties broken by value created, then firm order). */
export function score(state: GameState): Standing[] {
  const rows = state.firms.map((firm, order) => {
    const last = firm.history[firm.history.length - 1];
    const valuation = firm.delisted ? 0 : (last?.valuation ?? 0);
    return {
      order,
      firmId: firm.id,
      name: firm.name,
      score: firm.delisted ? 0 : (firm.founderShares / firm.shares) * valuation,
      valuation,
      valueCreated: firm.valueCreated,
      delisted: firm.delisted,
    };
  });
  rows.sort((a, b) => b.score - a.score || b.valueCreated - a.valueCreated || a.order - b.order);
  return rows.map(({ order: _order, ...row }, i) => ({ rank: i + 1, ...row }));
}
