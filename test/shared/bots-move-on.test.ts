import { describe, expect, it } from "vitest";
import { marketMood } from "../../shared/bots/plan.js";
import { balanced, builder, DIALS, pivot, pivotMoment } from "../../shared/bots/strategies.js";
import type { FirmView } from "../../shared/engine/view.js";
import { type Action, type GameState, seedRng, viewFor } from "../../shared/index.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";
import { playBots } from "../../shared/sim/play.js";
import { configFor } from "../helpers/play.js";

/**
 * When a product misses its market (bots.test.ts, "read their own product fit"), `pivot` and
 * `balanced` move on to the next market their model fits, as a player who has just turned to
 * shipping would; `builder`, the steady one, keeps that share as cash. Before engine 2.13.0's
 * time to build this hardly mattered; with it, `pivot` turns after turn 1 while its model fits
 * one or two sectors, and it sat idle whenever the one it tried first missed.
 */

const shippedTo = (a: Action): SectorId[] => SECTOR_IDS.filter((id) => (a.apps[id] ?? 0) > 0);

/** A late quarter of a played 16-quarter game (pivot has turned), with open models that fit every sector and every fit average. */
function lateState(): GameState {
  const config = configFor("ai-2025", { quarters: 16 });
  const game = playBots(config, "move-on", [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }]);
  const state: GameState = structuredClone(game.states[11] as GameState);
  const highestNeed = Math.max(...SECTOR_IDS.map((id) => config.sectors[id].need));
  state.market.openBaseline = highestNeed + state.config.openBaseline.appGap + 5;
  for (const firm of state.firms) {
    firm.productFit = firm.productFit.map((x) => (x > 0 ? 1 : 0));
    firm.cash = Math.max(firm.cash, 2000);
  }
  return state;
}

/** The same state with `firmId`'s product in `sector` missed: a fit of 0.3 that earned 20 on 50 spent last turn. */
function missed(state: GameState, firmId: string, sector: SectorId): FirmView {
  const copy: GameState = structuredClone(state);
  const self = copy.firms.find((f) => f.id === firmId) as GameState["firms"][number];
  const s = SECTOR_IDS.indexOf(sector);
  self.productFit[s] = 0.3;
  self.lastAction = { ...self.lastAction, apps: { ...self.lastAction.apps, [sector]: 50 } };
  const last = self.history.at(-1) as (typeof self.history)[number];
  last.sectorRevenue[s] = 20;
  return viewFor(copy, { kind: "firm", firmId });
}

describe("shippers and a product that missed its market", () => {
  const state = lateState();
  const cases = [
    { name: "pivot", firmId: "pivot-4", play: pivot, breadth: DIALS.pivot.shipBreadth, movesOn: true },
    { name: "balanced", firmId: "balanced-3", play: balanced, breadth: DIALS.balanced.breadth, movesOn: true },
    { name: "builder", firmId: "builder-2", play: builder, breadth: DIALS.builder.breadth, movesOn: false },
  ];
  for (const { name, firmId, play, breadth, movesOn } of cases) {
    it(`${name} ${movesOn ? "moves on to the next sector its model fits" : "keeps that share as cash"}`, () => {
      const view = viewFor(state, { kind: "firm", firmId });
      if (name === "pivot") expect(pivotMoment(view), "pivot has turned to shipping").toBe(true);
      const before = play(view, seedRng("move-on"));
      const sectors = shippedTo(before);
      expect(sectors.length, `${name} ships into ${breadth} sectors`).toBe(breadth);
      const first = sectors[0] as SectorId;
      const after = play(missed(state, firmId, first), seedRng("move-on"));
      expect(after.apps[first] ?? 0, `${name}: nothing more into ${first}`).toBe(0);
      if (movesOn) {
        expect(shippedTo(after).length, `${name} still ships into ${breadth} sectors`).toBe(breadth);
        expect(
          shippedTo(after).some((id) => !sectors.includes(id)),
          `${name} enters a sector it did not plan before`,
        ).toBe(true);
      } else {
        expect(shippedTo(after).length, `${name} ships into one sector fewer`).toBe(breadth - 1);
      }
    });
  }
});

describe("balanced trains from its own cash until the market has warmed once", () => {
  it(`trains at ${DIALS.balanced.coldTrain} of its weight before sentiment has risen ${DIALS.balanced.raiseWarmth} over its start, in full after`, () => {
    const state = lateState();
    const firm = state.firms.find((f) => f.id === "balanced-3") as GameState["firms"][number];
    firm.capability = 40;
    firm.capabilityInTraining = firm.capabilityInTraining.map(() => 0);
    state.market.openBaseline = 30;
    const start = marketMood(viewFor(state, { kind: "firm", firmId: "balanced-3" })).startSentiment;
    const at = (peak: number): Action => {
      state.market.sentiment = start;
      state.market.sentimentPeak = peak;
      return balanced(viewFor(state, { kind: "firm", firmId: "balanced-3" }), seedRng("cold"));
    };
    const cold = at(start + DIALS.balanced.raiseWarmth - 0.01);
    const warmedOnce = at(start + DIALS.balanced.raiseWarmth + 0.01);
    const appsOf = (a: Action) => Object.values(a.apps).reduce((x, y) => x + (y ?? 0), 0);
    expect(warmedOnce.train).toBeGreaterThan(0);
    // Its weights: training against everything else; half the training weight is a smaller share of the same budget.
    expect(cold.train / appsOf(cold)).toBeCloseTo((DIALS.balanced.coldTrain * warmedOnce.train) / appsOf(warmedOnce), 6);
    expect(appsOf(cold)).toBeGreaterThan(appsOf(warmedOnce));
  });
});
