import type { ActionError } from "../../shared/engine/validate.js";
import type { TurnWords } from "../../shared/words/turns.js";
import { money, t } from "../i18n.js";
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
