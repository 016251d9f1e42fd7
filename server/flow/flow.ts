import type { BotName } from "../../shared/bots/index.js";
import { score } from "../../shared/engine/score.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { Injection } from "../../shared/schemas/injection.js";
import {
  CLOSE_CODES,
  FACILITATOR_MESSAGE_TYPES,
  type FacilitatorMessageType,
  LOG_LIMIT,
  type LogEntry,
  type LogParams,
  type Phase,
  type RoomSettings,
} from "../../shared/schemas/protocol.js";
import type { TrialVerdict } from "../game/economy-trial.js";
import type { ExportSource } from "../game/export.js";
import { Match, UnresolvableQuarter } from "../game/match.js";
import { type Player, Roster } from "../game/roster.js";
import { type Handler, type Rejection, reject } from "../rooms/rejections.js";
import { expires, idleTimer, type PhaseTimer, pauseTimer, resumeTimer, startTimer, stopTimer, type TimerEffect } from "./clock.js";
import { Door, type ReturnAsk } from "./door.js";
import { type FacilitatorHandler, facilitatorHandlers, lobbyEffect } from "./facilitator.js";
import { HOST_MESSAGE_TYPES, intentHandlers, type PlayerMessageType } from "./intents.js";
import type { Effect, FlowEvent, GamePhase, MirrorPart, Persist, PlayingPhase, Step } from "./types.js";

const FACILITATOR_MESSAGES: ReadonlySet<string> = new Set(FACILITATOR_MESSAGE_TYPES);

/** A facilitator's command or a host's lobby command: what runs the game (refused while the store cannot save it). */
export function runsTheGame(kind: string): boolean {
  return FACILITATOR_MESSAGES.has(kind) || HOST_MESSAGE_TYPES.has(kind);
}

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

export type Mode = "friends" | "class";

/** What a stored lobby or game brings back. */
interface Kept {
  code: string;
  mode: Mode;
  settings: RoomSettings;
  config: EconomyConfig;
  keyHash: string | null;
  roster: Roster;
  log: readonly LogEntry[];
}

/** How a table starts: a new lobby, a stored game brought back (paused if it was), or a stored lobby. */
export type FlowStart =
  | { kind: "new"; code: string; mode: Mode; settings: RoomSettings; config: EconomyConfig; keyHash: string }
  | (Kept & { kind: "restored"; match: Match; paused: boolean })
  | (Kept & { kind: "restoredLobby" });

/** The bot that stands in for players away past the grace period. */
export const STAND_IN_BOT: BotName = "balanced";

/**
 * The quarter flow of one market as a table: events in, effects out. It owns the phase (with
 * the match once started), the roster, the settings, the phase timer (as data) and the
 * facilitator's log, and makes every decision of the game: who comes in and as what (a seat,
 * the console, a screen; before the seat is reserved too), what each message does, when a
 * phase ends, when a game nobody is at expires, what is stored. It holds no connection, no
 * timer, no store and no clock (time comes with each event), so it runs the same under
 * Colyseus (server/rooms/MarketRoom.ts applies its effects) and in a unit test.
 */
export class MarketFlow {
  readonly code: string;
  readonly mode: Mode;
  settings: RoomSettings;
  config: EconomyConfig;
  readonly roster: Roster;
  phase: GamePhase;
  readonly timer: PhaseTimer = idleTimer();
  /** sha256 of the facilitator key (hex); null for games stored before keys existed. */
  readonly keyHash: string | null;
  /** The facilitator's log, oldest first. */
  readonly log: LogEntry[] = [];
  /** Injections queued before the game starts go nowhere: only a started game queues them (in its match). */
  standInBot: BotName = STAND_IN_BOT;
  /** Takes one economy trial for a sender at a time (ms), or says when one is allowed again; null: not limited. The host sets it. */
  trialBudget: ((sender: string, now: number) => TrialVerdict) | null = null;

  /** Who comes in, and as what. */
  private readonly door: Door;

  /** The timer was frozen by a failing store (not by the facilitator): it runs again when writes succeed. */
  private storeFroze = false;
  /** Why the store cannot save this game, in words for its people; null while saving works. */
  private unsaved: string | null = null;

