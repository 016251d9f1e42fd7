import { describe, expect, it } from "vitest";
import { capabilityAfterTraining, capabilityFromCompute, createGame, type GameState, resolveQuarter, SECTOR_IDS, seedRng } from "../../shared/index.js";
import { nextLuck } from "../../shared/rng.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

/** No random news and runs that ship at once (time to build has its own tests); everything else as the default economy, with the luck given. */
function cfg(luck: { training: number; productFit: number }) {
  return configFor("ai-2025", { events: { probability: 0 }, capability: { lagQuarters: 0 }, luck });
}

/** Four equal firms play the same action for `quarters` quarters on `seed`. */
function playSame(luck: { training: number; productFit: number }, seed: string, action: Parameters<typeof act>[0], quarters = 1): GameState {
  let state = createGame(cfg(luck), seed, seats(4));
  for (let q = 0; q < quarters; q++) {
    const actions = Object.fromEntries(state.firms.map((f) => [f.id, act(action)]));
    state = resolveQuarter(state, actions).state;
  }
  return state;
}

const SUPPORT = SECTOR_IDS.indexOf("support");

describe("a firm's own luck", () => {
  it("a mean-one lognormal: mean 1, log spread σ, and σ 0 draws nothing", () => {
    const rng = seedRng("luck-draws");
    const draws = Array.from({ length: 20000 }, () => nextLuck(rng, 0.4));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const logs = draws.map(Math.log);
    const logMean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const logSd = Math.sqrt(logs.reduce((a, b) => a + (b - logMean) ** 2, 0) / logs.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(logSd).toBeCloseTo(0.4, 1);
    const before = { ...rng };
    expect(nextLuck(rng, 0)).toBe(1);
    expect(rng).toEqual(before);
  });

  it("a run's luck scales a small gain by itself and never reaches capMax", () => {
    const config = cfg({ training: 0, productFit: 0 });
    const c400 = capabilityFromCompute(config, 400);
    const average = capabilityAfterTraining(config, c400, 400, 401, 0.34);
    const lucky = capabilityAfterTraining(config, c400, 400, 401, 0.34, 2);
    expect(capabilityAfterTraining(config, c400, 400, 1000, 0.34, 1)).toBeCloseTo(capabilityFromCompute(config, 1000), 10);
    expect((lucky - c400) / (average - c400)).toBeCloseTo(2, 2);
    expect(capabilityAfterTraining(config, c400, 400, 1e5, 0.34, 3)).toBeLessThan(config.capability.capMax);
    expect(capabilityAfterTraining(config, c400, 400, 1000, 0.34, 0.5)).toBeGreaterThan(c400);
  });

  it("the same training run buys different capability for different firms, and the same for all without luck", () => {
    const lucky = playSame({ training: 0.3, productFit: 0 }, "luck-train", { train: 300 });
    const caps = lucky.firms.map((f) => f.capability);
    expect(new Set(caps).size).toBe(4);
    // Without luck every firm's run buys exactly what its compute promises.
    const flat = playSame({ training: 0, productFit: 0 }, "luck-train", { train: 300 });
    const flatCaps = flat.firms.map((f) => f.capability);
    expect(new Set(flatCaps).size).toBe(1);
    // Some firms do better than the average run and some worse.
    expect(Math.max(...caps)).toBeGreaterThan(flatCaps[0] as number);
    expect(Math.min(...caps)).toBeLessThan(flatCaps[0] as number);
    // A firm that does not train draws no luck and keeps its capability.
    const idle = playSame({ training: 0.3, productFit: 0 }, "luck-train", {});
    expect(firm(idle, 0).capability).toBe(capabilityFromCompute(idle.config, idle.config.start.compute));
  });

  it("a product's fit is drawn the quarter a firm first ships into a sector, kept for the game, and decides its customers", () => {
    const one = playSame({ training: 0, productFit: 0.4 }, "luck-fit", { apps: { support: 100 } });
    for (const f of one.firms) {
      expect(f.productFit[SUPPORT]).toBeGreaterThan(0);
      // Sectors it never shipped into have no fit yet.
      for (let s = 0; s < SECTOR_IDS.length; s++) if (s !== SUPPORT) expect(f.productFit[s]).toBe(0);
    }
    const fits = one.firms.map((f) => f.productFit[SUPPORT] as number);
    expect(new Set(fits).size).toBe(4);
    // The same spend wins more customers where the product fits better.
    const customers = one.firms.map((f) => f.customers[SUPPORT] as number);
    const order = (xs: number[]) => xs.map((_, i) => i).sort((a, b) => (xs[a] as number) - (xs[b] as number));
    expect(order(customers)).toEqual(order(fits));
    expect(new Set(customers).size).toBe(4);
    // Kept, not redrawn: three more quarters of the same spend leave every fit as drawn.
    const four = playSame({ training: 0, productFit: 0.4 }, "luck-fit", { apps: { support: 100 } }, 4);
    expect(four.firms.map((f) => f.productFit[SUPPORT])).toEqual(fits);
    // Without luck the same spend wins the same customers.
    const flat = playSame({ training: 0, productFit: 0 }, "luck-fit", { apps: { support: 100 } });
    expect(new Set(flat.firms.map((f) => f.customers[SUPPORT])).size).toBe(1);
    expect(flat.firms.map((f) => f.productFit[SUPPORT])).toEqual([1, 1, 1, 1]);
  });

  it("is deterministic: the same seed and actions give the same luck; another seed, other luck", () => {
    const action = { train: 200, apps: { support: 60, media: 40 } };
    const luck = { training: 0.3, productFit: 0.4 };
    const a = playSame(luck, "luck-seed", action, 3);
    const b = playSame(luck, "luck-seed", action, 3);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = playSame(luck, "luck-seed-2", action, 3);
    expect(c.firms.map((f) => f.capability)).not.toEqual(a.firms.map((f) => f.capability));
    expect(c.firms.map((f) => f.productFit)).not.toEqual(a.firms.map((f) => f.productFit));
  });
});
