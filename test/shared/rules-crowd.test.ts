import { describe, expect, it } from "vitest";
import { correctionSpans } from "../../shared/engine/corrections.js";
import { lastResortCapacity, raiseCapacity } from "../../shared/engine/rules/financing.js";
import { hazardReading, moodPressure, storyPressure } from "../../shared/engine/rules/sentiment.js";
import type { GameState } from "../../shared/engine/types.js";
import { playBots } from "../../shared/sim/play.js";
import { configFor } from "../helpers/play.js";

describe("moodPressure: the hazard and gravity read the part of B that mood makes", () => {
  it("reads B itself with the reference off, or while the story at neutral mood is below the reference", () => {
    expect(moodPressure(2.6, 2.2, 0)).toBe(2.6);
    expect(moodPressure(2.6, 1.5, 1.7)).toBe(2.6);
  });

  it("divides out a crowd's larger story: B ÷ (B_neutral ÷ reference)", () => {
    // Two scalers: B 2.65 at S ≈ 1.4 with B_neutral 2.2 → 2.65 ÷ (2.2 ÷ 1.7) = 2.048, under the hazard's midpoint 2.35.
    expect(moodPressure(2.65, 2.2, 1.7)).toBeCloseTo(2.65 / (2.2 / 1.7), 12);
    expect(moodPressure(2.65, 2.2, 1.7)).toBeLessThan(2.35);
  });
});

describe("storyPressure: past its cap, the story's size no longer raises the hazard (engine 2.9.0)", () => {
  it("reads B itself with the cap off, or while the story at neutral mood is within the cap", () => {
    expect(storyPressure(3.2, 2.2, 0)).toBe(3.2);
    expect(storyPressure(2.3, 1.6, 1.67)).toBe(2.3);
  });

  it("counts the excess at (cap − 1) of fundamentals: the reading is 1 + S × (cap − 1), whatever the crowd", () => {
    // Two scalers at S 1.9: B_neutral 2.2, B = 1 + 1.9 × 1.2 = 3.28; one leader's story would read 1 + 1.9 × 0.67.
    expect(storyPressure(3.28, 2.2, 1.67)).toBeCloseTo(1 + 1.9 * 0.67, 12);
    expect(storyPressure(1 + 1.9 * 2.5, 3.5, 1.67)).toBeCloseTo(1 + 1.9 * 0.67, 12);
  });

  it("the hazard reads the capped story, then the part mood makes; both off, B itself", () => {
    const config = configFor("ai-2025");
    expect(config.correction.storyCap).toBe(1.67);
    // 2.8.0 read this crowd as 3.28 ÷ (2.2 ÷ 1.7) = 2.53, above the midpoint 2.35; now 2.27, below it.
    expect(hazardReading(config, 3.28, 2.2)).toBeCloseTo(1 + 1.9 * 0.67, 12);
    expect(hazardReading(config, 3.28, 2.2)).toBeLessThan(config.correction.hazardMidpoint);
    const old = configFor("ai-2025", { correction: { storyCap: 0 } });
    expect(hazardReading(old, 3.28, 2.2)).toBeCloseTo(moodPressure(3.28, 2.2, 1.7), 12);
    expect(hazardReading(old, 3.28, 2.2)).toBeGreaterThan(config.correction.hazardMidpoint);
    const off = configFor("ai-2025", { correction: { storyCap: 0, moodReference: 0 } });
    expect(hazardReading(off, 3.28, 2.2)).toBe(3.28);
  });

  it("a cap of 1 or less (other than 0, off) is refused, naming the key", () => {
    expect(() => configFor("ai-2025", { correction: { storyCap: 0.8 } })).toThrow(/correction\.storyCap/);
  });
});

describe("lastResortCapacity: a firm that still has a market value can sell a small rescue stake (engine 2.9.0)", () => {
  it("is lastResort of the valuation a quarter, over the turn's quarters, whatever the sentiment", () => {
    const config = configFor("ai-2025");
    expect(config.financing.lastResort).toBe(0.02);
    expect(lastResortCapacity(config, 3000)).toBeCloseTo(60, 9);
    expect(lastResortCapacity(config, -10)).toBe(0);
    const short = configFor("ai-2025", { quarters: 8 });
    expect(lastResortCapacity(short, 3000)).toBeCloseTo(3000 * (1 - 0.98 ** 2), 9);
    expect(lastResortCapacity(configFor("ai-2025", { financing: { lastResort: 0 } }), 3000)).toBe(0);
  });
});

