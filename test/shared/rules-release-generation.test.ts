import { describe, expect, it } from "vitest";
import { clockOf } from "../../shared/engine/clock.js";
import { releasedCapability } from "../../shared/engine/rules/capability.js";
import { createGame, type GameState, resolveQuarter } from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** Firm 0 trains $500M in turn 1 and nothing after, its weights released from turn 1 or never; the others idle. */
function play(lagQuarters: number, released: boolean, turns: number): GameState[] {
  const config = configFor("ai-2025", { quarters: 16, capability: { lagQuarters }, events: { probability: 0 } });
  let state = createGame(config, "gen-1", seats(3));
  const states = [state];
  for (let q = 1; q <= turns; q++) {
    state = resolveQuarter(state, { f1: act({ train: q === 1 ? 500 : 0, openWeights: released }), f2: act({}), f3: act({}) }).state;
    states.push(state);
  }
  return states;
}

const api = (states: GameState[], q: number) => firm(states[q] as GameState, 0).history[q]?.apiRevenue ?? Number.NaN;
const openBaseline = (states: GameState[], q: number) => (states[q] as GameState).market.openBaseline;

describe("an open release publishes the lab's previous generation under time to build (engine 2.13.0)", () => {
  it("reads the model shipped lagTurns ago between two turns, never above the one shipped now", () => {
    const history = [{ capability: 30 }, { capability: 40 }, { capability: 50 }];
    expect(releasedCapability(60, history, 0)).toBe(60);
    expect(releasedCapability(60, history, 1)).toBe(50);
    expect(releasedCapability(60, history, 1.5)).toBe(45);
    expect(releasedCapability(60, history, 0.5)).toBe(55);
    expect(releasedCapability(60, history, 9)).toBe(30);
    expect(releasedCapability(35, history, 1)).toBe(35);
  });

  it("with a 3-quarter lag, the run shipped in turn 4 keeps its API lead, and its weights reach the open models only in turn 7", () => {
    const closed = play(3, false, 7);
    const open = play(3, true, 7);
    const start = firm(open[0] as GameState, 0).capability;
    const shipped = firm(open[4] as GameState, 0).capability;
    expect(shipped).toBeGreaterThan(start + 5);
    expect(api(closed, 4)).toBeGreaterThan(100);
    // Its weights out are its starting model, below the open models: other hosts serve nothing of its lead
    // (it keeps all of it, not api.openShare; the market's mood differs a little between the two games).
    expect(api(open, 4) / api(closed, 4)).toBeGreaterThan(0.99);
    for (const q of [4, 5, 6]) expect(openBaseline(open, q)).toBeCloseTo(openBaseline(closed, q), 9);
    // Three turns after it shipped, the run's model is published: the open models move half way toward it.
    const t7 = open[7] as GameState;
    const before = Math.max(t7.market.outsideOpenBaseline, openBaseline(open, 6));
    expect(shipped).toBeGreaterThan(before);
    expect(openBaseline(open, 7)).toBeCloseTo(before + clockOf(t7.config).openDiffusion * (shipped - before), 9);
  });

  it("without the lag the release publishes the model it ships and keeps api.openShare of its API revenue, as before", () => {
    const closed = play(0, false, 1);
    const open = play(0, true, 1);
    const config = (open[0] as GameState).config;
    expect(api(open, 1)).toBeCloseTo(config.api.openShare * api(closed, 1), 9);
    expect(openBaseline(open, 1)).toBeGreaterThan(openBaseline(closed, 1));
  });
});
