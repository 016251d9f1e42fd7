import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOT_NAMES, botAction } from "../../shared/bots/index.js";
import { policyAction } from "../../shared/bots/policy.js";
import { POLICY_PRESETS } from "../../shared/bots/policy-presets.js";
import { randomBot } from "../../shared/bots/random.js";
import type { FirmView } from "../../shared/engine/view.js";
import { type Action, createGame, type GameState, resolveQuarter, seedRng, validateAction, viewFor } from "../../shared/index.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";
import { botRng, playBots, type Seat } from "../../shared/sim/play.js";
import { ALL_SCENARIOS, configFor } from "../helpers/play.js";

describe("bots", () => {
  it("never produce an invalid action, on every preset and many seeds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_SCENARIOS),
        fc.integer({ min: 0, max: 1e9 }),
        fc.shuffledSubarray([...BOT_NAMES], { minLength: 2 }),
        (scenario, seed, names) => {
          const config = configFor(scenario);
          const lineup: Seat[] = names.map((bot) => ({ bot }));
          const game = playBots(config, seed, lineup);
          game.record.quarters.forEach((quarter, q) => {
            const state = game.states[q] as GameState;
            for (const [firmId, action] of Object.entries(quarter.actions)) {
              // What a client would send: the action through JSON, validated like any input.
              const result = validateAction(state, firmId, JSON.parse(JSON.stringify(action)));
              if (!result.ok) throw new Error(`${firmId} in quarter ${q + 1}: ${result.error.code} ${result.error.message}`);
            }
          });
          expect(game.states.at(-1)?.quarter).toBe(config.quarters);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("decide only from their own seat's view: other firms' private state changes nothing", () => {
    const config = configFor("ai-2025");
    const game = playBots(config, 11, [{ bot: "scaler" }, { bot: "builder" }, { bot: "pivot" }]);
    const state = game.states[6] as GameState;
    const tampered: GameState = structuredClone(state);
    for (const firm of tampered.firms.slice(1)) {
      firm.lastAction = { ...firm.lastAction, train: 999, marketing: 123 };
      firm.complianceStock += 50;
      firm.integration = firm.integration.map((x) => x * 2);
    }
    for (const name of BOT_NAMES) {
      const a = botAction(name, viewFor(state, { kind: "firm", firmId: "scaler-1" }), seedRng("x"));
      const b = botAction(name, viewFor(tampered, { kind: "firm", firmId: "scaler-1" }), seedRng("x"));
      expect(b, name).toEqual(a);
    }
  });

  it("play their plans: scaler trains and ships nothing, builder ships and never trains, open releases its weights", () => {
    const config = configFor("ai-2025");
    const game = playBots(config, 5, [{ bot: "scaler" }, { bot: "builder" }, { bot: "open" }]);
    const first = game.record.quarters[0]?.actions ?? {};
    expect(first["scaler-1"]?.train).toBeGreaterThan(0);
    expect(Object.keys(first["scaler-1"]?.apps ?? {})).toHaveLength(0);
    expect(first["builder-2"]?.train).toBe(0);
    expect(Object.values(first["builder-2"]?.apps ?? {}).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0);
    expect(game.states.at(-1)?.firms[2]?.openWeights).toBe(true);
  });

  it("replay identically: same seed, same actions", () => {
    const config = configFor("ai-2025");
    const lineup: Seat[] = [{ bot: "random" }, { bot: "balanced" }];
    expect(playBots(config, "r", lineup).record).toEqual(playBots(config, "r", lineup).record);
    expect(botRng("s", "a")).not.toEqual(botRng("s", "b"));
    // A finished game can be resumed by nobody: the engine refuses a 17th quarter.
    const done = playBots(config, "r", lineup).states.at(-1) as GameState;
    expect(() => resolveQuarter(done, {})).toThrow(/game is over/);
  });

  it("random plays the same story at every length: its chances and spending are per quarter of the story", () => {
    const draws = 4000;
    for (const quarters of [8, 16, 24]) {
      const tau = 16 / quarters;
      const state = createGame(configFor("ai-2025", { quarters }), "len", [
        { id: "random-1", name: "Random 1" },
        { id: "builder-2", name: "Builder 2" },
      ]);
      const view = viewFor(state, { kind: "firm", firmId: "random-1" });
      const rng = seedRng(`random/${quarters}`);
      let released = 0;
      let spentShare = 0;
      for (let i = 0; i < draws; i++) {
        const a = randomBot(view, rng);
        if (a.openWeights) released++;
        let spent = a.train + a.efficiency + a.compliance + a.marketing + (a.distill ? view.limits.edgeCost : 0);
        for (const v of Object.values(a.apps)) spent += v ?? 0;
        spentShare += spent / ((view.self.cash + a.raise) * 0.999) / draws;
      }
      // A turn of tau quarters releases with 1 − (1 − 3%)^tau and spends, on average, what
      // tau quarters of a uniform share would: 1 − E[(1 − u)^tau] = 1 − 1/(tau + 1).
      const perQuarter = 1 - (1 - released / draws) ** (1 / tau);
      expect(perQuarter, `${quarters}q: weights released per quarter of the story`).toBeCloseTo(0.03, 2);
      expect(spentShare, `${quarters}q: share of the budget spent a turn`).toBeCloseTo(1 - 1 / (tau + 1), 1);
    }
  });

  it("read their own product fit: nothing more into a market where the product missed and did not pay, that money kept (balanced moves it on); more where it fits well", () => {
    const config = configFor("ai-2025");
    const game = playBots(config, 3, [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }, { bot: "open" }]);
    const spentOn = (a: Action) => a.train + a.efficiency + a.compliance + a.marketing + Object.values(a.apps).reduce((x, y) => x + (y ?? 0), 0);
    // The sectors it ships into with at least a tenth of its largest app spend, largest first.
    const shipped = (a: Action) => {
      const top = Math.max(0, ...Object.values(a.apps).map((x) => x ?? 0));
      return SECTOR_IDS.filter((id) => (a.apps[id] ?? 0) > 0 && (a.apps[id] ?? 0) >= top / 10).sort((x, y) => (a.apps[y] ?? 0) - (a.apps[x] ?? 0));
    };
    const players: [string, string, (view: FirmView) => Action][] = [
      ...(["builder", "balanced", "open"] as const).map(
        (name, i) =>
          [name, `${name}-${[2, 3, 5][i]}`, (view: FirmView) => botAction(name, view, seedRng("fit"))] as [string, string, (view: FirmView) => Action],
      ),
      ["a policy seat (plain-ship)", "builder-2", (view) => policyAction(POLICY_PRESETS["plain-ship"], view, seedRng("fit"))],
    ];
    for (const [name, firmId, play] of players) {
      // Each firm's products set to an average fit (×1) in every market it has entered, from the first quarter it ships into two (each with a tenth of its app spend or more).
      const average = (state: GameState) => {
        const copy: GameState = structuredClone(state);
        const self = copy.firms.find((f) => f.id === firmId) as GameState["firms"][number];
        self.productFit = self.productFit.map((x) => (x > 0 ? 1 : 0));
        return { copy, self };
      };
      const found = game.states.slice(1, -1).find((state) => shipped(play(viewFor(average(state).copy, { kind: "firm", firmId }))).length >= 2);
      expect(found, `${name} ships into two sectors at some point`).toBeDefined();
      const { copy, self } = average(found as GameState);
      const before = play(viewFor(copy, { kind: "firm", firmId }));
      // Its best market, where it has launched (a fit drawn) and spent last turn.
      const sector = shipped(before)[0] as SectorId;
      const s = SECTOR_IDS.indexOf(sector);
      self.productFit[s] = 0.3;
      self.lastAction = { ...self.lastAction, apps: { ...self.lastAction.apps, [sector]: 50 } };
      const last = self.history.at(-1) as (typeof self.history)[number];
      last.sectorRevenue[s] = 20;
      const after = play(viewFor(copy, { kind: "firm", firmId }));
      expect(after.apps[sector] ?? 0, `${name}: ${sector} after a miss`).toBe(0);
      if (name === "balanced")
        // balanced moves on to the next sector its model fits (econ-v11; test/shared/bots-move-on.test.ts): the same spending, elsewhere.
        expect(spentOn(after), `${name}: moves that share to another sector`).toBeGreaterThan(spentOn(before) * 0.99);
      else expect(spentOn(after), `${name}: spends less once a product missed`).toBeLessThan(spentOn(before) * 0.99);
      // The same bad fit in a market that pays for what it costs is kept, with less in it.
      last.sectorRevenue[s] = 80;
      const paying = play(viewFor(copy, { kind: "firm", firmId }));
      expect(paying.apps[sector] ?? 0, `${name}: ${sector} still pays`).toBeGreaterThan(0);
      expect(paying.apps[sector] ?? 0, `${name}: ${sector} gets less on a bad fit`).toBeLessThan((before.apps[sector] ?? 0) * 0.99);
      // A product that fits well gets more.
      self.productFit[s] = 2.5;
      const lucky = play(viewFor(copy, { kind: "firm", firmId }));
      expect(lucky.apps[sector] ?? 0, `${name}: ${sector} with a good fit`).toBeGreaterThan((before.apps[sector] ?? 0) * 1.01);
    }
  });
});
