import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { POLICY_PRESETS } from "../../shared/bots/policy-presets.js";
import { firmViewOn, publicView, viewFor } from "../../shared/engine/view.js";
import { botRng, type LineupSeat, playBots, seatAction, seatsFor } from "../../shared/sim/play.js";
import { FUZZ_LENGTHS, FUZZ_SCENARIOS } from "../helpers/engine-games.js";
import { configFor } from "../helpers/play.js";

const SEATS: readonly LineupSeat[] = [...BOT_NAMES.map((bot) => ({ bot })), ...Object.entries(POLICY_PRESETS).map(([label, policy]) => ({ policy, label }))];

/**
 * A simulated game makes the public part of its bots' views once a quarter and shares it
 * between the seats (`publicView` + `firmViewOn`); every seat must decide exactly as it would
 * on a view of its own (`viewFor`), quarter after quarter.
 */
describe("bots' views sharing one public part", () => {
  it("every seat of a played game chose the action it chooses on a view made for it alone, on every preset and length", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FUZZ_SCENARIOS),
        fc.constantFrom(...FUZZ_LENGTHS),
        fc.array(fc.constantFrom(...SEATS), { minLength: 2, maxLength: 6 }),
        fc.nat({ max: 1_000_000 }),
        (scenario, quarters, lineup, seed) => {
          const config = configFor(scenario, { quarters });
          const game = playBots(config, seed, lineup);
          const firms = seatsFor(lineup);
          const rngs = firms.map((f) => botRng(seed, f.id));
          game.record.quarters.forEach((quarter, k) => {
            const state = game.states[k];
            if (!state) throw new Error(`no state before quarter ${k + 1}`);
            const base = publicView(state);
            state.firms.forEach((firm, i) => {
              if (firm.delisted) return;
              const alone = viewFor(state, { kind: "firm", firmId: firm.id });
              expect(firmViewOn(state, base, firm)).toEqual(alone);
              const action = seatAction(lineup[i] as LineupSeat, alone, rngs[i] as (typeof rngs)[number]);
              expect(JSON.stringify(action), `${scenario}, ${quarters} quarters, seed ${seed}, quarter ${k + 1}, ${firm.id}`).toBe(
                JSON.stringify(quarter.actions[firm.id]),
              );
            });
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
