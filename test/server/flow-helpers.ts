import { expect } from "vitest";
import { configFor } from "../../server/flow/config.js";
import { MarketFlow, type Mode } from "../../server/flow/flow.js";
import type { Effect, FlowEvent, Step } from "../../server/flow/types.js";
import { hashKey } from "../../server/rooms/keys.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import { ClientMessageSchemas, type ClientMessageType, type RoomSettingsInput, RoomSettingsSchema } from "../../shared/schemas/protocol.js";

/** The facilitator key of every table under test. */
export const TABLE_KEY = "table-facilitator-key-0123456789";

/**
 * A flow table under test: no sockets, no timers. Time is a number the test moves; the last
 * timer the table asked for fires when the test says so.
 */
export class Table {
  readonly flow: MarketFlow;
  now = 1_000_000;
  /** Every effect so far, in order. */
  readonly effects: Effect[] = [];
  /** The timer the table asked for last (null: none running). */
  timer: { ms: number; id: number } | null = null;
  private ids = 0;

  /** `economy`: a config to play instead of the settings' (one past the schema's ranges, as an older build stored it). */
  constructor(settings: RoomSettingsInput, mode: Mode = "friends", economy?: EconomyConfig) {
    const parsed = RoomSettingsSchema.parse(settings);
    const config = configFor(parsed);
    if (!config.ok) throw new Error(config.message);
    this.flow = new MarketFlow({ kind: "new", code: "TESTAB", mode, settings: parsed, config: economy ?? config.value, keyHash: hashKey(TABLE_KEY) });
    this.record(this.flow.open(this.now));
  }

  /** Applies the step's effects to what the test observes (the timer) and keeps them. */
  record(step: Step): Step {
    for (const effect of step.effects) {
      this.effects.push(effect);
      if (effect.type === "schedule") this.timer = { ms: effect.ms, id: effect.id };
      if (effect.type === "cancel") this.timer = null;
    }
    return step;
  }

  /**
   * Runs the event; a `settle` it asks for is sent back at once, as the room sends it on its next
   * turn (settle.ts), and its effects are added to the step's.
   */
  step(event: FlowEvent): Step {
    const step = this.record(this.flow.step(event));
    if (!step.effects.some((e) => e.type === "settle")) return step;
    const settled = this.step({ type: "settle", now: this.now });
    return { ...step, effects: [...step.effects, ...settled.effects] };
  }

  /** A newcomer (or a token holder) asks for a seat; returns the player's id, or throws with the refusal. */
  join(name: string, options: { firmId?: string; token?: string; ask?: string; creator?: boolean } = {}): string {
    this.ids++;
    const session = `s${this.ids}`;
    const step = this.step({
      type: "join",
      session,
      request: {
        as: "player",
        name,
        ...(options.firmId ? { firmId: options.firmId } : {}),
        ...(options.token ? { token: options.token } : {}),
        ...(options.ask ? { ask: options.ask } : {}),
      },
      fresh: { id: `p${this.ids}`, token: `token-${name}-${this.ids}`.padEnd(20, "x") },
      creator: options.creator ?? this.ids === 1,
      now: this.now,
    });
    if (step.refusal) throw Object.assign(new Error(step.refusal.message), { code: step.refusal.code });
    for (const effect of step.effects) if (effect.type === "bind" && effect.session === session && effect.playerId) return effect.playerId;
    throw new Error("not seated");
  }

  /** A client message, parsed as the room parses it; the rejection when refused. */
  send<T extends ClientMessageType>(from: string | "facilitator", kind: T, payload: unknown = {}): Step {
    const data = ClientMessageSchemas[kind].parse(payload);
    const facilitator = from === "facilitator";
    return this.step({ type: "message", playerId: facilitator ? null : from, facilitator, kind, data, now: this.now, seed: "table-seed" });
  }

  /** Sends and expects it accepted. */
  ok<T extends ClientMessageType>(from: string | "facilitator", kind: T, payload: unknown = {}): Step {
    const step = this.send(from, kind, payload);
    expect(step.rejection, `${kind} refused`).toBeUndefined();
    return step;
  }

  /** Moves the clock on by `ms`; fires the running timer when it is due. */
  advance(ms: number): void {
    this.now += ms;
    const timer = this.timer;
    if (timer && ms >= timer.ms) {
      this.timer = null;
      this.step({ type: "timer", id: timer.id, now: this.now });
    } else if (timer) this.timer = { ...timer, ms: timer.ms - ms };
  }

  /** Fires the running timer now. */
  expire(): void {
    const timer = this.timer;
    if (!timer) throw new Error("no timer is running");
    this.advance(timer.ms);
  }

  get phase() {
    return this.flow.phase.name;
  }

  get quarter(): number {
    return this.flow.match?.state.quarter ?? 0;
  }

  /** Effects since `from` (an index into `effects`). */
  since(from: number): Effect[] {
    return this.effects.slice(from);
  }
}
