import { randomBytes } from "node:crypto";
import { type Client, Room, ServerError } from "colyseus";
import type { BotName } from "../../shared/bots/index.js";
import { loadConfig } from "../../shared/config/load.js";
import { score } from "../../shared/engine/score.js";
import { viewFor } from "../../shared/engine/view.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import {
  ABUSE_REJECTIONS,
  ABUSE_WINDOW_MS,
  CLOSE_CODES,
  ClassCreateOptionsSchema,
  ClientMessageSchemas,
  type ClientMessageType,
  CREATE_INVALID_OPTIONS,
  CreateOptionsSchema,
  FACILITATOR_MESSAGE_TYPES,
  FacilitatorJoinOptionsSchema,
  type FacilitatorMessageType,
  GRACE_SECONDS,
  JOIN_ERRORS,
  JoinOptionsSchema,
  MAX_MESSAGE_BYTES,
  MESSAGES_PER_SECOND,
  type Phase,
  type RejectedMessage,
  type RoomSettings,
} from "../../shared/schemas/protocol.js";
import type { ExportSource } from "../game/export.js";
import { Match } from "../game/match.js";
import { type Player, Roster } from "../game/roster.js";
import { log } from "../log.js";
import type { GameStore } from "../store/games.js";
import { claimCode, reclaimCode, releaseCode, restoreCode } from "./codes.js";
import { FacilitatorDesk } from "./desk.js";
import { type FacilitatorHandler, facilitatorHandlers, lobbyEffect } from "./facilitator.js";
import { warnMalformedFramesOnce } from "./frames.js";
import { type GuardLimits, MessageGuard } from "./guard.js";
import { HOST_MESSAGE_TYPES, intentHandlers, type PlayerMessageType } from "./intents.js";
import { mirrorGame, mirrorRoster, mirrorSettings, mirrorStandings } from "./mirror.js";
import { PhaseClock } from "./phase-clock.js";
import { describe, type Handler, issuesOf, type Rejection, reject } from "./rejections.js";
import { RoomSaving } from "./saving.js";
import { MarketRoomState } from "./state.js";

/** Server-wide settings of market rooms (not chosen by clients). */
export interface MarketRoomLimits extends GuardLimits {
  /** Seconds a dropped player keeps the seat before a stand-in bot plays it. */
  graceSeconds: number;
  /** The bot that stands in for a player away past the grace period. */
  standInBot: "balanced";
  /** Milliseconds between retries of a store write that failed (the room is paused meanwhile). */
  storeRetryMs: number;
}

export const DEFAULT_LIMITS: MarketRoomLimits = {
  graceSeconds: GRACE_SECONDS,
  standInBot: "balanced",
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
}

/** Quarters of history in a `private` message: the engine looks back at most 8 (lagQuarters' maximum). */
const PRIVATE_HISTORY = 9;

/** A connection: a player's (playerId), the facilitator's (facilitator), or a friends host's creating connection (both). */
type MarketClient = Client<{ userData: { playerId: string | null; facilitator: boolean } }>;

const FACILITATOR_MESSAGES: ReadonlySet<string> = new Set(FACILITATOR_MESSAGE_TYPES);

/** Stands for the facilitator when it sends a host's lobby message: it holds no firm. */
const FACILITATOR_ACTOR: Player = {
  id: "facilitator",
  name: "Facilitator",
  token: "",
  firmId: null,
  host: true,
  ready: false,
  connected: true,
  away: false,
};

/**
 * The `market` room: one game, authoritative. It keeps the engine's plain state as the truth
 * (in `Match`) and mirrors public information into the synced schema; private figures go to
 * each firm's members by message. The room's id is its join code.
 */
export class MarketRoom extends Room<{ state: MarketRoomState; metadata: MarketMetadata; client: MarketClient }> {
  /** Server-wide limits; a subclass made by `marketRoomWith` overrides them. */
  limits: MarketRoomLimits = DEFAULT_LIMITS;
  /** Where games are kept so they survive a restart (none: in memory only). */
  store: GameStore | null = null;