  /** Effects of the step under way. */
  private out: Effect[] = [];
  /** Time of the step under way (ms since epoch). */
  now = 0;
  private seed = "";
  /** Who sent the message under way (see the message event). */
  private sender = "";

  constructor(start: FlowStart) {
    this.code = start.code;
    this.mode = start.mode;
    this.settings = start.settings;
    this.config = start.config;
    this.keyHash = start.keyHash;
    this.restored = start.kind !== "new";
    this.door = new Door(this, start.kind === "new" && start.mode === "friends");
    if (start.kind === "new") {
      this.roster = new Roster(start.settings.teamSize, start.settings.firms, start.settings.bots, start.mode === "friends");
      this.phase = { name: "lobby" };
      return;
    }
    this.roster = start.roster;
    this.log.push(...start.log.slice(-LOG_LIMIT));
    if (start.kind === "restoredLobby") this.phase = { name: "lobby" };
    else {
      this.phase = { name: "report", match: start.match };
      // A paused game comes back paused: its next phase waits, frozen, for the facilitator.
      this.timer.paused = start.paused;
    }
  }

  /** Brought back from the store after a restart (nobody is connected yet). */
  private readonly restored: boolean;

  /** The effects of creating the table: the lobby mirrored, or a restored game's next quarter opened. */
  open(now: number): Step {
    return this.run(now, () => {
      this.lobbyChanged();
      // Nobody is connected yet: keep the room until its players are back.
      if (this.restored) this.emit({ type: "keepAlive", value: true });
      if (this.phase.name !== "lobby") {
        // A restored game's figures are mirrored once here; after that, only each resolution publishes new ones.
        this.mirror("game");
        this.enterNews();
      }
      // Nobody is connected yet: a restored game nobody comes back to expires.
      this.emit({ type: "idle", watch: this.unfinished });
      const match = this.match;
      if (!this.restored) this.note("room created", {});
      else if (match) this.note("game restored", { quarter: match.state.quarter, paused: this.timer.paused });
      else this.note("lobby restored", { players: this.roster.players.length });
    });
  }

  /** A started game not over yet: it comes back after a restart, and expires when nobody is at it for long. */
  get unfinished(): boolean {
    return this.phase.name !== "lobby" && this.phase.name !== "over";
  }

  /** A lobby or an unfinished game: stored, it comes back when its process restarts. */
  get resumable(): boolean {
    return this.phase.name !== "over";
  }

  /** The match of a started game; null in the lobby. */
  get match(): Match | null {
    return this.phase.name === "lobby" ? null : this.phase.match;
  }

  get phaseName(): Phase {
    return this.phase.name;
  }

  /** The started game as the export routes read it; null before the game starts. */
  exportSource(): ExportSource | null {
    const match = this.match;
    return match ? { code: this.code, record: match.record, players: this.roster.players, log: this.log, live: match.state } : null;
  }

  /** Injections waiting for the next resolution. */
  get queued(): readonly Injection[] {
    return this.match?.injections ?? [];
  }

  /** Runs one event through the table. A refusal changes nothing. */
  step(event: FlowEvent): Step {
    let refused: Pick<Step, "rejection" | "refusal" | "admission"> = {};
    const step = this.run("now" in event ? event.now : this.now, () => {
      refused = this.dispatch(event) ?? {};
    });
    return { ...step, ...refused };
  }