describe("raiseCapacity: a profitable firm can still raise in a cold market", () => {
  const config = configFor("ai-2025");
  const f = config.financing;
  const cold = f.appetiteFloor - 0.2;

  it("below the appetite floor, a firm with an operating profit raises profitAppetite × that profit; a loss-maker nothing", () => {
    expect(f.profitAppetite).toBe(0.5);
    expect(raiseCapacity(config, cold, false, 5000, 80)).toBeCloseTo(40, 9);
    expect(raiseCapacity(config, cold, false, 5000, -80)).toBe(0);
    expect(raiseCapacity(config, cold, false, 5000, 0)).toBe(0);
  });

  it("in a correction, the profit backing is cut like every appetite; and it never exceeds the firm's own cap", () => {
    expect(raiseCapacity(config, cold, true, 5000, 80)).toBeCloseTo(40 * f.correctionAppetite, 9);
    const tinyFirm = raiseCapacity(config, 2.5, false, 50, 0);
    expect(raiseCapacity(config, cold, false, 50, 10_000)).toBeCloseTo(tinyFirm, 9);
  });

  it("with the dial at 0, nothing below the floor (the rule before engine 2.8.0)", () => {
    const off = configFor("ai-2025", { financing: { profitAppetite: 0 } });
    expect(raiseCapacity(off, cold, false, 5000, 80)).toBe(0);
  });
});

const CROWD = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }, { bot: "scaler" }] as const;

/**
 * Plays `games` crowded games (two scalers) of `quarters` quarters: the share of scaler seats
 * delisted, and each game's first correction, sorted — the engine's own start (`firstQuarter`, a
 * hazard start) and the start of the first fall the simulator counts (`correctionSpans`); a game
 * without one counts quarters + 1.
 */
function playCrowd(quarters: number, games: number, seedPrefix: string, override: object) {
  const config = configFor("ai-2025", { quarters, ...override });
  let scalerSeats = 0;
  let scalersDelisted = 0;
  const hazardStarts: number[] = [];
  const spanStarts: number[] = [];
  for (let i = 0; i < games; i++) {
    const { states } = playBots(config, `${seedPrefix}-${i}`, [...CROWD], {}, "final");
    const end = states[states.length - 1] as GameState;
    for (const firm of end.firms) {
      if (!firm.id.startsWith("scaler")) continue;
      scalerSeats++;
      if (firm.delisted) scalersDelisted++;
    }
    hazardStarts.push(end.market.correction.firstQuarter ?? quarters + 1);
    spanStarts.push(correctionSpans(end.market.history)[0]?.start ?? quarters + 1);
  }
  const byQuarter = (a: number, b: number) => a - b;
  return { delisted: scalersDelisted / scalerSeats, hazardStarts: hazardStarts.sort(byQuarter), spanStarts: spanStarts.sort(byQuarter) };
}

describe("a crowd of scalers gets a boom before its bust", () => {
  // Engine 2.7.0 on this line-up (the rules off): the first correction came in quarter 2 of 8 and both
  // scalers were delisted in ~94% of games. 40 games keep this test quick; the figures at 500 games
  // are in docs/balance.md ("The crowd of scalers, third attempt").
  const off = {
    correction: { moodReference: 0, storyCap: 0 },
    sentiment: { gravityMoodReference: 0 },
    financing: { profitAppetite: 0, lastResort: 0 },
  };

  function crowd(override: object) {
    const { delisted, hazardStarts } = playCrowd(8, 40, "crowd", override);
    return { delisted, medianStart: hazardStarts[hazardStarts.length / 2] as number };
  }

  it("scalers survive in most games and the correction waits for a boom (it did not with the rules off)", () => {
    const now = crowd({});
    const before = crowd(off);
    expect(before.delisted, "rules off: scalers delisted").toBeGreaterThan(0.85);
    expect(now.delisted, "scalers delisted").toBeLessThan(0.8);
    expect(now.medianStart, "median first correction").toBeGreaterThan(before.medianStart);
  });
});

describe("a crowd of scalers corrects in the middle third and most of its scalers survive (engine 2.9.0)", () => {
  // Engine 2.8.0 (these two dials at 0): at 16 quarters the crowd's first correction came in quarter 5 (the
  // middle third starts after 5.3) and 63.5% of its scalers were delisted (500 games; docs/balance.md,
  // "The crowd of scalers, fourth attempt"). 80 games keep this test quick: here 58.1% against 65.6%, quarter 6 against 5.
  const before = { correction: { storyCap: 0 }, financing: { lastResort: 0 } };

  function crowd(override: object) {
    const { delisted, spanStarts } = playCrowd(16, 80, "crowd16", override);
    return { delisted, medianStart: ((spanStarts[39] as number) + (spanStarts[40] as number)) / 2 };
  }

  it("the first correction waits past the first third and fewer than 60% of scalers are delisted (neither held at 2.8.0)", () => {
    const now = crowd({});
    const then = crowd(before);
    expect(then.medianStart, "2.8.0: median first correction").toBeLessThanOrEqual(16 / 3);
    expect(then.delisted, "2.8.0: scalers delisted").toBeGreaterThan(0.6);
    expect(now.medianStart, "median first correction").toBeGreaterThan(16 / 3);
    expect(now.delisted, "scalers delisted").toBeLessThan(0.6);
  });
});
