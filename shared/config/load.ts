import type { z } from "zod";
import { err, ok, type Result } from "../result.js";
import { type EconomyConfig, EconomyConfigSchema } from "../schemas/config.js";
import { SCENARIOS, type ScenarioId } from "../schemas/vocabulary.js";
import { AI_2025 } from "./ai2025.js";
import { scenarioById } from "./scenarios.js";

/** What is wrong with a value, as a code with its limits, so a screen can word it in any language. */
export type ConfigProblem =
  | { problem: "tooSmall"; min: number; inclusive: boolean }
  | { problem: "tooBig"; max: number; inclusive: boolean }
  | { problem: "type"; expected: string }
  | { problem: "unknownKey" }
  | { problem: "founderShares"; founderShares: number; shares: number }
  | { problem: "tooLarge"; maxKB: number }
  | { problem: "reservedKey" }
  | { problem: "lengthKey" }
  | { problem: "invalid" };

export interface ConfigIssue {
  /** Dotted path of the offending key, e.g. `sectors.media.servingCost`. */
  path: string;
  /** In English, for the CLI and logs. */
  message: string;
  /** The same, as a code and its limits (screens word this, never `message`). */
  problem: ConfigProblem;
}

/**
 * A zod issue's problem as a code and its limits (a custom issue carries its own in `params`,
 * as the room settings' check of an economy override does).
 */
export function problemOf(issue: z.core.$ZodIssue): ConfigProblem {
  if (issue.code === "custom" && typeof issue.params?.problem === "string") return issue.params as ConfigProblem;
  if (issue.code === "too_small" && typeof issue.minimum === "number") return { problem: "tooSmall", min: issue.minimum, inclusive: issue.inclusive !== false };
  if (issue.code === "too_big" && typeof issue.maximum === "number") return { problem: "tooBig", max: issue.maximum, inclusive: issue.inclusive !== false };
  if (issue.code === "invalid_type") return { problem: "type", expected: String(issue.expected) };
  return { problem: "invalid" };
}

export interface ConfigError {
  code: "UNKNOWN_SCENARIO" | "UNKNOWN_KEY" | "INVALID_VALUE";
  message: string;
  issues: ConfigIssue[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Overlays `patch` on `base`, collecting every key of `patch` that `base` lacks. */
function overlay(base: unknown, patch: unknown, path: string, unknown: string[]): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const at = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(base, key)) unknown.push(at);
    else out[key] = overlay(base[key], value, at, unknown);
  }
  return out;
}

/**
 * Builds a validated config from a scenario and a partial override. An unknown key or a bad
 * value is an error naming its path; nothing is silently ignored.
 */
export function loadConfig(scenario: string = "ai-2025", override: unknown = {}): Result<EconomyConfig, ConfigError> {
  if (!(SCENARIOS as readonly string[]).includes(scenario)) {
    return err({
      code: "UNKNOWN_SCENARIO",
      message: `unknown scenario "${scenario}" (expected one of ${SCENARIOS.join(", ")})`,
      issues: [{ path: "scenario", message: `unknown scenario "${scenario}"`, problem: { problem: "invalid" } }],
    });
  }
  const unknownKeys: string[] = [];
  const base = overlay(AI_2025, scenarioById(scenario as ScenarioId).changes, "", unknownKeys);
  if (!isPlainObject(override)) {
    return err({
      code: "INVALID_VALUE",
      message: "config override must be an object",
      issues: [{ path: "", message: "expected an object", problem: { problem: "type", expected: "object" } }],
    });
  }
  const merged = overlay(base, override, "", unknownKeys);
  if (unknownKeys.length > 0) {
    return err({
      code: "UNKNOWN_KEY",
      message: `unknown config key${unknownKeys.length > 1 ? "s" : ""}: ${unknownKeys.join(", ")}`,
      issues: unknownKeys.map((path) => ({ path, message: "unknown key", problem: { problem: "unknownKey" } as const })),
    });
  }
  const parsed = EconomyConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message, problem: problemOf(issue) }));
    return err({ code: "INVALID_VALUE", message: issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues });
  }
  const config = parsed.data;
  if (config.start.founderShares > config.start.shares) {
    const issue = {
      path: "start.founderShares",
      message: `founder shares (${config.start.founderShares}) exceed shares outstanding (${config.start.shares})`,
      problem: { problem: "founderShares", founderShares: config.start.founderShares, shares: config.start.shares } as const,
    };
    return err({ code: "INVALID_VALUE", message: `${issue.path}: ${issue.message}`, issues: [issue] });
  }
  return ok(config);
}
