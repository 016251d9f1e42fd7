import { CLOSE_CODES, JOIN_ERRORS, type LogParams, READMIT_SECONDS } from "../../shared/schemas/protocol.js";
import type { Match } from "../game/match.js";
import type { Player, Roster } from "../game/roster.js";
import { keyMatches } from "../rooms/keys.js";
import type { Mode } from "./flow.js";
import type { Effect, FlowEvent, GamePhase, JoinRefusal, JoinRequest, MirrorPart, Persist, Step } from "./types.js";

/** What the door may use of the table. */
export interface DoorTable {
  readonly phase: GamePhase;
  /** The started game's match; null in the lobby. */
  readonly match: Match | null;
  readonly mode: Mode;
  readonly roster: Roster;
  /** sha256 of the facilitator key (hex); null for games stored before keys existed. */
  readonly keyHash: string | null;
  /** Time of the event being handled (ms since epoch). */
  readonly now: number;
  emit(effect: Effect): void;
  mirror(part: MirrorPart): void;
  persist(write: Persist): void;
  /** Whether the room lives on with no one connected, as the mode and phase say. */
  keepAliveForMode(): void;
  /** Writes a door event into the game log, stored and shown on every console (as a facilitator action is). */
  logEvent(command: string, params: LogParams): void;
}

/** A player's request to come back without the token: since when (ms), and from which device (its `ask` id; none if it sent none). */
export interface ReturnAsk {
  since: number;
  ask: string | undefined;
}

/**
 * Who comes in, and as what: a seat (by token, by name in the lobby, or by name once let back
 * in), the console (the class creator, or the key), or a read-only screen; judged before the
 * seat is reserved (`admit`) and when the connection arrives (`join`). It keeps who asks to
 * come back without a token and whom the facilitator (or host) let back in.
 */
export class Door {
  /** Players asking to come back without their token (by id): since when, and the latest device that asked. */
  readonly asking = new Map<string, ReturnAsk>();
  /** Players the facilitator (or host) let back in (by id), and until when (ms). */
  private readonly readmitted = new Map<string, { until: number; ask: string }>();

  /** `awaitingCreator`: a new friends game whose creator has not joined yet (nobody else becomes host meanwhile). */
  constructor(
    private readonly table: DoorTable,
    private awaitingCreator: boolean,
  ) {}

  /**
   * What a join will be, before its seat is reserved: a valid key or token (or any join to a
   * started game that passes) is credentialed, a newcomer to the lobby needs an open place, and
   * anything else will be refused when it connects (a screen's reservation is counted with
   * those: it needs no place, and at most a few may wait). Nothing changes but a name-only ask
   * for a held seat being shown.
   */
  admit(request: JoinRequest): Pick<Step, "refusal" | "admission"> {
    if (request.as === "console") return { admission: request.key !== null && this.acceptsKey(request.key) ? "credentialed" : "refused" };
    if (request.as !== "player") return { admission: "refused" };
    const refusal = this.checkSeat(request);
    if (refusal) return { refusal, admission: "refused" };
    return { admission: request.token || this.table.phase.name !== "lobby" ? "credentialed" : "newcomer" };
  }

  /** The checks of a seat's `join`: nothing changes but a name-only ask being shown. */
  private checkSeat({ name, firmId, token, ask }: Extract<JoinRequest, { as: "player" }>): JoinRefusal | undefined {
    if (token) return this.table.roster.byToken(token) ? undefined : { code: JOIN_ERRORS.BAD_TOKEN, message: "that seat token is not valid in this game" };
    if (this.table.phase.name !== "lobby") {
      const held = this.table.roster.named(name);
      if (!held) return { code: JOIN_ERRORS.GAME_STARTED, message: "this game has already started" };
      if (held.connected || !this.readmitting(held.id, ask)) return this.askToReturn(held, ask);
      return undefined;
    }
    if (this.table.roster.nameTaken(name)) return { code: JOIN_ERRORS.NAME_TAKEN, message: `the name "${name}" is taken in this game` };
    const seat = this.table.roster.openSeat(firmId);
    return "ok" in seat ? { code: JOIN_ERRORS.ROOM_FULL, message: seat.ok ? "no seat" : seat.message } : undefined;
  }

