import { clockOf } from "../../shared/engine/clock.js";
import { rampBase, rampCost, rampFreeSpend, sectorsWhileTraining, spanFactor } from "../../shared/engine/rules/growth.js";
import type { FirmState, GameState } from "../../shared/engine/types.js";
import { actionSpend } from "../../shared/engine/validate.js";
import type { Action } from "../../shared/schemas/action.js";
import { SECTOR_IDS } from "../../shared/schemas/vocabulary.js";
import { type TurnWords, turnKey } from "../../shared/words/turns.js";
import { money, percent, t } from "../i18n.js";

/**
 * The cost of growing fast (shared/engine/rules/growth.ts) as the panel warns of it before the
 * player pays it: the figures come from the engine's own functions, the words from the catalog.
 */

/** A draft's ramp cost: what it spends, the most it could spend free, and the extra opex ($M). */
export interface RampFigures {
  spend: number;
  free: number;
  cost: number;
  /** The firm's last turn of spending when it sets the base; null when the base is the starting floor. */
  last: number | null;
  /** The growth a turn absorbs free: (1 + rampAllowance)^tau − 1. */
  growth: number;
}

export function rampFigures(state: GameState, firm: FirmState, action: Action): RampFigures {
  const clock = clockOf(state.config);
  const spend = actionSpend(state, firm, action);
  const lastSpent = firm.history.at(-1)?.spent ?? 0;
  return {
    spend,
    free: rampFreeSpend(state.config, clock, firm),
    cost: rampCost(state.config, clock, firm, spend),
    last: firm.history.length > 1 && lastSpent >= rampBase(state.config, clock, firm) ? lastSpent : null,
    growth: clock.rampFree - 1,
  };
}

/** The warning under a draft that would pay a ramp cost, or null when it grows slowly enough. */
export function rampWarning(state: GameState, firm: FirmState, action: Action, turns: TurnWords): string | null {
  const f = rampFigures(state, firm, action);
  if (!(f.cost > 0.05)) return null;
  const params = { free: money(f.free), growth: percent(f.growth), cost: money(f.cost), spend: money(f.spend) };
  return f.last === null ? t(turnKey(turns, "panel.growth.rampStart"), params) : t(turnKey(turns, "panel.growth.ramp"), { ...params, last: money(f.last) });
}

/** The warning under a draft that trains while integrating into more sectors than the firm's managers can follow, or null. */
export function spanWarning(config: GameState["config"], action: Action): string | null {
  const sectors = sectorsWhileTraining(
    action.train,
    SECTOR_IDS.map((id) => action.apps[id] ?? 0),
  );
  const factor = spanFactor(config, sectors);
  if (factor >= 1) return null;
  return t("panel.growth.span", { count: sectors, limit: config.apps.spanSectors, speed: percent(factor) });
}
