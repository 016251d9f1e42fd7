import { amountTo, moneyAmount, moneyStep, moneyTo } from "../../shared/i18n/format.js";
import type { ValuationMove } from "../../shared/plans/quarter.js";
import { spanWords, type TurnWords, turnKey, turnShort } from "../../shared/words/turns.js";
import { locale, money, number, percent, t } from "../i18n.js";
import type { QuarterCard } from "./model.js";

/** A signed amount of money in the report's words: "+$866M", "−$2,500M"; nothing is "$0", never "+$0" or "−$0". */
export function signedMoney(amount: number): string {
  return signedWith(amount, money);
}

/** `signedMoney` with the amount written by `write` (the headline writes to its own step). */
function signedWith(amount: number, write: (millions: number) => string): string {
  const shown = write(Math.abs(amount));
  if (shown === write(0)) return shown;
  return t(amount >= 0 ? "report.money.plus" : "report.money.minus", { amount: shown });
}

/** A cost on the report's money lines: "−$109M"; a cost of nothing is "$0", not "−$0" (a firm that served no one). */
export function costMoney(amount: number): string {
  return signedMoney(-amount);
}

/** The headline's three figures as it writes them ($M): the pair as every screen writes a valuation, the change their difference. */
export interface HeadlineAmounts {
  before: number;
  after: number;
  change: number;
  /** The step ($M) the change is written to: the finer of the pair's, or its own size's if that is coarser. */
  step: number;
}

/**
 * One precision rule per figure: each of the pair is written as `money` writes a valuation on
 * every screen (the leaderboard beside the card says "$95.3M", so does the headline), and the
 * change is the difference of the pair as written, to the finer step of the two: "$95.3M → $120M
 * (+$24.7M)" adds up as read (it read "$95M → $120M (+$25M)" across the $100M edge, and before
 * that "(+$24.5M)", the exact move). Only a change written coarser for its own size (a firm under
 * $100M that passes $200M: "+$1,105M") may be up to half its step off the pair.
 */
export function headlineAmounts(v: ValuationMove): HeadlineAmounts {
  const l = locale();
  const before = moneyAmount(l, v.before);
  const after = moneyAmount(l, v.after);
  const step = Math.max(Math.min(moneyStep(l, before), moneyStep(l, after)), moneyStep(l, after - before));
  return { before, after, change: amountTo(after - before, step), step };
}

/**
 * "Why your valuation moved" in one line, to the $M as every list, table and sentence of the game
 * writes a valuation (the leaderboard, the standings): "$1,475M → $2,837M (+$1,362M)". Short money
 * here ("$1.5B → $2.8B (+$1.4B)") read as wrong arithmetic. The change is the pair's difference
 * (`headlineAmounts`).
 */
export function valuationHeadline(v: ValuationMove): string {
  const a = headlineAmounts(v);
  const change = (m: number) => moneyTo(locale(), m, a.step);
  return t("report.moved.headline", { before: money(a.before), after: money(a.after), change: signedWith(a.change, change) });
}

/** The move's three parts as the card writes them ($M, multiples of `step`), and that step: the headline's change's. */
export interface MoveAsShown extends ValuationMove {
  step: number;
}

/**
 * The three parts of the move as the card writes them: each to the step the headline writes its
 * change to, so a line never mixes "+$88.3M" with "+$2,054M", and added up they read as that change
 * exactly. Where their roundings add up to another figure, the part rounded furthest from its exact
 * value gives way by a step or two (as rounded percentages are made to total 100%).
 */
export function movedAsShown(v: ValuationMove): MoveAsShown {
  const exact = [v.fundamentals, v.narrative, v.sentiment];
  const { change, step } = headlineAmounts(v);
  const parts = exact.map((m) => amountTo(m, step));
  for (let guard = 0; guard < 3; guard++) {
    const gap = change - parts.reduce((sum, p) => sum + p, 0);
    if (Math.abs(gap) < step / 2) break;
    // The part whose written amount is furthest from its exact value, in the gap's direction.
    const i = parts.map((p, i) => ({ i, lag: Math.sign(gap) * ((exact[i] as number) - p) })).sort((a, b) => b.lag - a.lag)[0]?.i;
    if (i === undefined) break;
    // At most two steps each time: a part never strays far from its own value to make the sum come out.
    const steps = Math.min(2, Math.round(Math.abs(gap) / step));
    parts[i] = amountTo((parts[i] as number) + Math.sign(gap) * steps * step, step);
  }
  const [fundamentals = 0, narrative = 0, sentiment = 0] = parts;
  return { ...v, fundamentals, narrative, sentiment, step };
}

