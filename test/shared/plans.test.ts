import { describe, expect, test } from "vitest";
import { botAction } from "../../shared/bots/index.js";
import { gameConfig } from "../../shared/config/override.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import { score } from "../../shared/engine/score.js";
import type { GameState } from "../../shared/engine/types.js";
import { actionSpend, fitAction, validateAction } from "../../shared/engine/validate.js";
import { viewFor } from "../../shared/engine/view.js";
import { DEFAULT_CONFIG } from "../../shared/index.js";
import { defaultAction, fixedCosts, floorAction, type OwnView, PRESETS, presetAction, reserveTurns } from "../../shared/plans/presets.js";
import { burn, runway, valuationMove, warningsAfter } from "../../shared/plans/quarter.js";
import { SECTOR_IDS } from "../../shared/schemas/vocabulary.js";
import { botRng, playBots } from "../../shared/sim/play.js";

const game = playBots(DEFAULT_CONFIG, "plans-test", [{ bot: "scaler" }, { bot: "builder" }, { bot: "pivot" }, { bot: "balanced" }]);

function ownView(state: GameState, firmId: string): OwnView {
  const view = viewFor(state, { kind: "firm", firmId });
  return { config: state.config, quarter: state.quarter, self: view.self, market: view.market, limits: view.limits };
}

const appsSpend = (a: { apps: Partial<Record<string, number>> }) => SECTOR_IDS.reduce((sum, id) => sum + (a.apps[id] ?? 0), 0);

describe("plan presets", () => {
  test("a firm that plays one preset for the first three turns of a default game pays no cost for growing fast", () => {
    for (const quarters of [8, 16, 24]) {
      for (const preset of PRESETS) {
        const config = { ...DEFAULT_CONFIG, quarters };
        let state = createGame(config, `presets-${preset}`, [
          { id: "f1", name: "A" },
          { id: "f2", name: "B" },
          { id: "f3", name: "C" },
        ]);
        for (let turn = 1; turn <= 3; turn++) {
          const actions = Object.fromEntries(state.firms.map((f) => [f.id, presetAction(ownView(state, f.id), preset)]));
          state = resolveQuarter(state, actions).state;
          for (const firm of state.firms) {
            const report = firm.history[turn];
            expect(report?.spent, `${preset} ${quarters}q turn ${turn}`).toBeGreaterThan(0);
            expect(report?.rampCost, `${preset} ${quarters}q turn ${turn} spent ${report?.spent}`).toBe(0);
            expect(report?.spanFactor).toBe(1);
          }
        }
      }
    }
  });

  test("every preset is a legal action for every listed firm in every quarter, and spends something", () => {
    for (const state of game.states.slice(0, -1)) {
      for (const firm of state.firms) {
        if (firm.delisted) continue;
        for (const preset of PRESETS) {
          const action = presetAction(ownView(state, firm.id), preset);
          const checked = validateAction(state, firm.id, action);
          expect(checked.ok, `${preset} for ${firm.id} at quarter ${state.quarter}: ${checked.ok ? "" : checked.error.message}`).toBe(true);
          // Balanced keeps the cash for the fixed costs ahead: it spends only what is above them.
          const kept = preset === "balanced" ? reserveTurns(ownView(state, firm.id)) * fixedCosts(state.config, firm, 0) : 0;
          if (firm.cash + action.raise > kept + 1) expect(actionSpend(state, firm, action)).toBeGreaterThan(0);
        }
      }
    }
  });

  test("Scale trains most, Ship builds apps most, Balanced does some of both, from the first quarter", () => {
    const state = game.states[0] as GameState;
    const own = ownView(state, "scaler-1");
    const scale = presetAction(own, "scale");
    const ship = presetAction(own, "ship");
    const balanced = presetAction(own, "balanced");
    expect(scale.train).toBeGreaterThan(balanced.train);
    expect(balanced.train).toBeGreaterThan(ship.train);
    expect(appsSpend(ship)).toBeGreaterThan(appsSpend(balanced));
    expect(appsSpend(balanced)).toBeGreaterThan(appsSpend(scale));
    expect(appsSpend(ship)).toBeGreaterThan(0);
  });

  test("Ship reads the firm's own product fit as the bots do: nothing more into a market where the launch missed and did not pay", () => {
    // The first quarter where Ship for builder-2 builds apps in a sector it has launched in (a fit drawn) and spent on last turn.
    const firmId = "builder-2";
    const found = game.states.slice(1, -1).find((state) => {
      const self = state.firms.find((f) => f.id === firmId);
      if (!self || self.delisted) return false;
      const ship = presetAction(ownView(state, firmId), "ship");
      return SECTOR_IDS.some((id, s) => (ship.apps[id] ?? 0) > 0 && (self.productFit[s] ?? 0) > 0 && (self.lastAction.apps[id] ?? 0) > 0);
    });
    expect(found, "builder-2 ships again into a market it has entered").toBeDefined();
    const copy: GameState = structuredClone(found as GameState);
    const self = copy.firms.find((f) => f.id === firmId) as GameState["firms"][number];
    const before = presetAction(ownView(copy, firmId), "ship");
    const s = SECTOR_IDS.findIndex((id, i) => (before.apps[id] ?? 0) > 0 && (self.productFit[i] ?? 0) > 0 && (self.lastAction.apps[id] ?? 0) > 0);
    const sector = SECTOR_IDS[s] as (typeof SECTOR_IDS)[number];
    // The product missed (fit ×0.3) and last turn it earned less there than was spent.
    self.productFit[s] = 0.3;
    (self.history.at(-1) as (typeof self.history)[number]).sectorRevenue[s] = 0.1 * (self.lastAction.apps[sector] ?? 0);
    const after = presetAction(ownView(copy, firmId), "ship");
    expect(after.apps[sector] ?? 0).toBe(0);
    expect(appsSpend(after)).toBeLessThan(appsSpend(before));
  });

  test("no preset raises during a correction or over the market's appetite", () => {
    for (const state of game.states.slice(0, -1)) {
      const own = ownView(state, "builder-2");
      if (own.self.delisted) continue;
      for (const preset of PRESETS) {
        const action = presetAction(own, preset);
        expect(action.raise).toBeLessThanOrEqual(own.limits.maxRaise);
        if (own.market.correction.active) expect(action.raise).toBe(0);
      }
    }
  });
});

