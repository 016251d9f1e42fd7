import { ABUSE_REJECTIONS, ABUSE_WINDOW_MS, GRACE_SECONDS, IDLE_GAME_HOURS, MAX_MESSAGE_BYTES, MESSAGES_PER_SECOND } from "../../shared/schemas/protocol.js";
import { AddressLimiter, DEFAULT_RATE_LIMITS, type RateLimit } from "../ops/rate-limit.js";
import type { GuardLimits } from "./guard.js";

/** Server-wide settings of market rooms (not chosen by clients). */
export interface MarketRoomLimits extends GuardLimits {
  /** Seconds a dropped player keeps the seat before a stand-in bot plays it. */
  graceSeconds: number;
  /** The bot that stands in for a player away past the grace period. */
  standInBot: "balanced";
  /** Seconds an unfinished game may stay with no one connected before it expires (kept in the store, never restored). */
  idleSeconds: number;
  /** Milliseconds between retries of a store write that failed (the room is paused meanwhile). */
  storeRetryMs: number;
  /** Economy trials (a configure with an economy not tried yet) per client address; null: not limited. `RATE_LIMIT_TRIAL`. */
  trialLimit: RateLimit | null;
}

export const DEFAULT_LIMITS: MarketRoomLimits = {
  graceSeconds: GRACE_SECONDS,
  standInBot: "balanced",
  idleSeconds: IDLE_GAME_HOURS * 3600,
  storeRetryMs: 2000,
  trialLimit: DEFAULT_RATE_LIMITS.trial,
  messagesPerSecond: MESSAGES_PER_SECOND,
  maxMessageBytes: MAX_MESSAGE_BYTES,
  abuseRejections: ABUSE_REJECTIONS,
  abuseWindowMs: ABUSE_WINDOW_MS,
};

/** A limiter of economy trials alone (the process's rooms share one). */
export function trialLimiter(limit: RateLimit | null): AddressLimiter {
  return new AddressLimiter({ create: null, join: null, lookup: null, key: null, trial: limit });
}

export const DEFAULT_TRIALS = trialLimiter(DEFAULT_LIMITS.trialLimit);
