import { describe, expect, it } from "vitest";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import { largestInjectionMultiple } from "../../shared/sim/injections.js";
import { playBots, type Seat } from "../../shared/sim/play.js";
import { configOrThrow } from "../../shared/sim/run.js";

const REFERENCE: Seat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];

/**
 * The injection probe's worst case before growth was priced once sustained (docs/balance.md, "Clocks and the injection
 * bound (econ-v12)"), on the merged bots of engine 2.14.0: 24 quarters, seed `inj-1`, the last quarter, an adoption wave
 * ×2 in finance (the schema's largest factor). `pivot-4` is at break-even (operating profit $0.5M); the wave takes its
 * profit to $27.5M and nearly doubles its revenue. The multiple and a growth premium read on this one turn's jump took its
 * valuation ×3.29 (2.13.0's rule on these bots; on 2.13.0's bots the worst case was 16q `inj-0` at ×3.02).
 */
describe("an adoption wave on a firm near break-even (the injection probe's worst case)", () => {
  const config = configOrThrow("ai-2025", { quarters: 24 });
  const played = playBots(config, "inj-1", REFERENCE);
  const q = 24;
  const state = played.states[q - 1];
  const actions = played.record.quarters[q - 1]?.actions;
  if (!state || !actions) throw new Error("the game is shorter than 24 quarters");
  const wave = { kind: "event", event: { kind: "adoptionWave", sector: "finance", factor: 2 } } as const;
  // Reports are in seat order: `pivot-4` is the fourth.
  expect(state.firms[3]?.id).toBe("pivot-4");
  const without = resolveQuarter(state, actions).report.firms[3];
  const withIt = resolveQuarter(state, actions, [wave]).report.firms[3];
  if (!without || !withIt) throw new Error("no fourth firm");

  it("is the firm the probe found: revenue nearly doubles and a thin profit becomes a real one", () => {
    expect(Math.abs(without.operatingProfit)).toBeLessThan(5);
    expect(withIt.operatingProfit).toBeGreaterThan(20);
    expect(withIt.revenue / without.revenue).toBeGreaterThan(1.8);
  });

  it("lifts its valuation by less than 3× in the quarter: the jump earns the multiple now and the growth premium once sustained", () => {
    // 2.13.0's rule: $653M → $2,152M (×3.29); priced on the sustained trend, $653M → $1,690M (×2.59).
    expect(withIt.valuation / without.valuation).toBeLessThan(2.8);
    expect(withIt.valuation / without.valuation).toBeGreaterThan(2);
  });

  it("keeps every extreme injection on this game within the 3× bound", () => {
    expect(largestInjectionMultiple(config, ["inj-1"], REFERENCE)).toBeLessThanOrEqual(3);
  });
});
