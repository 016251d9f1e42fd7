import { describe, expect, it } from "vitest";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import { largestInjectionMultiple } from "../../shared/sim/injections.js";
import { playBots, type Seat } from "../../shared/sim/play.js";
import { configOrThrow } from "../../shared/sim/run.js";

const REFERENCE: Seat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];

/**
 * The injection probe's worst case on engine 2.13.0 (docs/balance.md, "Clocks and the injection bound (econ-v12)"):
 * 16 quarters, seed `inj-0`, quarter 13, an adoption wave ×2 in finance (the schema's largest factor). `pivot-4`
 * is near break-even (operating profit −$4M, then $4M a turn); the wave takes its profit to $46M and its revenue
 * from $73M to $140M. The multiple and a growth premium read on this one turn's jump took its valuation ×3.02.
 */
describe("an adoption wave on a firm near break-even (the injection probe's worst case)", () => {
  const config = configOrThrow("ai-2025", { quarters: 16 });
  const played = playBots(config, "inj-0", REFERENCE);
  const q = 13;
  const state = played.states[q - 1];
  const actions = played.record.quarters[q - 1]?.actions;
  if (!state || !actions) throw new Error("the game is shorter than 13 quarters");
  const wave = { kind: "event", event: { kind: "adoptionWave", sector: "finance", factor: 2 } } as const;
  // Reports are in seat order: `pivot-4` is the fourth.
  expect(state.firms[3]?.id).toBe("pivot-4");
  const without = resolveQuarter(state, actions).report.firms[3];
  const withIt = resolveQuarter(state, actions, [wave]).report.firms[3];
  if (!without || !withIt) throw new Error("no fourth firm");

  it("is the firm the probe found: revenue nearly doubles and a thin profit becomes a real one", () => {
    expect(without.operatingProfit).toBeLessThan(10);
    expect(withIt.operatingProfit).toBeGreaterThan(40);
    expect(withIt.revenue / without.revenue).toBeGreaterThan(1.8);
  });

  it("lifts its valuation by less than 3× in the quarter: the jump earns the multiple now and the growth premium once sustained", () => {
    // 2.13.0: $740M → $2,236M (×3.02); priced on the sustained trend, $740M → $1,758M.
    expect(withIt.valuation / without.valuation).toBeLessThan(2.5);
    expect(withIt.valuation / without.valuation).toBeGreaterThan(2);
  });

  it("keeps every extreme injection on this game within the 3× bound", () => {
    expect(largestInjectionMultiple(config, ["inj-0"], REFERENCE)).toBeLessThanOrEqual(3);
  });
});
