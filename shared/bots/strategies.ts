import type { FirmView } from "../engine/view.js";
import { nextFloat, type RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import { SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";
import { appsWeights, fittingSectors, marketMood, needsCompliance, type Plan, toAction } from "./plan.js";

/** Options a line-up can set on a bot (the simulator's fairness checks use them). */
export interface BotOptions {
  /** Never sell new equity in an ordinary raise. */
  noRaise?: boolean;
  /** Raise exactly as `builder` would (the fairness check: an edge that is not financing). */
  raiseLikeBuilder?: boolean;
  /** Release the model's weights from the first quarter (the open-weights trade-off check). */
  openWeights?: boolean;
}

/** Builder's financing: a modest share of the market's appetite once sentiment is warm. */
function builderRaise(view: FirmView): number {
  return view.market.sentiment >= DIALS.builder.raiseAbove ? DIALS.builder.raise : 0;
}

function raiseShare(view: FirmView, options: BotOptions | undefined, own: number): number {
  if (options?.noRaise) return 0;
  if (options?.raiseLikeBuilder) return builderRaise(view);
  return own;
}

export type Bot = (view: FirmView, rng: RngState, options?: BotOptions) => Action;

/**
 * The bots' dials, in one place: spending as a share of the budget (cash + raise), raising
 * as a share of the market's appetite, and the weights of each plan.
 */
export const DIALS = {
  /** Points an open model must lead the firm's own before a training bot stops racing it. */
  openAheadBy: 5,
  scaler: { spend: 0.37, train: 0.8, marketing: 0.2, raise: 1, raiseAbove: 1.21 },
  ship: { apps: 0.7, efficiency: 0.15, mediaEfficiency: 0.3, compliance: 0.12, distillCash: 3 },
  builder: { spend: 0.32, raise: 0.35, raiseAbove: 1.3, breadth: 5 },
  open: { spend: 0.3, train: 0.5, raise: 0.48 },
  balanced: { spend: 0.26, train: 0.4, apps: 0.47, efficiency: 0.12, marketing: 0.03, raise: 0.68, raiseAbove: 1.2, breadth: 3, capabilityGoal: 78 },
  pivot: {
    spend: 0.19,
    train: 0.84,
    marketing: 0.08,
    apps: 0.26,
    appsBreadth: 5,
    raise: 0.9,
    raiseAbove: 1.27,
    bubbleRatio: 2.09,
    shipSpend: 0.43,
    shipBreadth: 3,
  },
};

/** A little jitter so that identical bots do not move in lockstep. */
function jitter(rng: RngState, value: number, spread = 0.15): number {
  return value * (1 + spread * (2 * nextFloat(rng) - 1));
}

function latencySectorFits(view: FirmView, sectors: readonly SectorId[]): boolean {
  return sectors.some((id) => view.config.sectors[id].latencyBound);
}

/** Builder's plan: apps where capability already fits, efficiency, compliance, an edge model. */
function shipPlan(view: FirmView, rng: RngState, spendShare: number, breadth: number): Plan {
  const fitting = fittingSectors(view);
  const sectors = fitting.slice(0, breadth);
  const media = sectors.includes("media");
  return {
    spendShare: jitter(rng, spendShare),
    apps: appsWeights(view, sectors, DIALS.ship.apps),
    efficiency: media ? DIALS.ship.mediaEfficiency : DIALS.ship.efficiency,
    compliance: needsCompliance(view) ? DIALS.ship.compliance : 0.02,
    distill: latencySectorFits(view, fitting) && view.self.cash > DIALS.ship.distillCash * view.limits.edgeCost,
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
    spendShare: jitter(rng, DIALS.scaler.spend),
    train: DIALS.scaler.train,
    marketing: DIALS.scaler.marketing,
    raiseShare: raiseShare(view, options, view.market.sentiment > DIALS.scaler.raiseAbove ? DIALS.scaler.raise : 0),
    hardware: "locked",
  });

/**
 * `builder`: ships applications that solve real problems with the capability it can get,
 * usually the open baseline. It invests in the best-paying sectors it already fits, in
 * serving efficiency (more when it serves synthetic media), in compliance when it serves a
 * regulated sector under a regime, and in an edge model once a latency-bound sector fits.
 * It never trains and raises only a little, in a warm market: slow, profitable, hard to kill.
 */
export const builder: Bot = (view, rng, options) =>
  toAction(view, { ...shipPlan(view, rng, DIALS.builder.spend, DIALS.builder.breadth), raiseShare: raiseShare(view, options, builderRaise(view)) });

/**
 * `open`: releases its weights in the first quarter, gives up part of its API revenue to the
 * other hosts of its weights and builds an ecosystem that speeds its integration everywhere.
 * It trains (its model lifts the open baseline it builds on), ships apps into as many fitting
 * sectors as a builder, and raises nearly half of the market's appetite once sentiment is warm
 * (open-model labs raise large rounds: Mistral €385M in December 2023, €600M in June 2024).
 */
export const open: Bot = (view, rng) => {
  const plan = shipPlan(view, rng, DIALS.open.spend, DIALS.builder.breadth);
  return toAction(view, {
    ...plan,
    train: DIALS.open.train,
    openWeights: true,
    raiseShare: view.market.sentiment >= DIALS.builder.raiseAbove ? DIALS.open.raise : 0,
  });
};

/**
 * `balanced`: trains its own model to ship where open models cannot reach. It splits its
 * spending between training and applications, aims its apps at the most demanding sectors
 * its own model fits (medical, driving, finance…, with an edge model for real-time ones),
 * keeps up efficiency and compliance, and raises part of what a warm market allows.
 */
export const balanced: Bot = (view, rng, options) => {
  const d = DIALS.balanced;
  const sectors = fittingSectors(view)
    .sort((a, b) => view.config.sectors[b].need - view.config.sectors[a].need)
    .slice(0, d.breadth);
  const media = sectors.includes("media");
  return toAction(view, {
    spendShare: jitter(rng, d.spend),
    train: view.self.capability < d.capabilityGoal && !openModelAhead(view) ? d.train : d.train / 3,
    apps: appsWeights(view, sectors, d.apps),
    efficiency: media ? 2 * d.efficiency : d.efficiency,
    compliance: needsCompliance(view) ? 0.08 : 0,
    marketing: d.marketing,
    distill: latencySectorFits(view, sectors) && view.self.cash > DIALS.ship.distillCash * view.limits.edgeCost,
    raiseShare: raiseShare(view, options, view.market.sentiment > d.raiseAbove ? d.raise : 0),
  });
};

/** Is an open model already well ahead of the firm's own? Then training to catch up is wasted. */
function openModelAhead(view: FirmView): boolean {
  return view.market.openBaseline - view.config.openBaseline.appGap > view.self.capability + DIALS.openAheadBy;
}

/** Has the bubble gone far enough (or popped), or an open model overtaken its own, for `pivot` to start shipping? */
export function pivotMoment(view: FirmView): boolean {
  const mood = marketMood(view);
  if (mood.correction || mood.bubbleRatio >= DIALS.pivot.bubbleRatio || openModelAhead(view)) return true;
  // Once shipping, keep shipping: a pivot is not undone.
  const last = view.self.lastAction;
  let apps = 0;
  for (const id of SECTOR_IDS) apps += last.apps[id] ?? 0;
  return apps > last.train && view.quarter > 0;
}

/**
 * `pivot`: the skilled play. While the bubble inflates it trains (capability opens the
 * high-need sectors later) but spends little and raises hard: racing `scaler` for the
 * frontier API only starts a price war (`api.rivalry`), so it keeps the boom's money for
 * later. Once the bubble ratio is high or a correction starts, it turns into a builder for
 * good, shipping with that cash into every sector its own model now fits.
 */
export const pivot: Bot = (view, rng, options) => {
  const d = DIALS.pivot;
  if (pivotMoment(view)) return toAction(view, { ...shipPlan(view, rng, d.shipSpend, d.shipBreadth), raiseShare: raiseShare(view, options, 0) });
  return toAction(view, {
    spendShare: jitter(rng, d.spend),
    train: d.train,
    marketing: d.marketing,
    apps: appsWeights(view, fittingSectors(view).slice(0, d.appsBreadth), d.apps),
    raiseShare: raiseShare(view, options, view.market.sentiment > d.raiseAbove ? d.raise : 0),
  });
};
