import type { FirmState, GameState } from "./engine/types.js";
import { firmLimits, type PublicMarket, publicMarket } from "./engine/view.js";
import { actionOf, actionValues, anyValues, unpair } from "./positional.js";
import type { Action } from "./schemas/action.js";
import { PRIVATE_COLUMNS, PRIVATE_HISTORY, type PrivateFields, type PrivateMessage, type PrivateView } from "./schemas/protocol.js";

/**
 * A firm's `private` message: the view built once per firm and quarter, sent whole on a
 * connection's first message and then as the change since what that connection last got
 * (a quarter's history, the figures that moved); `mergePrivate` puts the whole view back
 * together on the client. Positional (no keys): about 0.8 KB a quarter (1.4–1.5 KB with keys; 3–7 KB whole).
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

/** A market's change from the market before it, as a message carries it. */
interface MarketChange {
  market: PrivateView["market"] | undefined;
  before: PrivateView["market"] | undefined;
  change: { market: unknown[]; marketHistory: unknown[][] };
}

/**
 * The last market's part of a change message, with the markets it was built from: a room's
 * connections get theirs one after the other after a quarter, all from the same two markets,
 * so it is built once per room and quarter (messages share it; nothing changes it once built).
 * One, not one per market: what a quarter builds is garbage by the next room's turn.
 */
const lastChange: MarketChange = { market: undefined, before: undefined, change: { market: [], marketHistory: [] } };

function marketChange(market: PrivateView["market"], before: PrivateView["market"] | undefined): MarketChange["change"] {
  if (before && lastChange.market === market && lastChange.before === before) return lastChange.change;
  const C = PRIVATE_COLUMNS;
  const change = { market: pairs(market, before, C.market), marketHistory: rows(newQuarters(market.history, before?.history ?? []), C.marketReport) };
  if (before) Object.assign(lastChange, { market, before, change });
  return change;
}

/**
 * The message that brings a connection from `sent` (the view it last got; none: it has
 * nothing yet) to `view`. An engine state is never changed once made, so a field that is the
 * same object or equal value as before is left out. Positional (PRIVATE_COLUMNS): no keys.
 */
export function privateMessage(view: PrivateView, sent: PrivateView | undefined): PrivateMessage {
  const { quarter, limits, pending, submittedBy } = view;
  const C = PRIVATE_COLUMNS;
  const { market, marketHistory } = marketChange(view.market, sent?.market);
  const firm = pairs(view.firm, sent?.firm, C.firm);
  const firmHistory = rows(newQuarters(view.firm.history, sent?.firm.history ?? []), C.firmReport);
  const limitValues: [number, number] = [limits.maxRaise, limits.edgeCost];
  const action = pending ? actionValues(pending) : null;
  return sent
    ? [quarter, false, firm, firmHistory, limitValues, market, marketHistory, action, submittedBy]
    : [quarter, true, firm, firmHistory, limitValues, market, marketHistory, action, submittedBy, C];
}

/** A `private` message's items by name, its `pending` keyed (read with the columns it carries, or this code's). */
export function privateFields(message: PrivateMessage): PrivateFields {
  const [quarter, full, firm, firmHistory, [maxRaise, edgeCost], market, marketHistory, pending, submittedBy, columns] = message;
  const fields: PrivateFields = {
    quarter,
    full,
    firm,
    firmHistory,
    limits: { maxRaise, edgeCost },
    market,
    marketHistory,
    pending: pending ? (actionOf(pending, columns) ?? null) : null,
    submittedBy,
  };
  if (columns) fields.columns = columns;
  return fields;
}

/**
 * The whole view after `message`, given the one held before it; undefined for a change that
 * has nothing to apply to (none can arrive: every connection's first `private` is whole).
 * A whole message is read with the columns it carries, a change with this code's (the server
 * that sent both serves this code).
 */
export function mergePrivate(held: PrivateView | undefined, message: PrivateMessage): PrivateView | undefined {
  const { full, columns, firm, firmHistory, market, marketHistory, quarter, limits, pending, submittedBy } = privateFields(message);
  if (!full && !held) return undefined;
  const C = columns ?? PRIVATE_COLUMNS;
  const base = full ? undefined : held;
  const firmReports = objects<FirmState["history"][number]>(firmHistory, C.firmReport);
  const marketReports = objects<PublicMarket["history"][number]>(marketHistory, C.marketReport);
  const firmFields = unpair(firm, C.firm);
  if ("lastAction" in firmFields) firmFields.lastAction = actionOf(firmFields.lastAction, C);
  return {
    quarter,
    firm: { ...base?.firm, ...firmFields, history: recent(base?.firm.history ?? [], firmReports) } as FirmState,
    limits,
    market: { ...base?.market, ...unpair(market, C.market), history: recent(base?.market.history ?? [], marketReports) } as PublicMarket,
    pending,
    submittedBy,
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

/**
 * `[column, value, …]` for the columns whose value in `now` differs from `before`'s (every column
 * without `before`). Each value is read once (a keyed read of a float field allocates a box), and
 * the list starts as a list of any values, so numbers then objects added do not convert it twice.
 */
function pairs(now: object, before: object | undefined, columns: readonly string[]): unknown[] {
  const n = now as Record<string, unknown>;
  const b = before as Record<string, unknown> | undefined;
  const out = anyValues(0);
  for (let i = 0; i < columns.length; i++) {
    const key = columns[i] as string;
    const value = n[key];
    if (!b || !same(value, b[key])) out.push(i, key === "lastAction" ? actionValues(value as Action) : value);
  }
  return out;
}

/** Each report as its values in column order (filled into a list made at its length, not mapped: see `anyValues`). */
function rows(reports: readonly object[], columns: readonly string[]): unknown[][] {
  const out: unknown[][] = [];
  for (const report of reports) {
    const r = report as Record<string, unknown>;
    const row = anyValues(columns.length);
    for (let k = 0; k < columns.length; k++) row[k] = r[columns[k] as string];
    out.push(row);
  }
  return out;
}

/** Each row back into a report. */
function objects<T>(list: readonly unknown[][], columns: readonly string[]): T[] {
  return list.map((row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) out[columns[i] as string] = row[i];
    return out as T;
  });
}

/**
 * Equality of plain JSON values (numbers, strings, booleans, null, arrays, objects). It runs for
 * every column of every member's view each quarter, so it allocates nothing (no `Object.keys`).
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !same(x[key], y[key])) return false;
    count++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) count--;
  return count === 0;
}
