import type { GameState } from "./engine/types.js";
import { firmLimits, publicMarket } from "./engine/view.js";
import type { Action } from "./schemas/action.js";
import { PRIVATE_HISTORY, type PrivateMessage, type PrivateView } from "./schemas/protocol.js";

/**
 * A firm's `private` message: the view built once per firm and quarter, sent whole on a
 * connection's first message and then as the change since what that connection last got
 * (a quarter's history, the figures that moved); `mergePrivate` puts the whole view back
 * together on the client. About 1–1.5 KB a quarter instead of 3–7 KB.
 */

/** The public market of each engine market state, built once: every member of every firm gets the same one. */
const publicMarkets = new WeakMap<GameState["market"], PrivateView["market"]>();

/** Firm `firmId`'s private view of `state`, with its history as the engine keeps it (the message trims it). */
export function privateView(state: GameState, firmId: string, pending: { action: Action; by: string } | undefined): PrivateView | undefined {
  const firm = state.firms.find((f) => f.id === firmId);
  if (!firm) return undefined;
  let market = publicMarkets.get(state.market);
  if (!market) {
    market = publicMarket(state.market);
    publicMarkets.set(state.market, market);
  }
  return { quarter: state.quarter, firm, limits: firmLimits(state, firm), market, pending: pending?.action ?? null, submittedBy: pending?.by ?? null };
}

/**
 * The message that brings a connection from `sent` (the view it last got; none: it has
 * nothing yet) to `view`. An engine state is never changed once made, so a field that is the
 * same object or equal value as before is left out.
 */
export function privateMessage(view: PrivateView, sent: PrivateView | undefined): PrivateMessage {
  const { quarter, limits, pending, submittedBy } = view;
  if (!sent) {
    return {
      quarter,
      full: true,
      firm: { ...view.firm, history: view.firm.history.slice(-PRIVATE_HISTORY) },
      limits,
      market: { ...view.market, history: view.market.history.slice(-PRIVATE_HISTORY) },
      pending,
      submittedBy,
    };
  }
  return {
    quarter,
    full: false,
    firm: { ...changed(view.firm, sent.firm), history: newQuarters(view.firm.history, sent.firm.history) },
    limits,
    market: { ...changed(view.market, sent.market), history: newQuarters(view.market.history, sent.market.history) },
    pending,
    submittedBy,
  };
}

/**
 * The whole view after `message`, given the one held before it; undefined for a change that
 * has nothing to apply to (none can arrive: every connection's first `private` is whole).
 */
export function mergePrivate(held: PrivateView | undefined, message: PrivateMessage): PrivateView | undefined {
  const { full, firm, market, ...rest } = message;
  if (full) return { ...rest, firm: firm as PrivateView["firm"], market: market as PrivateView["market"] };
  if (!held) return undefined;
  return {
    ...rest,
    firm: { ...held.firm, ...firm, history: recent(held.firm.history, firm.history) },
    market: { ...held.market, ...market, history: recent(held.market.history, market.history) },
  };
}

const recent = <T>(held: readonly T[], added: readonly T[]): T[] => (added.length === 0 ? (held as T[]) : [...held, ...added].slice(-PRIVATE_HISTORY));

/** The reports of `history` after the last one in `sent` (by quarter), at most PRIVATE_HISTORY. */
function newQuarters<T extends { quarter: number }>(history: readonly T[], sent: readonly T[]): T[] {
  const last = sent.at(-1)?.quarter ?? -1;
  let from = history.length;
  while (from > 0 && history.length - from < PRIVATE_HISTORY && (history[from - 1] as T).quarter > last) from--;
  return history.slice(from);
}

/** The fields of `now` (but its history) whose value differs from `before`'s. */
function changed<T extends object>(now: T, before: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key in now) if (key !== "history" && !same(now[key], before[key])) out[key] = now[key];
  return out;
}

/** Equality of plain JSON values (numbers, strings, booleans, null, arrays, objects). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (!Object.hasOwn(y, key) || !same(x[key], y[key])) return false;
  return true;
}
