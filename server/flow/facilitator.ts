import type { z } from "zod";
import type { BotName } from "../../shared/bots/index.js";
import { changedValues } from "../../shared/config/override.js";
import { SCENARIO_LIST } from "../../shared/config/scenarios.js";
import type { Injection } from "../../shared/schemas/injection.js";
import {
  type ClientMessage,
  type ClientMessageSchemas,
  type FacilitatorMessageType,
  type Phase,
  QUEUE_LIMIT,
  READMIT_SECONDS,
  type RoomSettings,
} from "../../shared/schemas/protocol.js";
import { injectionSentence } from "../../shared/words/events.js";
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

/** A facilitator command's outcome: the effect, in words, for the log; or a rejection (nothing changed). */
export type FacilitatorHandler<T extends FacilitatorMessageType> = (message: z.output<(typeof ClientMessageSchemas)[T]>) => Rejection | string;

const TIMED: readonly Phase[] = ["news", "decide", "report"];
const IN_GAME: readonly Phase[] = ["news", "decide", "report"];

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The timed phases in the log's words ("the decision timer"). */
const PHASE_WORDS: Record<Phase, string> = { lobby: "lobby", news: "news", decide: "decision", report: "report", over: "game-over" };

/** The room settings in the log's words (a person reads the log: no field names). */
const SETTING_WORDS: Record<string, (value: unknown) => string> = {
  name: (v) => `title "${v}"`,
  scenario: (v) => `scenario ${SCENARIO_LIST.find((s) => s.id === v)?.title ?? v}`,
  firms: (v) => `${v} firms`,
  quarters: (v) => `${v} quarters`,
  decisionSeconds: (v) => `${v} s to decide`,
  newsSeconds: (v) => `${v} s of news`,
  reportSeconds: (v) => `${v} s of report`,
  teamSize: (v) => `up to ${v} players per firm`,
  private: (v) => (v ? "not listed publicly" : "listed publicly"),
  bots: (v) => `bots ${Array.isArray(v) ? v.join(", ") : v}`,
  seed: () => "a fixed seed",
};

/** An injection in words, as the players will read it in the news: "Trillion-dollar sell-off: …". */
export function describeInjection(injection: Injection): string {
  return injectionSentence(injection).replace(/\.$/, "");
}