  private dispatch(event: FlowEvent): Pick<Step, "rejection" | "refusal" | "admission"> | undefined {
    switch (event.type) {
      case "join":
        return this.door.join(event);
      case "admit":
        return this.door.admit(event.request);
      case "drop":
        return this.drop(event.playerId);
      case "reconnect":
        return this.reconnect(event.session, event.playerId);
      case "leave":
        return this.leave(event.playerId);
      case "message":
        this.seed = event.seed;
        this.sender = event.sender ?? "";
        return { rejection: this.message(event.playerId, event.facilitator, event.kind, event.data) };
      case "timer":
        if (expires(this.timer, event.id)) this.timerExpired();
        return undefined;
      case "settle":
        this.resolveIfAllIn();
        return undefined;
      case "storeFailed":
        this.unsaved = event.notice;
        if (!this.timer.paused) {
          this.storeFroze = true;
          this.emit(pauseTimer(this.timer, this.now));
        }
        return undefined;
      case "storeRecovered":
        this.unsaved = null;
        if (this.storeFroze) {
          this.storeFroze = false;
          this.emit(resumeTimer(this.timer, this.now));
          this.resolveIfAllIn();
        }
        return undefined;
      case "presence":
        this.emit({ type: "idle", watch: !event.anyone && this.unfinished });
        return undefined;
      case "idleExpired":
        if (this.unfinished) this.expire(event.idleSeconds);
        return undefined;
      case "dispose":
        // A lobby everyone left is gone for good (one stopped with the process comes back).
        if (!event.stopping && this.phase.name === "lobby") this.persist({ op: "dropLobby" });
        return undefined;
    }
  }

  private run(now: number, body: () => void): Step {
    this.now = now;
    const out: Effect[] = [];
    this.out = out;
    body();
    this.out = [];
    return { effects: out };
  }

  emit(effect: Effect): void {
    this.out.push(effect);
  }

  // ---- players ---------------------------------------------------------------------------

  /** Players asking to come back without their token (by id): since when (ms), and from which device. */
  get asking(): ReadonlyMap<string, ReturnAsk> {
    return this.door.asking;
  }

  /** Whether the player asked to come back from a device (an `ask` id) since the last approval. */
  askingFromDevice(playerId: string): boolean {
    return this.door.askingFromDevice(playerId);
  }

  /** The facilitator (or a friends game's host) lets the device that asked back in, for READMIT_SECONDS. */
  readmit(player: Player): void {
    this.door.readmit(player);
  }

  private drop(playerId: string): undefined {
    const player = this.roster.player(playerId);
    if (!player) return undefined;
    player.connected = false;
    this.mirror("roster");
    return undefined;
  }

  private reconnect(session: string, playerId: string): undefined {
    const player = this.roster.player(playerId);
    if (!player) return undefined;
    this.emit({ type: "close", playerId, except: session, code: CLOSE_CODES.RECLAIMED, reason: "your seat was reclaimed from another connection" });
    player.connected = true;
    player.away = false;
    this.emit({ type: "welcome", playerId });
    this.emit({ type: "private", playerId });
    this.mirror("roster");
    return undefined;
  }

  /** Gone for good: a lobby frees the seat; a started game lets the stand-in bot play until the token comes back. */
  private leave(playerId: string): undefined {
    const player = this.roster.player(playerId);
    if (!player) return undefined;
    player.connected = false;
    if (this.phase.name === "lobby") this.roster.remove(player.id);
    else this.goAway(player);
    this.mirror("roster");
    return undefined;
  }

  /** A player past the grace period: a stand-in bot plays the firm until the token comes back. */
  private goAway(player: Player): void {
    player.away = true;
    if (player.firmId) this.playBotIfNeeded(player.firmId);
    this.resolveIfAllIn();
  }

  /**
   * The facilitator removes a player: its connections close with CLOSE_CODES.REMOVED and its
   * token stops working. A firm left without players is played by `bot` (replaceWithBot) or,
   * in a started game, by the stand-in bot; in the lobby the seat is simply free again.
   */
  removePlayer(player: Player, bot: BotName | null): void {
    this.emit({ type: "close", playerId: player.id, except: null, code: CLOSE_CODES.REMOVED, reason: "the facilitator removed you from this game" });
    this.roster.remove(player.id);
    const firmId = player.firmId;
    const seat = firmId ? this.roster.seat(firmId) : undefined;
    if (firmId && seat && this.roster.members(firmId).length === 0) {
      const replacement = bot ?? (this.phase.name === "lobby" ? null : this.standInBot);
      if (replacement) seat.bot = replacement;
      this.playBotIfNeeded(firmId);
    }
    this.rosterChanged();
    this.resolveIfAllIn();
  }