  settings!: RoomSettings;
  config!: EconomyConfig;
  roster!: Roster;
  match: Match | null = null;
  /** Brought back from the store after a restart. */
  restored = false;
  phase: Phase = "lobby";
  /** "friends": a host player runs the game; "class": a facilitator, who plays no firm. */
  mode: "friends" | "class" = "friends";
  phaseClock!: PhaseClock;
  /** The key, the game log and the facilitator's connections (console, projector, a friends host's creating connection). */
  readonly desk = new FacilitatorDesk<MarketClient>(() => this.match?.injections ?? []);
  private guard!: MessageGuard;
  /** Writes to the store; a failed write pauses the room until it succeeds. */
  private saving!: RoomSaving;
  private readonly sessions = new Map<string, MarketClient>();
  /** Sessions the server closed itself (abuse, seat reclaimed): they get no grace period. */
  private readonly closing = new Set<string>();
  /** The process is shutting down: players leaving change nothing, the game stays as stored. */
  private stopping = false;

  // ---- lifecycle -------------------------------------------------------------------------

  override async onCreate(options: unknown): Promise<void> {
    this.guard = new MessageGuard(this.limits);
    warnMalformedFramesOnce(this);
    this.saving = new RoomSaving(this, this.store, (run, ms) => this.clock.setTimeout(run, ms), this.limits.storeRetryMs);
    this.maxClients = 40 * 4 + 8; // 40 firms of 4, and a few facilitator connections
    this.onMessage("*", (client, type, message) => this.receive(client as MarketClient, type, message));
    const restoring = restoreCode(options);
    if (restoring) return this.restore(restoring);
    const isClass = (options as { facilitator?: unknown } | null)?.facilitator === true;
    const parsed = (isClass ? ClassCreateOptionsSchema : CreateOptionsSchema).safeParse(options);
    if (!parsed.success) throw new ServerError(CREATE_INVALID_OPTIONS, `invalid room options: ${describe(parsed.error)}`);
    const settings = parsed.data.settings;
    const config = this.configFor(settings);
    if (!config.ok) throw new ServerError(CREATE_INVALID_OPTIONS, config.message);

    this.roomId = await claimCode(this.presence);
    this.mode = isClass ? "class" : "friends";
    this.desk.issueKey();
    this.settings = settings;
    this.config = config.value;
    this.roster = new Roster(settings.teamSize, settings.firms, settings.bots, !isClass);
    this.initState();
    this.syncLobby();
    await this.setPrivate(settings.private);
    log.info("room created", { roomId: this.roomId, code: this.roomId });
  }

  /** Brings a stored game back at its last resolved quarter; its players rejoin by token or name. */
  private async restore(code: string): Promise<void> {
    const saved = this.store?.load(code);
    if (saved?.status !== "playing") throw new ServerError(JOIN_ERRORS.CODE_UNAVAILABLE, `no unfinished game ${code} to restore`);
    if (!(await reclaimCode(this.presence, code))) throw new ServerError(JOIN_ERRORS.CODE_UNAVAILABLE, `game ${code} is already running`);
    this.roomId = code;
    this.restored = true;
    this.mode = saved.mode;
    this.desk.restore(saved.keyHash, saved.log);
    this.settings = saved.settings;
    const config = this.configFor(saved.settings);
    if (!config.ok) throw new ServerError(JOIN_ERRORS.INVALID_OPTIONS, config.message);
    this.config = config.value;
    this.roster = Roster.restore(saved.settings.teamSize, saved.seats, saved.players, saved.mode === "friends");
    this.match = Match.fromRecord(saved.record);
    this.match.injections.push(...saved.queued);
    this.initState();
    // Nobody is connected yet: keep the room until its players are back.
    this.autoDispose = false;
    this.syncLobby();
    await this.setPrivate(saved.settings.private);
    this.enterNews();
    log.info("game restored", { roomId: code, code, quarter: this.match.state.quarter });
  }

