import { randomBytes } from "node:crypto";
import type { Delayed } from "@colyseus/timer";
import { type AuthContext, type Client, matchMaker, Room, ServerError } from "colyseus";
import {
  ABUSE_REJECTIONS,
  ABUSE_WINDOW_MS,
  CLOSE_CODES,
  ClassCreateOptionsSchema,
  ClientMessageSchemas,
  type ClientMessageType,
  CREATE_INVALID_OPTIONS,
  CreateOptionsSchema,
  FacilitatorJoinOptionsSchema,
  GRACE_SECONDS,
  IDLE_GAME_HOURS,
  JOIN_ERRORS,
  JoinOptionsSchema,
  MAX_MESSAGE_BYTES,
  MESSAGES_PER_SECOND,
  type Phase,
  type RejectedMessage,
  SpectatorJoinOptionsSchema,
} from "../../shared/schemas/protocol.js";
import { configFor } from "../flow/config.js";
import { MarketFlow, runsTheGame } from "../flow/flow.js";
import type { Effect, MirrorPart, Persist, Step } from "../flow/types.js";
import type { ExportSource } from "../game/export.js";
import { Match } from "../game/match.js";
import { type Player, Roster } from "../game/roster.js";
import { log } from "../log.js";
import type { GameStore } from "../store/games.js";
import { writeFor } from "../store/write.js";
import { claimCode, reclaimCode, releaseCode, restoreCode } from "./codes.js";
import { FacilitatorDesk } from "./desk.js";
import { warnMalformedFramesOnce } from "./frames.js";
import { type GuardLimits, MessageGuard } from "./guard.js";
import { mirrorGame, mirrorRoster, mirrorSettings, mirrorStandings } from "./mirror.js";
import { type Admission, PENDING_REFUSALS, PendingJoins } from "./pending.js";
import { PrivateFeed } from "./private-feed.js";
import { describe, issuesOf, type Rejection, reject } from "./rejections.js";
import { RoomSaving } from "./saving.js";
import { MarketRoomState } from "./state.js";

/** Server-wide settings of market rooms (not chosen by clients). */
export interface MarketRoomLimits extends GuardLimits {
  /** Seconds a dropped player keeps the seat before a stand-in bot plays it. */
  graceSeconds: number;
  /** The bot that stands in for a player away past the grace period. */
  standInBot: "balanced";
  /** Seconds an unfinished game may stay with no one connected before it expires (kept in the store, never restored). */
  idleSeconds: number;
  /** Milliseconds between retries of a store write that failed (the room is paused meanwhile). */
  storeRetryMs: number;
}

export const DEFAULT_LIMITS: MarketRoomLimits = {
  graceSeconds: GRACE_SECONDS,
  standInBot: "balanced",
  idleSeconds: IDLE_GAME_HOURS * 3600,
  storeRetryMs: 2000,
  messagesPerSecond: MESSAGES_PER_SECOND,
  maxMessageBytes: MAX_MESSAGE_BYTES,
  abuseRejections: ABUSE_REJECTIONS,
  abuseWindowMs: ABUSE_WINDOW_MS,
};

export interface MarketMetadata {
  code: string;
  title: string;
  scenario: string;
  phase: Phase;
  firms: number;
  players: number;
  teamSize: number;
  /** The host's display name ("" in a class market, run by a facilitator). */
  host: string;
  quarters: number;
  /** Players who can still join: free places on every firm's team. */
  openSeats: number;
}

/**
 * A connection: a player's (playerId), the facilitator's (facilitator), a friends host's creating
 * connection (both), or a read-only screen's (spectator: no player, no messages, the public state only).
 */
type MarketClient = Client<{ userData: { playerId: string | null; facilitator: boolean; spectator?: boolean }; auth: SeatAuth | undefined }>;

/** What `onAuth` gives every seat reservation: the secret that only a create request carries on to its room. */
interface SeatAuth {
  creator: string;
}

/** The key under which `onAuth` hands a create request's secret to the new room's `onCreate`. */
const CREATOR_SECRET = "creatorSecret";

