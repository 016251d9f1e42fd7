import type { FirmReport, MarketReport } from "../../shared/engine/types.js";
import { burn, runway, type ValuationMove, valuationMove, type WarningKind, warningsAfter } from "../../shared/plans/quarter.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";
import { shipsBy } from "../panel/preview.js";

/** One line of revenue or customers: a sector by its id (the view names it), or the model sold as an API. */
export interface SectorLine {
  id: SectorId | "api";
  revenue: number;
  /** Share of the sector's customers, 0..1 (none for the API). */
  customers: number | null;
  /** The product's fit with this market, drawn when the firm first shipped there (1 = average); none for the API or before a launch. */
  fit: number | null;
}

/** A player's own quarter, as the personal report shows it. */
export interface QuarterCard {
  quarter: number;
  firmName: string;
  revenue: number;
  sectors: SectorLine[];
  servingCost: number;
  opex: number;
  licenceFees: number;
  /** Opex paid for growing spending fast (part of `opex`). */
  rampCost: number;
  /** Sectors integrated into while training when that slowed integration, else 0; and the share of the work kept. */
  spanSectors: number;
  spanFactor: number;
  fines: number;
  operatingProfit: number;
  spent: number;
  raised: number;
  emergencyRaised: number;
  cash: number;
  /** What the firm's running costs exceed its revenue by, this turn's investment left out (`burn`). */
  burn: number;
  /** Turns of cash left at this running burn (Infinity when not burning). */
  runway: number;
  /** The shipped model: what the API and apps earn on. */
  capability: number;
  /** Capability points trained but not yet shipped at the end of the quarter (time to build; 0 when runs ship at once). */
  capabilityInTraining: number;
  /** The turn by whose end the last of them ships: known for the latest card only (null otherwise, or when nothing is in training). */
  shipsBy: number | null;
  openBaseline: number | null;
  valuation: ValuationMove;
  incidents: number;
  delisted: boolean;
  warnings: WarningKind[];
  /** The most the market would take in new shares next quarter. */
  maxRaise: number;
}

/** The personal report of the quarter just resolved, from the private message that follows it; null before the first. */
export function quarterCard(message: PrivateView): QuarterCard | null {
  return cardAt(message, message.firm.history.length - 1);
}

/** Every quarter the private message still holds (the last few), oldest first: a rejoined player's history. */
export function quarterCards(message: PrivateView): QuarterCard[] {
  return message.firm.history.flatMap((_, i) => cardAt(message, i) ?? []);
}

function cardAt(message: PrivateView, index: number): QuarterCard | null {
  const history = message.firm.history;
  const next = history[index] as FirmReport | undefined;
  const prev = history[index - 1] as FirmReport | undefined;
  if (!next || !prev || next.quarter === 0) return null;
  // The market's appetite is known for the coming quarter only; older cards judge runway alone.
  const latest = index === history.length - 1;
  const maxRaise = latest ? message.limits.maxRaise : Number.POSITIVE_INFINITY;
  const market = (message.market.history as MarketReport[]).find((m) => m.quarter === next.quarter);
  const burnt = burn(next);
  const sectors: SectorLine[] = SECTOR_IDS.map((id, s) => ({
    id,
    revenue: next.sectorRevenue[s] ?? 0,
    customers: next.customers[s] ?? 0,
    fit: message.firm.productFit?.[s] || null,
  }));
  sectors.push({ id: "api", revenue: next.apiRevenue, customers: null, fit: null });
  return {
    quarter: next.quarter,
    firmName: message.firm.name,
    revenue: next.revenue,
    sectors,
    servingCost: next.servingCost,
    opex: next.opex,
    licenceFees: next.licenceFees,
    // A game stored before engine 2.10.0 has no such figures.
    rampCost: next.rampCost ?? 0,
    spanSectors: next.spanSectors ?? 0,
    spanFactor: next.spanFactor ?? 1,
    fines: next.fines,
    operatingProfit: next.operatingProfit,
    spent: next.spent,
    raised: next.raised,
    emergencyRaised: next.emergencyRaised,
    cash: next.cash,
    burn: burnt,
    runway: runway(next.cash, burnt),
    capability: next.capability,
    // A game stored before time to build has no such figure.
    capabilityInTraining: next.capabilityInTraining ?? 0,
    shipsBy: latest ? shipsBy(message.firm.capabilityInTraining ?? [], next.quarter) : null,
    openBaseline: market?.openBaseline ?? null,
    valuation: valuationMove(prev, next),
    incidents: next.incidents,
    delisted: next.delisted,
    warnings: next.delisted ? [] : warningsAfter(next.cash, burnt, maxRaise),
    maxRaise,
  };
}

/** Every card seen in this game, oldest first, one per quarter (a rejoin brings back the last few). */
export class ReportHistory {
  private readonly cards = new Map<number, QuarterCard>();

  add(card: QuarterCard): void {
    this.cards.set(card.quarter, card);
  }

  get list(): QuarterCard[] {
    return [...this.cards.values()].sort((a, b) => a.quarter - b.quarter);
  }
}