  private initState(): void {
    this.state = new MarketRoomState();
    this.state.code = this.roomId;
    this.state.mode = this.mode;
    this.phaseClock = new PhaseClock(this.clock, this.state);
  }

  override onJoin(client: MarketClient, options: unknown): void {
    const o = options as { facilitator?: unknown; facilitatorKey?: unknown } | null;
    if (o?.facilitator === true || o?.facilitatorKey !== undefined) {
      this.joinConsole(client, options);
      return;
    }
    const parsed = JoinOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(JOIN_ERRORS.INVALID_OPTIONS, `invalid join options: ${describe(parsed.error)}`);
    const { name, firmId, token } = parsed.data;

    let player: Player;
    // After a restart, players may come back by name (their tokens may be gone with the page).
    const absent = token || !this.restored ? undefined : this.roster.absent(name);
    if (token || absent) {
      const owner = absent ?? this.roster.byToken(token as string);
      if (!owner) throw new ServerError(JOIN_ERRORS.BAD_TOKEN, "that seat token is not valid in this game");
      player = owner;
      this.takeOver(player);
    } else {
      if (this.phase !== "lobby") throw new ServerError(JOIN_ERRORS.GAME_STARTED, "this game has already started");
      if (this.roster.nameTaken(name)) throw new ServerError(JOIN_ERRORS.NAME_TAKEN, `the name "${name}" is taken in this game`);
      const seat = this.roster.openSeat(firmId);
      if ("ok" in seat) throw new ServerError(JOIN_ERRORS.ROOM_FULL, seat.ok ? "no seat" : seat.message);
      player = this.roster.add({ id: randomBytes(6).toString("hex"), name, token: randomBytes(18).toString("base64url"), firmId: seat.firmId });
    }
    player.connected = true;
    player.away = false;
    // A friends game's creating connection holds the facilitator role (the export key) too.
    const creator = this.mode === "friends" && this.desk.keyPending && player.host && !this.match;
    client.userData = { playerId: player.id, facilitator: creator };
    this.sessions.set(client.sessionId, client);
    this.welcome(client, player);
    if (creator) this.desk.open(client);
    this.updateAutoDispose(true);
    this.syncRoster();
  }

  /** The facilitator: the class market's creator (who gets the key), or anyone holding the key. */
  private joinConsole(client: MarketClient, options: unknown): void {
    if ((options as { facilitator?: unknown }).facilitator === true) {
      if (this.mode !== "class" || !this.desk.keyPending) {
        throw new ServerError(JOIN_ERRORS.INVALID_OPTIONS, "the facilitator comes back with { facilitatorKey }, not { facilitator: true }");
      }
    } else {
      const parsed = FacilitatorJoinOptionsSchema.safeParse(options);
      if (!parsed.success) throw new ServerError(JOIN_ERRORS.INVALID_OPTIONS, `invalid facilitator options: ${describe(parsed.error)}`);
      if (!this.desk.accepts(parsed.data.facilitatorKey)) throw new ServerError(JOIN_ERRORS.BAD_TOKEN, "that facilitator key is not valid for this game");
    }
    client.userData = { playerId: null, facilitator: true };
    this.desk.open(client);
    this.updateAutoDispose(true);
  }

  /**
   * A friends game lives while someone is connected (a restored one waits for its first player).
   * A started class market lives with no one connected until it is over: the facilitator may
   * close the console and come back with the key.
   */
  private updateAutoDispose(joined: boolean): void {
    if (this.mode === "class") this.autoDispose = this.phase === "lobby" || this.phase === "over";
    else if (joined) this.autoDispose = true;
  }

