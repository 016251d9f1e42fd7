import { BOT_NAMES, botAction } from "../../shared/bots/index.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarterInPlace } from "../../shared/engine/resolve.js";
import type { FirmState } from "../../shared/engine/types.js";
import { firmViewOn, publicView } from "../../shared/engine/view.js";
import { seedRng } from "../../shared/rng.js";
import type { Action } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import { firstNonFinite } from "./finite.js";

const TRIAL_SEED = "economy-trial";
/** The trial plays the game's first quarters only (the breaks seen come in quarters 1–2); the room checks the rest as it plays them. */
const TRIAL_QUARTERS = 12;

/** Verdicts by config object: rooms with the same settings share one config object (flow/config.ts), so an economy is tried once. */
const tried = new WeakMap<EconomyConfig, string | null>();

/**
 * Whether a game in this economy plays: one firm per bot strategy and one that never submits
 * (as an absent player, it repeats its last action) play its first TRIAL_QUARTERS quarters,
 * and every quarter must resolve with finite figures. The config schema gives each value a
 * range that a game plays at either end of (test/server/config-bounds.test.ts), which keeps out
 * what broke games before (a start cash of 1e308 turned the figures infinite in quarter 1);
 * values together can still break the model in ways no range foresees, and a room in such an
 * economy would have to end its game there: this is the second line. Returns why, in English (the quarter and the first figure
 * that broke), or null. A trial is not a proof: the room checks every quarter it resolves too.
 * Cost: 7 firms × 12 quarters on the engine's in-place path (a 6-firm game of 40 quarters
 * is 240 firm-quarters), once per economy: a configure that keeps the economy reuses the
 * verdict.
 */
export function economyProblem(config: EconomyConfig): string | null {
  const known = tried.get(config);
  if (known !== undefined) return known;
  const verdict = trial(config);
  tried.set(config, verdict);
  return verdict;
}

/** Whether this economy has a verdict already (asking again costs nothing). */
export function economyTried(config: EconomyConfig): boolean {
  return tried.has(config);
}

/** Whether a sender may run one more trial now, or the seconds until it may (the rate limit on trials; ops/rate-limit.ts). */
export type TrialVerdict = { ok: true } | { ok: false; retryAfter: number };

function trial(config: EconomyConfig): string | null {
  const seats = [...BOT_NAMES, "idle" as const].map((bot, i) => ({ bot, id: `f${i + 1}`, name: `Firm ${i + 1}` }));
  let quarter = 0;
  const broke = (what: string) =>
    quarter === 0
      ? `this economy breaks the model at the start: ${what}`
      : `this economy breaks the model in quarter ${quarter} of a trial game of bots: ${what}`;
  try {
    const state = createGame(config, TRIAL_SEED, seats);
    const start = firstNonFinite(state);
    if (start) return broke(`${start} is not a finite number`);
    while (state.quarter < Math.min(config.quarters, TRIAL_QUARTERS)) {
      quarter = state.quarter + 1;
      const base = publicView(state);
      const actions: Record<string, Action> = {};
      state.firms.forEach((firm: FirmState, i) => {
        const bot = seats[i]?.bot;
        if (firm.delisted || bot === undefined || bot === "idle") return;
        actions[firm.id] = botAction(bot, firmViewOn(state, base, firm), seedRng(`${TRIAL_SEED}/${firm.id}/${quarter}`));
      });
      const { report } = resolveQuarterInPlace(state, actions);
      const broken = firstNonFinite(state, report);
      if (broken) return broke(`${broken} is not a finite number`);
    }
    return null;
  } catch (error) {
    return broke((error as Error).message);
  }
}
