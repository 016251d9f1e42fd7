import type { MarketReport } from "./engine/types.js";
import type { PublicFirmReport } from "./engine/view.js";
import { SECTOR_IDS, type SectorId } from "./schemas/vocabulary.js";

/**
 * The histories of the synced room state, column-wise. A room keeps every quarter's public
 * reports in its state; one schema object per report (each with its own change tracker) cost
 * ~12 KB of server heap per room-quarter, so each history is instead a few flat primitive
 * lists that only grow: a firm's figures as one float32 list, `REPORT_COLUMNS.length` numbers
 * per report in that order (the sectors it served are bits of its `flags`, `REPORT_SECTOR_FLAGS`:
 * a string per report cost ~12 bytes a firm and quarter in every patch); the market's the same
 * with `MARKET_COLUMNS`, and its regime, events (a JSON array of the quarter's events) and
 * delisted firms (ids joined by ",") one string per quarter. The
 * booleans of a row travel as one `flags` figure (bit values in `REPORT_FLAGS`, `MARKET_FLAGS`),
 * and a row's quarter is its place in the list: the engine's histories begin with quarter 0
 * and add one report per firm (listed or not) and one market report per quarter. The server
 * writes rows with `reportFigures` and `marketFigures`; every reader reads them back through
 * `reportRows` and `marketPoints`, here and nowhere else.
 */
export const REPORT_COLUMNS = [
  "revenue",
  "operatingProfit",
  "cash",
  "trainingSpend",
  "capability",
  "fundamentals",
  "valuation",
  "sharePrice",
  "shares",
  "flags",
] as const satisfies readonly (keyof PublicFirmReport | "flags")[];
export const REPORT_FLAGS = { openWeights: 1, delisted: 2 } as const;
/** The bit of a report's `flags` that says it served a sector: 4 for the first of SECTOR_IDS, doubling in their order (exact in a float32). */
export const REPORT_SECTOR_FLAGS = Object.fromEntries(SECTOR_IDS.map((id, s) => [id, 4 << s])) as Readonly<Record<SectorId, number>>;

export const MARKET_COLUMNS = ["sentiment", "bubbleRatio", "totalValuation", "totalFundamentals", "rate", "flags"] as const satisfies readonly (
  | keyof MarketReport
  | "flags"
)[];
export const MARKET_FLAGS = { disclosure: 1, correction: 2, correctionStarted: 4 } as const;

/** A published report as read back from the synced state (figures at float32 precision; sector ids as sent). */
export type ReportRow = Omit<PublicFirmReport, "sectorsServed"> & { sectorsServed: readonly string[] };

/** An event of a quarter as synced: its kind and the whole event as JSON (as `market.news`). */
export interface EventItem {
  kind: string;
  json: string;
}

/** A quarter of the market as read back from the synced state. */
export interface MarketPoint {
  quarter: number;
  sentiment: number;
  bubbleRatio: number;
  totalValuation: number;
  totalFundamentals: number;
  rate: number;
  regime: string;
  disclosure: boolean;
  correction: boolean;
  correctionStarted: boolean;
  events: readonly EventItem[];
  delisted: readonly string[];
}

/** Indexed and sized: a synced list as decoded (ArraySchema) or a plain array. */
export interface Column<T> {
  readonly length: number;
  readonly [index: number]: T | undefined;
}

/** A firm's history column (`FirmSlot.reports`). */
export interface ReportColumns {
  reports: Column<number>;
}

/** The market's history columns (`MarketInfo.points`, `pointRegimes`, `pointEvents`, `pointDelisted`). */
export interface MarketColumns {
  points: Column<number>;
  pointRegimes: Column<string>;
  pointEvents: Column<string>;
  pointDelisted: Column<string>;
}

/** A report's figures in `REPORT_COLUMNS` order, for `FirmSlot.reports`. */
export function reportFigures(r: Omit<ReportRow, "quarter">): number[] {
  let flags = (r.openWeights ? REPORT_FLAGS.openWeights : 0) | (r.delisted ? REPORT_FLAGS.delisted : 0);
  for (const id of r.sectorsServed) flags |= REPORT_SECTOR_FLAGS[id as SectorId] ?? 0;
  return [r.revenue, r.operatingProfit, r.cash, r.trainingSpend, r.capability, r.fundamentals, r.valuation, r.sharePrice, r.shares, flags];
}

/** A market report's figures in `MARKET_COLUMNS` order, for `MarketInfo.points`. */
export function marketFigures(
  r: Pick<MarketReport, "sentiment" | "bubbleRatio" | "totalValuation" | "totalFundamentals" | "rate" | "disclosure" | "correction" | "correctionStarted">,
): number[] {
  const flags =
    (r.disclosure ? MARKET_FLAGS.disclosure : 0) | (r.correction ? MARKET_FLAGS.correction : 0) | (r.correctionStarted ? MARKET_FLAGS.correctionStarted : 0);
  return [r.sentiment, r.bubbleRatio, r.totalValuation, r.totalFundamentals, r.rate, flags];
}

