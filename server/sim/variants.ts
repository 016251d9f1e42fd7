import { isBotName } from "../../shared/bots/index.js";
import { isPolicyPreset, POLICY_PRESETS } from "../../shared/bots/policy-presets.js";
import { loadConfig } from "../../shared/config/load.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { LineupSeat } from "../../shared/sim/play.js";
import { deepMerge } from "../../shared/sim/run.js";

/** A bad command line: the message names the option and the value; exit code 2. */
export class UsageError extends Error {}

export interface Variant {
  label: string;
  /** The override on top of the base config (for the report and summary). */
  override: Record<string, unknown>;
  config: EconomyConfig;
  lineup: LineupSeat[];
}

/** Short names for the policies an A/B usually compares. */
const AB_ALIASES: Record<string, string> = { regime: "start.regime", disclosure: "start.disclosure" };

/**
 * Bot names, `policy:<file>` for a seat played by a policy file (read by `readPolicy`) and
 * `preset:<name>` for one of the policies that imitate a known strategy (policy-presets.ts).
 */
export function parseLineup(text: string, readPolicy?: (path: string) => LineupSeat): LineupSeat[] {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length < 2 || names.length > 40) throw new UsageError(`--firms needs 2–40 bots, got ${names.length}`);
  return names.map((name): LineupSeat => {
    if (name.startsWith("policy:")) {
      if (!readPolicy) throw new UsageError(`--firms: a policy seat ("${name}") is not allowed here`);
      return readPolicy(name.slice("policy:".length));
    }
    if (name.startsWith("preset:")) {
      const preset = name.slice("preset:".length);
      if (!isPolicyPreset(preset)) throw new UsageError(`--firms: unknown policy preset "${preset}" (expected ${Object.keys(POLICY_PRESETS).join(", ")})`);
      return { policy: POLICY_PRESETS[preset], label: `preset:${preset}` };
    }
    if (!isBotName(name))
      throw new UsageError(`--firms: unknown bot "${name}" (expected scaler, builder, open, balanced, pivot, random, policy:<file> or preset:<name>)`);
    return { bot: name };
  });
}

/** `a.b.c` and a value → `{ a: { b: { c: value } } }`. */
export function pathOverride(path: string, value: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

function parseValue(text: string): unknown {
  if (text === "true") return true;
  if (text === "false") return false;
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

export interface Sweep {
  path: string;
  values: number[];
}

/** `name=from:to:steps` → evenly spaced values (steps ≥ 2). */
export function parseSweep(spec: string): Sweep {
  const match = /^([\w.]+)=(-?[\d.eE+-]+):(-?[\d.eE+-]+):(\d+)$/.exec(spec);
  if (!match) throw new UsageError(`--sweep "${spec}": expected name=from:to:steps, e.g. correction.hazardMidpoint=2.4:3.2:5`);
  const [, path, fromText, toText, stepsText] = match as unknown as [string, string, string, string, string];
  const from = Number(fromText);
  const to = Number(toText);
  const steps = Number(stepsText);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new UsageError(`--sweep "${spec}": from and to must be numbers`);
  if (steps < 2 || steps > 50) throw new UsageError(`--sweep "${spec}": steps must be 2–50, got ${steps}`);
  const values = Array.from({ length: steps }, (_, i) => Number((from + ((to - from) * i) / (steps - 1)).toPrecision(12)));
  return { path, values };
}

export interface AB {
  path: string;
  values: unknown[];
}

/** `key=a,b` (key: a config path, or `regime` / `disclosure`). */
export function parseAB(spec: string): AB {
  const match = /^([\w.]+)=(.+)$/.exec(spec);
  if (!match) throw new UsageError(`--ab "${spec}": expected key=a,b, e.g. disclosure=false,true or regime=application,model`);
  const [, key, list] = match as unknown as [string, string, string];
  const values = list.split(",").map((v) => parseValue(v.trim()));
  if (values.length < 2) throw new UsageError(`--ab "${spec}": give at least two values`);
  return { path: AB_ALIASES[key] ?? key, values };
}

/** Checks a config built from the base override and a variant's; errors name the key. */
export function buildConfig(scenario: string, base: unknown, override: unknown, origin: string): EconomyConfig {
  const loaded = loadConfig(scenario, deepMerge(base, override));
  if (!loaded.ok) throw new UsageError(`${origin}: ${loaded.error.message}`);
  return loaded.value;
}

/** The grid of variants: every sweep point × every A/B arm (one variant when neither is given). */
export function variantGrid(scenario: string, base: unknown, lineup: LineupSeat[], sweeps: Sweep[], ab: AB | undefined): Variant[] {
  let points: { label: string[]; override: Record<string, unknown> }[] = [{ label: [], override: {} }];
  for (const sweep of sweeps) {
    points = points.flatMap((p) =>
      sweep.values.map((v) => ({
        label: [...p.label, `${sweep.path}=${v}`],
        override: deepMerge(p.override, pathOverride(sweep.path, v)) as Record<string, unknown>,
      })),
    );
  }
  if (ab) {
    points = points.flatMap((p) =>
      ab.values.map((v) => ({ label: [...p.label, `${ab.path}=${v}`], override: deepMerge(p.override, pathOverride(ab.path, v)) as Record<string, unknown> })),
    );
  }
  return points.map((p) => {
    const label = p.label.length > 0 ? p.label.join(", ") : "base";
    return { label, override: p.override, config: buildConfig(scenario, base, p.override, p.label.length > 0 ? `variant ${label}` : "--config"), lineup };
  });
}
