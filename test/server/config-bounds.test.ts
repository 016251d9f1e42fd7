import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { economyProblem } from "../../server/game/economy-trial.js";
import { loadConfig } from "../../shared/config/load.js";
import { gameConfig } from "../../shared/config/override.js";
import { EconomyConfigSchema } from "../../shared/schemas/config.js";
import { SCENARIOS } from "../../shared/schemas/vocabulary.js";

/** A numeric dial of the config schema: its key path, its range, and whether it is a pair (a tuple of two). */
interface Dial {
  path: string[];
  pair: boolean;
  min: number;
  max: number;
  /** The range excludes `min` (a divisor or a scale). */
  aboveMin: boolean;
}

/** Every numeric dial, read from the schema itself (objects, the sector map, tuples). */
function dials(schema: z.ZodType, path: string[] = [], pair = false, out: Dial[] = []): Dial[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") for (const [key, inner] of Object.entries(def.shape as Record<string, z.ZodType>)) dials(inner, [...path, key], false, out);
  else if (def.type === "tuple") for (const item of def.items as z.ZodType[]) dials(item, path, true, out);
  else if (def.type === "number") {
    const n = schema as z.ZodNumber;
    const checks = (def.checks ?? []) as { _zod: { def: { check: string; inclusive?: boolean } } }[];
    const aboveMin = checks.some((c) => c._zod.def.check === "greater_than" && c._zod.def.inclusive === false);
    out.push({ path, pair, min: n.minValue ?? Number.NEGATIVE_INFINITY, max: n.maxValue ?? Number.POSITIVE_INFINITY, aboveMin });
  }
  return out;
}

const nest = (path: string[], value: unknown): Record<string, unknown> =>
  path.length === 1 ? { [path[0] as string]: value } : { [path[0] as string]: nest(path.slice(1), value) };

describe("the economy config's ranges", () => {
  const all = dials(EconomyConfigSchema);

  test("every numeric dial has a finite range (a lower and an upper bound)", () => {
    expect(all.length).toBeGreaterThan(150);
    const open = all.filter((d) => !Number.isFinite(d.min) || !Number.isFinite(d.max)).map((d) => d.path.join("."));
    // storyCap's lower end is its own rule (0 = off, or more than 1), checked by a refinement.
    expect(open).toEqual(["correction.storyCap"]);
  });

  test("an absurd value is refused naming the key and the range; the scenarios and the docs' --config examples still load", () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ valuation: { multiple: 1e300 } }, "valuation.multiple", "must be more than 0 and at most 1000"],
      [{ clock: { referenceQuarters: 1e9 } }, "clock.referenceQuarters", "must be at least 4 and at most 40"],
      [{ correction: { quarters: [1, 1e9] } }, "correction.quarters.1", "must be at least 1 and at most 40"],
      [{ api: { hypeElasticity: -1e12 } }, "api.hypeElasticity", "must be at least -10 and at most 10"],
      [{ sentiment: { momentum: -0.5 } }, "sentiment.momentum", "must be at least 0 and at most 10"],
      [{ financing: { discount: 1 } }, "financing.discount", "must be at least 0 and at most 0.9"],
      [{ correction: { storyCap: 1e9 } }, "correction.storyCap", "must be 0 (off), or more than 1 and at most 100"],
    ];
    for (const [override, path, message] of cases) {
      const loaded = loadConfig("ai-2025", override);
      expect(loaded.ok ? null : loaded.error.issues, path).toEqual([expect.objectContaining({ path, message })]);
      expect(loaded.ok ? "" : loaded.error.message).toBe(`${path}: ${message}`);
    }
    for (const scenario of SCENARIOS) expect(loadConfig(scenario).ok, scenario).toBe(true);
    // docs/balance.md measures engine 2.10.0's growth cost with the cap out of the way.
    for (const example of [{ opex: { rampCap: 1e9 } }, { correction: { storyCap: 0 }, financing: { lastResort: 0 } }, { api: { pool: 0 } }])
      expect(loadConfig("ai-2025", example).ok).toBe(true);
  });

  test("a game at either end of any one range plays the room's trial with finite figures (fast and slow clocks)", () => {
    const broken: string[] = [];
    // 4 quarters: a turn spans 4 quarters of dynamics; 40: 0.4 of one (a fractional power of each per-quarter rate).
    for (const quarters of [4, 40])
      for (const dial of all) {
        if (dial.path[0] === "quarters") continue;
        for (const end of [dial.aboveMin ? dial.min + 1e-9 * Math.max(1, dial.max - dial.min) : dial.min, dial.max]) {
          if (!Number.isFinite(end)) continue;
          const loaded = gameConfig("ai-2025", quarters, nest(dial.path, dial.pair ? [end, end] : end));
          // founderShares past shares is its own rule.
          if (!loaded.ok) {
            expect(loaded.error.issues.map((i) => i.problem.problem)).toEqual(["founderShares"]);
            continue;
          }
          const problem = economyProblem(loaded.value);
          if (problem) broken.push(`${dial.path.join(".")} = ${end} at ${quarters}q: ${problem}`);
        }
      }
    expect(broken).toEqual([]);
  }, 120_000);
});
