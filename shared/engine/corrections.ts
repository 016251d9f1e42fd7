import type { MarketReport } from "./types.js";

/** Share of total market value that must be lost for a fall to count as a correction. */
export const CORRECTION_FALL = 0.25;
/** Over how many quarters the fall is measured. */
export const CORRECTION_WINDOW = 2;

/**
 * Does the market fall to `total` this quarter: at most 75% of the total valuation one or two
 * quarters before (the last entries of `history`)? What players feel as a correction,
 * whatever caused it (a sell-off, the hazard, firms delisted).
 */
export function fallsTo(history: readonly MarketReport[], total: number): boolean {
  // Never history[-1] (a negative index is a property lookup that leaves the load site megamorphic).
  for (let back = 1; back <= CORRECTION_WINDOW && back <= history.length; back++) {
    const before = history[history.length - back];
    if (before && before.totalValuation > 0 && total <= (1 - CORRECTION_FALL) * before.totalValuation) return true;
  }
  return false;
}

export interface CorrectionSpan {
  /** First quarter of the decline (the quarter after the last high). */
  start: number;
  /** Last quarter flagged as a correction in this run. */
  end: number;
}

/**
 * The corrections in a market history (quarter 0 first): runs of quarters the engine flags
 * as a correction (`MarketReport.correction`: its own correction state, or a fall as above).
 * One definition, used by the simulator and the debrief alike.
 */
export type MarketPoint = Pick<MarketReport, "correction" | "totalValuation">;

export function correctionSpans(history: readonly MarketPoint[]): CorrectionSpan[] {
  const spans: CorrectionSpan[] = [];
  let open: CorrectionSpan | null = null;
  for (let q = 1; q < history.length; q++) {
    const report = history[q] as MarketPoint;
    if (!report.correction) {
      open = null;
      continue;
    }
    if (open) {
      open.end = q;
      continue;
    }
    open = { start: declineStart(history, q), end: q };
    spans.push(open);
  }
  return spans;
}

/** The quarter after the highest total valuation of the window that ends at `q`. */
function declineStart(history: readonly MarketPoint[], q: number): number {
  let best = q - 1;
  for (let back = 2; back <= CORRECTION_WINDOW; back++) {
    const k = q - back;
    if (k >= 0 && (history[k] as MarketPoint).totalValuation > (history[best] as MarketPoint).totalValuation) best = k;
  }
  return Math.min(q, best + 1);
}

/** Largest fall of total valuation from its running peak (0..1). */
export function valuationDrawdown(history: readonly MarketPoint[]): number {
  let peak = 0;
  let depth = 0;
  for (const report of history) {
    peak = Math.max(peak, report.totalValuation);
    if (peak > 0) depth = Math.max(depth, 1 - report.totalValuation / peak);
  }
  return depth;
}