  /** Mirrors and stores the roster after a facilitator's change. */
  rosterChanged(): void {
    if (this.match) this.persist({ op: "rostered" });
    this.mirror("roster");
  }

  /** A class market lives with no one connected while started (the facilitator comes back with the key); a friends game while someone is. */
  keepAliveForMode(): void {
    if (this.mode === "class") this.emit({ type: "keepAlive", value: this.phase.name !== "lobby" && this.phase.name !== "over" });
    else this.emit({ type: "keepAlive", value: false });
  }

  // ---- messages --------------------------------------------------------------------------

  private readonly handlers = intentHandlers(this);
  /** Made on the first facilitator command: most rooms (friends' games) never get one (the table is ~20 closures a room). */
  private facilitatorTable: ReturnType<typeof facilitatorHandlers> | undefined;

  private message(playerId: string | null, facilitator: boolean, kind: string, data: unknown): Rejection | undefined {
    if (this.unsaved !== null && runsTheGame(kind)) return reject("STORE_UNAVAILABLE", this.unsaved);
    const when = { quarter: this.match?.state.quarter ?? 0, phase: this.phase.name };
    if (FACILITATOR_MESSAGES.has(kind)) {
      if (!facilitator) return reject("NOT_FACILITATOR", `only the facilitator can ${kind}`);
      this.facilitatorTable ??= facilitatorHandlers(this);
      const handler = this.facilitatorTable[kind as FacilitatorMessageType] as FacilitatorHandler<FacilitatorMessageType>;
      const outcome = handler(data as never);
      if (!("log" in outcome)) return outcome;
      this.writeLog(kind, outcome.log, when);
      return undefined;
    }
    const seated = playerId ? this.roster.player(playerId) : undefined;
    const player = seated ?? (facilitator && HOST_MESSAGE_TYPES.has(kind) ? FACILITATOR_ACTOR : undefined);
    if (!player) return reject("NO_FIRM", facilitator ? "the facilitator holds no firm" : "you are not seated in this game");
    const handler = this.handlers[kind as PlayerMessageType] as Handler<PlayerMessageType>;
    const rejection = handler(player, data as never);
    const effect = rejection || !facilitator ? null : lobbyEffect(this, kind, data);
    if (effect) this.writeLog(kind, effect, when);
    return rejection;
  }

  /** Takes one economy trial for the sender of the message under way. */
  takeTrial(): TrialVerdict {
    return this.trialBudget?.(this.sender, this.now) ?? { ok: true };
  }

  /** Writes a door event into the game log (DoorTable): a player asking again from another device after being let back in. */
  logEvent(command: string, params: LogParams): void {
    this.writeLog(command, params, { quarter: this.match?.state.quarter ?? 0, phase: this.phase.name });
  }

  /** Writes a facilitator action into the log (its newest LOG_LIMIT entries kept), stores it and shows it on every console. */
  private writeLog(command: string, params: LogParams, when: { quarter: number; phase: Phase }): void {
    const entry: LogEntry = { at: this.now, quarter: when.quarter, phase: when.phase, command, params };
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    this.persist({ op: "logged", entries: [entry] });
    this.emit({ type: "consoleUpdate", entries: [entry] });
  }

  /** New settings, checked by the caller: the lobby's economy follows them. */
  applySettings(settings: RoomSettings, config: EconomyConfig): void {
    const visibility = settings.private !== this.settings.private;
    this.settings = settings;
    this.config = config;
    if (visibility) this.emit({ type: "visibility", private: settings.private });
  }

  /** Sends a message to every connected member of a firm (or all but one). */
  toFirm(firmId: string, message: Extract<Effect, { type: "toFirm" }>["message"], except?: Player): void {
    this.emit({ type: "toFirm", firmId, except: except?.id ?? null, message });
  }

  // ---- the quarter loop ------------------------------------------------------------------