  override async onDrop(client: MarketClient): Promise<void> {
    if (this.stopping) return;
    if (this.closing.delete(client.sessionId)) return this.onLeave(client);
    const player = this.playerOf(client);
    this.forget(client);
    if (!player) {
      if (client.userData?.facilitator) await this.allowReconnection(client, this.limits.graceSeconds).catch(() => undefined);
      return;
    }
    player.connected = false;
    this.syncRoster();
    try {
      await this.allowReconnection(client, this.limits.graceSeconds);
    } catch {
      // The grace period ran out (or the seat was reclaimed with the token from elsewhere,
      // or the process is stopping: then nothing changes).
      if (player.connected || this.stopping) return;
      if (this.phase === "lobby") this.roster.remove(player.id);
      else this.goAway(player);
      this.syncRoster();
    }
  }

  override onReconnect(client: MarketClient): void {
    if (client.userData?.facilitator) this.desk.open(client);
    const player = this.playerOf(client);
    if (!player) return;
    const other = this.sessionOf(player);
    if (other) this.close(other, CLOSE_CODES.RECLAIMED, "your seat was reclaimed from another connection");
    player.connected = true;
    player.away = false;
    this.sessions.set(client.sessionId, client);
    this.welcome(client, player);
    this.syncRoster();
  }

  override onLeave(client: MarketClient): void {
    if (this.stopping) return;
    this.closing.delete(client.sessionId);
    const player = this.playerOf(client);
    this.forget(client);
    if (!player || this.sessionOf(player)) return;
    player.connected = false;
    if (this.phase === "lobby") this.roster.remove(player.id);
    else this.goAway(player);
    this.syncRoster();
  }

  /**
   * The process is stopping (SIGTERM): the game stays as stored at its last resolved quarter
   * (its code stays reserved for this process), and every player is told why they are closed.
   */
  override onBeforeShutdown(): void {
    this.stopping = true;
    this.phaseClock?.stop();
    const kept = this.keepsCode();
    const reason = kept ? "the server is restarting: your game resumes at its last finished quarter" : "the server is shutting down";
    // Every connection: players, and the facilitator's consoles (which are not seated).
    for (const client of [...this.clients]) this.close(client, CLOSE_CODES.SHUTDOWN, reason);
    log.info("room closed for shutdown", { roomId: this.roomId, code: this.roomId, phase: this.phase, kept, quarter: this.match?.state.quarter ?? 0 });
    void this.disconnect(CLOSE_CODES.SHUTDOWN).catch(() => {});
  }

  /** Stopping with a stored, unfinished game: it comes back when this process restarts. */
  private keepsCode(): boolean {
    return this.stopping && this.store !== null && this.match !== null && !this.match.over;
  }