/** The sectors whose bits `flags` holds, in SECTOR_IDS order (the engine's order for `sectorsServed`). */
function sectorsOf(flags: number): SectorId[] {
  const out: SectorId[] = [];
  for (const id of SECTOR_IDS) if ((flags & REPORT_SECTOR_FLAGS[id]) !== 0) out.push(id);
  return out;
}

/** A list of ids as one synced string ("" for none). */
export const joinIds = (ids: readonly string[]): string => ids.join(",");
const splitIds = (text: string | undefined): string[] => (text ? text.split(",") : []);

/** A quarter's events as one synced string. */
export const eventsText = (events: readonly { kind: string }[]): string => JSON.stringify(events);

/** The synced events of a quarter as items; text that does not parse stays one item (which its reader says it cannot read). */
function eventItems(text: string | undefined): EventItem[] {
  try {
    const events = JSON.parse(text ?? "[]") as unknown;
    if (Array.isArray(events)) return events.map((e) => ({ kind: String((e as { kind?: unknown })?.kind ?? ""), json: JSON.stringify(e) }));
  } catch {
    // falls through
  }
  return [{ kind: "", json: text ?? "" }];
}

const REPORT_WIDTH = REPORT_COLUMNS.length;
const MARKET_WIDTH = MARKET_COLUMNS.length;

function readReport(c: ReportColumns, i: number): ReportRow {
  const v = (column: number) => c.reports[i * REPORT_WIDTH + column] ?? 0;
  const flags = v(9);
  return {
    quarter: i,
    revenue: v(0),
    operatingProfit: v(1),
    cash: v(2),
    trainingSpend: v(3),
    capability: v(4),
    sectorsServed: sectorsOf(flags),
    openWeights: (flags & REPORT_FLAGS.openWeights) !== 0,
    fundamentals: v(5),
    valuation: v(6),
    sharePrice: v(7),
    shares: v(8),
    delisted: (flags & REPORT_FLAGS.delisted) !== 0,
  };
}

function readPoint(c: MarketColumns, i: number): MarketPoint {
  const v = (column: number) => c.points[i * MARKET_WIDTH + column] ?? 0;
  const flags = v(5);
  return {
    quarter: i,
    sentiment: v(0),
    bubbleRatio: v(1),
    totalValuation: v(2),
    totalFundamentals: v(3),
    rate: v(4),
    regime: c.pointRegimes[i] ?? "",
    disclosure: (flags & MARKET_FLAGS.disclosure) !== 0,
    correction: (flags & MARKET_FLAGS.correction) !== 0,
    correctionStarted: (flags & MARKET_FLAGS.correctionStarted) !== 0,
    events: eventItems(c.pointEvents[i]),
    delisted: splitIds(c.pointDelisted[i]),
  };
}

/**
 * Rows read so far, by the column list they come from. A history only grows, so the rows of a
 * list are read once each: a reader asking again after a quarter gets a new array (the old
 * rows and the new one), and the same array while nothing was added. A list that got shorter,
 * or whose last read row's first figure changed (a list cleared and refilled), is read again.
 */
const memo = new WeakMap<Column<number>, { rows: readonly object[]; lastFigure: number | undefined }>();

function rowsOf<C, R extends object>(figures: Column<number>, width: number, count: number, columns: C, read: (c: C, i: number) => R): readonly R[] {
  const known = memo.get(figures);
  let rows = (known?.rows ?? []) as readonly R[];
  if (rows.length > count || (known && rows.length > 0 && figures[(rows.length - 1) * width] !== known.lastFigure)) rows = [];
  if (known && rows === known.rows && rows.length === count) return rows;
  const grown = rows.slice();
  for (let i = rows.length; i < count; i++) grown.push(read(columns, i));
  const lastFigure = figures[(count - 1) * width];
  // A list that grew keeps its memo entry, updated (a weak map's insertions are costly).
  if (known) Object.assign(known, { rows: grown, lastFigure });
  else memo.set(figures, { rows: grown, lastFigure });
  return grown;
}

/** A firm's published reports, oldest first, as rows (none for no firm). */
export function reportRows(firm: ReportColumns | undefined): readonly ReportRow[] {
  if (!firm) return [];
  const count = Math.floor(firm.reports.length / REPORT_WIDTH);
  return rowsOf(firm.reports, REPORT_WIDTH, count, firm, readReport);
}

/** The market's history, one point per quarter, oldest first, as rows. */
export function marketPoints(market: MarketColumns): readonly MarketPoint[] {
  const count = Math.min(Math.floor(market.points.length / MARKET_WIDTH), market.pointRegimes.length, market.pointEvents.length, market.pointDelisted.length);
  return rowsOf(market.points, MARKET_WIDTH, count, market, readPoint);
}