  /** Starts the game with the current seats; empty seats are played by their bots. */
  startGame(): void {
    const seed = this.settings.seed ?? this.seed;
    const match = new Match(
      this.config,
      seed,
      this.roster.seats.map((s) => ({ id: s.firmId, name: s.name })),
    );
    for (const p of this.roster.players) p.ready = false;
    this.phase = { name: "news", match };
    this.persist({ op: "started", log: [...this.log] });
    this.note("game started", { mode: this.mode, firms: this.roster.size, players: this.roster.players.length });
    this.mirror("game");
    this.enterNews();
    this.keepAliveForMode();
    this.emit({ type: "private", playerId: null });
  }

  private playing(): PlayingPhase {
    if (this.phase.name === "lobby") throw new Error("the game has not started");
    return this.phase;
  }

  /** The news of the quarter ahead: drawn at the resolution before, and mirrored with it (the game does not change in between). */
  private enterNews(): void {
    this.setPhase("news", this.settings.newsSeconds);
    if (this.settings.newsSeconds <= 0) this.enterDecide();
  }

  private enterDecide(): void {
    const { match } = this.playing();
    this.setPhase("decide", this.settings.decisionSeconds);
    // Only the flags of the firms bots just played change (the resolution cleared the rest).
    for (const firmId of match.activeFirmIds()) if (this.playBotIfNeeded(firmId)) this.mirrorSubmitted(firmId);
    // No timer (0 s, a practice game): the quarter waits for every firm (or the facilitator's forceNext).
    this.resolveIfAllIn();
  }

  private timerExpired(): void {
    const phase = this.phase.name;
    this.emit(stopTimer(this.timer));
    if (phase === "news") this.enterDecide();
    else if (phase === "decide") this.resolveQuarter();
    else if (phase === "report") this.enterNews();
  }

  /** A firm with no player present (a bot seat, or everyone away) gets its bot's action; whether it did. */
  private playBotIfNeeded(firmId: string): boolean {
    if (this.phase.name !== "decide" && this.phase.name !== "news") return false;
    const { match } = this.phase;
    if (match.pending.has(firmId) || !match.isActive(firmId)) return false;
    const controller = this.roster.controller(firmId);
    if (controller === "human") return false;
    const seat = this.roster.seat(firmId);
    const bot = controller === "standIn" ? this.standInBot : (seat?.bot ?? this.standInBot);
    match.pending.set(firmId, { action: match.botAction(firmId, bot), by: `${bot} bot`, bot: true });
    return true;
  }

  /** Resolves at once when every listed firm has an action in (never while the timer is paused). */
  resolveIfAllIn(): void {
    if (this.allIn()) this.resolveQuarter();
  }

  /**
   * A player's submission came in: when every listed firm is in, the host is asked to `settle`
   * soon (the quarter resolves then, with the actions in at that moment) rather than at once, so
   * that the submission's acknowledgement and the frames already waiting go first.
   */
  resolveSoon(): void {
    if (this.allIn()) this.emit({ type: "settle" });
  }

  private allIn(): boolean {
    if (this.phase.name !== "decide" || this.timer.paused) return false;
    const { match } = this.phase;
    return match.activeFirmIds().every((id) => match.pending.has(id));
  }

  /** Resolves the quarter with the shared engine and publishes the reports. */
  private resolveQuarter(): void {
    const { match } = this.playing();
    this.emit(stopTimer(this.timer));
    const hadQueue = match.injections.length > 0;
    let resolved: ReturnType<Match["resolve"]>;
    try {
      resolved = match.resolve();
    } catch (error) {
      if (!(error instanceof UnresolvableQuarter)) throw error;
      this.unresolvable(error, hadQueue);
      return;
    }
    const { actions, injections, recorded } = resolved;
    this.persist({ op: "resolved", quarter: match.state.quarter, actions, injections, recorded, over: match.over });
    this.mirror("game");
    this.emit({ type: "private", playerId: null });
    if (hadQueue) this.emit({ type: "consoleUpdate", entries: [] });
    if (match.over) this.finish();
    else if (this.playsItself()) {
      // The next quarter would resolve at once too, and the next…: one quarter per timer, not
      // a whole game in one step (40 firms × 40 quarters held the event loop for 0.7–1.4 s).
      this.phase = { name: "report", match };
      this.emit(startTimer(this.timer, 0, this.now));
    } else {
      this.setPhase("report", this.settings.reportSeconds);
      if (this.settings.reportSeconds <= 0) this.enterNews();
    }
  }

