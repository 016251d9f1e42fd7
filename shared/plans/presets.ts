import { fitApps, fittingSectors, marketMood, needsCompliance, type Plan, toAction } from "../bots/plan.js";
import { clockOf } from "../engine/clock.js";
import { rampFreeSpend } from "../engine/rules/growth.js";
import type { FirmState } from "../engine/types.js";
import { plannedSpend } from "../engine/validate.js";
import type { FirmView, PublicMarket } from "../engine/view.js";
import type { Action } from "../schemas/action.js";
import type { EconomyConfig } from "../schemas/config.js";
import { SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";

/** The plans a player can start from; "custom" is whatever they typed. */
export const PRESETS = ["scale", "ship", "balanced"] as const;
export type Preset = (typeof PRESETS)[number];

/** What a player knows of their own firm at the start of a quarter (the `private` message). */
export interface OwnView {
  config: EconomyConfig;
  /** Quarters resolved so far. */
  quarter: number;
  self: FirmState;
  market: PublicMarket;
  limits: { maxRaise: number; edgeCost: number };
}

/** The firm's own view in the shape the bots' planning helpers take (rivals are not needed). */
export function firmViewOf(own: OwnView): FirmView {
  return {
    kind: "firm",
    engineVersion: "",
    quarter: own.quarter,
    quarters: own.config.quarters,
    config: own.config,
    market: own.market,
    firms: [],
    log: [],
    self: own.self,
    limits: own.limits,
  };
}

/** Sectors to build apps in: those the firm's capability fits, or else the least demanding one. */
function appSectors(view: FirmView, breadth: number): SectorId[] {
  const fitting = fittingSectors(view);
  if (fitting.length > 0) return fitting.slice(0, breadth);
  const easiest = [...SECTOR_IDS].sort((a, b) => view.config.sectors[a].need - view.config.sectors[b].need);
  return easiest.slice(0, 1);
}

/** A share of the market's appetite to raise: more while sentiment is warm, none in a correction. */
function raiseShare(view: FirmView, warm: number): number {
  const mood = marketMood(view);
  if (view.market.correction.active) return 0;
  return mood.sentiment >= 1 ? warm : warm / 2;
}

/**
 * The plan behind each preset, for this firm now. Apps read the firm's own product fit as the
 * bots do (`fitApps`): more where a product fits, nothing more where a launch missed.
 */
export function presetPlan(view: FirmView, preset: Preset): Plan {
  switch (preset) {
    case "scale":
      return { spendShare: 0.45, train: 0.8, marketing: 0.15, efficiency: 0.05, raiseShare: raiseShare(view, 0.6) };
    case "ship": {
      const sectors = appSectors(view, 3);
      const latency = sectors.some((id) => view.config.sectors[id].latencyBound);
      return {
        spendShare: 0.32,
        ...fitApps(view, sectors, 0.7),
        efficiency: 0.15,
        compliance: needsCompliance(view) ? 0.12 : 0.03,
        distill: latency && view.self.cash > 3 * view.limits.edgeCost,
        raiseShare: raiseShare(view, 0.3),
      };
    }
    case "balanced":
      return {
        spendShare: 0.4,
        train: 0.35,
        ...fitApps(view, appSectors(view, 2), 0.45),
        efficiency: 0.12,
        compliance: needsCompliance(view) ? 0.06 : 0,
        marketing: 0.05,
        raiseShare: raiseShare(view, 0.45),
      };
  }
}

/**
 * A legal action for the preset, for this firm now (amounts rounded down to $0.1M). A preset
 * never pays the cost of growing fast: its spending stays within what the firm can put to work
 * this turn without strain (`rampFreeSpend`), scaled down when its share of the budget is more.
 */
export function presetAction(own: OwnView, preset: Preset): Action {
  const view = firmViewOf(own);
  const action = withinRamp(own, toAction(view, presetPlan(view, preset)));
  return floorAction(preset === "balanced" ? keepReserve(own, action) : action);
}

/**
 * The plan a player's panel starts each turn with, before they type anything: the Balanced
 * preset for the firm now, which keeps cash for the fixed costs of the turns ahead
 * (`keepReserve`). Not last turn's plan repeated: repeated unread, a plan that spent the war
 * chest spends the last of the cash and the firm is delisted (a quarter of the games).
 */
export function defaultAction(own: OwnView): Action {
  return presetAction(own, DEFAULT_PRESET);
}

/** The preset `defaultAction` plays: what a player's panel has picked when a turn opens. */
export const DEFAULT_PRESET: Preset = "balanced";

/** The action with its spending scaled down to the firm's free growth this turn (an edge model's fixed price kept). */
function withinRamp(own: OwnView, action: Action): Action {
  const free = rampFreeSpend(own.config, clockOf(own.config), own.self) * 0.999;
  const edge = action.distill ? own.limits.edgeCost : 0;
  const spend = plannedSpend(action, edge);
  if (spend <= free) return action;
  const k = Math.max(0, free - edge) / (spend - edge);
  const apps: Action["apps"] = {};
  for (const id of SECTOR_IDS) if (action.apps[id]) apps[id] = (action.apps[id] as number) * k;
  return {
    ...action,
    train: action.train * k,
    efficiency: action.efficiency * k,
    compliance: action.compliance * k,
    marketing: action.marketing * k,
    apps,
  };
}

/** Turns of fixed costs the Balanced preset keeps in cash (fewer when fewer turns are left). */
export const RESERVE_TURNS = 6;

/**
 * A turn of the firm's running costs that do not depend on sales, after `train` more of
 * training: staff and offices plus the clusters' upkeep on all training so far, as the engine
 * books them (rules/income.ts), $M.
 */
export function fixedCosts(config: EconomyConfig, firm: Pick<FirmState, "trainingSpendTotal">, train: number): number {
  const tau = clockOf(config).tau;
  return tau * (config.opex.fixed + config.opex.perTraining * (firm.trainingSpendTotal + train));
}

/** The turns of fixed costs a prudent plan keeps in cash now: `RESERVE_TURNS`, or the turns left in the game. */
export function reserveTurns(own: Pick<OwnView, "config" | "quarter">): number {
  return Math.max(1, Math.min(RESERVE_TURNS, own.config.quarters - own.quarter));
}

/**
 * The action made prudent: it raises what the market allows (nothing in a correction) to keep
 * `reserveTurns` of fixed costs in cash, and its spending is scaled down (an edge model's fixed price kept, or dropped
 * when it cannot be paid) so that the cash left after it still pays them with no sales at all.
 * A player who submits the Balanced preset unread, turn after turn, is seldom delisted.
 */
export function keepReserve(own: OwnView, action: Action): Action {
  const turns = reserveTurns(own);
  const reserve = turns * fixedCosts(own.config, own.self, 0);
  // No raise in a correction (as `raiseShare`): shares sell cheap then, and the reserve is what carries the firm through it.
  const topUp = own.market.correction.active ? 0 : Math.min(own.limits.maxRaise * 0.999, reserve - own.self.cash);
  const raise = Math.max(action.raise, topUp);
  const budget = own.self.cash + raise;
  let edge = action.distill && !own.self.edge ? own.limits.edgeCost : 0;
  const distill = action.distill && !(edge > 0 && budget - edge < reserve);
  if (!distill) edge = 0;
  const spend = plannedSpend(action, 0);
  if (budget - edge - spend >= turns * fixedCosts(own.config, own.self, action.train)) return { ...action, raise, distill };
  // Spending k × spend keeps budget − edge − k·spend ≥ the fixed costs after k × train more training.
  const upkeep = turns * clockOf(own.config).tau * own.config.opex.perTraining * action.train;
  const k = Math.max(0, Math.min(1, (budget - edge - reserve) / (spend + upkeep)));
  const apps: Action["apps"] = {};
  for (const id of SECTOR_IDS) if (action.apps[id]) apps[id] = (action.apps[id] as number) * k;
  return {
    ...action,
    raise,
    distill,
    train: action.train * k,
    efficiency: action.efficiency * k,
    compliance: action.compliance * k,
    marketing: action.marketing * k,
    apps,
  };
}

/**
 * The action with every amount rounded down to $0.1M, as a form shows it. Rounding the raise
 * down takes up to $0.1M of budget away, so $0.1M more comes off the largest spending: a legal
 * action stays legal.
 */
export function floorAction(action: Action): Action {
  const down = (v: number) => Math.max(0, Math.floor(v * 10 + 1e-9) / 10);
  const out: Action = {
    ...action,
    train: down(action.train),
    efficiency: down(action.efficiency),
    compliance: down(action.compliance),
    marketing: down(action.marketing),
    raise: down(action.raise),
    apps: {},
  };
  for (const id of SECTOR_IDS) {
    const v = down(action.apps[id] ?? 0);
    if (v > 0) out.apps[id] = v;
  }
  if (out.raise < action.raise) {
    const keys = ["train", "efficiency", "compliance", "marketing"] as const;
    const top = keys.reduce((a, b) => (out[b] > out[a] ? b : a));
    const topApp = SECTOR_IDS.reduce<SectorId | null>((a, b) => ((out.apps[b] ?? 0) > (a ? (out.apps[a] ?? 0) : 0) ? b : a), null);
    if (topApp && (out.apps[topApp] ?? 0) > out[top]) out.apps[topApp] = down((out.apps[topApp] ?? 0) - 0.1);
    else out[top] = down(out[top] - 0.1);
  }
  return out;
}
