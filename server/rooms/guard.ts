/** Inbound limits per client, in one place. */
export interface GuardLimits {
  /** Messages a client may send per second; the rest are rejected. */
  messagesPerSecond: number;
  /** Largest accepted payload, bytes (as JSON). */
  maxMessageBytes: number;
  /** Refused messages within `abuseWindowMs` that get a client disconnected. */
  abuseRejections: number;
  abuseWindowMs: number;
}

export type Verdict = "ok" | "rateLimited" | "tooLarge" | "abuse";

interface Tally {
  windowStart: number;
  count: number;
  strikes: number[];
}

/** The payload's size as JSON, or Infinity when it cannot be measured (e.g. a BigInt). */
export function payloadBytes(payload: unknown): number {
  if (payload === undefined) return 0;
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? "");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Rate and size limits per client: a fixed one-second window for the rate, and a sliding
 * window of refusals for sustained abuse. Time comes from the caller (the room's clock).
 */
export class MessageGuard {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly limits: GuardLimits) {}

  check(clientId: string, now: number, payload: unknown): Verdict {
    let tally = this.tallies.get(clientId);
    if (!tally) {
      tally = { windowStart: now, count: 0, strikes: [] };
      this.tallies.set(clientId, tally);
    }
    if (now - tally.windowStart >= 1000) {
      tally.windowStart = now;
      tally.count = 0;
    }
    tally.count++;
    let verdict: Verdict = "ok";
    if (tally.count > this.limits.messagesPerSecond) verdict = "rateLimited";
    else if (payloadBytes(payload) > this.limits.maxMessageBytes) verdict = "tooLarge";
    if (verdict === "ok") return verdict;
    tally.strikes.push(now);
    while ((tally.strikes[0] ?? now) <= now - this.limits.abuseWindowMs) tally.strikes.shift();
    return tally.strikes.length >= this.limits.abuseRejections ? "abuse" : verdict;
  }

  forget(clientId: string): void {
    this.tallies.delete(clientId);
  }
}
