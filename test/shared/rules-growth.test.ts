import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePolicy } from "../../shared/bots/policy.js";
import { DIALS } from "../../shared/bots/strategies.js";
import { clockOf } from "../../shared/engine/clock.js";
import { rampCost, spanOfControl } from "../../shared/engine/rules/growth.js";
import type { GameState } from "../../shared/engine/types.js";
import { createGame, resolveQuarter, score } from "../../shared/index.js";
import { playBots } from "../../shared/sim/play.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** Two firms resolve quarter 1: firm 0 plays `a`, firm 1 does nothing. */
function firstQuarter(override: unknown, a: Parameters<typeof act>[0]): GameState {
  const state = createGame(configFor("ai-2025", override), "growth", seats(2));
  return resolveQuarter(state, { f1: act(a), f2: act({}) }).state;
}

describe("the ramp cost: spending faster than the firm's own base costs overhead (engine 2.10.0, saturating since 2.11.0)", () => {
  const config = configFor("ai-2025");
  const o = config.opex;
  /** The 2.10.0 rule: the same dials with no cap on the overhead per dollar. */
  const uncapped = { opex: { rampCap: 1e9 } };

  it("is min(g × e, cap) × e × K for an excess e = x/K − (1 + r)^tau above the free growth, and 0 below it", () => {
    expect([o.rampCost, o.rampAllowance, o.rampBase, o.rampCap]).toEqual([3, 0.25, 400, 0.33]);
    const state = createGame(config, "growth", seats(2));
    const f = firm(state, 0);
    const clock = clockOf(config);
    // Quarter 1: no spending behind it, so K is rampBase ($400M); 1.25 × 400 = $500M is free.
    expect(rampCost(config, clock, f, 500)).toBe(0);
    // Just above it the overhead is still quadratic: g × e = 3 × 0.05 is under the cap (0.33).
    expect(rampCost(config, clock, f, 520)).toBeCloseTo(3 * (520 / 400 - 1.25) ** 2 * 400, 9);
    // Further up it saturates: at most a third (0.33) of the spending above the free $500M.
    expect(rampCost(config, clock, f, 700)).toBeCloseTo(0.33 * 200, 9);
    expect(rampCost(configFor("ai-2025", uncapped), clock, f, 700)).toBeCloseTo(3 * (700 / 400 - 1.25) ** 2 * 400, 9);
    // A firm that spent $600M last turn may spend up to $750M without strain.
    f.history.push({ ...(f.history[0] as (typeof f.history)[number]), quarter: 1, spent: 600 });
    expect(rampCost(config, clock, f, 750)).toBe(0);
    expect(rampCost(config, clock, f, 770)).toBeCloseTo(3 * (770 / 600 - 1.25) ** 2 * 600, 9);
    expect(rampCost(config, clock, f, 900)).toBeCloseTo(0.33 * 150, 9);
  });

  it("lets a turn of an 8-quarter game grow as two quarters do: base and free growth scale with the clock", () => {
    const short = configFor("ai-2025", { quarters: 8 });
    const f = firm(createGame(short, "growth", seats(2)), 0);
    const clock = clockOf(short);
    expect(clock.rampFree).toBeCloseTo(1.25 ** 2, 12);
    expect(rampCost(short, clock, f, 800 * 1.25 ** 2)).toBe(0);
    expect(rampCost(short, clock, f, 1300)).toBeCloseTo(3 * (1300 / 800 - 1.5625) ** 2 * 800, 9);
    expect(rampCost(short, clock, f, 1600)).toBeCloseTo(0.33 * (1600 - 1250), 9);
  });

  it("is booked as operating cost: a firm that spends $800M in its first quarter pays it, and nothing with the dial at 0", () => {
    const big = { train: 500, efficiency: 300 };
    const on = firm(firstQuarter({}, big), 0).history[1];
    const off = firm(firstQuarter({ opex: { rampCost: 0 } }, big), 0).history[1];
    const expected = 0.33 * (800 - 500);
    expect((on?.opex ?? 0) - (off?.opex ?? 0)).toBeCloseTo(expected, 6);
    expect((off?.operatingProfit ?? 0) - (on?.operatingProfit ?? 0)).toBeCloseTo(expected, 6);
    // The report names it: its own figure, still counted in opex.
    expect(on?.rampCost).toBeCloseTo(expected, 6);
    expect(off?.rampCost).toBe(0);
    // A steady first quarter (the scaler bot's 43% of $1B) pays nothing.
    const steady = { train: 350, marketing: 80 };
    expect(firm(firstQuarter({}, steady), 0).history[1]?.opex).toBe(firm(firstQuarter({ opex: { rampCost: 0 } }, steady), 0).history[1]?.opex);
  });

  /** Five firms resolve their first turn; firm 0 trains `train` of its $1B, the others do nothing. Seeds `allin-0…`. */
  function allIn(quarters: number, train: number, override: object, games = 20) {
    const cfg = configFor("ai-2025", { ...override, quarters });
    const free = clockOf(cfg).rampFree * cfg.opex.rampBase * clockOf(cfg).tau;
    return Array.from({ length: games }, (_, g) => {
      const state = createGame(cfg, `allin-${g}`, seats(5));
      const actions = Object.fromEntries(state.firms.map((f, i) => [f.id, act(i === 0 ? { train } : {})]));
      const f = firm(resolveQuarter(state, actions).state, 0);
      return { delisted: f.delisted, overhead: f.history[1]?.rampCost ?? 0, excess: Math.max(0, train - free), cash: f.cash };
    });
  }

  it("does not delist a firm by itself: $900M of a $1B war chest into training in the first turn survives (8, 12, 16 quarters; $800M at 24)", () => {
    expect(config.start.cash).toBe(1000);
    // A 24-quarter turn is two thirds of a quarter (only $310M is free); there $900M is delisted on 2 of 200 seeds
    // (allin-34, allin-94: a weak run leaves an $86M hole), $800M on none (docs/balance.md, "The ramp-cost cliff").
    for (const [quarters, train] of [
      [8, 900],
      [12, 900],
      [16, 900],
      [24, 800],
    ] as const) {
      for (const game of allIn(quarters, train, {})) {
        expect(game.delisted, `${quarters} quarters`).toBe(false);
        expect(game.overhead).toBeLessThanOrEqual(0.33 * game.excess + 1e-9);
      }
    }
    // So does all of it in a 12-quarter game.
    for (const game of allIn(12, 1000, {})) expect(game.delisted).toBe(false);
    // With no cap (engine 2.10.0) the same $900M paid 3 × (900/400 − 1.25)² × 400 = $1,200M and delisted the firm at once.
    for (const game of allIn(16, 900, uncapped)) expect(game).toMatchObject({ delisted: true, overhead: 1200 });
  });
});