describe("the panel's default plan", () => {
  test("leaves the cash for the fixed costs of the turns ahead, raising for them when the market allows", () => {
    for (const state of game.states.slice(0, -1)) {
      for (const firm of state.firms) {
        if (firm.delisted) continue;
        const own = ownView(state, firm.id);
        const action = defaultAction(own);
        const kept = reserveTurns(own) * fixedCosts(state.config, firm, action.train);
        const left = firm.cash + action.raise - actionSpend(state, firm, action);
        // Spending only comes off while the reserve is short; a firm already below it spends nothing.
        if (actionSpend(state, firm, action) > 0) expect(left, `${firm.id} at quarter ${state.quarter}`).toBeGreaterThanOrEqual(kept - 0.2);
      }
    }
  });

  test("a first-timer who only presses Submit, every turn, is seldom delisted (50 seeded games each at 4, 8 and 12 turns, against the default bots)", () => {
    const bots = ["pivot", "builder", "scaler", "balanced", "pivot"] as const;
    let delisted = 0;
    let games = 0;
    for (const quarters of [4, 8, 12]) {
      const loaded = gameConfig("ai-2025", quarters);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const config = loaded.value;
      for (let g = 0; g < 50; g++) {
        const seed = `submit-only/${quarters}/${g}`;
        const seats = [{ id: "you", name: "You" }, ...bots.map((b, i) => ({ id: `${b}-${i + 2}`, name: `${b} ${i + 2}` }))];
        let state = createGame(config, seed, seats);
        const rngs = seats.map((s) => botRng(seed, s.id));
        while (state.quarter < quarters) {
          const actions: Record<string, ReturnType<typeof defaultAction>> = {};
          state.firms.forEach((f, i) => {
            if (f.delisted) return;
            const view = viewFor(state, { kind: "firm", firmId: f.id });
            actions[f.id] =
              i === 0 ? defaultAction(ownView(state, f.id)) : botAction(bots[i - 1] as (typeof bots)[number], view, rngs[i] as ReturnType<typeof botRng>);
          });
          state = resolveQuarter(state, actions).state;
        }
        games++;
        if (score(state).find((s) => s.firmId === "you")?.delisted) delisted++;
      }
    }
    // Before: 25% (turn 1 Balanced, then last turn's plan repeated); Balanced every turn without a reserve: 8%.
    // Engine 2.12.0: at most 4%. Engine 2.13.0: 8 of 150 (5.3%): with time to build the plan's training earns quarters
    // later (docs/balance.md, "Engine 2.13.0"; the default plan is not retuned for it yet).
    expect(delisted / games).toBeLessThanOrEqual(0.06);
  });
});

