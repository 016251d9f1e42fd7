import type { z } from "zod";
import type { BotName } from "../../shared/bots/index.js";
import { changedValues } from "../../shared/config/override.js";
import {
  type ClientMessage,
  type ClientMessageSchemas,
  type FacilitatorMessageType,
  type LogParams,
  type Phase,
  QUEUE_LIMIT,
  READMIT_SECONDS,
  type RoomSettings,
} from "../../shared/schemas/protocol.js";
import type { Match } from "../game/match.js";
import type { Player, Roster } from "../game/roster.js";
import { type Rejection, reject } from "../rooms/rejections.js";
import { extendTimer, type PhaseTimer, pauseTimer, remainingMs, resumeTimer } from "./clock.js";
import type { Effect, GamePhase } from "./types.js";

/** What the facilitator's handlers may use of the table. */
export interface FacilitatorRoom {
  readonly phase: GamePhase;
  readonly roster: Roster;
  readonly match: Match | null;
  readonly timer: PhaseTimer;
  /** Time of the event being handled (ms since epoch). */
  readonly now: number;
  emit(effect: Effect): void;
  resolveIfAllIn(): void;
  /** Ends the current phase now (news → decide, decide → resolve, report → next quarter). */
  forceNext(): void;
  /** Ends the game now with the standings of the last resolved quarter. */
  endGame(): void;
  /** Closes the player's connections, revokes the token and frees or hands over the seat; `bot` plays a firm left without players. */
  removePlayer(player: Player, bot: BotName | null): void;
  /** The roster changed outside the lobby's own messages: mirror and store it. */
  rosterChanged(): void;
}

/** What a command did, for the log: its parameters, which the console words (client/console/log-words.ts). */
export interface Logged {
  readonly log: LogParams;
}

/** A facilitator command's outcome: what it did, for the log; or a rejection (nothing changed). */
export type FacilitatorHandler<T extends FacilitatorMessageType> = (message: z.output<(typeof ClientMessageSchemas)[T]>) => Rejection | Logged;

const TIMED: readonly Phase[] = ["news", "decide", "report"];
const IN_GAME: readonly Phase[] = ["news", "decide", "report"];

