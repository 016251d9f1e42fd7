import type { z } from "zod";
import type { BotName } from "../../shared/bots/index.js";
import type { Injection } from "../../shared/schemas/injection.js";
import { nameKey } from "../../shared/schemas/names.js";
import { type ClientMessage, type ClientMessageSchemas, type FacilitatorMessageType, type Phase, QUEUE_LIMIT } from "../../shared/schemas/protocol.js";
import type { Match } from "../game/match.js";
import type { Player, Roster } from "../game/roster.js";
import type { PhaseClock } from "./phase-clock.js";
import { type Rejection, reject } from "./rejections.js";

/** What the facilitator's handlers may use of the room. */
export interface FacilitatorRoom {
  readonly phase: Phase;
  readonly roster: Roster;
  readonly match: Match | null;
  readonly phaseClock: PhaseClock;
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

/** An injection in words: "event rateChange (delta 0.02)", "regime → model", "disclosure on". */
export function describeInjection(injection: Injection): string {
  if (injection.kind === "regime") return `regime → ${injection.regime}`;
  if (injection.kind === "disclosure") return `disclosure ${injection.on ? "on" : "off"}`;
  const { kind, ...params } = injection.event;
  const shown = Object.entries(params).map(([k, v]) => `${k} ${v}`);
  return `event ${kind}${shown.length > 0 ? ` (${shown.join(", ")})` : ""}`;
}

/** The handlers of the facilitator's controls. Each checks first, so a refusal changes nothing. */
export function facilitatorHandlers(room: FacilitatorRoom): { [T in FacilitatorMessageType]: FacilitatorHandler<T> } {
  const inPhase = (phases: readonly Phase[], what: string): Rejection | undefined =>
    phases.includes(room.phase) ? undefined : reject("WRONG_PHASE", `you can ${what} only during ${phases.join(", ")} (now: ${room.phase})`);
  const findPlayer = (playerId: string): Player | Rejection =>
    room.roster.player(playerId) ?? reject("NO_SUCH_PLAYER", `there is no player "${playerId}" in this game`);
  const isRejection = (value: Player | Rejection): value is Rejection => "code" in value;
  const firmName = (firmId: string | null) => (firmId ? `${room.roster.seat(firmId)?.name ?? firmId} (${firmId})` : "no firm");
  const nextQuarter = () => (room.match?.state.quarter ?? 0) + 1;

  /** Removal in words, after it happened: who plays the firm now. */
  const afterRemoval = (player: Player): string => {
    if (!player.firmId) return "";
    const left = room.roster.members(player.firmId).length;
    if (left > 0) return `; ${left} teammate${left === 1 ? "" : "s"} still play${left === 1 ? "s" : ""} it`;
    const bot = room.roster.seat(player.firmId)?.bot;
    return room.phase === "lobby" ? `; the seat is open again (bot: ${bot})` : `; the ${bot} bot plays it from now on`;
  };

  return {
    pause: () => {
      const phase = inPhase(TIMED, "pause the timer");
      if (phase) return phase;
      if (room.phaseClock.paused) return reject("WRONG_PHASE", "the timer is already paused");
      if (!room.phaseClock.timed) return reject("WRONG_PHASE", `the ${room.phase} phase has no timer to pause`);
      room.phaseClock.pause();
      return `paused the ${room.phase} timer with ${seconds(room.phaseClock.remainingMs)} left`;
    },
    resume: () => {
      if (!room.phaseClock.paused) return reject("WRONG_PHASE", "the timer is not paused");
      const left = room.phaseClock.remainingMs;
      const phase = room.phase;
      room.phaseClock.resume();
      room.resolveIfAllIn();
      return `resumed the ${phase} timer with ${seconds(left)} left`;
    },
    extend: ({ seconds: added }) => {
      const phase = inPhase(["news", "decide"], "extend the timer");
      if (phase) return phase;
      if (!room.phaseClock.timed) return reject("WRONG_PHASE", `the ${room.phase} phase has no timer to extend`);
      room.phaseClock.extend(added * 1000);
      return `extended the ${room.phase} phase by ${added} s (${seconds(room.phaseClock.remainingMs)} left${room.phaseClock.paused ? ", paused" : ""})`;
    },
    forceNext: () => {
      const phase = inPhase(IN_GAME, "force the next phase");
      if (phase) return phase;
      const match = room.match as Match;
      const quarter = nextQuarter();
      if (room.phase === "news") {
        room.forceNext();
        return `ended the news of quarter ${quarter} early: decisions are open`;
      }
      if (room.phase === "decide") {
        const missing = match.activeFirmIds().filter((id) => !match.pending.has(id));
        room.forceNext();
        return `resolved quarter ${quarter} now${missing.length > 0 ? `; ${missing.join(", ")} repeat${missing.length === 1 ? "s its" : " their"} last action` : ""}`;
      }
      room.forceNext();
      return `ended the report of quarter ${quarter - 1} early: quarter ${quarter} begins`;
    },
    inject: ({ injection }) => {
      const phase = inPhase(IN_GAME, "inject");
      if (phase) return phase;
      if ((room.match as Match).injections.length >= QUEUE_LIMIT)
        return reject("LIMIT_REACHED", `at most ${QUEUE_LIMIT} injections can wait for one resolution`);
      (room.match as Match).injections.push(injection);
      return `queued ${describeInjection(injection)} for quarter ${nextQuarter()}`;
    },
    renamePlayer: ({ playerId, name }) => {
      const player = findPlayer(playerId);
      if (isRejection(player)) return player;
      const key = nameKey(name);
      if (room.roster.players.some((p) => p !== player && nameKey(p.name) === key)) return reject("NAME_TAKEN", `another player is already called "${name}"`);
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
      const match = room.match as Match;
      const dropped = match.injections.length;
      room.endGame();
      return `ended the game after quarter ${match.state.quarter} of ${match.state.config.quarters}${dropped > 0 ? `; ${dropped} queued injection(s) dropped` : ""}`;
    },
  };
}

/** A lobby command by the facilitator (or a friends game's host connection) in words, for the log. */
export function lobbyEffect(room: { roster: Roster; match: Match | null }, type: string, message: unknown): string | null {
  const m = message as ClientMessage<"addBot"> & ClientMessage<"setBot"> & Record<string, unknown>;
  switch (type) {
    case "start": {
      const humans = room.roster.seats.filter((s) => room.roster.members(s.firmId).length > 0).length;
      return `started the game: ${room.roster.size} firms (${humans} played by people, ${room.roster.size - humans} by bots), ${room.match?.state.config.quarters ?? "?"} quarters`;
    }
    case "addBot":
      return `added a seat played by the ${m.strategy} bot (${room.roster.seats.at(-1)?.firmId})`;
    case "setBot":
      return `${m.firmId} is played by the ${m.strategy} bot when no player holds it`;
    case "removeBot":
      return `removed the bot seat ${m.firmId}`;
    case "configure":
      return `changed the settings: ${Object.entries(m)
        .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
        .join(", ")}`;
    default:
      return null;
  }
}
