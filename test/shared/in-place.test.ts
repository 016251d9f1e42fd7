import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { type Action, appliedById, createGame, resolveQuarter, resolveQuarterInPlace, resolveQuarterInPlaceInOrder, viewFor } from "../../shared/index.js";
import { type LineupSeat, playBots } from "../../shared/sim/play.js";
import { storedGame } from "../../shared/sim/record.js";
import {
  FUZZ_GAMES_PER_PRESET,
  FUZZ_LENGTHS,
  FUZZ_SCENARIOS,
  type FuzzGame,
  type FuzzPlay,
  fuzzGame,
  inPlaceResolver,
  playFuzz,
  playHash,
  type Resolver,
  startFuzz,
  stepFuzz,
} from "../helpers/engine-games.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

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

/**
 * The simulator's runs hand the in-place path their actions in firm order
 * (`resolveQuarterInPlaceInOrder`). Each quarter one listed firm's action is left out (in turn),
 * so that a firm without an action (it repeats its last one, fitted) is covered both ways: missing
 * from the record by id; undefined, null or past the end of the row in firm order.
 */
function withoutOne(actions: Record<string, Action>, quarter: number, firmIds: readonly string[]): Record<string, Action> {
  const left = firmIds[quarter % firmIds.length] as string;
  const kept: Record<string, Action> = {};
  for (const [id, action] of Object.entries(actions)) if (id !== left) kept[id] = action;
  return kept;
}
const byIdWithoutOne: Resolver = (state, actions, injections) =>
  inPlaceResolver(
    state,
    withoutOne(
      actions,
      state.quarter,
      state.firms.map((f) => f.id),
    ),
    injections,
  );
const inOrderWithoutOne: Resolver = (state, actions, injections) => {
  const kept = withoutOne(
    actions,
    state.quarter,
    state.firms.map((f) => f.id),
  );
  const row: (Action | null | undefined)[] = state.firms.map((f) => kept[f.id] ?? (state.quarter % 2 === 0 ? null : undefined));
  // Every third quarter the row stops after the last firm that has an action.
  if (state.quarter % 3 === 0) while (row.length > 0 && (row.at(-1) === undefined || row.at(-1) === null)) row.pop();
  const { report, played } = resolveQuarterInPlaceInOrder(state, row, injections);
  return { state, report, applied: appliedById(state.firms, played) };
};

describe("actions in firm order equal actions by id", () => {
  for (const scenario of FUZZ_SCENARIOS) {
    it(`${scenario}: the first 40 pinned fuzz games end the same, with a firm's action left out each quarter`, () => {
      const differing: number[] = [];
      for (let i = 0; i < 40; i++) {
        const game = fuzzGame(scenario, i);
        const byId = playFuzz(game, byIdWithoutOne);
        if (
          playHash(playFuzz(game, inOrderWithoutOne)) !== playHash(byId) ||
          playHash(byId) !==
            playHash(
              playFuzz(game, (st, a, inj) =>
                resolveQuarter(
                  st,
                  withoutOne(
                    a,
                    st.quarter,
                    st.firms.map((f) => f.id),
                  ),
                  inj,
                ),
              ),
            )
        )
          differing.push(i);
      }
      expect(differing).toEqual([]);
    });
  }

  it("an illegal action in firm order is refused by name, as by id", () => {
    const config = configFor("ai-2025", { quarters: 8 });
    const state = createGame(config, "illegal", seats(2));
    expect(() => resolveQuarterInPlaceInOrder(state, [undefined, act({ train: 1e9 })])).toThrow(/illegal action for f2: OVER_BUDGET/);
    expect(state.quarter).toBe(0);
  });
});

/**
 * `playFuzz` for several games at once, one quarter of each in turn: the resolution reuses its
 * working rows from one call to the next, whatever game it was, so games of different sizes
 * resolved alternately must end exactly as each played alone.
 */
function playInterleaved(games: readonly FuzzGame[], resolve: Resolver): FuzzPlay[] {
  const started = games.map((game) => startFuzz(game));
  for (let busy = true; busy; ) {
    busy = false;
    for (const progress of started) if (stepFuzz(progress, resolve)) busy = true;
  }
  return started.map((p) => p.play);
}

describe("working rows reused between resolutions", () => {
  it("games of 2 to 40 firms on every preset, resolved alternately (in place and pure), end exactly as each played alone", () => {
    const sizes = [40, 8, 2, 5, 3, 12];
    const games: FuzzGame[] = FUZZ_SCENARIOS.flatMap((scenario, k) => sizes.map((firms, i) => ({ ...fuzzGame(scenario, 5 * i + k), firms })));
    const alone = games.map((game) => playHash(playFuzz(game)));
    expect(playInterleaved(games, inPlaceResolver).map(playHash)).toEqual(alone);
    expect(playInterleaved(games, (state, actions, injections) => resolveQuarter(state, actions, injections)).map(playHash)).toEqual(alone);
  });

  it("games alike but for the integration fit's exponent, resolved alternately, end as each played alone (a remembered power answers only its own inputs)", () => {
    // The same seed and actions: in the first quarters both games ask for the same ratios, each with its own exponent.
    const games: FuzzGame[] = [0.55, 0.3, 0.55, 0.9].map((exponent, i) => {
      const game = fuzzGame("ai-2025", i >> 1);
      return { ...game, config: configFor("ai-2025", { quarters: game.config.quarters, apps: { integrationFitExponent: exponent } }) };
    });
    const alone = games.map((game) => playHash(playFuzz(game)));
    expect(new Set(alone).size).toBe(games.length);
    expect(playInterleaved(games, inPlaceResolver).map(playHash)).toEqual(alone);
  });

  it("a firm that stops spending on efficiency keeps the efficiency its total spend gives", () => {
    const config = configFor("ai-2025", { quarters: 8 });
    const state = createGame(config, "efficiency", seats(2));
    resolveQuarterInPlace(state, { f1: act({ efficiency: 300 }), f2: act({}) });
    resolveQuarterInPlace(state, { f1: act({ train: 50 }), f2: act({}) });
    const expected = 1 + config.efficiency.max * (1 - Math.exp(-300 / config.efficiency.scale));
    expect(firm(state, 0).efficiencySpendTotal).toBe(300);
    expect(firm(state, 0).efficiency).toBe(expected);
    expect(firm(state, 1).efficiency).toBe(1);
  });
});
