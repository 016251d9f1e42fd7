import { clockOf, turnSpan } from "../../shared/engine/clock.js";
import { cloneFirm } from "../../shared/engine/clone.js";
import { emptyReport, resolveQuarter } from "../../shared/engine/resolve.js";
import { releasedCapability, trainedCapability } from "../../shared/engine/rules/capability.js";
import { spanOfControl } from "../../shared/engine/rules/growth.js";
import { appCapability, splitApiPool } from "../../shared/engine/rules/market.js";
import { power } from "../../shared/engine/sectors.js";
import type { FirmReport, FirmState, GameState, MarketState } from "../../shared/engine/types.js";
import { type ActionError, actionSpend, validateAction } from "../../shared/engine/validate.js";
import type { PublicMarket } from "../../shared/engine/view.js";
import { seedRng } from "../../shared/rng.js";
import type { Action } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";

/** A rival as the player knows it: its published figures. */
export interface RivalFigures {
  id: string;
  name: string;
  delisted: boolean;
  cash: number;
  capability: number;
  openWeights: boolean;
  shares: number;
  revenue: number;
  fundamentals: number;
  valuation: number;
  /** Sectors where it holds at least 1% of customers (published). */
  sectorsServed: readonly string[];
  /** $M into training last quarter (published): a rival holding its course trains as much again. */
  trainingSpend: number;
  operatingProfit: number;
  /** Revenue the quarter before (0 when there is none). */
  previousRevenue: number;
  /**
   * Its published capability at the end of each turn, by turn (0: as the game started; the last
   * is `capability`). An open-weights rival's published model lags the one it ships under time to
   * build (`releasedCapability`): the engine reads this history for its API share and the open baseline.
   */
  shipped: readonly number[];
}

/** A published report, as far as the preview reads it. */
type PublishedReport = Omit<RivalFigures, "id" | "name" | "delisted" | "sectorsServed" | "previousRevenue" | "shipped"> & {
  quarter: number;
  sectorsServed: Iterable<string>;
};

/** A firm as published: its name and reports (the synced room state's firms, or an engine view's). */
export interface PublishedFirm {
  id: string;
  name: string;
  delisted: boolean;
  history: {
    readonly length: number;
    at(index: number): PublishedReport | undefined;
  };
}

/** Every other firm's latest published figures. */
export function rivalsFrom(firms: Iterable<PublishedFirm>, selfId: string): RivalFigures[] {
  const out: RivalFigures[] = [];
  for (const f of firms) {
    const last = f.id === selfId ? undefined : f.history.at(-1);
    if (!last) continue;
    const { cash, capability, openWeights, shares, revenue, fundamentals, valuation, trainingSpend, operatingProfit } = last;
    const sectorsServed = [...last.sectorsServed];
    out.push({
      id: f.id,
      name: f.name,
      delisted: f.delisted,
      cash,
      capability,
      openWeights,
      shares,
      revenue,
      fundamentals,
      valuation,
      sectorsServed,
      trainingSpend,
      operatingProfit,
      previousRevenue: f.history.at(-2)?.revenue ?? 0,
      shipped: shippedByTurn(f.history, last.quarter),
    });
  }
  return out;
}

/** Capability by turn 0 … `quarter` from published reports; a turn without one takes the next known report's. */
function shippedByTurn(history: PublishedFirm["history"], quarter: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < history.length; i++) {
    const r = history.at(i);
    if (r && r.quarter >= 0 && r.quarter <= quarter) out[r.quarter] = r.capability;
  }
  for (let q = quarter - 1; q >= 0; q--) if (out[q] === undefined) out[q] = out[q + 1] as number;
  return out;
}

export interface PreviewInput {
  config: EconomyConfig;
  /** Quarters resolved so far. */
  quarter: number;
  self: FirmState;
  market: PublicMarket;
  rivals: readonly RivalFigures[];
}

/**
 * The preview rules: the game's config without surprises (no price or sentiment noise, no
 * new correction, no incidents), so the preview shows the effect of the player's choices
 * rather than a random draw.
 */
function calm(config: EconomyConfig): EconomyConfig {
  return {
    ...config,
    compute: { ...config.compute, noise: 0 },
    sentiment: { ...config.sentiment, noise: 0 },
    correction: { ...config.correction, hazardMax: 0 },
    regulation: { ...config.regulation, incidentRate: 0 },
  };
}

