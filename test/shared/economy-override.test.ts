import { describe, expect, test } from "vitest";
import { changedValues, ECONOMY_MAX_BYTES, ECONOMY_TEXT_MAX_BYTES, gameConfig, parseEconomyText } from "../../shared/config/override.js";
import { RoomSettingsSchema } from "../../shared/schemas/protocol.js";

describe("a designer's economy override in a live game", () => {
  test("the game's length wins over the override's quarters; the rest of the override applies on the scenario", () => {
    const config = gameConfig("dotcom-1999", 12, { quarters: 24, sectors: { media: { servingCost: 0.6 } } });
    if (!config.ok) throw new Error(config.error.message);
    expect(config.value.quarters).toBe(12);
    expect(config.value.sectors.media.servingCost).toBe(0.6);
    const ownLength = gameConfig("ai-2025", undefined, { quarters: 24 });
    expect(ownLength.ok && ownLength.value.quarters).toBe(24);
  });

  test("changed values are counted against the scenario, without the length and without values repeated unchanged", () => {
    const base = gameConfig("ai-2025", undefined);
    if (!base.ok) throw new Error("no base");
    const changed = changedValues("ai-2025", {
      quarters: 8,
      sectors: { media: { servingCost: 0.6, tam: base.value.sectors.media.tam } },
      api: { pool: 2000 },
    });
    expect(changed).toEqual([
      { path: "sectors.media.servingCost", from: base.value.sectors.media.servingCost, to: 0.6 },
      { path: "api.pool", from: base.value.api.pool, to: 2000 },
    ]);
    expect(changedValues("ai-2025", {})).toEqual([]);
  });

  test("pasted text: JSON objects only, size-limited, with a sentence saying what is wrong", () => {
    expect(parseEconomyText('{"api": {"pool": 2000}}')).toEqual({ ok: true, value: { api: { pool: 2000 } } });
    expect(parseEconomyText("  ")).toEqual({ ok: true, value: {} });
    expect(parseEconomyText("{api: 1}")).toMatchObject({ ok: false, error: { problem: "json" } });
    expect(parseEconomyText("[1, 2]")).toMatchObject({ ok: false, error: { problem: "notObject" } });
    const big = `{"x": "${"a".repeat(ECONOMY_TEXT_MAX_BYTES)}"}`;
    expect(parseEconomyText(big)).toMatchObject({ ok: false, error: { problem: "textTooLarge", kb: 16, maxKB: 16 } });
  });

  test("the settings schema refuses an unknown key, a bad value and an oversized override, naming the key", () => {
    const issues = (economy: unknown) => {
      const parsed = RoomSettingsSchema.safeParse({ quarters: 12, economy });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(issues({ sectors: { media: { servingCost: 0.6 } } })).toEqual([]);
    expect(issues({ sectors: { medai: { servingCost: 0.6 } } })).toEqual(["economy.sectors.medai: unknown key"]);
    expect(issues({ sectors: { media: { servingCost: -1 } } })).toEqual(["economy.sectors.media.servingCost: must be at least 0 and at most 20"]);
    expect(issues({ sectors: { media: { name: "m".repeat(ECONOMY_MAX_BYTES) } } })).toEqual([
      expect.stringMatching(/^economy: an economy override may take at most 6 KB/),
    ]);
    // The length is the room's own field (it would win over the override's unseen); a prototype's name is no setting, at any depth.
    expect(issues({ quarters: 1000 })).toEqual(["economy.quarters: the game's length is set by the room's quarters, not in the economy"]);
    expect(issues(JSON.parse('{"__proto__": {"opex": {"fixed": 1}}}'))).toEqual(['economy.__proto__: "__proto__" is a reserved name, not an economy setting']);
    expect(issues({ sectors: { media: JSON.parse('{"__proto__": {"servingCost": 0}}') } })).toEqual([
      'economy.sectors.media.__proto__: "__proto__" is a reserved name, not an economy setting',
    ]);
    expect(issues({ constructor: { name: "x" } })).toEqual(['economy.constructor: "constructor" is a reserved name, not an economy setting']);
    expect(issues({ api: { prototype: 1 } })).toEqual(['economy.api.prototype: "prototype" is a reserved name, not an economy setting']);
    // The form's length is its own field's business, not reported again under the override.
    const badLength = RoomSettingsSchema.safeParse({ quarters: 99, economy: { api: { pool: 2000 } } });
    expect(badLength.success ? [] : badLength.error.issues.map((i) => i.path.join("."))).toEqual(["quarters"]);
  });
});
