import { nextFloat } from "../rng.js";
import { appsWeights, fittingSectors, toAction } from "./plan.js";
import type { Bot } from "./strategies.js";

/** Share of cash a plain rule spends each quarter. */
export const PLAIN_SHARE = 0.35;

/**
 * The plain rules a person would write down after reading the rules once (balance targets
 * compare them; they are not offered as seat bots): a fixed share of cash every quarter,
 * never raising, hardware flexible.
 *
 * `plain-ship`: into the sectors the firm's model can serve (spread by appeal) and some
 * serving efficiency.
 */
export const plainShip: Bot = (view, rng) =>
  toAction(view, {
    spendShare: PLAIN_SHARE * (0.95 + 0.1 * nextFloat(rng)),
    apps: appsWeights(view, fittingSectors(view), 0.8),
    efficiency: 0.2,
  });

/** `plain-scale`: the same share into training. */
export const plainScale: Bot = (view, rng) => toAction(view, { spendShare: PLAIN_SHARE * (0.95 + 0.1 * nextFloat(rng)), train: 1 });

export const PLAIN_RULES = { "plain-ship": plainShip, "plain-scale": plainScale } as const;
export type PlainRuleName = keyof typeof PLAIN_RULES;
