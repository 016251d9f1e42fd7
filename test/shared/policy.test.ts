import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Policy, parsePolicy, policyAction, switched } from "../../shared/bots/policy.js";
import { POLICY_PRESETS } from "../../shared/bots/policy-presets.js";
import { type GameState, seedRng, validateAction, viewFor } from "../../shared/index.js";
import { type LineupSeat, playBots } from "../../shared/sim/play.js";
import { DIMENSIONS, decodePolicy, encodePolicy } from "../../shared/sim/policy-space.js";
import { ALL_SCENARIOS, configFor } from "../helpers/play.js";

const builder = POLICY_PRESETS.builder;

/** Every action of a game through JSON and the server's validation; throws naming the first illegal one. */
function expectLegalGame(game: ReturnType<typeof playBots>): void {
  game.record.quarters.forEach((quarter, q) => {
    const state = game.states[q] as GameState;
    for (const [firmId, action] of Object.entries(quarter.actions)) {
      const result = validateAction(state, firmId, JSON.parse(JSON.stringify(action)));
      if (!result.ok) throw new Error(`${firmId} in quarter ${q + 1}: ${result.error.code} ${result.error.message}`);
    }
  });
}

describe("policy schema", () => {
  it("accepts every preset, and a preset through JSON", () => {
    for (const [name, policy] of Object.entries(POLICY_PRESETS)) {
      expect(parsePolicy(JSON.parse(JSON.stringify(policy))), name).toEqual({ ok: true, value: policy });
    }
  });

  it.each([
    ["an unknown key, with its path", { ...builder, early: { ...builder.early, hype: { base: 1 } } }, /^unknown key early\.hype$/],
    ["an unknown feature in a dial", { ...builder, early: { ...builder.early, train: { base: 0.2, weather: 1 } } }, /unknown key early\.train\.weather/],
    ["a coefficient out of range", { ...builder, early: { ...builder.early, spend: { base: 0.3, sentiment: 50 } } }, /^early\.spend\.sentiment: .*10/],
    ["a breadth above the number of sectors", { ...builder, early: { ...builder.early, breadth: 9 } }, /^early\.breadth: /],
    ["an unknown hardware", { ...builder, hardware: "quantum" }, /^hardware: /],
    ["a late regime without a switch", { ...builder, late: builder.early }, /^switch: late and switch go together/],
    ["a missing field", { ...builder, fitMargin: undefined }, /^fitMargin: /],
    ["not an object", "best.json", /^policy: /],
  ])("rejects %s", (_name, raw, message) => {
    const parsed = parsePolicy(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("policies as seats", () => {
  it("every preset plays legal actions for a whole game, on every preset economy", () => {
    for (const scenario of ALL_SCENARIOS) {
      const lineup: LineupSeat[] = Object.entries(POLICY_PRESETS).map(([label, policy]) => ({ policy, label }));
      const game = playBots(configFor(scenario), `policy-${scenario}`, lineup);
      expectLegalGame(game);
      expect(game.states.at(-1)?.quarter).toBe(game.record.config.quarters);
    }
  });

  it("any point of the search space decodes to a valid policy that plays legal actions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.2, max: 1.2, noNaN: true }), { minLength: DIMENSIONS.length, maxLength: DIMENSIONS.length }),
        fc.constantFrom(...ALL_SCENARIOS),
        (u, scenario) => {
          const policy = decodePolicy(u);
          expect(parsePolicy(policy).ok).toBe(true);
          expectLegalGame(playBots(configFor(scenario, { quarters: 8 }), "space", [{ bot: "scaler" }, { bot: "builder" }, { policy, label: "p" }]));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("imitates its bot: the builder preset ships and never trains, the scaler preset trains on a locked contract, open releases its weights", () => {
    const game = playBots(configFor("ai-2025"), 5, [
      { policy: POLICY_PRESETS.scaler, label: "s" },
      { policy: POLICY_PRESETS.builder, label: "b" },
      { policy: POLICY_PRESETS.open, label: "o" },
    ]);
    const first = game.record.quarters[0]?.actions ?? {};
    expect(first["policy-1"]?.train).toBeGreaterThan(0);
    expect(first["policy-1"]?.hardware).toBe("locked");
    expect(Object.keys(first["policy-1"]?.apps ?? {})).toHaveLength(0);
    expect(first["policy-2"]?.train).toBe(0);
    expect(Object.values(first["policy-2"]?.apps ?? {}).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0);
    expect(game.states.at(-1)?.firms[2]?.openWeights).toBe(true);
    expect(game.states.at(-1)?.firms[1]?.openWeights).toBe(false);
  });

  it("plays the same way for the same view and generator, and switches regime for good", () => {
    const game = playBots(configFor("ai-2025"), 3, [{ bot: "scaler" }, { bot: "builder" }, { bot: "pivot" }]);
    const state = game.states[5] as GameState;
    const view = viewFor(state, { kind: "firm", firmId: "pivot-3" });
    expect(policyAction(POLICY_PRESETS.pivot, view, seedRng("x"))).toEqual(policyAction(POLICY_PRESETS.pivot, view, seedRng("x")));
    const late: Policy = { ...POLICY_PRESETS.pivot, switch: { on: "progress", above: 0.25, onCorrection: false } };
    const before = policyAction(late, viewFor(game.states[3] as GameState, { kind: "firm", firmId: "pivot-3" }), seedRng("x"));
    const after = policyAction(late, viewFor(game.states[4] as GameState, { kind: "firm", firmId: "pivot-3" }), seedRng("x"));
    expect(before.train).toBeGreaterThan(0);
    expect(after.train).toBe(0);
  });

  it("switches, like pivot, once an open model is well ahead of its own", () => {
    // Runs that ship at once: with time to build (engine 2.13.0) B is past the preset's 1.75 after turn 1 already.
    const game = playBots(configFor("ai-2025", { capability: { lagQuarters: 0 } }), 3, [{ bot: "scaler" }, { bot: "pivot" }]);
    const state = structuredClone(game.states[1] as GameState);
    const pivotFirm = state.firms[1];
    if (!pivotFirm) throw new Error("no pivot firm");
    const withoutOpenRule: Policy = { ...POLICY_PRESETS.pivot, switch: { on: "bubble", above: 1.75, onCorrection: true } };
    const view = () => viewFor(state, { kind: "firm", firmId: pivotFirm.id });
    expect(switched(POLICY_PRESETS.pivot, view())).toBe(false);
    state.market.openBaseline = pivotFirm.capability + state.config.openBaseline.appGap + 6;
    expect(switched(POLICY_PRESETS.pivot, view())).toBe(true);
    expect(switched(withoutOpenRule, view())).toBe(false);
  });

  it("round-trips through the search space close to itself", () => {
    for (const [name, policy] of Object.entries(POLICY_PRESETS)) {
      const decoded = decodePolicy(encodePolicy(policy));
      expect(decoded.openWeightsAt, name).toBe(policy.openWeightsAt);
      expect(decoded.hardware, name).toBe(policy.hardware);
      expect(decoded.early.spend.base, name).toBeCloseTo(policy.early.spend.base, 2);
      expect(decoded.early.breadth, name).toBe(policy.early.breadth);
      expect(decoded.switch?.on, name).toBe(policy.switch?.on);
    }
  });
});
