import type { EconomyConfig } from "../schemas/config.js";
import type { SectorId } from "../schemas/vocabulary.js";
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

function publicView(state: GameState): PublicView {
  const { correction, ...market } = state.market;
  return {
    engineVersion: state.engineVersion,
    quarter: state.quarter,
    quarters: state.config.quarters,
    config: state.config,
    market: { ...market, correction: { active: correction.quartersLeft > 0, count: correction.count, firstQuarter: correction.firstQuarter } },
    firms: state.firms.map((f) => ({ id: f.id, name: f.name, delisted: f.delisted, history: f.history.map(publicReport) })),
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
      return { ...base, kind: "facilitator", firmStates: state.firms.map((f) => structuredCloneFirm(f)) };
    case "firm": {
      const self = state.firms.find((f) => f.id === viewer.firmId);
      if (!self) throw new Error(`no firm ${viewer.firmId}`);
      return {
        ...base,
        kind: "firm",
        self: structuredCloneFirm(self),
        limits: { maxRaise: firmRaiseCapacity(state, self), edgeCost: state.config.apps.edgeCost },
      };
    }
  }
}

function structuredCloneFirm(firm: FirmState): FirmState {
  return { ...firm, integration: firm.integration.slice(), customers: firm.customers.slice(), history: firm.history.slice() };
}
