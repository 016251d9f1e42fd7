import { describe, expect, it } from "vitest";
import { shipShares } from "../../shared/engine/clock.js";
import { trainedCapability } from "../../shared/engine/rules/capability.js";
import { createGame, type GameState, resolveQuarter } from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** Firm 0 trains `train` in turn 1 and nothing after; the others idle. Returns the state after each turn. */
function play(lagQuarters: number, quarters: number, train: number, turns: number, capitaliseRuns = 0): GameState[] {
  const config = configFor("ai-2025", { quarters, capability: { lagQuarters }, valuation: { capitaliseRuns }, events: { probability: 0 } });
  let state = createGame(config, "ttb-1", seats(3));
  const states = [state];
  for (let q = 1; q <= turns; q++) {
    state = resolveQuarter(state, { f1: act({ train: q === 1 ? train : 0 }), f2: act({}), f3: act({}) }).state;
    states.push(state);
  }
  return states;
}

describe("time to build: a run's capability ships capability.lagQuarters after its spend", () => {
  it("spreads a turn's gain by the lag in turns: a share this turn, the rest in the next ones", () => {
    expect(shipShares(0)).toEqual([1]);
    expect(shipShares(0.5)).toEqual([0.5, 0.5]);
    expect(shipShares(1)).toEqual([0, 1]);
    expect(shipShares(1.5)).toEqual([0, 0.5, 0.5]);
    for (const d of [0.25, 0.75, 2.25, 3]) expect(shipShares(d).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("at 0 (the default) a run ships in its own turn, as before", () => {
    const [start, after] = play(0, 16, 500, 1) as [GameState, GameState];
    expect(firm(after, 0).capability).toBeGreaterThan(firm(start, 0).capability + 5);
    expect(firm(after, 0).capabilityInTraining).toEqual([]);
    expect(firm(after, 0).history[1]?.capabilityInTraining).toBe(0);
  });

  it("with a lag of 1.5 quarters in a 16-quarter game, a $500M run earns nothing in its turn, ships half the next turn and the rest the turn after", () => {
    const atOnce = play(0, 16, 500, 3);
    const lagged = play(1.5, 16, 500, 3);
    const start = firm(lagged[0] as GameState, 0).capability;
    const gain = firm(atOnce[1] as GameState, 0).capability - start;
    const [t1, t2, t3] = [1, 2, 3].map((q) => firm(lagged[q] as GameState, 0));
    // Turn 1: the shipped model is the old one; the run is in training, and the report says so.
    expect(t1?.capability).toBe(start);
    expect(t1?.history[1]?.capability).toBe(start);
    expect(t1?.history[1]?.capabilityInTraining).toBeCloseTo(gain, 9);
    expect(trainedCapability(t1 as NonNullable<typeof t1>)).toBeCloseTo(start + gain, 9);
    expect(t2?.capability).toBeCloseTo(start + gain / 2, 9);
    expect(t2?.history[2]?.capabilityInTraining).toBeCloseTo(gain / 2, 9);
    expect(t3?.capability).toBeCloseTo(start + gain, 9);
    expect(t3?.history[3]?.capabilityInTraining).toBeCloseTo(0, 9);
  });

  it("revenue follows the shipped model: the turn-1 trainer earns the API revenue of its old model, while the narrative prices the announced run", () => {
    const idle = play(1.5, 16, 0, 1)[1] as GameState;
    const atOnce = play(0, 16, 500, 1)[1] as GameState;
    const lagged = play(1.5, 16, 500, 1)[1] as GameState;
    const api = (s: GameState) => firm(s, 0).history[1]?.apiRevenue ?? Number.NaN;
    expect(api(atOnce)).toBeGreaterThan(api(idle) + 50);
    expect(api(lagged)).toBeCloseTo(api(idle), 9);
    expect(firm(lagged, 0).history[1]?.narrative).toBeCloseTo(firm(atOnce, 0).history[1]?.narrative ?? Number.NaN, 9);
  });

  it("scales with the game's length: at 8 quarters (two quarters a turn) a 1-quarter lag ships half the run in its own turn", () => {
    const atOnce = play(0, 8, 500, 2);
    const lagged = play(1, 8, 500, 2);
    const start = firm(lagged[0] as GameState, 0).capability;
    const gain = firm(atOnce[1] as GameState, 0).capability - start;
    expect(firm(lagged[1] as GameState, 0).capability).toBeCloseTo(start + gain / 2, 9);
    expect(firm(lagged[2] as GameState, 0).capability).toBeCloseTo(start + gain, 9);
  });

  it("valuation.capitaliseRuns carries a run still in training at cost in fundamentals until it ships (IAS 38), and nothing once it has shipped", () => {
    const expensed = play(1.5, 16, 500, 3, 0);
    const carried = play(1.5, 16, 500, 3, 1);
    const f = (states: GameState[], q: number) => firm(states[q] as GameState, 0).history[q]?.fundamentals ?? Number.NaN;
    // Turn 1 ships none of the run: all $500M is carried; turn 2 ships half: $250M; turn 3 ships the rest.
    expect(f(carried, 1) - f(expensed, 1)).toBeCloseTo(500, 6);
    expect(f(carried, 2) - f(expensed, 2)).toBeCloseTo(250, 6);
    expect(f(carried, 3)).toBeCloseTo(f(expensed, 3), 6);
    // A run that ships at once is never carried.
    expect(f(play(0, 16, 500, 1, 1), 1)).toBeCloseTo(f(play(0, 16, 500, 1, 0), 1), 9);
  });
});
