import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capabilityFromCompute, checkAction, createGame, type GameState, resolveQuarter, viewFor } from "../../shared/index.js";
import { ALL_SCENARIOS, configFor, numbersIn, playRandomGame, seats } from "../helpers/play.js";

const scenario = fc.constantFrom(...ALL_SCENARIOS);
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const firmCount = fc.integer({ min: 2, max: 8 });

describe("engine invariants over random legal play, all presets", () => {
  it("keeps every number finite, balances the cash ledger, never lowers shares or capability", () => {
    fc.assert(
      fc.property(scenario, seed, seed, firmCount, (id, gameSeed, actionSeed, n) => {
        const config = configFor(id);
        const { states, reports, actions } = playRandomGame(config, gameSeed, n, actionSeed);
        for (const state of states) {
          for (const [path, value] of numbersIn(state)) if (!Number.isFinite(value)) throw new Error(`${path} = ${value}`);
        }
        reports.forEach((report, q) => {
          const before = states[q] as GameState;
          const after = states[q + 1] as GameState;
          after.firms.forEach((firm, i) => {
            const prev = before.firms[i];
            const r = report.firms[i];
            if (!prev || !r) throw new Error("missing firm");
            // Δcash = raised − spent + operating profit − fines
            const expected = prev.cash + r.raised + r.emergencyRaised - r.spent + r.operatingProfit - r.fines;
            expect(firm.cash).toBeCloseTo(expected, 6);
            expect(firm.shares).toBeGreaterThanOrEqual(prev.shares);
            expect(firm.capability).toBeGreaterThanOrEqual(prev.capability);
            expect(firm.capability).toBeLessThan(config.capability.capMax);
            if (prev.delisted) expect(firm.delisted).toBe(true);
            const action = actions[q]?.[firm.id];
            if (action) expect(checkAction(before, prev, action)).toBeNull();
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic, and a different seed gives a different trajectory", () => {
    fc.assert(
      fc.property(scenario, seed, seed, (id, gameSeed, actionSeed) => {
        const config = configFor(id);
        const a = playRandomGame(config, gameSeed, 4, actionSeed);
        const b = playRandomGame(config, gameSeed, 4, actionSeed);
        expect(b.states.at(-1)).toEqual(a.states.at(-1));
        const c = playRandomGame(config, gameSeed + 1, 4, actionSeed);
        expect(c.states.at(-1)?.market.history.map((m) => m.sentiment)).not.toEqual(a.states.at(-1)?.market.history.map((m) => m.sentiment));
      }),
      { numRuns: 20 },
    );
  });

  it("does not modify its input, and a state survives a JSON round trip mid-game", () => {
    fc.assert(
      fc.property(scenario, seed, seed, (id, gameSeed, actionSeed) => {
        const config = configFor(id);
        const { states, actions } = playRandomGame(config, gameSeed, 4, actionSeed);
        const mid = states[Math.floor(states.length / 2)] as GameState;
        const frozen = JSON.stringify(mid);
        const roundTripped = JSON.parse(frozen) as GameState;
        expect(roundTripped).toEqual(mid);
        const q = mid.quarter;
        const fromOriginal = resolveQuarter(mid, actions[q] ?? {});
        const fromCopy = resolveQuarter(roundTripped, actions[q] ?? {});
        expect(JSON.stringify(mid)).toBe(frozen);
        expect(fromCopy.state).toEqual(fromOriginal.state);
        expect(fromOriginal.state).toEqual(states[q + 1]);
      }),
      { numRuns: 20 },
    );
  });
});

describe("capability", () => {
  it("is monotone in compute, below its cap, with diminishing gains per doubling from the starting compute on", () => {
    const config = configFor();
    // Below K0 the curve is nearly linear (doublings still pay); every firm starts above it.
    expect(config.start.compute).toBeGreaterThanOrEqual(config.capability.k0);
    fc.assert(
      fc.property(fc.double({ min: config.start.compute, max: 1e7, noNaN: true }), (k) => {
        const c1 = capabilityFromCompute(config, k);
        const c2 = capabilityFromCompute(config, 2 * k);
        const c4 = capabilityFromCompute(config, 4 * k);
        expect(c2).toBeGreaterThan(c1);
        expect(c4).toBeLessThan(config.capability.capMax);
        expect(c4 - c2).toBeLessThan(c2 - c1);
      }),
    );
  });
});

describe("viewFor", () => {
  it("never shows another firm's private action or the generator state", () => {
    const config = configFor();
    let state = createGame(config, 7, seats(3));
    const secret = 77.123456;
    const actions = {
      f1: {
        train: 10,
        apps: { support: 5 },
        efficiency: 0,
        compliance: 0,
        marketing: 0,
        distill: false,
        openWeights: false,
        hardware: "flexible" as const,
        raise: 0,
      },
      f2: {
        train: 0,
        apps: { medical: secret },
        efficiency: 0,
        compliance: 0,
        marketing: 0,
        distill: false,
        openWeights: false,
        hardware: "flexible" as const,
        raise: 0,
      },
    };
    state = resolveQuarter(state, actions).state;
    const other = JSON.stringify(viewFor(state, { kind: "firm", firmId: "f1" }));
    const own = JSON.stringify(viewFor(state, { kind: "firm", firmId: "f2" }));
    const facilitator = JSON.stringify(viewFor(state, { kind: "facilitator" }));
    const spectator = JSON.stringify(viewFor(state, { kind: "public" }));
    expect(own).toContain(String(secret));
    expect(facilitator).toContain(String(secret));
    for (const json of [other, spectator]) expect(json).not.toContain(String(secret));
    // Only the viewer's own firm appears in full: one lastAction in a firm's view, none in public.
    expect(other.match(/"lastAction"/g)).toHaveLength(1);
    expect(spectator).not.toContain('"lastAction"');
    expect(spectator).not.toContain('"complianceStock"');
    for (const json of [other, own, facilitator, spectator]) {
      expect(json).not.toContain('"rng"');
      expect(json).not.toContain('"stepFactor"');
    }
  });
});

describe("corrections in the log", () => {
  it("record when a correction starts but not how deep or how long it will be", () => {
    const config = configFor("ai-2025", { correction: { hazardMax: 1, hazardMidpoint: 0.5 } });
    const { states } = playRandomGame(config, 3, 3, 3);
    const entries = states.at(-1)?.log.filter((e) => e.kind === "correction") ?? [];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(["kind", "quarter"]);
  });
});