/** The rival's last report: its published figures, nothing private. */
function rivalReport(quarter: number, firm: FirmState, r: RivalFigures): FirmReport {
  return {
    ...emptyReport(quarter, firm),
    revenue: r.revenue,
    operatingProfit: r.operatingProfit,
    fundamentals: r.fundamentals,
    narrative: Math.max(0, r.valuation - r.fundamentals),
    valuation: r.valuation,
    sharePrice: r.shares > 0 ? r.valuation / r.shares : 0,
  };
}

/**
 * The API revenue each firm took last turn, from published capabilities (the engine's split of a
 * quarter's pool; a turn earns `tau` quarters of it), an open-weights rival keeping all of the
 * part of its lead its published model does not cover, as the engine's `apiMarket`.
 */
function apiRevenues(config: EconomyConfig, pub: PublicMarket, firms: readonly RivalFigures[]): number[] {
  const last = pub.history.at(-1);
  if (!last) return firms.map(() => 0);
  const clock = clockOf(config);
  const lag = clock.trainingLagTurns;
  // Last turn the engine read each firm's reports before it (turns 0 … q − 1) against its model of turn q.
  const released =
    lag > 0 ? firms.map((r) => (r.openWeights ? releasedCapability(r.capability, publishedReports(r.shipped.slice(0, -1)), lag) : 0)) : undefined;
  return splitApiPool(config.api, last.apiPool, pub.outsideOpenBaseline, firms, [], released).map((r) => r * clock.tau);
}

/** Capabilities as the reports `releasedCapability` reads. */
function publishedReports(shipped: readonly number[]): { capability: number }[] {
  return shipped.map((capability) => ({ capability }));
}

/**
 * A rival's customers and app quality, inferred from what it publishes: its revenue less its
 * API share, spread over the sectors it serves by their size; and an integration such that
 * its customers are where the market would put them (a rival holding its course).
 */
function rivalSectors(config: EconomyConfig, pub: PublicMarket, r: RivalFigures, apiRevenue: number, others: number[]): RivalSectors {
  const a = config.apps;
  const served = SECTOR_IDS.map((id) => r.sectorsServed.includes(id));
  const size = SECTOR_IDS.map((_, s) => (served[s] ? (pub.sectorTam[s] as number) * (pub.sectorTrust[s] as number) : 0));
  const totalSize = size.reduce((x, y) => x + y, 0);
  const clock = clockOf(config);
  // Sector sizes are per quarter; the turn's revenue spans tau quarters.
  const appRevenue = Math.max(0, r.revenue - apiRevenue) / clock.tau;
  const customers = size.map((v) => (totalSize > 0 && v > 0 ? Math.min(0.95, (appRevenue * v) / totalSize / v) : 0));
  // A growing rival is still moving toward the share its quality wins: customers close a part
  // (the adoption speed) of that gap each turn, so last turn's growth tells how far it is.
  const growth = r.previousRevenue > 1 ? Math.max(0, r.revenue / r.previousRevenue - 1) : 0;
  const target = customers.map((c, s) => {
    const speed = clock.adoption * (pub.sectorTrust[s] as number);
    const gained = c - c / (1 + growth);
    return speed > 0 ? Math.min(0.95, c + gained * ((1 - speed) / speed)) : c;
  });
  const fitCapability = appCapability(r.capability, pub.openBaseline, config.openBaseline.appGap);
  const outside = power(a.outsideQuality, a.sharpness);
  const integration = SECTOR_IDS.map((id, s) => {
    const c = target[s] as number;
    if (c <= 0) return 0;
    const rest = Math.max(0.02, 1 - c - (others[s] as number));
    const quality = (c / rest) * outside; // its share of the logit, against the outside option
    const sector = config.sectors[id];
    const fit = power(Math.min(1, fitCapability / sector.need), a.fitExponent);
    const latency = sector.latencyBound ? a.latencyPenalty : 1;
    return fit > 0 ? quality ** (1 / a.sharpness) / (fit * latency) : 0;
  });
  // What it spends to keep that integration from decaying (a rival holding its course).
  // A rival that trains while integrating into many sectors keeps only part of its work (span of control).
  const span = spanOfControl(config, r.trainingSpend, integration);
  const upkeep: Partial<Record<SectorId, number>> = {};
  SECTOR_IDS.forEach((id, s) => {
    const level = integration[s] as number;
    if (level <= 0) return;
    const fit = power(Math.min(1, fitCapability / config.sectors[id].need), a.integrationFitExponent);
    // A turn's spend adds √(spend × tau) × fit × span of integration.
    if (fit > 0) upkeep[id] = ((level * clock.integrationDecay) / (fit * span)) ** 2 / clock.tau;
  });
  return { customers, integration, upkeep };
}