  private acceptsKey(key: string): boolean {
    return keyMatches(key, this.table.keyHash);
  }

  /** A connection comes in: as a player (a seat), the facilitator (the console) or a screen; refused with a JOIN_ERRORS code. */
  join(event: Extract<FlowEvent, { type: "join" }>): Pick<Step, "refusal" | "admission"> {
    const { request } = event;
    switch (request.as) {
      case "invalid":
        return { refusal: { code: request.code, message: request.message } };
      case "spectator":
        // A screen for the room: it sees the synced state, which holds public information only.
        this.table.emit({ type: "bind", session: event.session, playerId: null, facilitator: false, spectator: true });
        return {};
      case "console":
        return { refusal: this.openConsole(event.session, request.key, event.creator) };
      case "player": {
        // A newcomer's reservation is used (or refused) now: its place is no longer promised.
        const newcomer = !request.token && this.table.phase.name === "lobby";
        const refusal = this.seat(event, request);
        if (!refusal) this.table.emit({ type: "idle", watch: false });
        return { refusal, ...(newcomer ? { admission: "newcomer" as const } : {}) };
      }
    }
  }

  /** The facilitator: the class market's creator (who gets the key), or anyone holding the key. */
  private openConsole(session: string, key: string | null, creator: boolean): JoinRefusal | undefined {
    if (key === null && (this.table.mode !== "class" || !creator)) {
      return { code: JOIN_ERRORS.INVALID_OPTIONS, message: "the facilitator comes back with { facilitatorKey }, not { facilitator: true }" };
    }
    if (key !== null && !this.acceptsKey(key)) return { code: JOIN_ERRORS.BAD_TOKEN, message: "that facilitator key is not valid for this game" };
    this.table.emit({ type: "bind", session, playerId: null, facilitator: true });
    this.table.emit({ type: "console", session });
    this.table.emit({ type: "idle", watch: false });
    // A class market's console keeps a started game alive; a friends game lives while someone is connected.
    if (this.table.mode === "friends") this.table.emit({ type: "keepAlive", value: false });
    return undefined;
  }

  /** A seat: the token's, a held seat let back in by name, or (in the lobby) a new one. */
  private seat(event: Extract<FlowEvent, { type: "join" }>, request: Extract<JoinRequest, { as: "player" }>): JoinRefusal | undefined {
    const { name, firmId, token, ask } = request;
    let player: Player;
    if (token) {
      const owner = this.table.roster.byToken(token);
      if (!owner) return { code: JOIN_ERRORS.BAD_TOKEN, message: "that seat token is not valid in this game" };
      player = owner;
      this.asking.delete(player.id);
      this.readmitted.delete(player.id);
      this.takeOver(player, event.session);
    } else if (this.table.phase.name !== "lobby") {
      const held = this.table.roster.named(name);
      if (!held) return { code: JOIN_ERRORS.GAME_STARTED, message: "this game has already started" };
      if (!this.mayReturn(held, ask)) return this.askToReturn(held, ask);
      // Let back in without the token: the seat gets a new token, and the old one stops working.
      player = held;
      player.token = event.fresh.token;
      this.takeOver(player, event.session);
      this.table.persist({ op: "rostered" });
    } else {
      if (this.table.roster.nameTaken(name)) return { code: JOIN_ERRORS.NAME_TAKEN, message: `the name "${name}" is taken in this game` };
      const seat = this.table.roster.openSeat(firmId);
      if ("ok" in seat) return { code: JOIN_ERRORS.ROOM_FULL, message: seat.ok ? "no seat" : seat.message };
      // A friends game's host is its creator: nobody else takes the role while the creator's connection is on its way.
      player = this.table.roster.add({ id: event.fresh.id, name, token: event.fresh.token, firmId: seat.firmId }, event.creator || !this.awaitingCreator);
      if (event.creator) this.awaitingCreator = false;
    }
    player.connected = true;
    player.away = false;
    // A friends game's creating connection holds the facilitator role (the export key) too.
    const console = event.creator && this.table.mode === "friends" && this.table.phase.name === "lobby" && player.host;
    this.table.emit({ type: "bind", session: event.session, playerId: player.id, facilitator: console });
    this.table.emit({ type: "welcome", playerId: player.id });
    if (console) this.table.emit({ type: "console", session: event.session });
    this.table.emit({ type: "private", playerId: player.id });
    this.table.keepAliveForMode();
    this.table.mirror("roster");
    return undefined;
  }

