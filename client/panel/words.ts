import type { FirmState, GameState } from "../../shared/engine/types.js";
import { type ActionError, actionSpend, fitAction } from "../../shared/engine/validate.js";
import type { Translate } from "../../shared/i18n/catalog.js";
import type { Action } from "../../shared/schemas/action.js";
import { type TurnWords, turnKey, turnShort } from "../../shared/words/turns.js";
import { money, number, percent, shortMoney, t } from "../i18n.js";
import { actionErrorText } from "../ui/action-error.js";
import type { LastFigures, PreviewFigures, Training } from "./preview.js";

/** A refused draft in the player's words: what is wrong and what to do, naming the field by its label. */
export function draftProblem(error: ActionError, labelOf: (field: string) => string, limits: { maxRaise: number }, over: number, turns: TurnWords): string {
  switch (error.code) {
    case "NEGATIVE":
    case "NOT_FINITE":
      return t("panel.draft.amount", { label: error.field ? labelOf(error.field) : "" });
    case "RAISE_OVER_APPETITE":
      return t("panel.draft.raise", { limit: money(limits.maxRaise) });
    case "OVER_BUDGET":
      return t("panel.draft.overBudget", { over: money(over) });
    case "OPEN_WEIGHTS_IRREVERSIBLE":
    case "HARDWARE_LOCKED":
    case "ALREADY_DISTILLED":
    case "DELISTED":
    case "GAME_OVER":
      return actionErrorText(error, turns);
    default:
      return t("panel.draft.cannot");
  }
}

/** An estimate's figure: money ("$1,234M") or a plain number to one decimal (capability). */
export function figure(value: number, isMoney: boolean): string {
  return isMoney ? money(value) : number(value, 1);
}

/**
 * A ranged estimate ("$1.3B–$2.5B", capability "+11.7–16.4"): one figure, `estimate` written in
 * full, when both ends are written the same (a plan that sells nothing read "$0–$0").
 */
export function rangeValue(low: number, high: number, estimate: number, isMoney: boolean): string {
  const write = (v: number) => (isMoney ? shortMoney(v) : number(v, 1, true));
  if (write(low) === write(high)) return figure(estimate, isMoney);
  return t("panel.estimate.range", { low: write(low), high: write(high) });
}

/** The estimate's rows shown as a range, in short money ("$3.5B–$5.3B"; client/panel/table.ts). */
const SHORT_MONEY: readonly (keyof PreviewFigures)[] = ["revenue", "valuation"];
/** Flows a firm has not had before its first quarter: "—" at the start, not "$0". */
const FLOWS: readonly (keyof PreviewFigures)[] = ["revenue", "operatingProfit", "rampCost"];

/**
 * The firm's last report in a row's format (a ranged row's short money, else the row's own), so
 * the two cells of a row read alike: "$1.5B" beside "$3.5B–$5.3B", "$1,475M" beside "$3,616M".
 */
export function lastValue(last: LastFigures, key: keyof PreviewFigures, isMoney: boolean): string {
  if (last.quarter === 0 && FLOWS.includes(key)) return t("panel.estimate.none");
  const v = last[key];
  if (!isMoney) return figure(v, false);
  return SHORT_MONEY.includes(key) ? shortMoney(v) : figure(v, true);
}

/** Capability points worth a line: the estimate writes points to one decimal. */
const SHOWN_POINTS = 0.05;

/** The estimate shows what is in training (time to build) when there is some now or after the draft; never when runs ship at once. */
export function showsTraining(training: Training | null): training is Training {
  return training !== null && (training.last >= SHOWN_POINTS || training.next >= SHOWN_POINTS);
}

/** What is in training now, in the reference column: "+9.8", or "—" when nothing is. */
export function inTrainingLast(training: Training): string {
  return training.last >= SHOWN_POINTS ? t("panel.estimate.points", { points: number(training.last, 1, true) }) : t("panel.estimate.none");
}

/** What is in training after the draft's turn: "+8.1–11.2" (the range the run's luck spans), "+9.8", or "—". */
export function inTrainingValue(training: Training): string {
  if (training.next < SHOWN_POINTS) return t("panel.estimate.none");
  const [low, high] = training.range;
  if (number(low, 1, true) === number(high, 1, true)) return t("panel.estimate.points", { points: number(training.next, 1, true) });
  return t("panel.estimate.points", { points: t("panel.estimate.range", { low: number(low, 1, true), high: number(high, 1, true) }) });
}