/** Milliseconds as seconds to a tenth, for the log. */
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The handlers of the facilitator's controls. Each checks first, so a refusal changes nothing. */
export function facilitatorHandlers(room: FacilitatorRoom): { [T in FacilitatorMessageType]: FacilitatorHandler<T> } {
  const inPhase = (phases: readonly Phase[], what: string): Rejection | undefined =>
    phases.includes(room.phase.name)
      ? undefined
      : reject("WRONG_PHASE", `you can ${what} only during ${phases.join(", ")} (now: ${room.phase.name})`, {
          reason: "notNow",
          params: { phase: room.phase.name },
        });
  const notStarted = () => reject("WRONG_PHASE", "the game has not started", { reason: "notStarted" });
  const findPlayer = (playerId: string): Player | Rejection =>
    room.roster.player(playerId) ?? reject("NO_SUCH_PLAYER", `there is no player "${playerId}" in this game`, { reason: "noSuchPlayer" });
  const isRejection = (value: Player | Rejection): value is Rejection => "code" in value;
  /** A firm's name, or null for no firm or one that has left (the console words those). */
  const firmName = (firmId: string | null) => (firmId ? (room.roster.seat(firmId)?.name ?? null) : null);
  const nextQuarter = () => (room.match?.state.quarter ?? 0) + 1;
  const noTimer = (): Partial<Rejection> => ({ reason: "noTimer", params: { phase: room.phase.name } });

  /** After a removal: who plays the firm now (teammates left, or the bot and whether the seat is open again in the lobby). */
  const afterRemoval = (player: Player): LogParams => {
    if (!player.firmId) return {};
    const left = room.roster.members(player.firmId).length;
    if (left > 0) return { teammates: left };
    return { bot: room.roster.seat(player.firmId)?.bot ?? null, open: room.phase.name === "lobby" };
  };

  return {
    pause: () => {
      const phase = inPhase(TIMED, "pause the timer");
      if (phase) return phase;
      if (room.timer.paused) return reject("WRONG_PHASE", "the timer is already paused", { reason: "alreadyPaused" });
      if (!room.timer.timed) return reject("WRONG_PHASE", `the ${room.phase.name} phase has no timer to pause`, noTimer());
      room.emit(pauseTimer(room.timer, room.now));
      room.emit({ type: "persist", write: { op: "paused", paused: true } });
      return { log: { phase: room.phase.name, seconds: seconds(room.timer.remaining) } };
    },
    resume: () => {
      if (!room.timer.paused) return reject("WRONG_PHASE", "the timer is not paused", { reason: "notPaused" });
      const left = remainingMs(room.timer, room.now);
      const phase = room.phase.name;
      room.emit(resumeTimer(room.timer, room.now));
      room.emit({ type: "persist", write: { op: "paused", paused: false } });
      room.resolveIfAllIn();
      return { log: { phase, seconds: seconds(left) } };
    },
    extend: ({ seconds: added }) => {
      const phase = inPhase(["news", "decide"], "extend the timer");
      if (phase) return phase;
      if (!room.timer.timed) return reject("WRONG_PHASE", `the ${room.phase.name} phase has no timer to extend`, noTimer());
      room.emit(extendTimer(room.timer, added * 1000, room.now));
      return { log: { phase: room.phase.name, added, seconds: seconds(remainingMs(room.timer, room.now)), paused: room.timer.paused } };
    },
    forceNext: () => {
      const phase = inPhase(IN_GAME, "force the next phase");
      if (phase) return phase;
      if (room.phase.name === "lobby") return notStarted();
      const { match } = room.phase;
      const quarter = nextQuarter();
      const from = room.phase.name;
      if (from === "decide") {
        const missing = match.activeFirmIds().filter((id) => !match.pending.has(id));
        const names = missing.map((id) => firmName(id) ?? id);
        room.forceNext();
        return { log: { from, quarter, missing: names } };
      }
      room.forceNext();
      const log: LogParams = { from, quarter };
      return { log };
    },
    inject: ({ injection }) => {
      const phase = inPhase(IN_GAME, "inject");
      if (phase) return phase;
      if (room.phase.name === "lobby") return notStarted();
      if (room.phase.match.injections.length >= QUEUE_LIMIT)
        return reject("LIMIT_REACHED", `at most ${QUEUE_LIMIT} injections can wait for one resolution`, {
          reason: "queueFull",
          params: { limit: QUEUE_LIMIT },
        });
      room.phase.match.injections.push(injection);
      return { log: { quarter: nextQuarter(), injection } };
    },
    renamePlayer: ({ playerId, name }) => {
      const player = findPlayer(playerId);
      if (isRejection(player)) return player;
      const other = room.roster.named(name);
      if (other && other !== player) return reject("NAME_TAKEN", `another player is already called "${name}"`, { reason: "nameTaken", params: { name } });
      const old = player.name;
      player.name = name;
      room.rosterChanged();
      return { log: { from: old, to: name } };
    },
    removePlayer: ({ playerId }) => {
      const phase = inPhase(["lobby", ...IN_GAME], "remove a player");
      if (phase) return phase;
      const player = findPlayer(playerId);
      if (isRejection(player)) return player;
      const from = firmName(player.firmId);
      room.removePlayer(player, null);
      return { log: { player: player.name, firm: from, ...afterRemoval(player) } };
    },
    replaceWithBot: ({ playerId, strategy }) => {
      const phase = inPhase(["lobby", ...IN_GAME], "replace a player");
      if (phase) return phase;
      const player = findPlayer(playerId);
      if (isRejection(player)) return player;
      const from = firmName(player.firmId);
      room.removePlayer(player, strategy);
      return { log: { player: player.name, firm: from, ...afterRemoval(player) } };
    },
    endGame: () => {
      const phase = inPhase(IN_GAME, "end the game");
      if (phase) return phase;
      if (room.phase.name === "lobby") return notStarted();
      const { match } = room.phase;
      const dropped = match.injections.length;
      room.endGame();
      return { log: { quarter: match.state.quarter, quarters: match.state.config.quarters, dropped } };
    },
  };
}

/** A lobby command by the facilitator (or a friends game's host connection), for the log: its parameters. */
export function lobbyEffect(room: { roster: Roster; match: Match | null; settings: RoomSettings }, type: string, message: unknown): LogParams | null {
  const m = message as ClientMessage<"addBot"> & ClientMessage<"setBot"> & Record<string, unknown>;
  switch (type) {
    case "start": {
      const humans = room.roster.seats.filter((s) => room.roster.members(s.firmId).length > 0).length;
      return { firms: room.roster.size, humans, bots: room.roster.size - humans, quarters: room.match?.state.config.quarters ?? null };
    }
    case "addBot":
      return { bot: m.strategy, firm: room.roster.seats.at(-1)?.name ?? null };
    case "setBot":
      return { firm: room.roster.seat(m.firmId)?.name ?? null, bot: m.strategy };
    case "removeBot":
      return { firms: room.roster.size };
    case "letBackIn":
      return { player: room.roster.player(String(m.playerId))?.name ?? null, minutes: READMIT_SECONDS / 60 };
    case "configure": {
      // The settings as sent, but an economy override only as the values it changes (not the whole JSON).
      const settings: LogParams = {};
      for (const [k, v] of Object.entries(m))
        settings[k] = k === "economy" ? changedValues(room.settings.scenario, v).map((c) => c.path) : (v as LogParams[string]);
      return { settings };
    }
    default:
      return null;
  }
}
