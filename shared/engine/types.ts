import type { RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import type { EconomyConfig } from "../schemas/config.js";
import type { GameEvent, Injection } from "../schemas/injection.js";
import type { Hardware, Regime, SectorId } from "../schemas/vocabulary.js";

/**
 * The game state: plain JSON, RNG included. Per-sector arrays follow `SECTOR_IDS` order.
 * Money is $M; rates are per quarter unless named annual.
 */
export interface GameState {
  engineVersion: string;
  config: EconomyConfig;
  seed: string;
  /** Quarters resolved so far; the next to resolve is `quarter + 1`. */
  quarter: number;
  rng: RngState;
  market: MarketState;
  firms: FirmState[];
  log: LogEntry[];
}

export interface MarketState {
  computePrice: number; // spot price index (1.0 at the start)
  vendorShock: number; // multiplier on the locked vendor's price (1 = none)
  openBaseline: number; // open-weight model capability anyone can build on
  outsideOpenBaseline: number; // the open baseline without the game's firms' released models
  alpha: number; // current returns-to-compute exponent
  rate: number; // annual interest rate
  regime: Regime;
  disclosure: boolean;
  mediaLaw: boolean; // synthetic-media disclosure law in force
  sentiment: number;
  sentimentPeak: number;
  apiPool: number; // frontier API revenue available this quarter
  sectorTam: number[]; // $M per quarter
  sectorTrust: number[]; // 0..1
  sectorRegulated: boolean[];
  correction: CorrectionState;
  /** Events drawn for the coming quarter: public before decisions, applied at resolution. */
  news: GameEvent[];
  history: MarketReport[];
}

export interface CorrectionState {
  quartersLeft: number; // > 0 while a correction is under way
  stepFactor: number; // sentiment multiplier per quarter of the correction
  cooldown: number; // quarters before another may start
  count: number; // corrections so far
  firstQuarter: number | null; // quarter the first correction began
}

export interface FirmState {
  id: string;
  name: string;
  cash: number;
  shares: number; // millions
  founderShares: number; // millions
  capability: number; // the shipped model: what earns API and app revenue
  /** Capability points trained but not yet shipped, by the turn they ship (next turn first; `capability.lagQuarters`; empty when runs ship at once). */
  capabilityInTraining: number[];
  compute: number; // cumulative training compute units
  trainingSpendTotal: number; // cumulative $M
  openWeights: boolean;
  ecosystem: number;
  efficiencySpendTotal: number;
  efficiency: number; // divides serving cost (1 = none)
  edge: boolean;
  hardware: Hardware;
  lockedUntil: number; // last quarter of a locked contract
  lockedPrice: number; // the contract's fixed compute price (spot × discount when signed)
  integration: number[];
  customers: number[]; // share of each sector's market (0..1)
  productFit: number[]; // per sector: its product's fit with that market, drawn when it first ships there (0 = not yet)
  complianceStock: number;
  incidents: number; // total so far
  dataMoat: number;
  hype: number;
  trainingCredit: number; // the market's credit for past capex ($M)
  appsBook: number; // capitalised integration work, amortised like integration decays ($M)
  valueCreated: number; // cumulative operating profit
  delisted: boolean;
  /** The action the firm will repeat if it does not submit (private). */
  lastAction: Action;
  history: FirmReport[];
}

/** One firm's quarter. Fields in `PUBLIC_REPORT_FIELDS` are published; the rest stay private. */
export interface FirmReport {
  quarter: number;
  revenue: number;
  apiRevenue: number;
  sectorRevenue: number[];
  servingCost: number;
  opex: number;
  licenceFees: number;
  /** Opex paid for growing spending faster than the firm's base (the ramp cost, rules/growth.ts), included in `opex` ($M). */
  rampCost: number;
  /** Sectors integrated into while training when that slowed integration (more than `apps.spanSectors`), else 0. */
  spanSectors: number;
  /** The share of its integration work the firm kept this turn (span of control): 1 unless slowed. */
  spanFactor: number;
  fines: number;
  operatingProfit: number;
  raised: number;
  emergencyRaised: number;
  spent: number;
  trainingSpend: number;
  cash: number;
  capability: number;
  /** Capability points trained but not yet shipped at the end of the turn (`capability.lagQuarters`), 0 when runs ship at once. */
  capabilityInTraining: number;
  lead: number;
  sectorsServed: SectorId[]; // sectors where the firm holds ≥ 1% of customers
  customers: number[];
  incidents: number; // this quarter
  openWeights: boolean;
  fundamentals: number;
  narrative: number;
  valuation: number;
  sharePrice: number;
  shares: number;
  founderStake: number; // value of the founders' shares
  delisted: boolean;
}

export interface MarketReport {
  quarter: number;
  sentiment: number;
  bubbleRatio: number;
  totalValuation: number;
  totalFundamentals: number;
  totalRaised: number;
  totalTraining: number;
  totalHype: number;
  bestClosedCapability: number; // best model without open weights
  computePrice: number;
  openBaseline: number;
  apiPool: number;
  rate: number;
  regime: Regime;
  disclosure: boolean;
  correction: boolean; // a correction is under way this quarter
  correctionStarted: boolean;
  hazard: number;
  events: GameEvent[];
  incidents: IncidentReport[];
  delisted: string[];
}

export interface IncidentReport {
  firmId: string;
  sector: SectorId;
  fine: number;
}

export type LogEntry =
  | { quarter: number; kind: "injection"; injection: Injection }
  | { quarter: number; kind: "event"; event: GameEvent }
  | { quarter: number; kind: "correction" } // depth and length stay hidden: they would tell players what is coming
  | { quarter: number; kind: "incident"; firmId: string; sector: SectorId; fine: number }
  | { quarter: number; kind: "emergencyRaise"; firmId: string; amount: number }
  | { quarter: number; kind: "delisted"; firmId: string };

export interface FirmSeat {
  id: string;
  name: string;
}

export interface QuarterReport {
  quarter: number;
  market: MarketReport;
  firms: FirmReport[];
  log: LogEntry[];
}
