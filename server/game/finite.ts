import type { GameState, QuarterReport } from "../../shared/engine/types.js";

/**
 * The first number that is not finite (NaN, ±Infinity) in what a resolution produced, as
 * `path = value` (`firms[2].cash = -Infinity`), or null. It reads the market and the firms as
 * they are now and the quarter's report (when given), not the histories (earlier reports,
 * checked when they were made) nor the config, so a quarter costs the same at quarter 40 as at
 * quarter 1. No path is built unless something is wrong: the room runs this every quarter.
 */
export function firstNonFinite(state: GameState, report?: QuarterReport): string | null {
  if (finiteExcept(state.market, "history")) {
    if (report === undefined || finiteExcept(report, "")) {
      let all = true;
      for (const firm of state.firms) all &&= finiteExcept(firm, "history");
      if (all) return null;
    }
  }
  return locate(state.market, "market", "history") ?? locate(report, "report", "") ?? locateFirms(state);
}

function locateFirms(state: GameState): string | null {
  for (let i = 0; i < state.firms.length; i++) {
    const found = locate(state.firms[i], `firms[${i}]`, "history");
    if (found) return found;
  }
  return null;
}

/** Whether every number under `value` (objects and arrays) is finite, skipping the top-level key `skip`. */
function finiteExcept(value: object, skip: string): boolean {
  for (const key in value) {
    if (key !== skip && !finite((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function finite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!finite(value[i])) return false;
    return true;
  }
  return finiteExcept(value, "");
}

/** The path of the first number that is not finite under `value` (slow: only once one is known to be there). */
function locate(value: unknown, path: string, skip: string): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key === skip) continue;
    const found = locate(inner, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, "");
    if (found) return found;
  }
  return null;
}
