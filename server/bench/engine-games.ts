/**
 * The engine benchmark's games (6 firms × 16 quarters, random legal actions, default preset),
 * played on any engine with the same exports: this checkout's (`npm run bench`) or another
 * checkout's (`engine-ab.ts`, before/after).
 */
import { type Action, type GameState, nextFloat, SECTOR_IDS, type SectorId, seedRng } from "../../shared/index.js";

export const FIRMS = 6;
const seats = Array.from({ length: FIRMS }, (_, i) => ({ id: `f${i}`, name: `Firm ${i}` }));

/** What an engine must export to be benched (an older one may have no in-place path). */
export interface BenchedEngine {
  DEFAULT_CONFIG: GameState["config"];
  createGame: (config: GameState["config"], seed: number, seats: { id: string; name: string }[]) => GameState;
  resolveQuarter: (state: GameState, actions: Record<string, Action>) => { state: GameState };
  resolveQuarterInPlace?: (state: GameState, actions: Record<string, Action>) => unknown;
  /** The in-place path with actions in firm order (engine 2.12.0 after the tenth round of cuts; the simulator's runs use it). */
  resolveQuarterInPlaceInOrder?: (state: GameState, actions: readonly (Action | undefined)[]) => unknown;
}

/** Random legal actions, pre-drawn as budget fractions so that drawing costs nothing. */
const rng = seedRng("bench");
const templates = Array.from({ length: 4096 }, () => {
  const w = Array.from({ length: 4 + SECTOR_IDS.length }, () => nextFloat(rng));
  const total = w.reduce((a, b) => a + b, 0);
  return { spendShare: nextFloat(rng) * 0.6, weights: w.map((x) => x / total), hardware: nextFloat(rng) < 0.5 ? ("flexible" as const) : ("locked" as const) };
});

function actionFor(state: GameState, i: number, k: number): Action {
  const firm = state.firms[i] as (typeof state.firms)[number];
  const t = templates[k & 4095] as (typeof templates)[number];
  const budget = Math.max(0, firm.cash) * t.spendShare;
  const w = t.weights;
  // A literal in SECTOR_IDS order (the same object a loop over SECTOR_IDS builds, at a fraction of the bench's own cost).
  const apps: Record<SectorId, number> = {
    support: budget * (w[4] as number),
    industrial: budget * (w[5] as number),
    medical: budget * (w[6] as number),
    finance: budget * (w[7] as number),
    driving: budget * (w[8] as number),
    media: budget * (w[9] as number),
  };
  const lockRunning = firm.hardware === "locked" && state.quarter + 1 <= firm.lockedUntil;
  return {
    train: budget * (w[0] as number),
    apps,
    efficiency: budget * (w[1] as number),
    compliance: budget * (w[2] as number),
    marketing: budget * (w[3] as number),
    distill: false,
    openWeights: firm.openWeights,
    hardware: lockRunning ? "locked" : t.hardware,
    raise: 0,
  };
}

/** Plays `games` bench games on `engine`, in place when asked (and the engine has the path); returns the firm-quarters played. */
export function playGames(engine: BenchedEngine, games: number, inPlace: boolean): number {
  const config = engine.DEFAULT_CONFIG;
  const resolveInPlace = inPlace ? engine.resolveQuarterInPlace : undefined;
  // The simulator's path when the engine has it: actions in firm order, as its games build them.
  const resolveInOrder = inPlace ? engine.resolveQuarterInPlaceInOrder : undefined;
  let quarters = 0;
  let k = 0;
  // One row of actions, refilled every quarter (the engine keeps the actions, not the row).
  const inOrder: (Action | undefined)[] = seats.map(() => undefined);
  for (let g = 0; g < games; g++) {
    let state = engine.createGame(config, g, seats);
    while (state.quarter < config.quarters) {
      if (resolveInOrder) {
        for (let i = 0; i < FIRMS; i++) inOrder[i] = state.firms[i]?.delisted === true ? undefined : actionFor(state, i, k++);
        resolveInOrder(state, inOrder);
      } else {
        const actions: Record<string, Action> = {};
        for (let i = 0; i < FIRMS; i++) if (!state.firms[i]?.delisted) actions[(state.firms[i] as { id: string }).id] = actionFor(state, i, k++);
        if (resolveInPlace) resolveInPlace(state, actions);
        else state = engine.resolveQuarter(state, actions).state;
      }
      quarters++;
    }
  }
  return quarters * FIRMS;
}
