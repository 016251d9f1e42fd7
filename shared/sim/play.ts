import { type BotName, type BotOptions, botAction } from "../bots/index.js";
import { type Policy, policyAction } from "../bots/policy.js";
import { createGame } from "../engine/create.js";
import { resolveQuarter, resolveQuarterInPlaceInOrder } from "../engine/resolve.js";
import type { FirmSeat, FirmState, GameState, QuarterReport } from "../engine/types.js";
import { type FirmView, firmViewOn, publicView } from "../engine/view.js";
import { type RngState, seedRng } from "../rng.js";
import type { Action } from "../schemas/action.js";
import type { EconomyConfig } from "../schemas/config.js";
import type { Injection } from "../schemas/injection.js";

export interface Seat {
  bot: BotName;
  options?: BotOptions;
}

/** A seat played by a parameterised policy (`--firms …,policy:best.json`, the exploit search). */
export interface PolicySeat {
  policy: Policy;
  /** How reports name the seat's strategy, e.g. the policy's file name. */
  label: string;
}

export type LineupSeat = Seat | PolicySeat;

/** The strategy name a seat is reported under: the bot's name or the policy's label. */
export function seatLabel(seat: LineupSeat): string {
  return "policy" in seat ? seat.label : seat.bot;
}

/** The seat's action for its firm's view, drawn from `rng` (the seat's own generator). */
export function seatAction(seat: LineupSeat, view: FirmView, rng: RngState): Action {
  if ("policy" in seat) return policyAction(seat.policy, view, rng);
  return botAction(seat.bot, view, rng, seat.options);
}

/** A whole game as a record: what `--replay` re-runs and what the server stores. */
export interface GameRecord {
  engineVersion: string;
  config: EconomyConfig;
  seed: string;
  firms: FirmSeat[];
  /** Quarter by quarter: each firm's action and the facilitator's injections. */
  quarters: { actions: Record<string, Action>; injections: Injection[] }[];
}

export interface PlayedGame {
  record: GameRecord;
  /** The state at quarter 0, 1, … to the end; only the final state when played with `keep: "final"`. */
  states: GameState[];
  reports: QuarterReport[];
}

/** A seat's bot generator: its own stream, so seats never share luck with the market. */
export function botRng(seed: string | number, firmId: string): RngState {
  return seedRng(`${seed}/bot/${firmId}`);
}

/** Firm ids and names for a line-up: "scaler-1", "builder-2", … */
export function seatsFor(lineup: readonly LineupSeat[]): FirmSeat[] {
  return lineup.map((seat, i) => {
    const kind = "policy" in seat ? "policy" : seat.bot;
    return { id: `${kind}-${i + 1}`, name: `${kind[0]?.toUpperCase()}${kind.slice(1)} ${i + 1}` };
  });
}

/**
 * Which states a played game keeps: every quarter's (each resolved by the pure API into a
 * new state), or only the final one, which is then resolved in place on the game's own
 * state (the simulator's fast path: same states, reports and record).
 */
export type KeptStates = "every" | "final";

/** Plays a game of bots to the end; every bot sees only its own firm's view. */
export function playBots(
  config: EconomyConfig,
  seed: string | number,
  lineup: readonly LineupSeat[],
  injections: Record<number, Injection[]> = {},
  keep: KeptStates = "every",
): PlayedGame {
  const firms = seatsFor(lineup);
  let state = createGame(config, seed, firms);
  const rngs = firms.map((f) => botRng(seed, f.id));
  const played: PlayedGame = {
    record: { engineVersion: state.engineVersion, config, seed: String(seed), firms, quarters: [] },
    states: [state],
    reports: [],
  };
  while (state.quarter < config.quarters) {
    const actions: Record<string, Action> = {};
    // The same actions in firm order, for the in-place path (no lookup by id per firm).
    const inOrder: (Action | undefined)[] = [];
    // Every seat decides on the same state: the public part of their views is made once.
    const base = publicView(state);
    for (let i = 0; i < state.firms.length; i++) {
      const firm = state.firms[i] as FirmState;
      if (firm.delisted) {
        inOrder.push(undefined);
        continue;
      }
      const action = seatAction(lineup[i] as LineupSeat, firmViewOn(state, base, firm), rngs[i] as RngState);
      actions[firm.id] = action;
      inOrder.push(action);
    }
    const quarterInjections = injections[state.quarter + 1] ?? [];
    played.record.quarters.push({ actions, injections: quarterInjections });
    if (keep === "final") {
      played.reports.push(resolveQuarterInPlaceInOrder(state, inOrder, quarterInjections).report);
      continue;
    }
    const { state: next, report } = resolveQuarter(state, actions, quarterInjections);
    played.states.push(next);
    played.reports.push(report);
    state = next;
  }
  return played;
}
