import type { RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import type { EconomyConfig, SectorConfig } from "../schemas/config.js";
import type { Clock } from "./clock.js";
import type { SectorColumns } from "./sectors.js";
import type { FirmReport, FirmState, IncidentReport, LogEntry, MarketState } from "./types.js";

/** Scratch of one resolution: the working copies and what the steps hand to each other. */
export interface Quarter {
  config: EconomyConfig;
  /** The config's clock and sector list, looked up once per resolution. */
  clock: Clock;
  sectors: readonly SectorConfig[];
  /** The same sectors' figures as columns (what the per-firm loops read). */
  columns: SectorColumns;
  q: number;
  market: MarketState;
  firms: FirmState[];
  rng: RngState;
  /** Action per firm (null for a delisted firm). */
  actions: (Action | null)[];
  /** Per firm, per sector: $M into integration (the action's `apps` as an array). */
  appSpend: number[][];
  /** Per firm: its `appSpend` row summed in sector order ($M into apps over every sector). */
  appsTotals: number[];
  /** The reports being filled in, one per firm. */
  reports: FirmReport[];
  /** Compute price each firm pays this quarter. */
  prices: number[];
  /** Per firm, per sector: an incident this quarter that draws a fine on its revenue. */
  fineRates: number[][];
  hazardBoost: number;
  /** The open baseline before this turn's released models count (set by the open-baseline step). */
  openBaselineWithoutReleases: number;
  /**
   * Per firm: the model its published weights carry this turn (`releasedCapability`; 0 for a closed firm), set by the
   * open-baseline step and read by the API market and the ecosystem (one value a turn: neither the shipped model nor
   * the history changes between them).
   */
  released: readonly number[];
  incidents: IncidentReport[];
  /** Aligned with `incidents`: whose revenue, which sector, and the fine rate it draws. */
  incidentFines: { firm: number; sector: number; rate: number }[];
  log: LogEntry[];
}
