import type { FirmReport } from "../engine/types.js";

/** Why a valuation moved between two reports: V = F + S·N, so ΔV = ΔF + Δ(S·N). */
export interface ValuationMove {
  before: number;
  after: number;
  /** ΔF: cash, book value and the multiple on profit. */
  fundamentals: number;
  /** The part of Δ(S·N) from the narrative N changing (capability, hype, credit for capex). */
  narrative: number;
  /** The part of Δ(S·N) from the market's sentiment S changing. */
  sentiment: number;
}

/** The sentiment a report was priced at: (V − F) / N, or null when it has no narrative. */
function pricedSentiment(r: Pick<FirmReport, "valuation" | "fundamentals" | "narrative">): number | null {
  return r.narrative > 0 ? (r.valuation - r.fundamentals) / r.narrative : null;
}

/**
 * Splits ΔV into fundamentals, narrative and sentiment. Δ(S·N) is split at the midpoint
 * (ΔN·S̄ + ΔS·N̄), so the three parts add up to ΔV exactly.
 */
export function valuationMove(
  prev: Pick<FirmReport, "valuation" | "fundamentals" | "narrative">,
  next: Pick<FirmReport, "valuation" | "fundamentals" | "narrative">,
): ValuationMove {
  const s1 = pricedSentiment(next);
  const s0 = pricedSentiment(prev) ?? s1 ?? 0;
  const s1v = s1 ?? s0;
  const narrative = (next.narrative - prev.narrative) * ((s0 + s1v) / 2);
  const fundamentals = next.fundamentals - prev.fundamentals;
  // The remainder is sentiment's part (exactly ΔS·N̄ when both are priced; it also absorbs a delisting).
  const sentiment = next.valuation - prev.valuation - fundamentals - narrative;
  return { before: prev.valuation, after: next.valuation, fundamentals, narrative, sentiment };
}

/**
 * Cash the firm's running burns in a turn ($M, positive when it loses money): serving, opex and
 * fines less revenue. The turn's investment is left out (what it spent, and what that spending
 * cost on top: the growth overhead and training licence fees), as are raises: a firm that put
 * its war chest to work in one turn is not "burning" it every turn.
 */
export function burn(report: Pick<FirmReport, "revenue" | "servingCost" | "opex" | "rampCost" | "licenceFees" | "fines">): number {
  // A game stored before engine 2.10.0 has no ramp cost.
  return report.servingCost + report.opex - (report.rampCost ?? 0) - report.licenceFees + report.fines - report.revenue;
}

/** Turns of cash left at this running burn; Infinity when the firm is not burning cash. */
export function runway(cash: number, burnPerQuarter: number): number {
  if (burnPerQuarter <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, cash) / burnPerQuarter;
}

export const WARNINGS = ["runway", "delisting"] as const;
export type WarningKind = (typeof WARNINGS)[number];

/**
 * The dangers after a quarter: under two quarters of runway, and a hole next quarter bigger
 * than an emergency raise could fill (the engine delists a firm that cannot cover negative cash).
 */
export function warningsAfter(cash: number, burnPerQuarter: number, maxRaise: number): WarningKind[] {
  const out: WarningKind[] = [];
  const left = runway(cash, burnPerQuarter);
  if (left < 2) out.push("runway");
  if (burnPerQuarter > 0 && cash - burnPerQuarter + maxRaise < 0) out.push("delisting");
  return out;
}