  override async onDispose(): Promise<void> {
    this.phaseClock?.stop();
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

  /** Parses a message with its zod schema and runs its handler; a rejection when refused. */
  private handle(client: MarketClient, type: string | number, payload: unknown): Rejection | undefined {
    if (typeof type !== "string" || !Object.hasOwn(ClientMessageSchemas, type)) {
      return reject("UNKNOWN_MESSAGE", `unknown message type "${String(type).slice(0, 40)}"`);
    }
    const kind = type as ClientMessageType;
    const parsed = ClientMessageSchemas[kind].safeParse(payload ?? {});
    if (!parsed.success) return reject("INVALID_MESSAGE", `invalid ${kind}: ${describe(parsed.error)}`, { issues: issuesOf(parsed.error) });
    const facilitator = client.userData?.facilitator === true;
    const when = { quarter: this.match?.state.quarter ?? 0, phase: this.phase };
    const unsaved = this.saving.failure;
    if (unsaved && (FACILITATOR_MESSAGES.has(kind) || HOST_MESSAGE_TYPES.has(kind))) return reject("STORE_UNAVAILABLE", unsaved);
    if (FACILITATOR_MESSAGES.has(kind)) {
      if (!facilitator) return reject("NOT_FACILITATOR", `only the facilitator can ${kind}`);
      const handler = this.facilitatorHandlers[kind as FacilitatorMessageType] as FacilitatorHandler<FacilitatorMessageType>;
      const outcome = handler(parsed.data as never);
      if (typeof outcome !== "string") return outcome;
      this.writeLog(kind, outcome, when);
      return undefined;
    }
    const player = this.playerOf(client) ?? (facilitator && HOST_MESSAGE_TYPES.has(kind) ? FACILITATOR_ACTOR : undefined);
    if (!player) return reject("NO_FIRM", facilitator ? "the facilitator holds no firm" : "you are not seated in this game");
    const handler = this.handlers[kind as PlayerMessageType] as Handler<PlayerMessageType>;
    const rejection = handler(player, parsed.data as never);
    const effect = rejection || !facilitator ? null : lobbyEffect(this, kind, parsed.data);
    if (effect) this.writeLog(kind, effect, when);
    return rejection;
  }

  /** Writes a facilitator action into the log, stores it at once and shows it on every console. */
  private writeLog(command: string, effect: string, when: { quarter: number; phase: Phase }): void {
    const entry = { at: Date.now(), quarter: when.quarter, phase: when.phase, command, effect };
    const queued = [...(this.match?.injections ?? [])];
    this.desk.write(entry);
    this.saving.save("log", (store) => store.appendLog(this.roomId, [entry], queued));
  }

  private refuse(client: MarketClient, type: string, rejection: Rejection): void {
    client.send("rejected", { type, issues: [], ...rejection } satisfies RejectedMessage);
  }

  private readonly handlers = intentHandlers(this);
  private readonly facilitatorHandlers = facilitatorHandlers(this);

  // ---- the quarter loop ------------------------------------------------------------------

  /** Starts the game with the current seats; empty seats are played by their bots. */
  startGame(): void {
    const seed = this.settings.seed ?? randomBytes(8).toString("hex");
    this.match = new Match(
      this.config,
      seed,
      this.roster.seats.map((s) => ({ id: s.firmId, name: s.name })),
    );
    for (const p of this.roster.players) p.ready = false;
    const { record, injections } = this.match;
    this.saving.save("start", (store) =>
      store.started(this.roomId, this.settings, record, this.roster.seats, this.roster.players, {
        mode: this.mode,
        keyHash: this.desk.keyHash as string,
        log: this.desk.log,
        queued: injections,
      }),
    );
    log.info("game started", { roomId: this.roomId, code: this.roomId, mode: this.mode, firms: this.roster.size, players: this.roster.players.length });
    this.enterNews();
    this.updateAutoDispose(false);
    this.sendPrivateToAll();
  }

  private enterNews(): void {
    this.setPhase("news", this.settings.newsSeconds, () => this.enterDecide());
    this.syncGame();
  }

  private enterDecide(): void {
    const match = this.match as Match;
    for (const firmId of match.activeFirmIds()) this.playBotIfNeeded(firmId);
    this.setPhase("decide", this.settings.decisionSeconds, () => this.resolveQuarter());
    this.syncRoster();
    this.resolveIfAllIn();
  }

  /** A firm with no player present (a bot seat, or everyone away) gets its bot's action. */
  private playBotIfNeeded(firmId: string): void {
    const match = this.match as Match;
    if (this.phase !== "decide" && this.phase !== "news") return;
    if (match.pending.has(firmId) || !match.isActive(firmId)) return;
    const controller = this.roster.controller(firmId);
    if (controller === "human") return;
    const seat = this.roster.seat(firmId);
    const bot = controller === "standIn" ? this.limits.standInBot : (seat?.bot ?? this.limits.standInBot);
    match.pending.set(firmId, { action: match.botAction(firmId, bot), by: `${bot} bot`, bot: true });
  }

  /** Resolves at once when every listed firm has an action in (never while the timer is paused). */
  resolveIfAllIn(): void {
    const match = this.match;
    if (this.phase !== "decide" || !match || this.phaseClock.paused) return;
    if (match.activeFirmIds().every((id) => match.pending.has(id))) this.resolveQuarter();
  }

  /** Resolves the quarter with the shared engine and publishes the reports. */
  resolveQuarter(): void {
    if (this.stopping) return; // the game stays at its last resolved quarter
    const match = this.match as Match;
    this.phaseClock.stop();
    const hadQueue = match.injections.length > 0;
    match.resolve();
    const logged = match.record.quarters.at(-1);
    const { quarter } = match.state;
    const { over } = match;
    if (logged) this.saving.save("quarter", (store) => store.resolved(this.roomId, quarter, logged.actions, logged.injections, this.roster.players, over));
    this.state.resolvedAt = Date.now();
    this.syncGame();
    this.sendPrivateToAll();
    if (hadQueue) this.desk.refresh();
    if (match.over) this.finish();
    else this.setPhase("report", this.settings.reportSeconds, () => this.enterNews());
  }

  /** Ends the current phase now, as if its timer had run out (the facilitator's forceNext). */
  forceNext(): void {
    if (this.phase === "news") this.enterDecide();
    else if (this.phase === "decide") this.resolveQuarter();
    else if (this.phase === "report") this.enterNews();
  }

  /** Ends the game before its last quarter: the standings are those of the last resolved quarter. */
  endGame(): void {
    const match = this.match as Match;
    match.pending.clear();
    match.injections.splice(0);
    this.saving.save("end", (store) => store.ended(this.roomId));
    this.finish();
    this.syncRoster();
  }

  private finish(): void {
    const match = this.match as Match;
    log.info("game over", { roomId: this.roomId, code: this.roomId, quarter: match.state.quarter });
    this.phaseClock.unpause();
    this.setPhase("over", 0, null);
    mirrorStandings(this.state, score(match.state));
    this.syncMetadata();
    this.updateAutoDispose(false);
    if (this.autoDispose && this.clients.length === 0) void this.disconnect();
  }

  private setPhase(phase: Phase, seconds: number, next: (() => void) | null): void {
    this.phase = phase;
    this.state.phase = phase;
    this.phaseClock.start(seconds, next);
    this.syncMetadata();
  }

  // ---- players ---------------------------------------------------------------------------

  /**
   * The facilitator removes a player: its connections close with CLOSE_CODES.REMOVED and its
   * token stops working. A firm left without players is played by `bot` (replaceWithBot) or,
   * in a started game, by the stand-in bot; in the lobby the seat is simply free again.
   */
  removePlayer(player: Player, bot: BotName | null): void {
    const session = this.sessionOf(player);
    if (session) this.close(session, CLOSE_CODES.REMOVED, "the facilitator removed you from this game");
    this.roster.remove(player.id);
    const firmId = player.firmId;
    const seat = firmId ? this.roster.seat(firmId) : undefined;
    if (firmId && seat && this.roster.members(firmId).length === 0) {
      const replacement = bot ?? (this.phase === "lobby" ? null : this.limits.standInBot);
      if (replacement) seat.bot = replacement;
      if (this.match) this.playBotIfNeeded(firmId);
    }
    this.rosterChanged();
    this.resolveIfAllIn();
  }

  /** Mirrors and stores the roster after a facilitator's change. */
  rosterChanged(): void {
    if (this.match) this.saving.save("roster", (store) => store.rostered(this.roomId, this.roster.seats, this.roster.players));
    this.syncRoster();
  }

  /** A player past the grace period: a stand-in bot plays the firm until the token comes back. */
  private goAway(player: Player): void {
    player.away = true;
    if (player.firmId) this.playBotIfNeeded(player.firmId);
    this.resolveIfAllIn();
  }

  /** The token's owner joins from a new connection: any older connection of theirs is closed. */
  private takeOver(player: Player): void {
    const previous = this.sessionOf(player);
    if (previous) this.close(previous, CLOSE_CODES.RECLAIMED, "your seat was reclaimed from another connection");
    // A stand-in's move is withdrawn so the returning player can decide this quarter.
    if (player.firmId && this.match?.pending.get(player.firmId)?.bot) this.match.pending.delete(player.firmId);
  }

  private welcome(client: MarketClient, player: Player): void {
    client.send("welcome", { playerId: player.id, firmId: player.firmId, host: player.host, token: player.token, serverTime: Date.now() });
    this.sendPrivate(client, player);
  }

  private sendPrivate(client: MarketClient, player: Player): void {
    const match = this.match;
    if (!match || !player.firmId) return;
    const view = viewFor(match.state, { kind: "firm", firmId: player.firmId });
    const pending = match.pending.get(player.firmId);
    // Recent history only: the engine looks back at most `openBaseline.lagQuarters` (≤ 8)
    // quarters, and the full public history is in the synced state already.
    client.send("private", {
      quarter: match.state.quarter,
      firm: { ...view.self, history: view.self.history.slice(-PRIVATE_HISTORY) },
      limits: view.limits,
      market: { ...view.market, history: view.market.history.slice(-PRIVATE_HISTORY) },
      pending: pending?.action ?? null,
      submittedBy: pending?.by ?? null,
    });
  }

  toFirm(firmId: string, type: string, message: unknown, except?: Player): void {
    for (const member of this.roster.members(firmId)) if (member !== except) this.sessionOf(member)?.send(type, message);
  }

  private sendPrivateToAll(): void {
    for (const player of this.roster.players) {
      const client = this.sessionOf(player);
      if (client) this.sendPrivate(client, player);
    }
  }

  private playerOf(client: MarketClient): Player | undefined {
    const id = client.userData?.playerId;
    return id ? this.roster.player(id) : undefined;
  }

  private sessionOf(player: Player): MarketClient | undefined {
    for (const client of this.sessions.values()) if (client.userData?.playerId === player.id) return client;
    return undefined;
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
  }

  // ---- mirroring -------------------------------------------------------------------------

  syncLobby(): void {
    this.settings = { ...this.settings, firms: this.roster.size };
    mirrorSettings(this.state, this.settings, this.config.quarters);
    this.syncRoster();
  }

  syncRoster(): void {
    mirrorRoster(this.state, this.roster, this.match);
    this.syncMetadata();
  }

  private syncGame(): void {
    if (!this.match) return;
    mirrorRoster(this.state, this.roster, this.match);
    mirrorGame(this.state, this.match.state);
  }

  private syncMetadata(): void {
    const meta: MarketMetadata = {
      code: this.roomId,
      title: this.settings.name,
      scenario: this.settings.scenario,
      phase: this.phase,
      firms: this.roster.size,
      players: this.roster.players.length,
      teamSize: this.settings.teamSize,
    };
    const old = this.metadata as MarketMetadata | undefined;
    if (!old || (Object.keys(meta) as (keyof MarketMetadata)[]).some((k) => old[k] !== meta[k])) void this.setMetadata(meta);
  }

  // ---- export ----------------------------------------------------------------------------

  /** The game for the export routes; null before the game starts. */
  exportSource(): ExportSource | null {
    if (!this.match) return null;
    return { code: this.roomId, record: this.match.record, players: this.roster.players, log: this.desk.log, live: this.match.state };
  }

  // ---- helpers ---------------------------------------------------------------------------

  configFor(settings: RoomSettings): { ok: true; value: EconomyConfig } | { ok: false; message: string } {
    const loaded = loadConfig(settings.scenario, settings.quarters === undefined ? {} : { quarters: settings.quarters });
    return loaded.ok ? loaded : { ok: false, message: loaded.error.message };
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