/** One part of the move as its line writes it: signed, to the headline's step ("+$88M" beside "+$2,054M", not "+$88.3M"). */
export function movePart(amount: number, step: number): string {
  return signedWith(amount, (m) => moneyTo(locale(), m, step));
}

/**
 * The card's warnings, worst first. An incident without a fine (no fine under the regime, or a
 * compliant firm) says what it did cost, customers and trust, not "cost you $0 in fines".
 */
export function warningLines(card: QuarterCard, turns: TurnWords, lastTurn: number | null = null): string[] {
  const out: string[] = [];
  // The game's last turn has no next one: no advice to raise or spend less before it (the final screen said so).
  const ahead = lastTurn === null || card.quarter < lastTurn;
  if (card.delisted) out.push(t("report.warning.delisted"));
  if (ahead && card.warnings.includes("runway")) out.push(t(turnKey(turns, "report.warning.runway")));
  if (ahead && card.warnings.includes("delisting")) out.push(t(turnKey(turns, "report.warning.delisting"), { amount: money(card.maxRaise) }));
  if (card.emergencyRaised > 0) out.push(t("report.warning.emergency", { amount: money(card.emergencyRaised) }));
  if (card.incidents > 0)
    out.push(
      money(card.fines) === money(0)
        ? t("report.warning.incidentsNoFine", { count: card.incidents })
        : t("report.warning.incidents", { count: card.incidents, fines: money(card.fines) }),
    );
  if (card.spanFactor < 1) out.push(t("report.warning.span", { count: card.spanSectors, speed: percent(card.spanFactor) }));
  return out;
}

/**
 * What the firm has trained but not shipped (time to build), or null when nothing is: "Another 9.8
 * points in training: they ship by Q4." `lastTurn`: the game's last turn (null: unknown, no ship date).
 */
export function inTrainingLine(card: QuarterCard, turns: TurnWords, lastTurn: number | null): string | null {
  if (card.capabilityInTraining < 0.05) return null;
  const figures = { points: number(card.capabilityInTraining, 1, true) };
  if (card.shipsBy === null || lastTurn === null) return t("report.model.inTraining", figures);
  if (card.shipsBy > lastTurn) return t("report.model.inTraining.afterEnd", figures);
  return t("report.model.inTraining.shipsBy", { ...figures, turn: turnShort(t, card.shipsBy, turns) });
}

/**
 * The runway in the money table: how long the cash lasts, short, in the figures' column, and what
 * that assumes (null when revenue pays the running costs), on its own line across the card: the
 * whole sentence in the figures' column wrapped to five lines at 1920×1080 in Chinese.
 */
export function runwayWords(card: Pick<QuarterCard, "runway" | "burn">, turns: TurnWords): { value: string; why: string | null } {
  if (!Number.isFinite(card.runway)) return { value: t("report.runway.none"), why: null };
  const quarters = number(card.runway, 1);
  const burn = money(card.burn);
  return turns.quarterly
    ? { value: t("report.runway.quarters", { quarters }), why: t("report.runway.why", { burn }) }
    : { value: t("report.runway.quarters.turn", { quarters }), why: t("report.runway.why.turn", { burn, span: spanWords(t, turns) }) };
}

/**
 * On the final screen, a game stopped before its last turn (the facilitator's End game) says so:
 * "The game was ended early, after turn 2 of 4." Null when it ran its length.
 */
export function endedEarlyLine(resolved: number, quarters: number, turns: TurnWords): string | null {
  return resolved < quarters ? t(turnKey(turns, "report.over.endedEarly"), { quarter: resolved, quarters }) : null;
}
