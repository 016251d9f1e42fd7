import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import type { ActionErrorCode } from "../../shared/engine/validate.js";
import { formatMoney } from "../../shared/format.js";
import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { isSectorId } from "../../shared/schemas/vocabulary.js";

/** The decision panel's labels for an action's fields (the engine names them by path: `train`, `apps.media`). */
const FIELD_LABELS: Record<string, string> = {
  train: "Train the model",
  efficiency: "Serving efficiency",
  compliance: "Compliance",
  marketing: "Marketing",
  raise: "Raise equity",
  distill: "Distil an edge model",
  openWeights: "Release open weights",
  hardware: "Compute contract",
};

/** A field of an action by the label a player sees ("Customer support agents"), never its path. */
export function fieldLabel(field: string | undefined): string {
  if (!field) return "A decision";
  const [head, sector] = field.split(".");
  if (head === "apps") return sector && isSectorId(sector) ? DEFAULT_CONFIG.sectors[sector].name : "An application sector";
  return FIELD_LABELS[head ?? ""] ?? "A decision";
}

const number = (value: number) => (Number.isFinite(value) ? String(Number(value.toFixed(2))).replace("-", "−") : "not a number");

/**
 * An engine rejection of an action in words a player understands, from its code and
 * parameters (the engine's own message names fields by their paths and is for developers).
 */
export function actionErrorText(error: { code: ActionErrorCode | string; field?: string; value?: number; limit?: number }): string {
  const label = fieldLabel(error.field);
  const { value, limit } = error;
  switch (error.code) {
    case "NEGATIVE":
      return `${label} cannot be below $0${value === undefined ? "" : ` (you typed ${number(value)})`}.`;
    case "NOT_FINITE":
      return `${label} needs an amount in $M.`;
    case "UNKNOWN_SECTOR":
      return "That application sector is not in this game.";
    case "UNKNOWN_FIELD":
    case "BAD_SHAPE":
      return "Some decisions could not be read. Reload the page and try again.";
    case "UNKNOWN_FIRM":
      return "Your firm is not in this game.";
    case "GAME_OVER":
      return "The game is over: there are no more decisions to make.";
    case "DELISTED":
      return "Your firm is delisted and can no longer act.";
    case "OPEN_WEIGHTS_IRREVERSIBLE":
      return "Your model's weights are already released: that cannot be undone.";
    case "HARDWARE_LOCKED":
      return "Your compute contract is still locked: it cannot go back to flexible yet.";
    case "ALREADY_DISTILLED":
      return "You already have an edge model: there is no need to distil another.";
    case "RAISE_OVER_APPETITE":
      return value !== undefined && limit !== undefined
        ? `Investors take at most ${formatMoney(limit)} of new shares this quarter: lower Raise equity by ${formatMoney(value - limit)}.`
        : "Investors will not buy that many new shares this quarter: lower Raise equity.";
    case "OVER_BUDGET":
      return value !== undefined && limit !== undefined
        ? `This plan spends ${formatMoney(value)}, but you have ${formatMoney(limit)} (cash plus what you raise): ${formatMoney(value - limit)} too much.`
        : "This plan spends more than your cash plus what you raise.";
    default:
      return "These decisions cannot be submitted.";
  }
}

/** A refusal of the player's own message in words: an illegal action from its engine code, anything else as the server said it. */
export function rejectionText(rejected: Pick<RejectedMessage, "code" | "message" | "engineCode" | "issues">): string {
  if (rejected.code === "ILLEGAL_ACTION" && rejected.engineCode)
    return actionErrorText({ code: rejected.engineCode, field: rejected.issues[0]?.path || undefined });
  return rejected.message;
}
