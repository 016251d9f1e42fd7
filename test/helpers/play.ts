import { randomBot } from "../../shared/bots/random.js";
import {
  type Action,
  createGame,
  type EconomyConfig,
  type FirmState,
  type GameState,
  type Injection,
  idleAction,
  type QuarterReport,
  resolveQuarter,
  SCENARIOS,
  type ScenarioId,
  seedRng,
  viewFor,
} from "../../shared/index.js";
import { configOrThrow } from "../../shared/sim/run.js";

export function configFor(scenario: ScenarioId = "ai-2025", override: unknown = {}): EconomyConfig {
  return configOrThrow(scenario, override);
}

/** An action that does nothing but what `partial` says (a flexible, closed-weights firm). */
export function act(partial: Partial<Action>): Action {
  return { ...idleAction({ openWeights: false, hardware: "flexible" }), ...partial };
}

/** The i-th firm of a state, or a thrown error naming it. */
export function firm(state: GameState, i: number): FirmState {
  const f = state.firms[i];
  if (!f) throw new Error(`no firm ${i}`);
  return f;
}

export const ALL_SCENARIOS: readonly ScenarioId[] = SCENARIOS;

export function seats(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `f${i + 1}`, name: `Firm ${i + 1}` }));
}

export interface Played {
  states: GameState[];
  reports: QuarterReport[];
  actions: Record<string, Action>[];
}

/**
 * Plays a whole game with random legal actions drawn from `actionSeed` (each firm sees only
 * its own view), optionally with injections per quarter.
 */
export function playRandomGame(
  config: EconomyConfig,
  seed: string | number,
  firms: number,
  actionSeed: string | number,
  injections: Record<number, Injection[]> = {},
): Played {
  const rng = seedRng(actionSeed);
  let state = createGame(config, seed, seats(firms));
  const played: Played = { states: [state], reports: [], actions: [] };
  while (state.quarter < config.quarters) {
    const actions: Record<string, Action> = {};
    for (const firm of state.firms) {
      if (!firm.delisted) actions[firm.id] = randomBot(viewFor(state, { kind: "firm", firmId: firm.id }), rng);
    }
    const { state: next, report } = resolveQuarter(state, actions, injections[state.quarter + 1] ?? []);
    played.actions.push(actions);
    played.reports.push(report);
    played.states.push(next);
    state = next;
  }
  return played;
}

/** Every number in a JSON-like value, with its path. */
export function* numbersIn(value: unknown, path = "$"): Generator<[string, number]> {
  if (typeof value === "number") yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* numbersIn(value[i], `${path}[${i}]`);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* numbersIn(v, `${path}.${k}`);
}
