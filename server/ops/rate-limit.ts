import { z } from "zod";
import { log } from "../log.js";

/**
 * What a client address is limited on: creating rooms, joining (by code, with a seat token,
 * Colyseus' reconnection), looking a game up by its code, trying a facilitator key (a console
 * join with a key, an export download), and asking a lobby for an economy not tried yet (each
 * costs the 12-quarter economy trial; server/game/economy-trial.ts).
 */
export type LimitKind = "create" | "join" | "lookup" | "key" | "trial";
export const LIMIT_KINDS = ["create", "join", "lookup", "key", "trial"] as const satisfies readonly LimitKind[];

/** `count` requests per `seconds`: a token bucket that holds `count` and refills at `count / seconds` a second. */
export interface RateLimit {
  count: number;
  seconds: number;
}

/** Each kind's limit per client address; null: not limited. */
export type RateLimits = Record<LimitKind, RateLimit | null>;

/**
 * The defaults: a whole class (up to 160 players) behind one school address can join at once
 * and rejoin after a restart; a lab of 30 can each create a game; a facilitator can reopen
 * consoles and download exports. A flood from one address is cut to a trickle.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  create: { count: 30, seconds: 600 },
  join: { count: 200, seconds: 100 },
  lookup: { count: 60, seconds: 60 },
  key: { count: 20, seconds: 200 },
  // A designer editing an economy tries ~20 at once, then one every 3 s; a flood from one
  // address (its many lobbies' hosts, each 20 messages a second) costs at most that.
  trial: { count: 20, seconds: 60 },
};

/** The environment variable that tunes each limit (`count/seconds`, or `off`). */
export const RATE_LIMIT_ENV: Record<LimitKind, string> = {
  create: "RATE_LIMIT_CREATE",
  join: "RATE_LIMIT_JOIN",
  lookup: "RATE_LIMIT_LOOKUP",
  key: "RATE_LIMIT_KEY",
  trial: "RATE_LIMIT_TRIAL",
};

/** `count/seconds` (e.g. `30/600`) or `off`, as the RATE_LIMIT_* variables take them. */
export const RateLimitSpecSchema = z
  .string()
  .trim()
  .regex(/^(off|[1-9][0-9]{0,8}\/[1-9][0-9]{0,6})$/, "count/seconds (e.g. 30/600), or off")
  .transform((spec): RateLimit | null => {
    if (spec === "off") return null;
    const [count, seconds] = spec.split("/").map(Number) as [number, number];
    return { count, seconds };
  });

/** "30 per 10 minutes" for the log and the docs. */
export function describeLimit(limit: RateLimit | null): string {
  if (!limit) return "off";
  const { seconds } = limit;
  const span = seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
  return `${limit.count} per ${span}`;
}

/** Seconds between two warnings about one address and kind (refusals in between are counted in the next). */
const WARN_EVERY_MS = 60_000;
/** How often buckets that are full again (their address has been quiet) are forgotten. */
const SWEEP_EVERY_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
  /** When this address and kind was last warned about, and refusals since. */
  warnedAt: number;
  refused: number;
}

/** The answer for one request: allowed, or refused with the seconds until one more is allowed. */
export type Verdict = { ok: true } | { ok: false; retryAfter: number };

/** Token buckets per kind and client address (this process only; see docs/deploy.md). */
export class AddressLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(readonly limits: RateLimits) {}

  /** Takes one request of `kind` from `address` at `now` (ms); refused ones change nothing but the warning count. */
  take(kind: LimitKind, address: string, now: number): Verdict {
    const limit = this.limits[kind];
    if (!limit) return { ok: true };
    this.sweep(now);
    const key = `${kind} ${address}`;
    const rate = limit.count / (limit.seconds * 1000);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.count, at: now, warnedAt: -Infinity, refused: 0 };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(limit.count, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
    bucket.refused += 1;
    if (now - bucket.warnedAt >= WARN_EVERY_MS) {
      log.warn("rate limit: refusing requests from an address", {
        address,
        kind,
        limit: describeLimit(limit),
        refused: bucket.refused,
        retryAfter,
      });
      bucket.warnedAt = now;
      bucket.refused = 0;
    }
    return { ok: false, retryAfter };
  }

  /** Forgets buckets that have refilled: an address that has been quiet costs no memory. */
  private sweep(now: number): void {
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      const limit = this.limits[key.slice(0, key.indexOf(" ")) as LimitKind];
      if (!limit || bucket.tokens + (now - bucket.at) * (limit.count / (limit.seconds * 1000)) >= limit.count) this.buckets.delete(key);
    }
  }
}