  /**
   * Every quarter resolves as soon as it opens: no timer anywhere and no player's firm to wait
   * for (a class market started with no students, or every player away).
   */
  private playsItself(): boolean {
    const { newsSeconds, decisionSeconds, reportSeconds } = this.settings;
    if (newsSeconds > 0 || decisionSeconds > 0 || reportSeconds > 0) return false;
    const match = this.match;
    return match?.activeFirmIds().every((firmId) => this.roster.controller(firmId) !== "human") === true;
  }

  /**
   * The engine cannot resolve the next quarter (an economy override that is valid key by key
   * but breaks the model there): the game ends at its last resolved quarter, as by the
   * facilitator's endGame, instead of throwing out of the room (which would stop the process
   * and every game in it, and again after each restart). No notice: the client words any
   * `state.notice` as the store failing, which this is not.
   */
  private unresolvable(error: UnresolvableQuarter, hadQueue: boolean): void {
    this.note("game ended: the engine cannot resolve its next quarter", { quarter: error.quarter, detail: error.detail }, "error");
    this.endGame();
    if (hadQueue) this.emit({ type: "consoleUpdate", entries: [] });
  }

  /** Ends the current phase now, as if its timer had run out (the facilitator's forceNext). */
  forceNext(): void {
    this.timerExpired();
  }

  /** Nobody came back to the started game for `idleSeconds`: it stays stored, marked expired, and the room closes. */
  private expire(idleSeconds: number): void {
    this.note("game expired: no one connected", { idleSeconds, quarter: this.match?.state.quarter ?? 0 });
    this.persist({ op: "expired" });
    this.emit({ type: "cancel" });
    this.emit({ type: "dispose" });
  }

  /** Ends the game before its last quarter: the standings are those of the last resolved quarter. */
  endGame(): void {
    const { match } = this.playing();
    match.pending.clear();
    match.injections.splice(0);
    this.persist({ op: "ended" });
    this.finish();
    this.mirror("roster");
  }

  private finish(): void {
    const { match } = this.playing();
    this.note("game over", { quarter: match.state.quarter });
    this.timer.paused = false;
    this.timer.remaining = 0;
    this.phase = { name: "over", match };
    this.emit(stopTimer(this.timer));
    this.mirror("standings");
    this.keepAliveForMode();
    this.emit({ type: "finished" });
  }

  /** Enters a phase; a timed one (seconds > 0) asks for its timer. */
  private setPhase(name: Exclude<Phase, "lobby" | "over">, seconds: number): void {
    const { match } = this.playing();
    this.phase = { name, match };
    const effect: TimerEffect = seconds > 0 ? startTimer(this.timer, seconds * 1000, this.now) : stopTimer(this.timer);
    this.emit(effect);
  }

  // ---- what the standings are ------------------------------------------------------------

  /** The final standings (a finished game). */
  standings() {
    const match = this.match;
    return match ? score(match.state) : [];
  }

  // ---- effects ---------------------------------------------------------------------------

  /** The lobby's settings and seats changed: mirror them (the settings carry the seat count). */
  lobbyChanged(): void {
    this.settings = { ...this.settings, firms: this.roster.size };
    this.mirror("settings");
    this.mirror("roster");
  }

  mirror(part: MirrorPart): void {
    this.emit({ type: "mirror", part });
    if (this.phase.name === "lobby" && (part === "roster" || part === "settings")) this.persist({ op: "lobby" });
  }

  mirrorSubmitted(firmId: string): void {
    this.emit({ type: "mirror", part: "submitted", firmId });
  }

  persist(write: Persist): void {
    this.emit({ type: "persist", write });
  }

  private note(message: string, fields: Record<string, unknown>, level: "info" | "error" = "info"): void {
    this.emit(level === "info" ? { type: "note", message, fields } : { type: "note", message, fields, level });
  }
}
