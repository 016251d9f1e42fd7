import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { createGame, resolveQuarter, resolveQuarterInPlace, viewFor } from "../../shared/index.js";
import { type LineupSeat, playBots } from "../../shared/sim/play.js";
import { storedGame } from "../../shared/sim/record.js";
import { FUZZ_GAMES_PER_PRESET, FUZZ_LENGTHS, FUZZ_SCENARIOS, fuzzGame, inPlaceResolver, playFuzz, playHash } from "../helpers/engine-games.js";
import { act, configFor, seats } from "../helpers/play.js";

/**
 * The simulator resolves quarters in place (`resolveQuarterInPlace`); the pure API copies the
 * state and resolves the copy the same way. Both must give byte-identical states, reports and
 * applied actions on every preset and length, with injections, delistings, open weights and
 * locked contracts (the fuzz games of test/helpers/engine-games.ts).
 */
describe("in-place resolution equals the pure API", () => {
  it("state after every quarter, reports and applied actions byte-identical, on random fuzz games of every preset and length", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FUZZ_SCENARIOS), fc.nat({ max: 1_000_000 }), (scenario, index) => {
        const game = fuzzGame(scenario, index);
        const pure = playFuzz(game, undefined, true);
        const inPlace = playFuzz(game, inPlaceResolver, true);
        expect(inPlace.snapshots).toHaveLength(game.config.quarters + 1);
        for (let q = 0; q < pure.snapshots.length; q++) expect(inPlace.snapshots[q], `${scenario} game ${index}, quarter ${q}`).toBe(pure.snapshots[q]);
        expect(JSON.stringify(inPlace.reports)).toBe(JSON.stringify(pure.reports));
        expect(JSON.stringify(inPlace.applied)).toBe(JSON.stringify(pure.applied));
      }),
      { numRuns: 60 },
    );
  });

  for (const scenario of FUZZ_SCENARIOS) {
    it(`${scenario}: the ${FUZZ_GAMES_PER_PRESET} pinned fuzz games (lengths ${FUZZ_LENGTHS.join(", ")}) end the same both ways`, () => {
      const differing: number[] = [];
      for (let i = 0; i < FUZZ_GAMES_PER_PRESET; i++) {
        const game = fuzzGame(scenario, i);
        if (playHash(playFuzz(game, inPlaceResolver)) !== playHash(playFuzz(game))) differing.push(i);
      }
      expect(differing).toEqual([]);
    });
  }

  it("a bot game played for its end (in place, the simulator's runs) ends exactly as one played state by state, with the same reports and record", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FUZZ_SCENARIOS),
        fc.constantFrom(...FUZZ_LENGTHS),
        fc.array(fc.constantFrom(...BOT_NAMES), { minLength: 2, maxLength: 6 }),
        fc.nat({ max: 1_000_000 }),
        fc.boolean(),
        (scenario, quarters, bots, seed, withInjections) => {
          const config = configFor(scenario, { quarters });
          const lineup: LineupSeat[] = bots.map((bot) => ({ bot }));
          const injections = withInjections ? fuzzGame(scenario, seed).injections : {};
          const every = playBots(config, seed, lineup, injections);
          const final = playBots(config, seed, lineup, injections, "final");
          expect(final.states).toHaveLength(1);
          expect(JSON.stringify(final.states[0])).toBe(JSON.stringify(every.states.at(-1)));
          expect(JSON.stringify(final.reports)).toBe(JSON.stringify(every.reports));
          expect(JSON.stringify(storedGame(final.record, final.reports))).toBe(JSON.stringify(storedGame(every.record, every.reports)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the pure API leaves its input untouched and shares no array with it", () => {
    const config = configFor("ai-2025", { quarters: 8 });
    const state = createGame(config, "untouched", seats(3));
    const before = JSON.stringify(state);
    const { state: next } = resolveQuarter(state, { f1: act({ train: 100, apps: { support: 50 }, hardware: "locked", openWeights: true }) });
    expect(JSON.stringify(state)).toBe(before);
    expect(next.firms[0]?.history).not.toBe(state.firms[0]?.history);
    expect(next.market.history).not.toBe(state.market.history);
    expect(next.log).not.toBe(state.log);
    expect(next.rng).not.toBe(state.rng);
  });

  it("a view taken before an in-place quarter and one taken after show each its own quarter's published reports", () => {
    const config = configFor("ai-2025", { quarters: 8 });
    const state = createGame(config, "views", seats(2));
    const early = viewFor(state, { kind: "firm", firmId: "f1" });
    resolveQuarterInPlace(state, { f1: act({ apps: { support: 200 } }) });
    const late = viewFor(state, { kind: "firm", firmId: "f1" });
    expect(early.firms[0]?.history).toHaveLength(1);
    expect(late.firms[1]?.history.map((r) => r.quarter)).toEqual([0, 1]);
    expect(late.firms[0]?.history[1]?.revenue).toBe(state.firms[0]?.history[1]?.revenue);
  });
});
