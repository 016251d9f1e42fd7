import type { Locale } from "../../shared/i18n/core.js";
import { moneyAmount, moneyStep, moneyTo } from "../../shared/i18n/format.js";
import { marketPoints, reportRows } from "../../shared/synced.js";
import { turnOf } from "../../shared/words/turns.js";
import { locale, t } from "../i18n.js";
import type { FirmSlotShape, MarketRoomStateShape } from "../net/state.js";
import { roomTurns } from "../ui/turns.js";

/** What the market view shows of one firm: its latest public report, in plain numbers. */
export interface FirmFigures {
  firmId: string;
  name: string;
  /** 1-based seat number: a short tag for bubbles too small for a name. */
  seat: number;
  mine: boolean;
  submitted: boolean;
  delisted: boolean;
  valuation: number; // $M
  fundamentals: number; // $M
  sharePrice: number; // $ per share
  /** Share price change over the last reported quarter, as a fraction; null before the first report. */
  priceChange: number | null;
  /** Reports published so far; a new one means a quarter resolved. */
  reports: number;
}

/** The sum of `valuations` as the leaderboard and the bubbles write them (each to the $M, `money`), so the total agrees with a reader adding them up. */
export function totalAsShown(lang: Locale, valuations: readonly number[]): number {
  return valuations.reduce((sum, v) => sum + moneyAmount(lang, v), 0);
}

/**
 * The market total as the legend writes it: the sum of the firms' valuations as the leaderboard
 * and the bubbles write them, to the finest step among them, so it is exactly what a reader adding
 * them up gets ("$18,112M + $8,175M + $2,026M + $999M" is "$29,312M"; written short, the bubbles'
 * "$18.1B" and the total's "$16B" each agreed with another list). A firm written "$0" adds nothing and sets no step.
 */
export function totalText(lang: Locale, valuations: readonly number[]): string {
  const written = valuations.filter((v) => moneyAmount(lang, v) !== 0);
  const total = totalAsShown(lang, written);
  const step = Math.min(...written.map((v) => moneyStep(lang, moneyAmount(lang, v))), moneyStep(lang, total));
  return moneyTo(lang, total, step);
}

export function firmFigures(state: MarketRoomStateShape, myFirmId: string | null): FirmFigures[] {
  return state.firms.map((firm, i) => figuresOf(firm, i + 1, firm.id === myFirmId));
}

function figuresOf(firm: FirmSlotShape, seat: number, mine: boolean): FirmFigures {
  const history = reportRows(firm);
  const last = history.at(-1);
  const before = history.at(-2);
  const priceChange = last && before && before.sharePrice > 0 ? last.sharePrice / before.sharePrice - 1 : null;
  return {
    firmId: firm.id,
    name: firm.name,
    seat,
    mine,
    submitted: firm.submitted,
    delisted: firm.delisted || (last?.delisted ?? false),
    valuation: Math.max(0, last?.valuation ?? 0),
    fundamentals: Math.max(0, last?.fundamentals ?? 0),
    sharePrice: last?.sharePrice ?? 0,
    priceChange,
    reports: history.length,
  };
}

/** Listed firms by valuation, biggest first (seat breaks ties), then the delisted ones. */
export function byValuation(firms: readonly FirmFigures[]): FirmFigures[] {
  return [...firms].sort((a, b) => Number(a.delisted) - Number(b.delisted) || b.valuation - a.valuation || a.seat - b.seat);
}

/** "▲ 5.2%", "▼ 12%", "— 0.0%": an arrow as well as a colour, for colour-blind readers. */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return "";
  const share = Math.abs(change);
  const digits = share >= 0.1 ? 0 : 1;
  if (share < 0.0005) return t("market.change.flat", { percent: percentFixed(0, 1) });
  return t(change > 0 ? "market.change.up" : "market.change.down", { percent: percentFixed(share, digits) });
}

/** A percentage with exactly `digits` decimals ("5.0%"), so a column of changes lines up. */
function percentFixed(share: number, digits: number): string {
  return new Intl.NumberFormat(locale(), { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** A share price in dollars and cents, written for the page's language: "$12.34" / "US$12.34". */
export function formatSharePrice(price: number): string {
  return new Intl.NumberFormat(locale(), { style: "currency", currency: "USD" }).format(price);
}

/** Whether the latest quarter started or continued a market correction. */
export function correctionReported(state: MarketRoomStateShape): boolean {
  const last = marketPoints(state.market).at(-1);
  return Boolean(last && (last.correction || last.correctionStarted));
}

/**
 * "Quarter 3 of 16" / "Turn 3 of 8": the turn being played; in the report phase the turn whose
 * results are in (as the report beside it says: "Your turn 2"), the next one named by the
 * countdown ("turn 3 opens in 0:05"); at the end the last.
 */
export function quarterLabel(state: MarketRoomStateShape): string {
  const total = state.settings.quarters;
  const current = state.phase === "over" || state.phase === "report" ? state.quarter : state.quarter + 1;
  return turnOf(t, Math.max(1, Math.min(current, total || current)), total, roomTurns(state.settings));
}

const PHASE_TEXT = {
  news: "market.status.phase.news",
  decide: "market.status.phase.decide",
  report: "market.status.phase.results",
  over: "market.status.phase.over",
} as const;

/** The phase beside the turn: "Decide", or in the report phase "Results" (of the turn the bar names). */
export function phaseLabel(state: Pick<MarketRoomStateShape, "phase" | "paused">): string {
  if (state.paused) return t("market.status.phase.paused");
  const phase = PHASE_TEXT[state.phase as keyof typeof PHASE_TEXT] as (typeof PHASE_TEXT)[keyof typeof PHASE_TEXT] | undefined;
  return phase ? t(phase) : "";
}
