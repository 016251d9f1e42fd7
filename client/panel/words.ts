import type { ActionError } from "../../shared/engine/validate.js";
import type { TurnWords } from "../../shared/words/turns.js";
import { money, number, t } from "../i18n.js";
import { actionErrorText } from "../ui/action-error.js";

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

/** The estimate's difference from repeating last quarter: "+$12.5M", "−3.2", or "±0" when it rounds to nothing (never "−0" or "+$0.0M"). */
export function change(next: number, repeat: number, isMoney: boolean): string {
  const d = next - repeat;
  const magnitude = figure(Math.abs(d), isMoney);
  if (magnitude === figure(0, isMoney)) return "±0";
  return `${d > 0 ? "+" : "−"}${magnitude}`;
}
