import type { Action } from "./schemas/action.js";
import { PRIVATE_COLUMNS, type PrivateColumns } from "./schemas/protocol.js";

/**
 * The positional wire forms (no keys: keys were most of a message's bytes): `[column, value, …]`
 * pairs for a record's fields, and an action as its values in PRIVATE_COLUMNS.action order with
 * its `apps` as `[sector, amount, …]` pairs (`private`'s `lastAction`, `accepted`'s `action`).
 */

/** An array of `length` nulls, of V8's kind for any value: filling it with numbers and objects copies nothing. */
export function anyValues(length: number): unknown[] {
  const out: unknown[] = [null];
  out.length = 0;
  for (let i = 0; i < length; i++) out.push(null);
  return out;
}

/** The fields that `[column, value, …]` pairs set. */
export function unpair(list: readonly unknown[], columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < list.length; i += 2) {
    const key = columns[list[i] as number];
    if (key !== undefined) out[key] = list[i + 1];
  }
  return out;
}

/**
 * An action as its values in PRIVATE_COLUMNS.action order, `apps` as `[sector index, amount, …]`
 * in the object's own order (a keyed action is ~118 bytes, this ~35).
 */
export function actionValues(action: Action): unknown[] {
  const C = PRIVATE_COLUMNS;
  const a = action as unknown as Record<string, unknown>;
  const out = anyValues(C.action.length);
  for (let k = 0; k < C.action.length; k++) {
    const key = C.action[k] as string;
    if (key !== "apps") {
      out[k] = a[key];
      continue;
    }
    const apps = anyValues(0);
    for (const sector in action.apps) {
      const amount = action.apps[sector as keyof Action["apps"]];
      if (Object.hasOwn(action.apps, sector) && amount !== undefined) apps.push(C.sector.indexOf(sector as (typeof C.sector)[number]), amount);
    }
    out[k] = apps;
  }
  return out;
}

/** The action that `actionValues` wrote, read with `columns` (a whole `private`'s, or this code's); undefined for what is not a list. */
export function actionOf(values: unknown, columns: Pick<PrivateColumns, "action" | "sector"> = PRIVATE_COLUMNS): Action | undefined {
  if (!Array.isArray(values)) return undefined;
  const out: Record<string, unknown> = {};
  for (let k = 0; k < columns.action.length; k++) {
    const key = columns.action[k] as string;
    out[key] = key === "apps" ? unpair(Array.isArray(values[k]) ? values[k] : [], columns.sector) : values[k];
  }
  return out as unknown as Action;
}