  /**
   * Whether a player coming back without the token was let back in, from this device (the `ask`
   * id the approval was given to): the approval is used up. Never by the name alone.
   */
  private mayReturn(player: Player, ask: string | undefined): boolean {
    if (player.connected || !this.readmitting(player.id, ask)) return false;
    this.readmitted.delete(player.id);
    this.asking.delete(player.id);
    return true;
  }

  /** A name-only join on a held seat: the request shows on the console (and to a friends game's host); the words for the refusal. */
  private askToReturn(player: Player, ask: string | undefined): JoinRefusal {
    if (player.connected) return { code: JOIN_ERRORS.SEAT_IN_USE, message: `"${player.name}" is playing in this game from another device` };
    const earlier = this.asking.get(player.id);
    this.asking.set(player.id, { since: this.table.now, ask });
    // Let back in, then asking from another device: letting in again would move the approval to this
    // device, so the console says it is another one (once per device, not at every attempt).
    if (ask !== undefined && earlier?.ask !== ask && this.approvedElsewhere(player.id, ask))
      this.table.logEvent("askedAgain", { player: player.name, playerId: player.id });
    this.table.mirror("roster");
    this.table.emit({ type: "consoleUpdate", entries: [] });
    const who = this.table.mode === "class" ? "the facilitator" : "the host";
    return {
      code: JOIN_ERRORS.SEAT_HELD,
      message: `"${player.name}" holds a seat in this game: rejoin from the device you played on, or ask ${who} to let you back in and then join again`,
    };
  }

  /** Whether the player has asked to come back, from a device that can be told apart (an `ask` id), since the last approval. */
  askingFromDevice(playerId: string): boolean {
    return this.asking.get(playerId)?.ask !== undefined;
  }

  /**
   * The facilitator (or a friends game's host) lets a disconnected player back in, for
   * READMIT_SECONDS: only the device that asked last (its `ask` id), never whoever types the name
   * next. A later ask from another device shows as asking again and does not cancel this approval.
   */
  readmit(player: Player): void {
    const ask = this.asking.get(player.id)?.ask;
    if (ask === undefined) return;
    this.readmitted.set(player.id, { until: this.table.now + READMIT_SECONDS * 1000, ask });
    this.asking.delete(player.id);
    this.table.mirror("roster");
  }

  /** Whether a standing approval lets another device than this `ask` id back in as the player. */
  private approvedElsewhere(playerId: string, ask: string): boolean {
    const approval = this.readmitted.get(playerId);
    return approval !== undefined && approval.until >= this.table.now && approval.ask !== ask;
  }

  /** Whether a player was let back in from the device with this `ask` id, and has not come back yet. */
  private readmitting(playerId: string, ask: string | undefined): boolean {
    const approval = this.readmitted.get(playerId);
    return ask !== undefined && approval !== undefined && approval.ask === ask && approval.until >= this.table.now;
  }

  /** The token's owner joins from a new connection: any older connection of theirs is closed. */
  private takeOver(player: Player, session: string): void {
    this.table.emit({
      type: "close",
      playerId: player.id,
      except: session,
      code: CLOSE_CODES.RECLAIMED,
      reason: "your seat was reclaimed from another connection",
    });
    // A stand-in's move is withdrawn so the returning player can decide this quarter.
    const match = this.table.match;
    if (player.firmId && match?.pending.get(player.firmId)?.bot) match.pending.delete(player.firmId);
  }
}
