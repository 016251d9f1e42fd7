import { type BotName, botAction } from "../../shared/bots/index.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import type { FirmSeat, GameState, QuarterReport } from "../../shared/engine/types.js";
import { type ActionError, validateParsedAction } from "../../shared/engine/validate.js";
import { viewFor } from "../../shared/engine/view.js";
import type { Result } from "../../shared/result.js";
import { seedRng } from "../../shared/rng.js";
import type { Action, ParsedActionInput } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { Injection } from "../../shared/schemas/injection.js";
import type { GameRecord } from "../../shared/sim/play.js";
import { firstNonFinite } from "./finite.js";

/** A resolved quarter as the record keeps it and the store writes it: its actions and injections as JSON. */
export interface RecordedQuarter {
  actions: string;
  injections: string;
}

export interface Submission {
  action: Action;
  /** Display name of the player who submitted, or "<strategy> bot". */
  by: string;
  /** Played by a bot (a bot seat, or a stand-in for players away). */
  bot: boolean;
}

/**
 * One game on the server: the engine state (the only source of truth), this quarter's
 * submissions, and the record (config, seed, firms, every quarter's actions and injections)
 * from which the game replays exactly.
 */
export class Match {
  state: GameState;
  readonly pending = new Map<string, Submission>();
  /** Facilitator interventions queued for the next resolution. */
  readonly injections: Injection[] = [];
  /** The record's config, seed and firms. */
  private readonly recordHead: Omit<GameRecord, "quarters">;
  /**
   * Every resolved quarter as JSON, the form the store writes: a room keeps its whole game's
   * actions, and as objects each action was ~6 heap objects (itself, its apps, its boxed
   * figures) for every collection of the old generation to visit; as JSON they are one string a
   * quarter, and the store writes the same string instead of serialising the actions again.
   */
  private readonly recorded: RecordedQuarter[] = [];

  constructor(config: EconomyConfig, seed: string, firms: readonly FirmSeat[]) {
    this.state = createGame(config, seed, firms);
    this.recordHead = { engineVersion: this.state.engineVersion, config, seed, firms: firms.map((f) => ({ ...f })) };
  }

  /** The record (config, seed, firms, every quarter's actions and injections), built anew from the kept JSON on each read. */
  get record(): GameRecord {
    const quarters = this.recorded.map((q) => ({
      actions: JSON.parse(q.actions) as Record<string, Action>,
      injections: JSON.parse(q.injections) as Injection[],
    }));
    return { ...this.recordHead, quarters };
  }

  /** Quarters in the record. */
  get recordedQuarters(): number {
    return this.recorded.length;
  }

  /**
   * The game a record describes, at its last recorded quarter (a restored game), or at its last
   * sound one: a record stored by an older build may hold a figure that is not a number (NaN is
   * `null` in JSON) in an action, which the engine refuses, or an economy that no longer replays
   * the recorded quarters legally. Replay stops before the first quarter that cannot be resolved
   * (`lost`: that quarter and why); the record then holds only the quarters before it. Throws
   * UnresolvableQuarter (quarter 0) when not even the start is sound.
   */
  static fromRecord(record: GameRecord): { match: Match; lost: UnresolvableQuarter | null } {
    const match = new Match(record.config, record.seed, record.firms);
    const start = firstNonFinite(match.state);
    if (start) throw new UnresolvableQuarter(0, `${start} is not a finite number`);
    for (const quarter of record.quarters) {
      match.injections.push(...quarter.injections);
      for (const [firmId, action] of Object.entries(quarter.actions)) match.pending.set(firmId, { action, by: "record", bot: false });
      try {
        match.resolve();
      } catch (error) {
        if (!(error instanceof UnresolvableQuarter)) throw error;
        match.injections.splice(0);
        match.pending.clear();
        return { match, lost: error };
      }
    }
    return { match, lost: null };
  }

  get over(): boolean {
    return this.state.quarter >= this.state.config.quarters;
  }

  /** Firms still listed, in seat order. */
  activeFirmIds(): string[] {
    return this.state.firms.filter((f) => !f.delisted).map((f) => f.id);
  }

  isActive(firmId: string): boolean {
    return this.state.firms.some((f) => f.id === firmId && !f.delisted);
  }

  /**
   * Checks and stores a firm's action for this quarter (replacing an earlier one). The action
   * comes parsed by the `submit` message's schema (every -0 read as 0 there), so it is not parsed again.
   */
  submit(firmId: string, input: ParsedActionInput, by: string): Result<Action, ActionError> {
    const result = validateParsedAction(this.state, firmId, input);
    if (result.ok) this.pending.set(firmId, { action: result.value, by, bot: false });
    return result;
  }

  /** The bot's action for a firm this quarter; its generator is derived from seed, firm and quarter, so a restored game plays on identically. */
  botAction(firmId: string, bot: BotName): Action {
    const rng = seedRng(`${this.state.seed}/bot/${firmId}/${this.state.quarter + 1}`);
    return botAction(bot, viewFor(this.state, { kind: "firm", firmId }), rng);
  }

  /**
   * Resolves the quarter: firms without a submission repeat their previous action (the engine
   * fits it to what they can afford now). Every action the engine applied is written to the record.
   * Throws UnresolvableQuarter, changing nothing, when the engine cannot resolve it (it throws,
   * or a figure comes out NaN or infinite).
   */
  resolve(): { report: QuarterReport; actions: Record<string, Action>; injections: Injection[]; recorded: RecordedQuarter } {
    const submitted: Record<string, Action> = {};
    for (const [firmId, { action }] of this.pending) submitted[firmId] = action;
    const injections = [...this.injections];
    let resolved: ReturnType<typeof resolveQuarter>;
    try {
      resolved = resolveQuarter(this.state, submitted, injections);
    } catch (error) {
      throw new UnresolvableQuarter(this.state.quarter + 1, (error as Error).message);
    }
    const { state, report, applied } = resolved;
    // An economy override within its schema can still drive the figures out of the numbers
    // (1e308 somewhere, then Infinity - Infinity): such a quarter is not played, nor recorded.
    const broken = firstNonFinite(state, report);
    if (broken) throw new UnresolvableQuarter(state.quarter, `${broken} is not a finite number`);
    this.injections.splice(0);
    const recorded = { actions: JSON.stringify(applied), injections: JSON.stringify(injections) };
    this.recorded.push(recorded);
    this.state = state;
    this.pending.clear();
    return { report, actions: applied, injections, recorded };
  }
}

/** The engine could not resolve a quarter of this game (its economy breaks the model): nothing was changed. */
export class UnresolvableQuarter extends Error {
  constructor(
    readonly quarter: number,
    readonly detail: string,
  ) {
    super(`quarter ${quarter} cannot be resolved: ${detail}`);
    this.name = "UnresolvableQuarter";
  }
}