/** The handlers of the facilitator's controls. Each checks first, so a refusal changes nothing. */
export function facilitatorHandlers(room: FacilitatorRoom): { [T in FacilitatorMessageType]: FacilitatorHandler<T> } {
  const inPhase = (phases: readonly Phase[], what: string): Rejection | undefined =>
    phases.includes(room.phase.name) ? undefined : reject("WRONG_PHASE", `you can ${what} only during ${phases.join(", ")} (now: ${room.phase.name})`);
  const findPlayer = (playerId: string): Player | Rejection =>
    room.roster.player(playerId) ?? reject("NO_SUCH_PLAYER", `there is no player "${playerId}" in this game`);
  const isRejection = (value: Player | Rejection): value is Rejection => "code" in value;
  const firmName = (firmId: string | null) => (firmId ? (room.roster.seat(firmId)?.name ?? "a firm that has left") : "no firm");
  const nextQuarter = () => (room.match?.state.quarter ?? 0) + 1;

  /** Removal in words, after it happened: who plays the firm now. */
  const afterRemoval = (player: Player): string => {
    if (!player.firmId) return "";
    const left = room.roster.members(player.firmId).length;
    if (left > 0) return `; ${left} teammate${left === 1 ? "" : "s"} still play${left === 1 ? "s" : ""} it`;
    const bot = room.roster.seat(player.firmId)?.bot;
    return room.phase.name === "lobby" ? `; the seat is open again (bot: ${bot})` : `; the ${bot} bot plays it from now on`;
  };

  return {
    pause: () => {
      const phase = inPhase(TIMED, "pause the timer");
      if (phase) return phase;
      if (room.timer.paused) return reject("WRONG_PHASE", "the timer is already paused");
      if (!room.timer.timed) return reject("WRONG_PHASE", `the ${room.phase.name} phase has no timer to pause`);
      room.emit(pauseTimer(room.timer, room.now));
      room.emit({ type: "persist", write: { op: "paused", paused: true } });
      return `paused the ${PHASE_WORDS[room.phase.name]} timer with ${seconds(room.timer.remaining)} left`;
    },
    resume: () => {
      if (!room.timer.paused) return reject("WRONG_PHASE", "the timer is not paused");
      const left = remainingMs(room.timer, room.now);
      const phase = room.phase.name;
      room.emit(resumeTimer(room.timer, room.now));
      room.emit({ type: "persist", write: { op: "paused", paused: false } });
      room.resolveIfAllIn();
      return `resumed the ${PHASE_WORDS[phase]} timer with ${seconds(left)} left`;
    },
    extend: ({ seconds: added }) => {
      const phase = inPhase(["news", "decide"], "extend the timer");
      if (phase) return phase;
      if (!room.timer.timed) return reject("WRONG_PHASE", `the ${room.phase.name} phase has no timer to extend`);
      room.emit(extendTimer(room.timer, added * 1000, room.now));
      return `extended the ${PHASE_WORDS[room.phase.name]} phase by ${added} s (${seconds(remainingMs(room.timer, room.now))} left${room.timer.paused ? ", paused" : ""})`;
    },
    forceNext: () => {
      const phase = inPhase(IN_GAME, "force the next phase");
      if (phase) return phase;
      if (room.phase.name === "lobby") return reject("WRONG_PHASE", "the game has not started");
      const { match } = room.phase;
      const quarter = nextQuarter();
      if (room.phase.name === "news") {
        room.forceNext();
        return `ended the news of quarter ${quarter} early: decisions are open`;
      }
      if (room.phase.name === "decide") {
        const missing = match.activeFirmIds().filter((id) => !match.pending.has(id));
        room.forceNext();
        const names = missing.map((id) => firmName(id));
        return `resolved quarter ${quarter} now${names.length > 0 ? `; ${names.join(", ")} repeat${names.length === 1 ? "s its" : " their"} last action` : ""}`;
      }
      room.forceNext();
      return `ended the report of quarter ${quarter - 1} early: quarter ${quarter} begins`;
    },
    inject: ({ injection }) => {
      const phase = inPhase(IN_GAME, "inject");
      if (phase) return phase;
      if (room.phase.name === "lobby") return reject("WRONG_PHASE", "the game has not started");
      if (room.phase.match.injections.length >= QUEUE_LIMIT) return reject("LIMIT_REACHED", `at most ${QUEUE_LIMIT} injections can wait for one resolution`);
      room.phase.match.injections.push(injection);
      return `queued for quarter ${nextQuarter()}: ${describeInjection(injection)}`;
    },
    renamePlayer: ({ playerId, name }) => {
      const player = findPlayer(playerId);
      if (isRejection(player)) return player;
      const other = room.roster.named(name);
      if (other && other !== player) return reject("NAME_TAKEN", `another player is already called "${name}"`);
      const old = player.name;
      player.name = name;
      room.rosterChanged();
      return `renamed player "${old}" to "${name}"`;
    },
    removePlayer: ({ playerId }) => {
      const phase = inPhase(["lobby", ...IN_GAME], "remove a player");
      if (phase) return phase;
      const player = findPlayer(playerId);
      if (isRejection(player)) return player;
      const from = firmName(player.firmId);
      room.removePlayer(player, null);
      return `removed "${player.name}" from ${from}${afterRemoval(player)}`;
    },
    replaceWithBot: ({ playerId, strategy }) => {
      const phase = inPhase(["lobby", ...IN_GAME], "replace a player");
      if (phase) return phase;
      const player = findPlayer(playerId);
      if (isRejection(player)) return player;
      const from = firmName(player.firmId);
      room.removePlayer(player, strategy);
      return `replaced "${player.name}" in ${from}${afterRemoval(player)}`;
    },
    endGame: () => {
      const phase = inPhase(IN_GAME, "end the game");
      if (phase) return phase;
      if (room.phase.name === "lobby") return reject("WRONG_PHASE", "the game has not started");
      const { match } = room.phase;
      const dropped = match.injections.length;
      room.endGame();
      return `ended the game after quarter ${match.state.quarter} of ${match.state.config.quarters}${dropped > 0 ? `; ${dropped} queued injection(s) dropped` : ""}`;
    },
  };
}

/** An economy override in the log: the keys it changes, not the whole JSON. */
function economyEffect(scenario: string, economy: unknown): string {
  const changed = changedValues(scenario, economy).map((c) => c.path);
  return changed.length === 0 ? "economy = the scenario's own" : `economy = custom (${changed.length} changed: ${changed.join(", ")})`;
}

/** A lobby command by the facilitator (or a friends game's host connection) in words, for the log. */
export function lobbyEffect(room: { roster: Roster; match: Match | null; settings: RoomSettings }, type: string, message: unknown): string | null {
  const m = message as ClientMessage<"addBot"> & ClientMessage<"setBot"> & Record<string, unknown>;
  switch (type) {
    case "start": {
      const humans = room.roster.seats.filter((s) => room.roster.members(s.firmId).length > 0).length;
      return `started the game: ${room.roster.size} firms (${humans} played by people, ${room.roster.size - humans} by bots), ${room.match?.state.config.quarters ?? "?"} quarters`;
    }
    case "addBot":
      return `added a seat played by the ${m.strategy} bot (${room.roster.seats.at(-1)?.name ?? "a new firm"})`;
    case "setBot":
      return `${room.roster.seat(m.firmId)?.name ?? "a firm"} is played by the ${m.strategy} bot when no player holds it`;
    case "removeBot":
      return `removed a bot seat: ${room.roster.size} firms now`;
    case "letBackIn":
      return `let "${room.roster.player(String(m.playerId))?.name ?? "a player"}" back in: they may join by name for ${READMIT_SECONDS / 60} minutes`;
    case "configure":
      return `changed the settings: ${Object.entries(m)
        .map(([k, v]) => (k === "economy" ? economyEffect(room.settings.scenario, v) : (SETTING_WORDS[k]?.(v) ?? "another setting")))
        .join(", ")}`;
    default:
      return null;
  }
}
