import { ServerError } from "colyseus";
import { JOIN_BUSY } from "../../shared/schemas/protocol.js";
import type { Admission } from "../flow/types.js";

/** Reservations that will be refused (a wrong token, a name-only ask…) that may wait at once: the specific refusal needs the connection. */
export const PENDING_REFUSALS = 16;

/**
 * Seat reservations admitted but not yet connected, by kind, so that anonymous ones never
 * crowd out seat holders: newcomers may not outnumber the open places, and reservations
 * that will be refused may not number more than PENDING_REFUSALS. Each lasts at most the
 * room's seat reservation time.
 */
export class PendingJoins {
  private newcomers: number[] = [];
  private refusals: number[] = [];

  constructor(private readonly reservationMs: () => number) {}

  /** Counts an admitted reservation (ms `now`); JOIN_BUSY when its kind is at its limit. A valid key or token always passes. */
  admit(kind: Admission, openPlaces: number, now: number): void {
    if (kind === "credentialed") return;
    const since = now - this.reservationMs();
    this.newcomers = this.newcomers.filter((at) => at > since);
    this.refusals = this.refusals.filter((at) => at > since);
    const queue = kind === "newcomer" ? this.newcomers : this.refusals;
    if (queue.length >= (kind === "newcomer" ? openPlaces : PENDING_REFUSALS)) {
      throw new ServerError(JOIN_BUSY, "too many people are joining this game right now; try again in a few seconds");
    }
    queue.push(now);
  }

  /** A newcomer's connection arrived (joined or refused): its place is no longer promised. */
  newcomerArrived(): void {
    this.newcomers.shift();
  }

  /** A connection was refused. */
  refused(): void {
    this.refusals.shift();
  }
}
