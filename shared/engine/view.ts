import type { EconomyConfig } from "../schemas/config.js";
import type { SectorId } from "../schemas/vocabulary.js";
import { cloneFirm, cloneMarket } from "./clone.js";
import type { FirmReport, FirmState, GameState, LogEntry, MarketState } from "./types.js";
import { firmRaiseCapacity } from "./validate.js";

export type Viewer = { kind: "public" } | { kind: "firm"; firmId: string } | { kind: "facilitator" };

/** What a listed company publishes each quarter. */
export interface PublicFirmReport {
  quarter: number;
  revenue: number;
  operatingProfit: number;
  cash: number;
  trainingSpend: number;
  capability: number;
  sectorsServed: SectorId[];
  openWeights: boolean;
  fundamentals: number; // derived from the published figures
  valuation: number;
  sharePrice: number;
  shares: number;
  delisted: boolean;
}

export interface PublicFirm {
  id: string;
  name: string;
  delisted: boolean;
  history: PublicFirmReport[];
}

/** The market as everyone sees it: the correction's remaining length and cooldown stay hidden. */
export type PublicMarket = Omit<MarketState, "correction"> & { correction: { active: boolean; count: number; firstQuarter: number | null } };

export interface PublicView {
  engineVersion: string;
  quarter: number;
  quarters: number;
  config: EconomyConfig;
  market: PublicMarket;
  firms: PublicFirm[];
  log: LogEntry[];
}

export interface FirmView extends PublicView {
  kind: "firm";
  /** The viewer's own firm, in full (including the action it would repeat). */
  self: FirmState;
  limits: { maxRaise: number; edgeCost: number };
}

export interface FacilitatorView extends PublicView {
  kind: "facilitator";
  /** Every firm in full. */
  firmStates: FirmState[];
}

export interface SpectatorView extends PublicView {
  kind: "public";
}

export type AnyView = FirmView | FacilitatorView | SpectatorView;

export function publicReport(r: FirmReport): PublicFirmReport {
  return {
    quarter: r.quarter,
    revenue: r.revenue,
    operatingProfit: r.operatingProfit,
    cash: r.cash,
    trainingSpend: r.trainingSpend,
    capability: r.capability,
    sectorsServed: r.sectorsServed,
    openWeights: r.openWeights,
    fundamentals: r.fundamentals,
    valuation: r.valuation,
    sharePrice: r.sharePrice,
    shares: r.shares,
    delisted: r.delisted,
  };
}

/**
 * Published histories, memoised by the history array they come from, and its length: a
 * history only grows (the pure resolution makes a new array each quarter, the in-place one
 * appends), so a memo of the same length is up to date and can be shared; it is frozen. Bots
 * ask for a view every quarter; this keeps that O(firms) instead of O(firms × quarters).
 */
const publishedHistories = new WeakMap<readonly FirmReport[], { list: readonly PublicFirmReport[] }>();
const publishedReports = new WeakMap<FirmReport, PublicFirmReport>();

function publishedHistory(history: readonly FirmReport[]): PublicFirmReport[] {
  const memo = publishedHistories.get(history);
  const known = memo?.list;
  if (known && known.length === history.length) return known as PublicFirmReport[];
  // An in-place history grew since its memo: the memo's reports are still its first ones.
  const from = known && known.length < history.length ? known.length : 0;
  const published = new Array<PublicFirmReport>(history.length);
  for (let i = 0; i < from; i++) published[i] = (known as readonly PublicFirmReport[])[i] as PublicFirmReport;
  for (let i = from; i < history.length; i++) {
    const report = history[i] as FirmReport;
    let pub = publishedReports.get(report);
    if (!pub) {
      pub = Object.freeze(publicReport(report));
      // Only a new history array needs its reports memoised one by one (the pure resolution copies the array each
      // quarter); one grown in place keeps its own memo, and a weak map's insertions are costly (the simulator's hot path).
      if (from === 0) publishedReports.set(report, pub);
    }
    published[i] = pub;
  }
  // A history grown in place keeps its memo entry, updated (a weak map's insertions are costly).
  if (memo) memo.list = Object.freeze(published);
  else publishedHistories.set(history, { list: Object.freeze(published) });
  return published;
}

/** The market as everyone sees it: a copy without the correction's hidden length and cooldown. */
export function publicMarket(m: MarketState): PublicMarket {
  const market = cloneMarket(m) as unknown as PublicMarket;
  market.correction = { active: m.correction.quartersLeft > 0, count: m.correction.count, firstQuarter: m.correction.firstQuarter };
  return market;
}

function publicFirms(firms: readonly FirmState[]): PublicFirm[] {
  const out: PublicFirm[] = [];
  for (const f of firms) out.push({ id: f.id, name: f.name, delisted: f.delisted, history: publishedHistory(f.history) });
  return out;
}

/** What everyone sees of a state (every view's common part). */
export function publicView(state: GameState): PublicView {
  return {
    engineVersion: state.engineVersion,
    quarter: state.quarter,
    quarters: state.config.quarters,
    config: state.config,
    market: publicMarket(state.market),
    firms: publicFirms(state.firms),
    log: state.log,
  };
}

/**
 * What one viewer may see: a firm sees itself in full and others' published reports; the
 * facilitator sees every firm; nobody sees the generator state.
 */
export function viewFor(state: GameState, viewer: { kind: "firm"; firmId: string }): FirmView;
export function viewFor(state: GameState, viewer: { kind: "facilitator" }): FacilitatorView;
export function viewFor(state: GameState, viewer: { kind: "public" }): SpectatorView;
export function viewFor(state: GameState, viewer: Viewer): AnyView;
export function viewFor(state: GameState, viewer: Viewer): AnyView {
  const base = publicView(state);
  switch (viewer.kind) {
    case "public":
      return { ...base, kind: "public" };
    case "facilitator":
      return { ...base, kind: "facilitator", firmStates: state.firms.map((f) => cloneFirm(f)) };
    case "firm": {
      const self = state.firms.find((f) => f.id === viewer.firmId);
      if (!self) throw new Error(`no firm ${viewer.firmId}`);
      return firmViewOn(state, base, self);
    }
  }
}

/**
 * A firm's view built on `base`, the state's `publicView`: a simulator whose bots all decide
 * on one state makes the public part once and shares it between their views (each still
 * gets its own copy of its firm). Those views must only be read, as bots do.
 */
export function firmViewOn(state: GameState, base: PublicView, self: FirmState): FirmView {
  // A literal in the spread's key order: bots ask for one view per firm per quarter.
  return {
    engineVersion: base.engineVersion,
    quarter: base.quarter,
    quarters: base.quarters,
    config: base.config,
    market: base.market,
    firms: base.firms,
    log: base.log,
    kind: "firm",
    self: cloneFirm(self),
    limits: firmLimits(state, self),
  };
}

/** What a firm may spend beyond its cash this quarter: the most the market lets it raise, and the edge model's price. */
export function firmLimits(state: GameState, firm: FirmState): FirmView["limits"] {
  return { maxRaise: firmRaiseCapacity(state, firm), edgeCost: state.config.apps.edgeCost };
}
