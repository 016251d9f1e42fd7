import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE_VERSION } from "../../shared/index.js";
import { FUZZ_GAMES_PER_PRESET, FUZZ_SCENARIOS, fuzzGame, playFuzz, playHash } from "../helpers/engine-games.js";

/**
 * The engine's outcome on 200 seeded fuzz games per preset (every length of FUZZ_LENGTHS,
 * injections of every kind, random legal play with delistings, open weights and locked
 * contracts), pinned by hash: a restructuring for speed must leave every state, report and
 * applied action byte-identical. After a deliberate rule change, regenerate the fixture with
 * `npx tsx test/fixtures/record-engine-hashes.ts`.
 */
const fixture = JSON.parse(readFileSync(new URL("../fixtures/engine-hashes.json", import.meta.url), "utf8")) as {
  engineVersion: string;
  gamesPerPreset: number;
  hashes: Record<string, string[]>;
};

describe("engine outcome pinned on fuzz games of every preset", () => {
  it("was recorded for this engine version", () => {
    expect(fixture.engineVersion).toBe(ENGINE_VERSION);
    expect(fixture.gamesPerPreset).toBe(FUZZ_GAMES_PER_PRESET);
  });
  for (const scenario of FUZZ_SCENARIOS) {
    it(`${scenario}: every game's final state, reports and applied actions match the recorded hashes`, () => {
      const expected = fixture.hashes[scenario] ?? [];
      expect(expected).toHaveLength(FUZZ_GAMES_PER_PRESET);
      const mismatched: number[] = [];
      for (let i = 0; i < FUZZ_GAMES_PER_PRESET; i++) if (playHash(playFuzz(fuzzGame(scenario, i))) !== expected[i]) mismatched.push(i);
      expect(mismatched, `games whose outcome changed (regenerate the fixture only after a deliberate rule change)`).toEqual([]);
    });
  }
});
