import { type Rejection, reject } from "./rejections.js";

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

export type Verdict = "ok" | "rateLimited" | "tooLarge";

/** The refusal of a message over a limit, in words. */
export function overLimit(verdict: Exclude<Verdict, "ok">, limits: GuardLimits): Rejection {
  return verdict === "rateLimited"
    ? reject("RATE_LIMITED", `more than ${limits.messagesPerSecond} messages per second`)
    : reject("TOO_LARGE", `messages are limited to ${limits.maxMessageBytes} bytes`);
}

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
 * window of refusals (of any kind) for sustained abuse. Time comes from the caller (the
 * room's clock).
 */
export class MessageGuard {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly limits: GuardLimits) {}

  private tally(clientId: string, now: number): Tally {
    let tally = this.tallies.get(clientId);
    if (!tally) {
      tally = { windowStart: now, count: 0, strikes: [] };
      this.tallies.set(clientId, tally);
    }
    return tally;
  }

  /** Counts a message and says whether it is within the rate and size limits. */
  check(clientId: string, now: number, payload: unknown): Verdict {
    const tally = this.tally(clientId, now);
    if (now - tally.windowStart >= 1000) {
      tally.windowStart = now;
      tally.count = 0;
    }
    tally.count++;
    if (tally.count > this.limits.messagesPerSecond) return "rateLimited";
    if (payloadBytes(payload) > this.limits.maxMessageBytes) return "tooLarge";
    return "ok";
  }

  /** Records a refused message; true when the client has been refused too often (disconnect it). */
  strike(clientId: string, now: number): boolean {
    const tally = this.tally(clientId, now);
    tally.strikes.push(now);
    while ((tally.strikes[0] ?? now) <= now - this.limits.abuseWindowMs) tally.strikes.shift();
    return tally.strikes.length >= this.limits.abuseRejections;
  }

  forget(clientId: string): void {
    this.tallies.delete(clientId);
  }
}
