import type { FirmView } from "../engine/view.js";
import type { RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import { randomBot } from "./random.js";
import { type Bot, type BotOptions, balanced, builder, open, pivot, scaler } from "./strategies.js";

export const BOT_NAMES = ["scaler", "builder", "open", "balanced", "pivot", "random"] as const;
export type BotName = (typeof BOT_NAMES)[number];

export const BOTS: Readonly<Record<BotName, Bot>> = { scaler, builder, open, balanced, pivot, random: randomBot };

export function isBotName(value: string): value is BotName {
  return (BOT_NAMES as readonly string[]).includes(value);
}

/** The bot's action for a firm's view, drawn from `rng` (the seat's own generator). */
export function botAction(name: BotName, view: FirmView, rng: RngState, options?: BotOptions): Action {
  const action = BOTS[name](view, rng, options);
  return options?.openWeights && !action.openWeights ? { ...action, openWeights: true } : action;
}

export type { Bot, BotOptions };
