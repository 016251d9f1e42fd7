import { describe, expect, it } from "vitest";
import { AI_2025, type ConfigError, createGame, type EconomyConfig, loadConfig, SCENARIO_LIST, SCENARIOS } from "../../shared/index.js";
import { seats } from "../helpers/play.js";

function loaded(scenario?: string, override?: unknown): EconomyConfig {
  const result = loadConfig(scenario, override);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function failure(scenario: string, override?: unknown): ConfigError {
  const result = loadConfig(scenario, override);
  if (result.ok) throw new Error(`expected ${scenario} ${JSON.stringify(override)} to fail`);
  return result.error;
}

/** Every leaf of a nested object (arrays are leaves), with its path. */
function* leaves(value: unknown, path: string[] = []): Generator<[string[], unknown]> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k]);
  } else yield [path, value];
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const key of path) v = (v as Record<string, unknown>)[key];
  return v;
}

describe("loadConfig", () => {
  it('loads "ai-2025", the default, equal to AI_2025', () => {
    expect(loaded("ai-2025")).toEqual(AI_2025);
    expect(loaded()).toEqual(AI_2025);
  });

  it("loads every scenario, and each can start a game", () => {
    expect(SCENARIO_LIST.map((s) => s.id)).toEqual([...SCENARIOS]);
    for (const id of SCENARIOS) {
      const config = loaded(id);
      const game = createGame(config, 1, seats(2));
      expect(game.quarter).toBe(0);
      expect(game.config).toBe(config);
    }
  });

  it("applies an override on top of the scenario and leaves the rest and the defaults alone", () => {
    const pristine = structuredClone(AI_2025);
    const config = loaded("dotcom-1999", { capability: { alpha: 0.5 }, sectors: { media: { servingCost: 3 } } });
    expect(config.capability.alpha).toBe(0.5);
    expect(config.capability.capMax).toBe(AI_2025.capability.capMax);
    expect(config.sectors.media.servingCost).toBe(3);
    expect(config.sectors.media.tam).toBe(AI_2025.sectors.media.tam);
    expect(config.start.sentiment).toBe(loaded("dotcom-1999").start.sentiment); // still dot-com's
    expect(AI_2025).toEqual(pristine);
  });

  it("applies every change a scenario lists, leaf by leaf", () => {
    for (const scenario of SCENARIO_LIST) {
      const config = loaded(scenario.id);
      for (const [path, value] of leaves(scenario.changes)) expect(valueAt(config, path), `${scenario.id}: ${path.join(".")}`).toEqual(value);
    }
    // e.g. dot-com's Pets.com media sector and deeper crash
    const dotcom = loaded("dotcom-1999");
    expect(dotcom.sectors.media.servingCost).toBeGreaterThan(AI_2025.sectors.media.servingCost);
    expect(dotcom.correction.depth[1]).toBeGreaterThan(AI_2025.correction.depth[1]);
  });

  it("soft-landing has disclosure on and the application regime", () => {
    const config = loaded("soft-landing");
    expect(config.start.disclosure).toBe(true);
    expect(config.start.regime).toBe("application");
    const game = createGame(config, 1, seats(2));
    expect(game.market.disclosure).toBe(true);
    expect(game.market.regime).toBe("application");
  });

  it("sandbox has no events", () => {
    const config = loaded("sandbox");
    expect(config.events.probability).toBe(0);
    expect(createGame(config, 1, seats(2)).market.news).toEqual([]);
  });

  it("names the dotted path of an unknown key", () => {
    const error = failure("ai-2025", { sectors: { media: { foo: 1 } } });
    expect(error.code).toBe("UNKNOWN_KEY");
    expect(error.issues).toEqual([{ path: "sectors.media.foo", message: "unknown key", problem: { problem: "unknownKey" } }]);
    expect(error.message).toBe("unknown config key: sectors.media.foo");
    const several = failure("sandbox", { quartres: 10, apps: { adoptoin: 0.2 } });
    expect(several.issues.map((i) => i.path)).toEqual(["quartres", "apps.adoptoin"]);
    expect(several.message).toBe("unknown config keys: quartres, apps.adoptoin");
  });

  it("names the path of a bad value", () => {
    const negative = failure("ai-2025", { sectors: { media: { servingCost: -1 } } });
    expect(negative.code).toBe("INVALID_VALUE");
    expect(negative.issues.map((i) => i.path)).toEqual(["sectors.media.servingCost"]);
    expect(negative.message).toMatch(/^sectors\.media\.servingCost: /);
    expect(failure("ai-2025", { capability: { alpha: "steep" } }).issues[0]?.path).toBe("capability.alpha");
    expect(failure("ai-2025", { quarters: 100 }).issues[0]?.path).toBe("quarters");
    expect(failure("ai-2025", { start: { regime: "anarchy" } }).issues[0]?.path).toBe("start.regime");
    expect(failure("ai-2025", { correction: { depth: [0.5] } }).issues[0]?.path).toMatch(/^correction\.depth/);
  });

  it("rejects more founder shares than shares outstanding", () => {
    const error = failure("ai-2025", { start: { shares: 50, founderShares: 60 } });
    expect(error.code).toBe("INVALID_VALUE");
    expect(error.issues[0]?.path).toBe("start.founderShares");
    expect(error.message).toContain("60");
    expect(error.message).toContain("50");
  });

  it("rejects an unknown scenario, naming it and the known ones", () => {
    const error = failure("bubble-2099");
    expect(error.code).toBe("UNKNOWN_SCENARIO");
    expect(error.message).toBe('unknown scenario "bubble-2099" (expected one of ai-2025, dotcom-1999, soft-landing, sandbox)');
    expect(error.issues).toEqual([{ path: "scenario", message: 'unknown scenario "bubble-2099"', problem: { problem: "invalid" } }]);
  });

  it("rejects an override that is not an object", () => {
    for (const bad of [null, 3, "x", [1]]) expect(failure("ai-2025", bad).code).toBe("INVALID_VALUE");
  });
});

describe("keys inherited from Object.prototype", () => {
  it("are unknown keys, named with their dotted path", () => {
    for (const key of ["toString", "constructor", "hasOwnProperty"]) {
      const result = loadConfig("ai-2025", { start: { [key]: 1 } });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("UNKNOWN_KEY");
        expect(result.error.issues[0]?.path).toBe(`start.${key}`);
      }
    }
  });
});
