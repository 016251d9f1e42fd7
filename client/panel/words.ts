import type { ActionError } from "../../shared/engine/validate.js";
import { formatMoney } from "../../shared/format.js";

/** A refused draft in the player's words: what is wrong and what to do, naming the field by its label. */
export function draftProblem(error: ActionError, labelOf: (field: string) => string, limits: { maxRaise: number }, over: number): string {
  const label = error.field ? labelOf(error.field) : "";
  switch (error.code) {
    case "NEGATIVE":
    case "NOT_FINITE":
      return `${label}: enter an amount of $0M or more.`;
    case "RAISE_OVER_APPETITE":
      return `The market will take at most ${formatMoney(limits.maxRaise)} of new shares now: raise less.`;
    case "OVER_BUDGET":
      return `You are spending ${formatMoney(over)} more than your cash plus what you raise: lower the marked amounts or raise more.`;
    case "OPEN_WEIGHTS_IRREVERSIBLE":
      return "Your model's weights are released: that cannot be undone.";
    case "HARDWARE_LOCKED":
      return "Your compute contract is locked: it cannot go back to flexible yet.";
    case "ALREADY_DISTILLED":
      return "You already have an edge model.";
    case "DELISTED":
      return "Your firm is delisted and can no longer act.";
    case "GAME_OVER":
      return "The game is over.";
    default:
      return "This plan cannot be submitted as it is: check the marked fields.";
  }
}