/** The room id of a `joinById` matchmaking request (POST /matchmake/joinById/:roomId); null for any other. */
function joinedRoomId(context: AuthContext | undefined): string | null {
  const url = (context?.req as { url?: unknown } | undefined)?.url;
  if (typeof url !== "string") return null;
  return /\/matchmake\/joinById\/([^/?#]+)/.exec(url)?.[1] ?? null;
}

/**
 * The `market` room: a thin adapter around the game's flow table (`server/flow/flow.ts`). It
 * turns Colyseus callbacks into events, and applies the table's effects: messages to
 * connections, the schema mirror, the store, the one phase timer. The room's id is its join code.
 */
export class MarketRoom extends Room<{ state: MarketRoomState; metadata: MarketMetadata; client: MarketClient }> {
  /** Server-wide limits; a subclass made by `marketRoomWith` overrides them. */
  limits: MarketRoomLimits = DEFAULT_LIMITS;
  /** Where games are kept so they survive a restart (none: in memory only). */
  store: GameStore | null = null;

  /** The game: phase, match, roster, settings, timer and log. */
  flow!: MarketFlow;
  /** The key and the facilitator's connections (console, projector, a friends host's creating connection). */
  readonly desk = new FacilitatorDesk<MarketClient>();
  private guard!: MessageGuard;
  /** Writes to the store; a failed write pauses the room until it succeeds. */
  private saving!: RoomSaving;
  private readonly privateFeed = new PrivateFeed();
  private readonly sessions = new Map<string, MarketClient>();
  /** Sessions the server closed itself (abuse, seat reclaimed): they get no grace period. */
  private readonly closing = new Set<string>();
  /** The process is shutting down: players leaving change nothing, the game stays as stored. */
  private stopping = false;
  private timer: Delayed | null = null;
  /** The secret of the request that created the room, until its connection has joined: it alone gets the creator's seat and key. */
  private creatorSecret: string | null = null;
  /** Runs while an unfinished game has no one connected; when it fires, the game expires. */
  private idle: Delayed | null = null;
  /** Reservations admitted by `onAuth` and not yet connected. */
  private readonly pending = new PendingJoins(() => this.seatReservationTimeout * 1000);

  // ---- lifecycle -------------------------------------------------------------------------

  /**
   * Runs on the matchmaking request, before any seat is reserved. Every request is given a
   * fresh secret, in its options and in its reservation's auth: a create request's options
   * reach `onCreate`, so the room knows its creator's reservation by it (whoever else joins
   * first gets nothing of the creator's). A `joinById` for a room of this process is checked
   * against the room now (options, token, key, name, open places), so refused requests never
   * hold a seat.
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<SeatAuth | true> {
    if (options === null || typeof options !== "object" || Array.isArray(options)) return true;
    const creator = randomBytes(18).toString("base64url");
    (options as Record<string, unknown>)[CREATOR_SECRET] = creator;
    const roomId = joinedRoomId(context);
    const room = roomId ? matchMaker.getLocalRoomById(roomId) : undefined;
    if (room instanceof MarketRoom) room.admit(options);
    return { creator };
  }

  override async onCreate(options: unknown): Promise<void> {
    this.guard = new MessageGuard(this.limits);
    warnMalformedFramesOnce(this);
    this.saving = new RoomSaving(this, this.store, (run, ms) => this.clock.setTimeout(run, ms), this.limits.storeRetryMs);
    // 40 firms of 4, a few facilitator connections, the pending refusals, and room for token
    // holders taking their seat over from a connection not yet closed. Newcomers are admitted
    // (onAuth) only up to the open places, so anonymous reservations never fill this.
    this.maxClients = 40 * 4 + 8 + PENDING_REFUSALS + 32;
    this.onMessage("*", (client, type, message) => this.receive(client as MarketClient, type, message));
    const restoring = restoreCode(options);
    if (restoring) return this.restore(restoring);
    const isClass = (options as { facilitator?: unknown } | null)?.facilitator === true;
    const parsed = (isClass ? ClassCreateOptionsSchema : CreateOptionsSchema).safeParse(options);
    if (!parsed.success) throw new ServerError(CREATE_INVALID_OPTIONS, `invalid room options: ${describe(parsed.error)}`);
    const settings = parsed.data.settings;
    const config = configFor(settings);
    if (!config.ok) throw new ServerError(CREATE_INVALID_OPTIONS, config.message);

    this.roomId = await claimCode(this.presence);
    const secret = (options as Record<string, unknown>)[CREATOR_SECRET];
    this.creatorSecret = typeof secret === "string" ? secret : null;
    this.desk.issueKey();
    await this.start(
      new MarketFlow({ kind: "new", code: this.roomId, mode: isClass ? "class" : "friends", settings, config: config.value, keyHash: this.desk.keyHash ?? "" }),
    );
    log.info("room created", { roomId: this.roomId, code: this.roomId });
  }

  /** Brings a stored game back at its last resolved quarter (or a stored lobby as it was); its players rejoin by token. */
  private async restore(code: string): Promise<void> {
    const saved = this.store?.load(code);
    const lobby = saved ? null : (this.store?.loadLobby(code) ?? null);
    if (saved?.status !== "playing" && !lobby) throw new ServerError(JOIN_ERRORS.CODE_UNAVAILABLE, `no unfinished game ${code} to restore`);
    if (!(await reclaimCode(this.presence, code))) throw new ServerError(JOIN_ERRORS.CODE_UNAVAILABLE, `game ${code} is already running`);
    this.roomId = code;
    const kept = saved ?? lobby;
    if (!kept) return;
    this.desk.restore(kept.keyHash);
    const config = configFor(kept.settings);
    if (!config.ok) throw new ServerError(JOIN_ERRORS.INVALID_OPTIONS, config.message);
    const common = {
      code,
      mode: kept.mode,
      settings: kept.settings,
      config: config.value,
      keyHash: kept.keyHash,
      roster: Roster.restore(kept.settings.teamSize, kept.seats, kept.players, kept.mode === "friends"),
      log: kept.log,
    };
    if (!saved) {
      await this.start(new MarketFlow({ kind: "restoredLobby", ...common }));
      log.info("lobby restored", { roomId: code, code, players: kept.players.length });
      return;
    }
    const match = Match.fromRecord(saved.record);
    match.injections.push(...saved.queued);
    await this.start(new MarketFlow({ kind: "restored", ...common, match, paused: saved.paused }));
    log.info("game restored", { roomId: code, code, quarter: match.state.quarter, paused: saved.paused });
  }

  private async start(flow: MarketFlow): Promise<void> {
    this.flow = flow;
    flow.standInBot = this.limits.standInBot;
    this.desk.showing(flow);
    this.state = new MarketRoomState();
    this.state.code = this.roomId;
    this.state.mode = flow.mode;
    this.apply(flow.open(Date.now()));
    await this.setPrivate(flow.settings.private);
    this.watchIdle();
  }

  override onJoin(client: MarketClient, options: unknown): void {
    const o = options as { facilitator?: unknown; facilitatorKey?: unknown; spectator?: unknown } | null;
    if (o?.facilitator === true || o?.facilitatorKey !== undefined) {
      this.joinConsole(client, options);
      return;
    }
    if (SpectatorJoinOptionsSchema.safeParse(options).success) {
      // A screen for the room: it sees the synced state, which holds public information only.
      client.userData = { playerId: null, facilitator: false, spectator: true };
      return;
    }
    const parsed = JoinOptionsSchema.safeParse(options);
    if (!parsed.success) this.refuseJoin(JOIN_ERRORS.INVALID_OPTIONS, `invalid join options: ${describe(parsed.error)}`);
    // A newcomer's reservation is used (or refused) now: its place is no longer promised.
    if (!parsed.data.token && this.flow.phaseName === "lobby") this.pending.newcomerArrived();
    const creator = this.isCreator(client);
    const step = this.flow.step({
      type: "join",
      session: client.sessionId,
      ...parsed.data,
      fresh: { id: randomBytes(6).toString("hex"), token: randomBytes(18).toString("base64url") },
      creator,
      now: Date.now(),
    });
    if (creator && !step.refusal) this.creatorSecret = null;
    if (!step.refusal) this.watchIdle(true);
    // A refusal may still show something (a seat's holder asking to be let back in).
    this.apply(step, step.refusal ? undefined : client);
    if (step.refusal) this.refuseJoin(step.refusal.code, step.refusal.message);
  }

  /** The facilitator: the class market's creator (who gets the key), or anyone holding the key. */
  private joinConsole(client: MarketClient, options: unknown): void {
    if ((options as { facilitator?: unknown }).facilitator === true) {
      if (this.flow.mode !== "class" || !this.isCreator(client)) {
        this.refuseJoin(JOIN_ERRORS.INVALID_OPTIONS, "the facilitator comes back with { facilitatorKey }, not { facilitator: true }");
      }
      this.creatorSecret = null;
    } else {
      const parsed = FacilitatorJoinOptionsSchema.safeParse(options);
      if (!parsed.success) this.refuseJoin(JOIN_ERRORS.INVALID_OPTIONS, `invalid facilitator options: ${describe(parsed.error)}`);
      if (!this.desk.accepts(parsed.data.facilitatorKey)) this.refuseJoin(JOIN_ERRORS.BAD_TOKEN, "that facilitator key is not valid for this game");
    }
    this.apply(this.flow.step({ type: "openConsole", session: client.sessionId }), client);
    this.watchIdle(true);
    // A class market's console keeps a started game alive; a friends game lives while someone is connected.
    if (this.flow.mode === "friends") this.autoDispose = true;
  }

  /** Refuses a connection; its reservation was counted as one to refuse. */
  private refuseJoin(code: number, message: string): never {
    this.pending.refused();
    throw new ServerError(code, message);
  }

  /** Whether this connection is the one that created the room (its reservation carries the create request's secret). */
  private isCreator(client: MarketClient): boolean {
    return this.creatorSecret !== null && client.auth?.creator === this.creatorSecret;
  }

  /**
   * Checks join options before a seat is reserved (from `onAuth`). Colyseus answers a
   * matchmaking error with its code as the HTTP status, so the specific 43xx refusals are
   * given when the connection arrives (`onJoin`); here the reservations are counted, so that
   * anonymous ones never crowd out seat holders and consoles: a newcomer needs an open place
   * not promised to another pending newcomer, and at most PENDING_REFUSALS reservations that
   * will be refused may wait at once. A valid key or token always gets through.
   */
  admit(options: unknown): void {
    const now = Date.now();
    this.pending.admit(this.admission(options, now), this.flow.roster.openPlaces(), now);
  }

  /** What a join will be: with a valid key or token, a newcomer with a place, or refused (the refusal is given in onJoin). */
  private admission(options: unknown, now: number): Admission {
    const o = options as { facilitator?: unknown; facilitatorKey?: unknown };
    if (o.facilitator === true) return "refused";
    if (o.facilitatorKey !== undefined) {
      const parsed = FacilitatorJoinOptionsSchema.safeParse(options);
      return parsed.success && this.desk.accepts(parsed.data.facilitatorKey) ? "credentialed" : "refused";
    }
    const parsed = JoinOptionsSchema.safeParse(options);
    if (!parsed.success) return "refused";
    const step = this.flow.step({ type: "admit", ...parsed.data, now });
    this.apply(step);
    if (step.refusal) return "refused";
    return parsed.data.token || this.flow.phaseName !== "lobby" ? "credentialed" : "newcomer";
  }

  override async onDrop(client: MarketClient): Promise<void> {
    if (this.stopping) return;
    this.watchIdle();
    if (this.closing.delete(client.sessionId)) return this.onLeave(client);
    const playerId = client.userData?.playerId ?? null;
    this.forget(client);
    if (!playerId) {
      if (client.userData?.facilitator || client.userData?.spectator) await this.allowReconnection(client, this.limits.graceSeconds).catch(() => undefined);
      return;
    }
    this.apply(this.flow.step({ type: "drop", playerId }));
    try {
      await this.allowReconnection(client, this.limits.graceSeconds);
    } catch {
      // The grace period ran out (or the seat was reclaimed with the token from elsewhere,
      // or the process is stopping: then nothing changes).
      if (this.stopping || this.sessionsOf(playerId).length > 0) return;
      this.apply(this.flow.step({ type: "leave", playerId, now: Date.now() }));
    }
  }

  override onReconnect(client: MarketClient): void {
    this.watchIdle(true);
    if (client.userData?.facilitator) this.desk.open(client);
    const playerId = client.userData?.playerId;
    if (!playerId) return;
    this.sessions.set(client.sessionId, client);
    this.apply(this.flow.step({ type: "reconnect", session: client.sessionId, playerId, now: Date.now() }));
  }

  override onLeave(client: MarketClient): void {
    if (this.stopping) return;
    this.watchIdle();
    this.closing.delete(client.sessionId);
    const playerId = client.userData?.playerId;
    this.forget(client);
    if (!playerId || this.sessionsOf(playerId).length > 0) return;
    this.apply(this.flow.step({ type: "leave", playerId, now: Date.now() }));
  }

  /**
   * The process is stopping (SIGTERM): the game stays as stored at its last resolved quarter
   * (its code stays reserved for this process), and every player is told why they are closed.
   */
  override onBeforeShutdown(): void {
    this.stopping = true;
    this.clearTimer();
    const kept = this.keepsCode();
    const reason = kept ? "the server is restarting: your game resumes at its last finished quarter" : "the server is shutting down";
    // Every connection: players, and the facilitator's consoles (which are not seated).
    for (const client of [...this.clients]) this.close(client, CLOSE_CODES.SHUTDOWN, reason);
    log.info("room closed for shutdown", {
      roomId: this.roomId,
      code: this.roomId,
      phase: this.flow?.phaseName,
      kept,
      quarter: this.match?.state.quarter ?? 0,
    });
    void this.disconnect(CLOSE_CODES.SHUTDOWN).catch(() => {});
  }

  /**
   * The idle clock: an unfinished started game with no connection at all expires after
   * `limits.idleSeconds` (the store keeps it, marked expired, and it is never restored).
   */
  private watchIdle(joined = false): void {
    const match = this.match;
    const idle = !joined && this.clients.length === 0 && match !== null && !match.over && !this.stopping;
    if (!idle) {
      this.idle?.clear();
      this.idle = null;
    } else if (!this.idle) this.idle = this.clock.setTimeout(() => this.expire(), this.limits.idleSeconds * 1000);
  }

  private expire(): void {
    this.idle = null;
    log.info("game expired: no one connected", {
      roomId: this.roomId,
      code: this.roomId,
      idleSeconds: this.limits.idleSeconds,
      quarter: this.match?.state.quarter ?? 0,
    });
    this.saving.save("expired", (store) => store.expired(this.roomId));
    this.clearTimer();
    this.autoDispose = true;
    void this.disconnect();
  }

  /** Stopping with a stored lobby or unfinished game: it comes back when this process restarts. */
  private keepsCode(): boolean {
    const match = this.match;
    return this.stopping && this.store !== null && (match === null || !match.over);
  }

  override async onDispose(): Promise<void> {
    this.clearTimer();
    this.idle?.clear();
    // A lobby everyone left is gone for good (one stopped with the process comes back).
    if (!this.stopping && this.flow?.phaseName === "lobby") this.saving?.save("dropLobby", (store) => store.dropLobby(this.roomId));
    this.saving?.stop();
    // A game that will be restored keeps its code; anything else gives it back.
    if (!this.keepsCode()) await releaseCode(this.presence, this.roomId);
    log.debug("room disposed", { roomId: this.roomId, code: this.roomId });
  }

  // ---- messages --------------------------------------------------------------------------

  private receive(client: MarketClient, type: string | number, payload: unknown): void {
    const typeName = String(type).slice(0, 40);
    const now = this.clock.currentTime;
    const verdict = this.guard.check(client.sessionId, now, payload);
    const rejection = verdict === "ok" ? this.handle(client, type, payload) : this.overLimit(verdict);
    if (!rejection) return;
    if (this.guard.strike(client.sessionId, now)) this.close(client, CLOSE_CODES.ABUSE, "too many refused messages: disconnected");
    else this.refuse(client, typeName, rejection);
  }

  private overLimit(verdict: "rateLimited" | "tooLarge"): Rejection {
    return verdict === "rateLimited"
      ? reject("RATE_LIMITED", `more than ${this.limits.messagesPerSecond} messages per second`)
      : reject("TOO_LARGE", `messages are limited to ${this.limits.maxMessageBytes} bytes`);
  }

  /** Parses a message with its zod schema and runs it through the flow; a rejection when refused. */
  private handle(client: MarketClient, type: string | number, payload: unknown): Rejection | undefined {
    return this.command(type, payload, { playerId: client.userData?.playerId ?? null, facilitator: client.userData?.facilitator === true });
  }

  /** Runs a client message as `from` (a player and/or the facilitator); a rejection when refused. Tests use it for the facilitator. */
  command(type: string | number, payload: unknown, from = { playerId: null as string | null, facilitator: true }): Rejection | undefined {
    if (typeof type !== "string" || !Object.hasOwn(ClientMessageSchemas, type)) {
      return reject("UNKNOWN_MESSAGE", `unknown message type "${String(type).slice(0, 40)}"`);
    }
    const kind = type as ClientMessageType;
    const parsed = ClientMessageSchemas[kind].safeParse(payload ?? {});
    if (!parsed.success) return reject("INVALID_MESSAGE", `invalid ${kind}: ${describe(parsed.error)}`, { issues: issuesOf(parsed.error) });
    const unsaved = this.saving.failure;
    if (unsaved && runsTheGame(kind)) return reject("STORE_UNAVAILABLE", unsaved);
    // Fresh entropy only where a game can start: a crypto call on every submission cost ~2% of the server's time at 300 rooms.
    const seed = this.flow.phaseName === "lobby" ? randomBytes(8).toString("hex") : "";
    const step = this.flow.step({ type: "message", ...from, kind, data: parsed.data, now: Date.now(), seed });
    this.apply(step);
    return step.rejection;
  }

  private refuse(client: MarketClient, type: string, rejection: Rejection): void {
    client.send("rejected", { type, issues: [], ...rejection } satisfies RejectedMessage);
  }

  // ---- effects ---------------------------------------------------------------------------

  /** Applies a step's effects in order; `joining` is the connection being let in (not registered yet). */
  private apply(step: Step, joining?: MarketClient): void {
    for (const effect of step.effects) this.applyEffect(effect, joining);
    this.syncClock();
    this.syncMetadata();
  }

  private applyEffect(effect: Effect, joining?: MarketClient): void {
    switch (effect.type) {
      case "bind": {
        const client = joining?.sessionId === effect.session ? joining : this.sessions.get(effect.session);
        if (!client) return;
        client.userData = { playerId: effect.playerId, facilitator: effect.facilitator };
        if (effect.playerId) this.sessions.set(client.sessionId, client);
        return;
      }
      case "welcome": {
        const player = this.flow.roster.player(effect.playerId);
        if (!player) return;
        for (const client of this.sessionsOf(player.id)) {
          client.send("welcome", { playerId: player.id, firmId: player.firmId, host: player.host, token: player.token, serverTime: Date.now() });
          this.privateFeed.forget(client.sessionId); // a welcomed connection gets its firm's view whole again
        }
        return;
      }
      case "private": {
        const players = effect.playerId ? [this.flow.roster.player(effect.playerId)] : this.flow.roster.players;
        for (const player of players) if (player) for (const client of this.sessionsOf(player.id)) this.sendPrivate(client, player);
        return;
      }
      case "toFirm":
        for (const member of this.flow.roster.members(effect.firmId)) {
          if (member.id === effect.except) continue;
          for (const client of this.sessionsOf(member.id)) client.send(effect.message.type, effect.message.payload);
        }
        return;
      case "consoleUpdate":
        this.desk.update(effect.entries);
        return;
      case "console": {
        const client = joining?.sessionId === effect.session ? joining : this.sessions.get(effect.session);
        if (client) this.desk.open(client);
        return;
      }
      case "close":
        for (const client of this.sessionsOf(effect.playerId)) if (client.sessionId !== effect.except) this.close(client, effect.code, effect.reason);
        return;
      case "mirror":
        this.mirror(effect.part);
        return;
      case "persist":
        this.persist(effect.write);
        return;
      case "schedule":
        this.schedule(effect.ms, effect.id);
        return;
      case "cancel":
        this.clearTimer();
        return;
      case "visibility":
        void this.setPrivate(effect.private);
        return;
      case "keepAlive":
        this.autoDispose = !effect.value;
        return;
      case "finished":
        if (this.autoDispose && this.clients.length === 0) void this.disconnect();
        return;
      case "note":
        log.info(effect.message, { roomId: this.roomId, code: this.roomId, ...effect.fields });
        return;
    }
  }

  private schedule(ms: number, id: number): void {
    this.clearTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (!this.stopping) this.apply(this.flow.step({ type: "timer", id, now: Date.now() }));
    }, ms);
  }

  private clearTimer(): void {
    this.timer?.clear();
    this.timer = null;
  }

  /** Writes what the flow asks to the store (none: nothing); a failed write pauses this room and is retried in order. */
  private persist(write: Persist): void {
    if (!this.store) return;
    const run = writeFor(this.roomId, this.flow, write);
    if (run) this.saving.save(write.op, run);
  }

  /** The store cannot be written: the flow freezes the game's timer. */
  storeFailed(): void {
    this.apply(this.flow.step({ type: "storeFailed", now: Date.now() }));
  }

  /** The store can be written again: the flow lets the timer run again. */
  storeRecovered(): void {
    this.apply(this.flow.step({ type: "storeRecovered", now: Date.now() }));
  }

  /** The firm's private view: whole on a connection's first, then what changed since its last (private-feed.ts). */
  private sendPrivate(client: MarketClient, player: Player): void {
    if (this.match && player.firmId) this.privateFeed.send(client, this.match, player.firmId);
  }

  // ---- connections -----------------------------------------------------------------------

  private sessionsOf(playerId: string): MarketClient[] {
    const found: MarketClient[] = [];
    for (const client of this.sessions.values()) if (client.userData?.playerId === playerId) found.push(client);
    return found;
  }

  /** Closes a connection without a grace period. */
  private close(client: MarketClient, code: number, reason: string): void {
    this.forget(client);
    this.closing.add(client.sessionId);
    client.leave(code, reason);
  }

  private forget(client: MarketClient): void {
    this.sessions.delete(client.sessionId);
    this.desk.close(client.sessionId);
    this.guard.forget(client.sessionId);
    this.privateFeed.forget(client.sessionId);
  }

  // ---- mirroring -------------------------------------------------------------------------

  private mirror(part: MirrorPart): void {
    const { flow, state } = this;
    if (part === "settings") mirrorSettings(state, flow.settings, flow.config.quarters);
    else if (part === "roster") mirrorRoster(state, flow.roster, flow.match, flow.asking);
    else if (part === "standings") mirrorStandings(state, flow.standings());
    else {
      const match = flow.match;
      if (!match) return;
      mirrorRoster(state, flow.roster, match, flow.asking);
      mirrorGame(state, match.state);
      state.resolvedAt = Date.now();
    }
  }

  /** The phase and its timer as clients see them. */
  private syncClock(): void {
    const { state } = this;
    const { timer } = this.flow;
    if (state.phase !== this.flow.phaseName) state.phase = this.flow.phaseName;
    if (state.deadline !== timer.deadline) state.deadline = timer.deadline;
    if (state.paused !== timer.paused) state.paused = timer.paused;
    if (state.remaining !== timer.remaining) state.remaining = timer.remaining;
  }

  private syncMetadata(): void {
    const { flow } = this;
    const meta: MarketMetadata = {
      code: this.roomId,
      title: flow.settings.name,
      scenario: flow.settings.scenario,
      phase: flow.phaseName,
      firms: flow.roster.size,
      players: flow.roster.players.length,
      teamSize: flow.settings.teamSize,
      host: flow.roster.players.find((p) => p.host)?.name ?? "",
      quarters: flow.config.quarters,
      openSeats: flow.roster.size * flow.settings.teamSize - flow.roster.players.length,
    };
    const old = this.metadata as MarketMetadata | undefined;
    if (!old || (Object.keys(meta) as (keyof MarketMetadata)[]).some((k) => old[k] !== meta[k])) void this.setMetadata(meta);
  }

  // ---- what tests and the export routes read --------------------------------------------

  /** The started game's match; null in the lobby. */
  get match(): Match | null {
    return this.flow?.match ?? null;
  }

  get roster(): Roster {
    return this.flow.roster;
  }

  get phase(): Phase {
    return this.flow.phaseName;
  }

  /** The game for the export routes; null before the game starts. */
  exportSource(): ExportSource | null {
    const match = this.match;
    if (!match) return null;
    return { code: this.roomId, record: match.record, players: this.flow.roster.players, log: this.flow.log, live: match.state };
  }
}

/** The room class with server-wide limits (tests shorten the grace period, benchmarks raise the rate) and a store. */
export function marketRoomWith(limits: Partial<MarketRoomLimits>, store: GameStore | null = null): typeof MarketRoom {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  return class ConfiguredMarketRoom extends MarketRoom {
    override limits = merged;
    override store = store;
  };
}
