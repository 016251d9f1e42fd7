import { err, ok, type Result } from "../result.js";
import type { EconomyConfig } from "../schemas/config.js";
import { type ConfigError, loadConfig } from "./load.js";

/**
 * A designer's economy override in a live game: the same partial JSON `npm run sim -- --config`
 * takes, applied on top of the game's scenario. The game's length (the form's or the lobby's
 * "Quarters") always wins over an override's `quarters`, as `--quarters` wins over `--config`.
 */

/** The most a stored override may take as compact JSON (it travels in `configure`, whose limit is 8 KB). */
export const ECONOMY_MAX_BYTES = 6 * 1024;
/** The most text a pasted or uploaded override may have (indentation and all). */
export const ECONOMY_TEXT_MAX_BYTES = 16 * 1024;

export type EconomyOverride = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Bytes of a text as UTF-8 (shared/ has no TextEncoder). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Bytes of a value as compact JSON (UTF-8). */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}

/**
 * A game's economy: the scenario, the override on top, then the game's length on top of both
 * (`quarters` undefined: the override's, else the scenario's). Errors name the key path.
 */
export function gameConfig(scenario: string, quarters: number | undefined, economy: unknown = {}): Result<EconomyConfig, ConfigError> {
  const override = isPlainObject(economy) && quarters !== undefined ? { ...economy, quarters } : economy;
  return loadConfig(scenario, override);
}

/** Names an override may hold nowhere: they reach an object's prototype, never an economy setting. */
export const RESERVED_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** A key a room's override may not hold: its path (the override's own keys) and why. */
export interface OverrideKeyIssue {
  path: string[];
  message: string;
  problem: { problem: "reservedKey" } | { problem: "lengthKey" };
}

/**
 * The keys a room refuses in an override, read from the raw value (a JSON `__proto__` is an own
 * key there, which a parsed record silently drops): a reserved name at any depth, and a top-level
 * `quarters` (the game's length is the room's own field, which would win over it unseen).
 */
export function overrideKeyIssues(economy: unknown): OverrideKeyIssue[] {
  const out: OverrideKeyIssue[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (!isPlainObject(value)) return;
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      if (RESERVED_KEYS.includes(key))
        out.push({ path: at, message: `"${key}" is a reserved name, not an economy setting`, problem: { problem: "reservedKey" } });
      else if (path.length === 0 && key === "quarters")
        out.push({ path: at, message: "the game's length is set by the room's quarters, not in the economy", problem: { problem: "lengthKey" } });
      else walk(value[key], at);
    }
  };
  walk(economy, []);
  return out;
}

/** One value an override changes: its dotted key path, the scenario's value and the new one. */
export interface ChangedValue {
  path: string;
  from: unknown;
  to: unknown;
}

function leaves(base: unknown, patch: unknown, path: string, out: ChangedValue[]): void {
  if (isPlainObject(patch) && isPlainObject(base)) {
    for (const [key, value] of Object.entries(patch)) leaves(base[key], value, path ? `${path}.${key}` : key, out);
    return;
  }
  if (JSON.stringify(base) !== JSON.stringify(patch)) out.push({ path, from: base, to: patch });
}

/**
 * The values an override changes against its scenario, in the override's key order. Values the
 * override repeats unchanged, and `quarters` (the game's length is set apart), are left out.
 */
export function changedValues(scenario: string, economy: unknown): ChangedValue[] {
  const base = loadConfig(scenario);
  if (!base.ok || !isPlainObject(economy)) return [];
  const { quarters: _length, ...rest } = economy;
  const out: ChangedValue[] = [];
  leaves(base.value, rest, "", out);
  return out;
}

/** Why an override's text cannot be read, as a code and its figures (screens word it: lobby.economy.text.*). */
export type EconomyTextProblem = { problem: "textTooLarge"; kb: number; maxKB: number } | { problem: "json"; detail: string } | { problem: "notObject" };

/** An override as a person typed or uploaded it: JSON text, size-checked, an object. */
export function parseEconomyText(text: string): Result<EconomyOverride, EconomyTextProblem> {
  const bytes = utf8Bytes(text);
  if (bytes > ECONOMY_TEXT_MAX_BYTES) return err({ problem: "textTooLarge", kb: Number((bytes / 1024).toFixed(1)), maxKB: ECONOMY_TEXT_MAX_BYTES / 1024 });
  if (text.trim() === "") return ok({});
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err({ problem: "json", detail: (error as Error).message });
  }
  if (!isPlainObject(value)) return err({ problem: "notObject" });
  return ok(value);
}