describe("span of control: training while integrating into many sectors spreads the firm thin (engine 2.10.0)", () => {
  const config = configFor("ai-2025");
  const five = [10, 10, 10, 10, 10, 0];

  it("keeps 1 ÷ (1 + s × sectors beyond 3) of each sector's integration work, only for a firm that trains", () => {
    expect([config.apps.spanSectors, config.apps.spanPenalty]).toEqual([3, 3]);
    expect(spanOfControl(config, 100, five)).toBeCloseTo(1 / 7, 12);
    expect(spanOfControl(config, 100, [10, 10, 10, 10, 0, 0])).toBeCloseTo(1 / 4, 12);
    expect(spanOfControl(config, 100, [10, 10, 10, 0, 0, 0])).toBe(1);
    expect(spanOfControl(config, 0, five)).toBe(1);
    expect(spanOfControl(configFor("ai-2025", { apps: { spanPenalty: 0 } }), 100, five)).toBe(1);
  });

  it("in a resolved quarter: a trainer shipping into four sectors builds a quarter of the integration it builds with the dial at 0", () => {
    const apps = { support: 40, industrial: 40, finance: 40, media: 40 };
    const on = firm(firstQuarter({}, { train: 100, apps }), 0);
    const off = firm(firstQuarter({ apps: { spanPenalty: 0 } }, { train: 100, apps }), 0);
    for (let s = 0; s < on.integration.length; s++) expect(on.integration[s]).toBeCloseTo((off.integration[s] as number) / 4, 9);
    expect(off.integration.filter((x) => x > 0)).toHaveLength(4);
    // The report names it: four sectors while training kept a quarter of the work.
    expect(on.history[1]).toMatchObject({ spanSectors: 4, spanFactor: 0.25 });
    expect(off.history[1]).toMatchObject({ spanSectors: 0, spanFactor: 1 });
    // A shipper that does not train keeps all of it.
    const shipper = firm(firstQuarter({}, { apps }), 0);
    const shipperOff = firm(firstQuarter({ apps: { spanPenalty: 0 } }, { apps }), 0);
    expect(shipper.integration).toEqual(shipperOff.integration);
    expect(shipper.history[1]).toMatchObject({ spanSectors: 0, spanFactor: 1 });
  });
});

describe("the 2.8.0 exploit search's find meets the cost of growing fast", () => {
  // docs/exploit/2.8.0/16q-seed1.json: `npm run sim -- --search --budget 4000 --seed 1 --quarters 16` on engine 2.8.0
  // (train early, raise hard while warm, ship into up to five sectors). 120 games keep this test quick (46.7% → 34.2% on
  // engine 2.14.0's bots; 60 games gave 45.0% → 35.0%, too near the 10-point margin);
  // the 500-game figures (51.4% → 37.0% on engine 2.10.0) are in docs/balance.md ("The two together").
  const raw = JSON.parse(readFileSync(new URL("../../docs/exploit/2.8.0/16q-seed1.json", import.meta.url), "utf8"));
  const parsed = parsePolicy(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  const lineup = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }, { policy: parsed.value, label: "find" }] as const;

  // Against the bots it was searched against: the shippers entering a sector once their model meets 90% of its need
  // (the shippers' reach dials of engine 2.13.0 are 0.7–0.75).
  const reach = { builder: DIALS.builder.reach, open: DIALS.open.reach, pivot: DIALS.pivot.shipReach };
  beforeAll(() => {
    DIALS.builder.reach = 0.9;
    DIALS.open.reach = 0.9;
    DIALS.pivot.shipReach = 0.9;
  });
  afterAll(() => {
    DIALS.builder.reach = reach.builder;
    DIALS.open.reach = reach.open;
    DIALS.pivot.shipReach = reach.pivot;
  });

  /** In the economy the find was searched in: runs ship at once and fit luck σ 0.9 (before engine 2.13.0's time to build). */
  const GAMES = 120;
  function wins(override: object): number {
    const config = configFor("ai-2025", { capability: { lagQuarters: 0 }, luck: { productFit: 0.9 }, ...override });
    let won = 0;
    for (let i = 0; i < GAMES; i++) {
      const { states } = playBots(config, `growth-${i}`, [...lineup], {}, "final");
      if (score(states[states.length - 1] as GameState)[0]?.firmId === "policy-5") won++;
    }
    return won / GAMES;
  }

  it("wins more than 40% with both rules off and clearly less with them on", () => {
    const off = wins({ opex: { rampCost: 0 }, apps: { spanPenalty: 0 } });
    const on = wins({});
    expect(off).toBeGreaterThan(0.4);
    expect(on).toBeLessThan(off - 0.1);
  });
});