describe("a quarter explained", () => {
  test("the valuation's move splits into fundamentals, narrative and sentiment that add up to the change", () => {
    for (const firm of (game.states.at(-1) as GameState).firms) {
      for (let q = 1; q < firm.history.length; q++) {
        const prev = firm.history[q - 1];
        const next = firm.history[q];
        if (!prev || !next) throw new Error("missing report");
        const move = valuationMove(prev, next);
        expect(move.fundamentals + move.narrative + move.sentiment).toBeCloseTo(next.valuation - prev.valuation, 6);
        expect(move.fundamentals).toBeCloseTo(next.fundamentals - prev.fundamentals, 9);
      }
    }
  });

  test("with the narrative unchanged, a move in sentiment is all sentiment; with sentiment unchanged, a new narrative is all narrative", () => {
    const prev = { fundamentals: 100, narrative: 50, valuation: 100 + 1.2 * 50 };
    expect(valuationMove(prev, { fundamentals: 100, narrative: 50, valuation: 100 + 0.8 * 50 })).toMatchObject({
      fundamentals: 0,
      narrative: 0,
      sentiment: -20,
    });
    const more = valuationMove(prev, { fundamentals: 130, narrative: 80, valuation: 130 + 1.2 * 80 });
    expect(more.fundamentals).toBe(30);
    expect(more.narrative).toBeCloseTo(36, 9);
    expect(more.sentiment).toBeCloseTo(0, 9);
  });

  test("runway is cash over the running burn: the turn's investment and raises are not burn; a firm that earns has no end", () => {
    const costs = { servingCost: 140, opex: 320, rampCost: 0, licenceFees: 0, fines: 0 };
    // Turn 1 spent $900M of a $1,000M war chest; its revenue pays its running costs.
    expect(burn({ ...costs, revenue: 500 })).toBe(-40);
    expect(burn({ ...costs, revenue: 310 })).toBe(150);
    // The growth overhead and licence fees come with the turn's spending, not every turn.
    expect(burn({ ...costs, opex: 420, rampCost: 60, licenceFees: 40, revenue: 310 })).toBe(150);
    expect(runway(450, 150)).toBe(3);
    expect(runway(450, -20)).toBe(Number.POSITIVE_INFINITY);
    expect(warningsAfter(450, 150, 0)).toEqual([]);
    expect(warningsAfter(250, 150, 0)).toEqual(["runway"]);
    expect(warningsAfter(100, 150, 20)).toEqual(["runway", "delisting"]);
    expect(warningsAfter(100, 150, 60)).toEqual(["runway"]);
  });
});

describe("floorAction", () => {
  test("an action fitted to the last cent stays legal once rounded to $0.1M for the form", () => {
    for (const state of game.states.slice(1, -1)) {
      for (const firm of state.firms) {
        if (firm.delisted) continue;
        const tight = {
          ...firm.lastAction,
          train: firm.cash + firm.lastAction.raise - 0.001,
          apps: {},
          efficiency: 0,
          compliance: 0,
          marketing: 0,
          distill: false,
        };
        const fitted = fitAction(state, firm, tight);
        const rounded = floorAction(fitted);
        const checked = validateAction(state, firm.id, rounded);
        expect(checked.ok, checked.ok ? "" : checked.error.message).toBe(true);
        expect(rounded.train).toBeGreaterThan(fitted.train - 0.25);
      }
    }
  });
});
