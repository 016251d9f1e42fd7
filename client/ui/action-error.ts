import type { ActionErrorCode } from "../../shared/engine/validate.js";
import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { isSectorId } from "../../shared/schemas/vocabulary.js";
import { QUARTERLY, type TurnWords, turnKey } from "../../shared/words/turns.js";
import { money, number, t } from "../i18n.js";
import { rejectionCodeText } from "../net/errors.js";

/** The decision panel's labels for an action's fields (the engine names them by path: `train`, `apps.media`). */
const FIELD_LABELS = {
  train: "panel.field.train",
  efficiency: "panel.field.efficiency",
  compliance: "panel.field.compliance",
  marketing: "panel.field.marketing",
  raise: "panel.field.raise",
  distill: "panel.field.distill",
  openWeights: "panel.field.openWeights",
  hardware: "panel.field.hardware",
} as const;

/** A field of an action by the label a player sees ("Customer support agents"), never its path. */
export function fieldLabel(field: string | undefined): string {
  if (!field) return t("panel.field.some");
  const [head, sector] = field.split(".");
  if (head === "apps") return sector && isSectorId(sector) ? t(`sectors.${sector}`) : t("panel.field.someSector");
  const key = FIELD_LABELS[head as keyof typeof FIELD_LABELS] as (typeof FIELD_LABELS)[keyof typeof FIELD_LABELS] | undefined;
  return key ? t(key) : t("panel.field.some");
}

const typed = (value: number) => (Number.isFinite(value) ? number(value, 2) : t("panel.error.notANumber"));

/** What an engine refusal carries: its code and the parameters the words need. */
export interface ActionErrorParams {
  code: ActionErrorCode | string;
  field?: string;
  value?: number;
  limit?: number;
}

/**
 * An engine rejection of an action in words a player understands, from its code and
 * parameters (the engine's own message names fields by their paths and is for developers),
 * naming the game's turns as `turns` words them ("quarter 3" / "turn 3").
 */
export function actionErrorText(error: ActionErrorParams, turns: TurnWords = QUARTERLY): string {
  const label = fieldLabel(error.field);
  const { value, limit } = error;
  const code = error.code as ActionErrorCode;
  switch (code) {
    case "NEGATIVE":
      return value === undefined ? t("panel.error.NEGATIVE.bare", { label }) : t("panel.error.NEGATIVE", { label, value: typed(value) });
    case "NOT_FINITE":
      return t("panel.error.NOT_FINITE", { label });
    case "UNKNOWN_SECTOR":
    case "UNKNOWN_FIELD":
    case "BAD_SHAPE":
    case "UNKNOWN_FIRM":
    case "GAME_OVER":
    case "DELISTED":
    case "OPEN_WEIGHTS_IRREVERSIBLE":
    case "ALREADY_DISTILLED":
      return t(`panel.error.${code}`);
    case "HARDWARE_LOCKED":
      return limit === undefined ? t("panel.error.HARDWARE_LOCKED.bare") : t(turnKey(turns, "panel.error.HARDWARE_LOCKED"), { quarter: limit });
    case "RAISE_OVER_APPETITE":
      return value !== undefined && limit !== undefined
        ? t(turnKey(turns, "panel.error.RAISE_OVER_APPETITE"), { limit: money(limit), over: money(value - limit) })
        : t(turnKey(turns, "panel.error.RAISE_OVER_APPETITE.bare"));
    case "OVER_BUDGET":
      return value !== undefined && limit !== undefined
        ? t("panel.error.OVER_BUDGET", { spend: money(value), limit: money(limit), over: money(value - limit) })
        : t("panel.error.OVER_BUDGET.bare");
    default:
      return t("panel.error.other");
  }
}

/**
 * A refusal of the player's submission in words: an illegal action from its engine code and
 * numbers, the other refusals from their codes (the server's English message is for developers and logs).
 */
export function rejectionText(
  rejected: Pick<RejectedMessage, "code" | "message" | "engineCode" | "issues" | "params" | "reason">,
  turns: TurnWords = QUARTERLY,
): string {
  if (rejected.code === "ILLEGAL_ACTION" && rejected.engineCode) {
    const { value, limit } = rejected.params ?? {};
    return actionErrorText(
      {
        code: rejected.engineCode,
        field: rejected.issues[0]?.path || undefined,
        ...(typeof value === "number" ? { value } : {}),
        ...(typeof limit === "number" ? { limit } : {}),
      },
      turns,
    );
  }
  // A submission's own refusals in the panel's words; any other as every room message's (net/errors.ts).
  if (rejected.code === "WRONG_PHASE" && rejected.reason === "staleQuarter") return t("panel.refusal.staleQuarter");
  switch (rejected.code) {
    case "WRONG_PHASE":
    case "NO_FIRM":
    case "NOT_YOUR_FIRM":
      return t(`panel.refusal.${rejected.code}`);
    default:
      return rejectionCodeText(rejected);
  }
}