interface RivalSectors {
  customers: number[];
  integration: number[];
  /** $M per sector that keeps the integration where it is. */
  upkeep: Partial<Record<SectorId, number>>;
}

/** Spending scaled down to fit `budget`. */
function affordable(spend: Partial<Record<SectorId, number>>, budget: number): Partial<Record<SectorId, number>> {
  let total = 0;
  for (const v of Object.values(spend)) total += v ?? 0;
  const k = total > budget ? budget / total : 1;
  const out: Partial<Record<SectorId, number>> = {};
  for (const [id, v] of Object.entries(spend)) out[id as SectorId] = (v ?? 0) * k;
  return out;
}

/**
 * The credit for past training that gives a rival its published narrative: N = (V − F) / S at
 * the sentiment it was priced at, and N = (capabilityWeight · capability + creditWeight · credit) × disclosure.
 */
function rivalCredit(config: EconomyConfig, pub: PublicMarket, r: RivalFigures): number {
  const v = config.valuation;
  const last = pub.history.at(-1);
  const sentiment = last?.sentiment ?? pub.sentiment;
  if (!(sentiment > 0) || v.creditWeight <= 0) return 0;
  const narrative = Math.max(0, r.valuation - r.fundamentals) / sentiment / (pub.disclosure ? v.disclosureNarrative : 1);
  return Math.max(0, (narrative - v.capabilityWeight * r.capability) / v.creditWeight);
}

/** A rival rebuilt from its published figures; what it does not publish starts at nothing. */
function rivalFirm(template: FirmState, quarter: number, r: RivalFigures, credit: number, sectors?: RivalSectors): FirmState {
  const firm = cloneFirm(template);
  const zeros = SECTOR_IDS.map(() => 0);
  Object.assign(firm, {
    id: r.id,
    name: r.name,
    cash: r.cash,
    shares: r.shares,
    founderShares: r.shares / 2,
    capability: r.capability,
    // What a rival has in training is not published (and the template is the player's own firm).
    capabilityInTraining: template.capabilityInTraining.map(() => 0),
    openWeights: r.openWeights,
    ecosystem: 0,
    efficiency: 1,
    edge: false,
    hardware: "flexible",
    lockedUntil: 0,
    lockedPrice: 0,
    integration: sectors?.integration ?? zeros,
    customers: sectors?.customers ?? zeros.slice(),
    productFit: SECTOR_IDS.map(() => 1), // a rival's fortune in a market is not published: taken as average
    complianceStock: 0,
    dataMoat: 0,
    hype: 0,
    trainingCredit: credit,
    appsBook: 0,
    delisted: r.delisted,
  });
  // Its earlier turns carry only their published model (what `releasedCapability` reads); the last its published report.
  firm.history = r.shipped.slice(0, -1).map((capability, q) => ({ ...emptyReport(q, firm), capability }));
  firm.history.push(rivalReport(quarter, firm, r));
  firm.lastAction = {
    ...firm.lastAction,
    train: Math.min(r.trainingSpend, Math.max(0, r.cash)),
    apps: affordable(sectors?.upkeep ?? {}, Math.max(0, r.cash - r.trainingSpend)),
    efficiency: 0,
    compliance: 0,
    marketing: 0,
    raise: 0,
    distill: false,
    openWeights: r.openWeights,
  };
  // Holding its course, it spent as much last turn: no ramp cost for growing (its spending is not published).
  const report = firm.history.at(-1) as FirmReport;
  report.spent = firm.lastAction.train;
  for (const v of Object.values(firm.lastAction.apps)) report.spent += v ?? 0;
  return firm;
}

function byQuarter<T extends { quarter: number }>(reports: readonly T[]): T[] {
  const out: T[] = [];
  for (const report of reports) out[report.quarter] = report;
  return out;
}

