import type { FirmView } from "../engine/view.js";
import { nextFloat, type RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import { SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";
import { appsWeights, fittingSectors, marketMood, needsCompliance, type Plan, toAction } from "./plan.js";

/** Options a line-up can set on a bot (the simulator's fairness checks use them). */
export interface BotOptions {
  /** Never sell new equity in an ordinary raise. */
  noRaise?: boolean;
}

export type Bot = (view: FirmView, rng: RngState, options?: BotOptions) => Action;

/** A little jitter so that identical bots do not move in lockstep. */
function jitter(rng: RngState, value: number, spread = 0.15): number {
  return value * (1 + spread * (2 * nextFloat(rng) - 1));
}

function latencySectorFits(view: FirmView, sectors: readonly SectorId[]): boolean {
  return sectors.some((id) => view.config.sectors[id].latencyBound);
}

/** Builder's plan: apps where capability already fits, efficiency, compliance, an edge model. */
function shipPlan(view: FirmView, rng: RngState, spendShare: number, breadth: number): Plan {
  const sectors = fittingSectors(view).slice(0, breadth);
  const media = sectors.includes("media");
  const compliance = needsCompliance(view) ? 0.12 : 0.02;
  return {
    spendShare: jitter(rng, spendShare),
    apps: appsWeights(view, sectors, 0.7),
    efficiency: media ? 0.25 : 0.12,
    compliance,
    distill: latencySectorFits(view, sectors) && view.self.cash > 4 * view.limits.edgeCost,
  };
}

/**
 * `scaler`: bets everything on the frontier model. It puts most of its spending into
 * training on a locked (cheaper) compute contract, the rest into marketing, and sells as
 * much stock as the market will take while sentiment is above neutral. It ships nothing,
 * so its value is narrative and API revenue: the biggest bubble, and the hardest fall.
 */
export const scaler: Bot = (view, rng, options) =>
  toAction(view, {
    spendShare: jitter(rng, 0.4),
    train: 0.8,
    marketing: 0.2,
    raiseShare: !options?.noRaise && view.market.sentiment > 1.05 ? 1 : 0,
    hardware: "locked",
  });

/**
 * `builder`: ships applications that solve real problems with the capability it can get,
 * usually the open baseline. It invests in the best-paying sectors it already fits, in
 * serving efficiency (more when it serves synthetic media), in compliance when it serves a
 * regulated sector under a regime, and in an edge model once a latency-bound sector fits.
 * It never trains and never raises: slow, profitable, hard to kill.
 */
export const builder: Bot = (view, rng) => toAction(view, shipPlan(view, rng, 0.22, 3));

/**
 * `open`: releases its weights in the first quarter, gives up API revenue and builds an
 * ecosystem that speeds its integration everywhere. It trains a little (its model lifts
 * the open baseline it builds on) and ships apps like a builder.
 */
export const open: Bot = (view, rng) => {
  const plan = shipPlan(view, rng, 0.25, 3);
  return toAction(view, { ...plan, train: 0.25, openWeights: true });
};

/**
 * `balanced`: hedges. It splits its spending between training and applications, keeps up
 * efficiency and a little marketing, and raises half of what the market allows when
 * sentiment is warm.
 */
export const balanced: Bot = (view, rng, options) => {
  const sectors = fittingSectors(view).slice(0, 3);
  return toAction(view, {
    spendShare: jitter(rng, 0.28),
    train: 0.4,
    apps: appsWeights(view, sectors, 0.4),
    efficiency: 0.1,
    compliance: needsCompliance(view) ? 0.08 : 0,
    marketing: 0.1,
    raiseShare: !options?.noRaise && view.market.sentiment > 1.2 ? 0.5 : 0,
  });
};

/** Has the bubble gone far enough (or popped) for `pivot` to start shipping? */
export function pivotMoment(view: FirmView): boolean {
  const mood = marketMood(view);
  if (mood.correction || mood.bubbleRatio >= 1.9) return true;
  // Once shipping, keep shipping: a pivot is not undone.
  const last = view.self.lastAction;
  let apps = 0;
  for (const id of SECTOR_IDS) apps += last.apps[id] ?? 0;
  return apps > last.train && view.quarter > 0;
}

/**
 * `pivot`: the skilled play. It scales like `scaler` while the bubble inflates (training
 * buys capability that opens the high-need sectors later) and, once the bubble ratio is
 * high or a correction starts, turns into a builder for good, shipping into every sector
 * its own model now fits.
 */
export const pivot: Bot = (view, rng, options) => {
  if (pivotMoment(view)) return toAction(view, shipPlan(view, rng, 0.3, 4));
  return toAction(view, {
    spendShare: jitter(rng, 0.3),
    train: 0.75,
    marketing: 0.1,
    apps: appsWeights(view, fittingSectors(view).slice(0, 1), 0.15),
    raiseShare: !options?.noRaise && view.market.sentiment > 1.1 ? 0.6 : 0,
  });
};
