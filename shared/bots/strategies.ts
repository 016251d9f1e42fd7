import { turnSpan } from "../engine/clock.js";
import { trainedCapability } from "../engine/rules/capability.js";
import type { FirmView } from "../engine/view.js";
import { nextFloat, type RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import { SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";
import { fitApps, fittingSectors, marketMood, needsCompliance, type Plan, toAction, unmissedSectors } from "./plan.js";

/** Options a line-up can set on a bot (the simulator's fairness checks use them). */
export interface BotOptions {
  /** Never sell new equity in an ordinary raise. */
  noRaise?: boolean;
  /** Raise exactly as `builder` would (the fairness check: an edge that is not financing). */
  raiseLikeBuilder?: boolean;
  /** Release the model's weights from the first quarter (the open-weights trade-off check). */
  openWeights?: boolean;
}

/** Has sentiment warmed by at least `warmth` over where this game started? (A bot's "warm market".) */
function warmedBy(view: FirmView, warmth: number): boolean {
  return marketMood(view).warmth >= warmth;
}

/** Builder's financing: a modest share of the market's appetite once sentiment is warm. */
function builderRaise(view: FirmView): number {
  return warmedBy(view, DIALS.builder.raiseWarmth) ? DIALS.builder.raise : 0;
}

function raiseShare(view: FirmView, options: BotOptions | undefined, own: number): number {
  if (options?.noRaise) return 0;
  if (options?.raiseLikeBuilder) return builderRaise(view);
  return own;
}

export type Bot = (view: FirmView, rng: RngState, options?: BotOptions) => Action;

/**
 * The bots' dials, in one place: spending as a share of the budget (cash + raise), raising
 * as a share of the market's appetite, and the weights of each plan. Every reading of the
 * market is relative to where the game started: `raiseWarmth` is how far sentiment must have
 * risen over its start (S − S₀) before a bot raises, so a preset that starts hot or cool
 * shifts when bots raise with it.
 */
export const DIALS = {
  /** Points an open model must lead the firm's own before a training bot stops racing it. */
  openAheadBy: 5,
  scaler: { spend: 0.43, train: 0.8, marketing: 0.2, raise: 1, raiseWarmth: 0.21 },
  ship: { apps: 0.7, efficiency: 0.15, mediaEfficiency: 0.3, compliance: 0.12, distillCash: 3 },
  /**
   * `reach`: a shipping bot enters a sector once the model it can use meets this share of the sector's need. A shipper
   * enters a market its model can mostly serve and fills the gap with integration work (retrieval, tools, human review).
   */
  builder: { spend: 0.32, raise: 0.35, raiseWarmth: 0.3, breadth: 5, reach: 0.75 },
  open: { spend: 0.3, train: 0.5, raise: 0.48, reach: 0.7 },
  /** `coldTrain`: the share of its training weight `balanced` puts in while the market has never warmed by `raiseWarmth`. */
  balanced: {
    spend: 0.26,
    train: 0.4,
    apps: 0.47,
    efficiency: 0.12,
    marketing: 0.03,
    raise: 0.68,
    raiseWarmth: 0.2,
    breadth: 3,
    capabilityGoal: 78,
    coldTrain: 0.5,
  },
  pivot: {
    spend: 0.19,
    train: 0.84,
    marketing: 0.08,
    apps: 0.26,
    appsBreadth: 5,
    raise: 0.9,
    raiseWarmth: 0.27,
    /** It turns once the bubble's excess (B − 1) reaches `turnExcess` times what it was at the start… */
    turnExcess: 2.3,
    /** …or once sentiment has risen at least `turnRise` over its start and given back `turnCooled` of that rise… */
    turnRise: 0.3,
    turnCooled: 0.2,
    /** …or once `turnBy` of the game has been played: shipping needs quarters left to pay. */
    turnBy: 0.6,
    shipSpend: 0.43,
    shipBreadth: 3,
    /** Once it ships, it enters sectors its model meets at this share of their need, as `builder` does (`builder.reach`). */
    shipReach: 0.7,
    /** While shipping at a loss, it keeps cash for this many quarters of spending and losses at the current pace. */
    runway: 4,
  },
};

/** A little jitter so that identical bots do not move in lockstep. */
function jitter(rng: RngState, value: number, spread = 0.15): number {
  return value * (1 + spread * (2 * nextFloat(rng) - 1));
}

function latencySectorFits(view: FirmView, sectors: readonly SectorId[]): boolean {
  return sectors.some((id) => view.config.sectors[id].latencyBound);
}

/**
 * Builder's plan: apps where capability already fits, efficiency, compliance, an edge model.
 * With `moveOn`, a sector whose product missed its market gives its place to the next fitting
 * one (`unmissedSectors`); without it, that sector keeps its place and its share stays as cash.
 */
function shipPlan(view: FirmView, rng: RngState, spendShare: number, breadth: number, reach: number, moveOn = false): Plan {
  const fitting = fittingSectors(view, reach);
  const sectors = (moveOn ? unmissedSectors(view, fitting) : fitting).slice(0, breadth);
  const media = sectors.includes("media");
  return {
    spendShare: jitter(rng, spendShare),
    ...fitApps(view, sectors, DIALS.ship.apps),
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
    raiseShare: raiseShare(view, options, warmedBy(view, DIALS.scaler.raiseWarmth) ? DIALS.scaler.raise : 0),
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
  toAction(view, {
    ...shipPlan(view, rng, DIALS.builder.spend, DIALS.builder.breadth, DIALS.builder.reach),
    raiseShare: raiseShare(view, options, builderRaise(view)),
  });

/**
 * `open`: releases its weights in the first quarter, gives up part of its API revenue to the
 * other hosts of its weights and builds an ecosystem that speeds its integration everywhere.
 * It trains (its model lifts the open baseline it builds on), ships apps into as many fitting
 * sectors as a builder, and raises nearly half of the market's appetite once sentiment is warm
 * (open-model labs raise large rounds: Mistral €385M in December 2023, €600M in June 2024).
 */
export const open: Bot = (view, rng) => {
  const plan = shipPlan(view, rng, DIALS.open.spend, DIALS.builder.breadth, DIALS.open.reach);
  return toAction(view, {
    ...plan,
    train: DIALS.open.train,
    openWeights: true,
    raiseShare: warmedBy(view, DIALS.builder.raiseWarmth) ? DIALS.open.raise : 0,
  });
};

/**
 * `balanced`: trains its own model to ship where open models cannot reach. It splits its
 * spending between training and applications, aims its apps at the most demanding sectors
 * its own model fits (medical, driving, finance…, with an edge model for real-time ones;
 * a sector whose product missed gives its place to the next), keeps up efficiency and
 * compliance, and raises part of what a warm market allows. Until the market has shown it
 * pays for models (sentiment has once warmed by `raiseWarmth` over its start) it funds
 * training from its own cash and trains at `coldTrain` of its weight.
 */
export const balanced: Bot = (view, rng, options) => {
  const d = DIALS.balanced;
  const sectors = unmissedSectors(view, fittingSectors(view))
    .sort((a, b) => view.config.sectors[b].need - view.config.sectors[a].need)
    .slice(0, d.breadth);
  const media = sectors.includes("media");
  const mood = marketMood(view);
  const warmedOnce = mood.peakSentiment - mood.startSentiment >= d.raiseWarmth;
  const train = trainedCapability(view.self) < d.capabilityGoal && !openModelAhead(view) ? d.train : d.train / 3;
  return toAction(view, {
    spendShare: jitter(rng, d.spend),
    train: warmedOnce ? train : train * d.coldTrain,
    ...fitApps(view, sectors, d.apps),
    efficiency: media ? 2 * d.efficiency : d.efficiency,
    compliance: needsCompliance(view) ? 0.08 : 0,
    marketing: d.marketing,
    distill: latencySectorFits(view, sectors) && view.self.cash > DIALS.ship.distillCash * view.limits.edgeCost,
    raiseShare: raiseShare(view, options, warmedBy(view, d.raiseWarmth) ? d.raise : 0),
  });
};

/** Is an open model already well ahead of the firm's own? Then training to catch up is wasted. */
function openModelAhead(view: FirmView): boolean {
  return view.market.openBaseline - view.config.openBaseline.appGap > trainedCapability(view.self) + DIALS.openAheadBy;
}

/**
 * Is it time for `pivot` to start shipping? When the bubble has grown well past where it
 * started (its excess B − 1 is `turnExcess` times the starting one), the boom has turned
 * (sentiment rose well over its start and has begun to fall back), a correction has begun, an
 * open model has overtaken its own, or too little of the game is left for scaling to pay. Every signal is
 * relative to this game's start and length, so it turns in the same part of the story in every
 * preset, with disclosure on or off, at every length.
 */
export function pivotMoment(view: FirmView): boolean {
  const d = DIALS.pivot;
  const mood = marketMood(view);
  const boomTurned = mood.peakSentiment - mood.startSentiment >= d.turnRise && mood.cooled >= d.turnCooled;
  const bubbleGrown = mood.bubbleRatio - 1 >= d.turnExcess * (mood.startBubble - 1);
  if (mood.correction || bubbleGrown || boomTurned || openModelAhead(view) || view.quarter >= d.turnBy * view.quarters) return true;
  // Once shipping, keep shipping: a pivot is not undone.
  const last = view.self.lastAction;
  let apps = 0;
  for (const id of SECTOR_IDS) apps += last.apps[id] ?? 0;
  return apps > last.train && view.quarter > 0;
}

/**
 * The share of its cash a firm can spend a quarter and still last `quarters` more quarters at
 * that pace, given what it lost last quarter: `share` while it makes money, less while it
 * loses it (cash ÷ quarters − loss, as a share of cash), never below nothing.
 */
export function runwayShare(view: FirmView, share: number, quarters: number): number {
  const last = view.self.history[view.self.history.length - 1];
  const loss = -(last?.operatingProfit ?? 0) / turnSpan(view.config);
  if (loss <= 0 || view.self.cash <= 0) return share;
  return Math.max(0, Math.min(share, 1 / quarters - loss / view.self.cash));
}

/**
 * `pivot`: the skilled play. While the bubble inflates it trains (capability opens the
 * high-need sectors later) but spends little and raises hard: racing `scaler` for the
 * frontier API only starts a price war (`api.rivalry`), so it keeps the boom's money for
 * later. Once the bubble has grown well past where it started (see `pivotMoment`), it turns
 * into a builder for good, shipping with that cash into every sector its own model now fits
 * (moving on from a market its product missed to the next one it fits, where `builder` keeps
 * that share as cash), and keeping `runway` quarters of cash while it ships at a loss.
 */
export const pivot: Bot = (view, rng, options) => {
  const d = DIALS.pivot;
  if (pivotMoment(view))
    return toAction(view, {
      ...shipPlan(view, rng, runwayShare(view, d.shipSpend, d.runway), d.shipBreadth, d.shipReach, true),
      raiseShare: raiseShare(view, options, 0),
    });
  return toAction(view, {
    spendShare: jitter(rng, d.spend),
    train: d.train,
    marketing: d.marketing,
    ...fitApps(view, fittingSectors(view).slice(0, d.appsBreadth), d.apps),
    raiseShare: raiseShare(view, options, warmedBy(view, d.raiseWarmth) ? d.raise : 0),
  });
};