/** A game state that stands for the real one from what this player may see. */
export function previewState(input: PreviewInput): GameState {
  const { market: pub, self, quarter } = input;
  const correction = {
    quartersLeft: pub.correction.active ? 1 : 0,
    stepFactor: pub.correction.active ? 1 - (input.config.correction.depth[0] + input.config.correction.depth[1]) / 4 : 1,
    cooldown: 0,
    count: pub.correction.count,
    firstQuarter: pub.correction.firstQuarter,
  };
  // The server sends recent history only; put each report back at its quarter's index,
  // where the engine looks for it.
  const market: MarketState = { ...pub, correction, history: byQuarter(pub.history) };
  const api = apiRevenues(input.config, pub, input.rivals);
  // Customers already taken in each sector by the player's own firm and the other rivals.
  const inferred = input.rivals.map((r, i) => rivalSectors(input.config, pub, r, api[i] as number, self.customers));
  const held = SECTOR_IDS.map((_, s) => (self.customers[s] as number) + inferred.reduce((sum, x) => sum + (x.customers[s] as number), 0));
  const rivals = input.rivals.map((r, i) => {
    const others = held.map((h, s) => h - ((inferred[i] as { customers: number[] }).customers[s] as number));
    return rivalFirm(self, quarter, r, rivalCredit(input.config, pub, r), rivalSectors(input.config, pub, r, api[i] as number, others));
  });
  const firms = [{ ...self, history: byQuarter(self.history) }, ...rivals];
  firms.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return { engineVersion: "preview", config: calm(input.config), seed: "preview", quarter, rng: seedRng("preview"), market, firms, log: [] };
}

export interface PreviewFigures {
  revenue: number;
  operatingProfit: number;
  cash: number;
  capability: number;
  fundamentals: number;
  valuation: number;
  /** Opex for growing spending fast (included in operating profit). */
  rampCost: number;
}

/**
 * Where the resolved figure fell against the estimate in simulated games of six bots: the 10th
 * and 90th percentiles of resolved ÷ estimate, by the game's turn span (16 ÷ quarters: a short
 * game packs more into a turn, and rivals' unseen moves weigh more). Measured with
 * `npm run bench:estimate -- --seed calibrate --games 20 --quarters 8|12|16|24` (engine 2.2.0; re-checked on 2.4.0; re-measured on 2.7.0, whose larger product-fit luck and fit-reading bots put resolved revenue above the estimate more often; README "The estimate"). The panel shows
 * the estimate times these as the likely range.
 */
const SPREAD_BY_TURN_SPAN: readonly { tau: number; revenue: number; valuation: number }[] = [
  { tau: 2 / 3, revenue: 0.86, valuation: 0.9 },
  { tau: 1, revenue: 0.76, valuation: 0.82 },
  { tau: 4 / 3, revenue: 0.66, valuation: 0.71 },
  { tau: 2, revenue: 0.3, valuation: 0.57 },
];
/** The 90th percentiles, the median over the four lengths (1.05–1.10 for revenue, 1.07–1.12 for valuation on engine 2.7.0). */
const SPREAD_HIGH = { revenue: 1.09, valuation: 1.08 };

/** The likely range of resolved ÷ estimate for this game's length. */
export function estimateSpread(config: EconomyConfig): { revenue: [number, number]; valuation: [number, number] } {
  const tau = turnSpan(config);
  const points = SPREAD_BY_TURN_SPAN;
  let k = 0;
  while (k < points.length - 2 && tau > (points[k + 1] as { tau: number }).tau) k++;
  const a = points[k] as (typeof points)[number];
  const b = points[k + 1] as (typeof points)[number];
  const t = Math.max(0, Math.min(1, (tau - a.tau) / (b.tau - a.tau)));
  const low = (key: "revenue" | "valuation") => a[key] + t * (b[key] - a[key]);
  return { revenue: [low("revenue"), SPREAD_HIGH.revenue], valuation: [low("valuation"), SPREAD_HIGH.valuation] };
}

export interface PreviewRange {
  revenue: [number, number];
  valuation: [number, number];
  capability: [number, number];
}

/** A standard normal's 10th percentile (its 90th is the negative). */
const Z10 = -1.2815515655446004;

/**
 * The likely range of capability after a training run: the estimate is the average run (luck
 * 1); a run's luck L raises the shrink of the gap to capMax to the power L (the engine's
 * `capabilityAfterTraining`), so the 10th and 90th percentiles of the lognormal luck give the
 * range. No training, no spread.
 */
export function capabilityRange(config: EconomyConfig, before: number, estimate: number): [number, number] {
  const { capMax } = config.capability;
  const sigma = config.luck.training;
  if (!(estimate > before) || sigma <= 0 || before >= capMax) return [estimate, estimate];
  const shrink = (capMax - estimate) / (capMax - before);
  const at = (z: number) => capMax - (capMax - before) * shrink ** Math.exp(sigma * z - (sigma * sigma) / 2);
  return [at(Z10), at(-Z10)];
}