/** When what is in training after the draft's turn ships: "ships by Q4", "ships after the game ends"; null when nothing is in training. */
export function inTrainingShips(training: Training, turns: TurnWords): string | null {
  if (training.next < SHOWN_POINTS || training.shipsBy === null) return null;
  if (training.shipsBy > training.lastTurn) return t("panel.estimate.inTraining.afterEnd");
  return t("panel.estimate.inTraining.shipsBy", { turn: turnShort(t, training.shipsBy, turns) });
}

/** The line under the estimate that says why capability waits (time to build), or null when runs ship at once or nothing is in training. */
export function trainingNote(training: Training | null, lagQuarters: number): string | null {
  if (!showsTraining(training)) return null;
  return t("panel.estimate.inTraining.note", { months: number(3 * lagQuarters, 1) });
}

/** The training field's hint: with time to build, when the run ships (the in-game help for "in training"). */
export function trainHint(lagQuarters: number): string {
  return lagQuarters > 0 ? t("panel.hint.train.lag", { months: number(3 * lagQuarters, 1) }) : t("panel.hint.train");
}

/** The first-quarter guide's line on training: with time to build it says when a run ships (Q2's model had not moved, and nothing on the plans said why). */
export function guideTrainLine(lagQuarters: number): string {
  return lagQuarters > 0 ? t("panel.guide.train.line.lag", { months: number(3 * lagQuarters, 1) }) : t("panel.guide.train.line");
}

/** The column the estimate is read against: "Last turn" (or quarter), "At the start" before the first. */
export function lastHeading(last: LastFigures, turns: TurnWords): string {
  return last.quarter === 0 ? t("panel.estimate.start") : t(turnKey(turns, "panel.estimate.last"));
}

/** Spending of an action as a share of another's (1 when nothing was spent). */
export function spendRatio(state: GameState, firm: FirmState, fitted: Action, original: Action): number {
  const before = actionSpend(state, firm, original);
  return before > 0 ? actionSpend(state, firm, fitted) / before : 1;
}

/** The firm's last plan spent and raised nothing (always so before its first quarter): repeating it does nothing. */
export function idlePlan(state: GameState, firm: FirmState): boolean {
  return actionSpend(state, firm, firm.lastAction) === 0 && firm.lastAction.raise === 0;
}

/** What happens without a submission: the last plan repeats, cut down when it no longer fits; nothing at all when it did nothing (the first quarter). */
export function repeatWarning(state: GameState, firm: FirmState, turns: TurnWords): string {
  if (idlePlan(state, firm)) return t(turnKey(turns, "panel.note.idle"));
  const fitted = fitAction(state, firm, firm.lastAction);
  const ratio = spendRatio(state, firm, fitted, firm.lastAction);
  const raiseCut = fitted.raise < firm.lastAction.raise - 1e-9;
  // Spending is cut when the player would read a cut: a share written "100%" is no cut.
  const share = percent(ratio);
  const spendingCut = ratio < 1 && share !== percent(1);
  // A raise cut to what reads "$0M" (the market buys none now) is no raise: it read "with a raise of $0M".
  const raise = money(fitted.raise);
  const noRaise = raise === money(0);
  if (raiseCut && spendingCut)
    return noRaise ? t(turnKey(turns, "panel.note.repeatsCutNoRaise"), { share }) : t(turnKey(turns, "panel.note.repeatsCutRaise"), { share, raise });
  // Only the raise is cut (the market buys less now): it read "scaled down to 100% of its spending".
  if (raiseCut) return noRaise ? t(turnKey(turns, "panel.note.repeatsNoRaise")) : t(turnKey(turns, "panel.note.repeatsRaise"), { raise });
  if (spendingCut) return t(turnKey(turns, "panel.note.repeatsCut"), { share });
  return t(turnKey(turns, "panel.note.repeats"));
}

/**
 * The guide's title for the quarter the panel plans (0 = the first): "your first quarter" only
 * then; the guide stays until dismissed, so later it says what it is, not which turn it is.
 */
export function guideTitle(quarter: number, turns: TurnWords, tr: Translate = t): string {
  return quarter <= 0 ? tr(turnKey(turns, "panel.guide.title")) : tr("panel.guide.title.later");
}
