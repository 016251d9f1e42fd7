import { overTurns, turnSpan } from "../engine/clock.js";
import { complianceLevel } from "../engine/rules/compliance.js";
import { appCapability } from "../engine/rules/market.js";
import { perSector } from "../engine/sectors.js";
import type { FirmView } from "../engine/view.js";
import type { Action } from "../schemas/action.js";
import { SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";

/** What a bot wants this quarter, as budget shares; `toAction` makes it legal. */
export interface Plan {
  /** Share of the budget (cash + raise) to spend a quarter, 0..1 (a turn of tau quarters spends 1 − (1 − share)^tau). */
  spendShare: number;
  /** Relative weights of the spending fields. */
  train?: number;
  apps?: Partial<Record<SectorId, number>>;
  efficiency?: number;
  compliance?: number;
  marketing?: number;
  /** Relative weight of the budget kept as cash (what a product that missed would have had: see `fitApps`). */
  keep?: number;
  /** Share of the market's appetite to raise, 0..1. */
  raiseShare?: number;
  distill?: boolean;
  openWeights?: boolean;
  hardware?: Action["hardware"];
}

/** The capability the firm can build apps with: its own or the open baseline less the gap. */
export function usableCapability(view: FirmView): number {
  return appCapability(view.self.capability, view.market.openBaseline, view.config.openBaseline.appGap);
}

/** Sectors whose capability need the firm meets (at `margin` of the need), best first. */
export function fittingSectors(view: FirmView, margin = 0.9): SectorId[] {
  const capability = usableCapability(view);
  return SECTOR_IDS.filter((id) => capability >= view.config.sectors[id].need * margin).sort((a, b) => sectorAppeal(view, b) - sectorAppeal(view, a));
}

/** Revenue per quarter a sector can pay after serving costs, roughly, for this firm. */
export function sectorAppeal(view: FirmView, id: SectorId): number {
  const s = SECTOR_IDS.indexOf(id);
  const sector = view.config.sectors[id];
  const tam = (view.market.sectorTam[s] as number) * (view.market.sectorTrust[s] as number);
  const margin = 1 - view.config.opex.perRevenue - (sector.servingCost * view.market.computePrice) / view.self.efficiency;
  const latency = sector.latencyBound && !view.self.edge ? 0.5 : 1;
  return tam * margin * latency;
}

export function needsCompliance(view: FirmView): boolean {
  const regulatedServed = SECTOR_IDS.some(
    (id, s) => (view.market.sectorRegulated[s] || view.config.sectors[id].disclosureRule) && (view.self.customers[s] as number) > 0.01,
  );
  return regulatedServed && view.market.regime !== "none" && complianceLevel(view.self) < view.config.regulation.complianceTier * 1.5;
}

/**
 * The market as a player reads it: where it is now, where this game started and the highest it
 * has been. Bots read the relative figures (how far sentiment has risen over its start, how much
 * of that rise it has given back) so that they play the same story whatever level a preset or
 * disclosure starts the market at.
 */
export interface MarketMood {
  /** The bubble ratio last reported (B). */
  bubbleRatio: number;
  sentiment: number;
  /** Whether a correction is under way or has happened. */
  correction: boolean;
  /** B and S when the game started. */
  startBubble: number;
  startSentiment: number;
  /** The highest sentiment so far. */
  peakSentiment: number;
  /** S − its start: how far investors have warmed since the game began. */
  warmth: number;
  /** The share of sentiment's rise over its start that it has given back since its peak (0 while at its peak). */
  cooled: number;
}

export function marketMood(view: FirmView): MarketMood {
  const history = view.market.history;
  const last = history[history.length - 1];
  // A client's view keeps only the last quarters of the history: its oldest is then the start as far as it can see.
  const start = history[0];
  const sentiment = view.market.sentiment;
  const startSentiment = start?.quarter === 0 ? start.sentiment : view.config.start.sentiment;
  const peakSentiment = Math.max(view.market.sentimentPeak, sentiment);
  const rise = peakSentiment - startSentiment;
  return {
    bubbleRatio: last?.bubbleRatio ?? 1,
    sentiment,
    correction: view.market.correction.active || view.market.correction.count > 0,
    startBubble: start?.bubbleRatio ?? 1,
    startSentiment,
    peakSentiment,
    warmth: sentiment - startSentiment,
    cooled: rise > 0 ? (peakSentiment - sentiment) / rise : 0,
  };
}

/** Turns a plan into a legal action for the firm's current state. */
export function toAction(view: FirmView, plan: Plan): Action {
  const self = view.self;
  const raise = Math.max(0, Math.min(1, plan.raiseShare ?? 0)) * view.limits.maxRaise * 0.999;
  // A plan's share is per quarter; a turn spans tau quarters, so it spends what tau quarters at that pace would.
  const spendShare = overTurns(Math.max(0, Math.min(1, plan.spendShare)), turnSpan(view.config));
  let budget = Math.max(0, self.cash + raise) * spendShare * 0.999;
  const distill = !!plan.distill && !self.edge && budget >= view.limits.edgeCost;
  if (distill) budget -= view.limits.edgeCost;
  // The apps' weights in SECTOR_IDS order, read by name (a keyed load over plans of many shapes is several times slower).
  const apps = perSector(plan.apps ?? {});
  let total = (plan.train ?? 0) + (plan.efficiency ?? 0) + (plan.compliance ?? 0) + (plan.marketing ?? 0) + Math.max(0, plan.keep ?? 0);
  for (let s = 0; s < apps.length; s++) total += apps[s] as number;
  const appsSpend: Partial<Record<SectorId, number>> = {};
  for (let s = 0; s < apps.length; s++) {
    const spend = budgetShare(budget, apps[s], total);
    if (spend > 0) appsSpend[SECTOR_IDS[s] as SectorId] = spend;
  }
  const lockRunning = self.hardware === "locked" && view.quarter + 1 <= self.lockedUntil;
  return {
    train: budgetShare(budget, plan.train, total),
    apps: appsSpend,
    efficiency: budgetShare(budget, plan.efficiency, total),
    compliance: budgetShare(budget, plan.compliance, total),
    marketing: budgetShare(budget, plan.marketing, total),
    distill,
    openWeights: self.openWeights || !!plan.openWeights,
    hardware: lockRunning ? "locked" : (plan.hardware ?? self.hardware),
    raise,
  };
}

/** A weight's part of `budget` when the weights sum to `total`. */
function budgetShare(budget: number, weight: number | undefined, total: number): number {
  return total > 0 ? (budget * Math.max(0, weight ?? 0)) / total : 0;
}

/**
 * The firm's own product fit in a sector as its report shows it: the draw once it has shipped
 * there (×1 is average), 1 before (an untried market is expected to be average).
 */
export function ownFit(view: FirmView, id: SectorId): number {
  const fit = view.self.productFit[SECTOR_IDS.indexOf(id)] as number;
  return fit > 0 ? fit : 1;
}

/** A product fit below this has missed its market (see `productMissed`). */
export const MISSED_FIT = 0.6;

/**
 * Has the firm's product missed its market in this sector, as a player reading their report
 * would judge it: its fit there is below `MISSED_FIT` and last turn's revenue there did not
 * cover what it spent there (or it has stopped spending there already: a market left is not
 * re-entered on a bad fit).
 */
export function productMissed(view: FirmView, id: SectorId): boolean {
  const s = SECTOR_IDS.indexOf(id);
  const fit = view.self.productFit[s] as number;
  if (fit <= 0 || fit >= MISSED_FIT) return false;
  const last = view.self.history[view.self.history.length - 1];
  const spent = view.self.lastAction.apps[id] ?? 0;
  return spent <= 0 || (last?.sectorRevenue[s] ?? 0) < spent;
}

/**
 * The sectors of `sectors` whose product has not missed its market (`productMissed`), in the
 * same order: where a player who moves on from a missed market looks next.
 */
export function unmissedSectors(view: FirmView, sectors: readonly SectorId[]): SectorId[] {
  return sectors.filter((id) => !productMissed(view, id));
}

/**
 * Apps as a player who reads their own product fit plans them: `weight` spread over the
 * sectors by what each pays (appeal) times the firm's own fit there, with nothing for a sector
 * whose product missed (`productMissed`); that sector's part of `weight` (by appeal) is kept
 * as cash instead of moved to the others, so a firm whose products missed spends less.
 */
export function fitApps(view: FirmView, sectors: readonly SectorId[], weight: number): { apps: Partial<Record<SectorId, number>>; keep: number } {
  let all = 0;
  let missed = 0;
  let kept = 0;
  const score: number[] = [];
  for (const id of sectors) {
    const appeal = Math.max(0.05, sectorAppeal(view, id));
    all += appeal;
    if (productMissed(view, id)) {
      missed += appeal;
      score.push(0);
    } else {
      const s = appeal * ownFit(view, id);
      kept += s;
      score.push(s);
    }
  }
  const apps: Partial<Record<SectorId, number>> = {};
  if (all <= 0) return { apps, keep: 0 };
  const spread = weight * (1 - missed / all);
  sectors.forEach((id, i) => {
    const s = score[i] as number;
    if (s > 0 && kept > 0) apps[id] = (spread * s) / kept;
  });
  return { apps, keep: weight - (kept > 0 ? spread : 0) };
}