/** The firm's figures in its last report (quarter 0: as the game started), to read the estimate against. */
export interface LastFigures extends PreviewFigures {
  quarter: number;
}

/**
 * Time to build (`capability.lagQuarters`): the capability points trained but not shipped, now and
 * after the draft's turn. The shipped model is `capability` in the figures; the market prices
 * both at once, the API and apps use the shipped one.
 */
export interface Training {
  /** Points in training now (before the turn). */
  last: number;
  /** Points in training at the end of the turn, for an average run. */
  next: number;
  /** The likely range of `next` over the run's luck. */
  range: [number, number];
  /** The turn (1-based, as the panel's title counts) by whose end the last of `next` ships; null when nothing is in training. */
  shipsBy: number | null;
  /** The game's last turn (`shipsBy` past it: those points never ship in this game). */
  lastTurn: number;
}

export type Preview =
  | { ok: true; action: Action; spend: number; budget: number; next: PreviewFigures; last: LastFigures; range: PreviewRange; training: Training | null }
  | { ok: false; error: ActionError };

function lastFigures(firm: FirmState): LastFigures {
  const report = firm.history.at(-1);
  if (!report)
    return { quarter: 0, revenue: 0, operatingProfit: 0, cash: firm.cash, capability: firm.capability, fundamentals: firm.cash, valuation: 0, rampCost: 0 };
  return { quarter: report.quarter, ...figures(report) };
}

function figures(report: FirmReport): PreviewFigures {
  const { revenue, operatingProfit, cash, capability, fundamentals, valuation, rampCost } = report;
  return { revenue, operatingProfit, cash, capability, fundamentals, valuation, rampCost };
}

/**
 * Validates a draft exactly as the server will (same engine, same messages) and, when it is
 * legal, resolves the quarter on the preview state with the draft (rivals repeat their course),
 * beside the firm's own last report: where it is, and where this plan would take it.
 */
export function preview(state: GameState, firmId: string, draft: unknown): Preview {
  const checked = validateAction(state, firmId, draft);
  if (!checked.ok) return checked;
  const firm = state.firms.find((f) => f.id === firmId) as FirmState;
  const index = state.firms.indexOf(firm);
  const action = checked.value;
  // A run's luck and a new product's fit are unknown until the quarter resolves: the estimate
  // takes the average (1), and capability is shown with the range the run's luck spans.
  const average: GameState = { ...state, config: { ...state.config, luck: { training: 0, productFit: 0 } } };
  const resolved = resolveQuarter(average, { [firmId]: action });
  const next = figures(resolved.report.firms[index] as FirmReport);
  const after = resolved.state.firms[index] as FirmState;
  const spread = estimateSpread(state.config);
  const around = (v: number, [low, high]: readonly [number, number]): [number, number] => [v * low, v * high];
  const shares = clockOf(state.config).trainingShipShares;
  const lagged = shares.length > 1;
  let capability = capabilityRange(state.config, firm.capability, next.capability);
  let training: Training | null = null;
  if (lagged) {
    // The run's luck scales its whole gain, which ships by the clock's shares: this turn's share
    // moves the shipped model, the rest what is in training.
    const before = trainedCapability(firm);
    const trained = trainedCapability(after);
    const [low, high] = capabilityRange(state.config, before, trained);
    const now = shares[0] as number;
    const inTraining = trained - after.capability;
    capability = [next.capability + (low - trained) * now, next.capability + (high - trained) * now];
    training = {
      last: before - firm.capability,
      next: inTraining,
      range: [inTraining + (low - trained) * (1 - now), inTraining + (high - trained) * (1 - now)],
      shipsBy: shipsBy(after.capabilityInTraining, state.quarter + 1),
      lastTurn: state.config.quarters,
    };
  }
  return {
    ok: true,
    action,
    spend: actionSpend(state, firm, action),
    budget: firm.cash + action.raise,
    next,
    last: lastFigures(firm),
    range: {
      revenue: around(next.revenue, spread.revenue),
      valuation: around(next.valuation, spread.valuation),
      capability,
    },
    training,
  };
}

/**
 * The turn by whose end the last point in training ships: `pending` holds the points by the turn
 * they ship in (the first entry the turn after `turn`). Null when nothing is in training.
 */
export function shipsBy(pending: readonly number[], turn: number): number | null {
  for (let k = pending.length - 1; k >= 0; k--) if ((pending[k] as number) > 1e-9) return turn + 1 + k;
  return null;
}
