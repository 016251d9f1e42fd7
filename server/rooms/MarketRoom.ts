import { randomBytes } from "node:crypto";
import { type AuthContext, matchMaker, Room, type RoomException, type RoomMethodName, ServerError } from "colyseus";
import { CLOSE_CODES, JOIN_ERRORS, type RejectedMessage } from "../../shared/schemas/protocol.js";
import { MarketFlow } from "../flow/flow.js";
import type { FlowEvent, Step } from "../flow/types.js";
import type { Match } from "../game/match.js";
import { log } from "../log.js";
import type { AddressLimiter } from "../ops/rate-limit.js";
import type { GameStore } from "../store/games.js";
import { claimCode, reclaimCode, releaseCode, restoreCode } from "./codes.js";
import { FacilitatorDesk } from "./desk.js";
import { applyStep, type EffectTargets, roomControls } from "./effects.js";
import { FrameHold } from "./frame-hold.js";
import { warnMalformedFramesOnce } from "./frames.js";
import { MessageGuard, overLimit } from "./guard.js";
import { CreatorSeal, createRequest, joinedRoomId, joinRequest, requestAddress, type SeatAuth } from "./joins.js";
import { DEFAULT_LIMITS, DEFAULT_TRIALS, type MarketRoomLimits, trialLimiter } from "./limits.js";
import { parseMessage } from "./messages.js";
import { type MarketMetadata, metadataUpdate } from "./metadata.js";
import { PENDING_REFUSALS, PendingJoins } from "./pending.js";
import { PrivateFeed } from "./private-feed.js";
import type { Rejection } from "./rejections.js";
import { keptGame, restoredStart } from "./restore.js";
import { RoomSaving } from "./saving.js";
import { type MarketClient, Sessions } from "./sessions.js";
import { settleQueue } from "./settle.js";
import { MarketRoomState } from "./state.js";
import { RoomTimers } from "./timers.js";

/**
 * The `market` room: the Colyseus lifecycle around the game's flow table (`server/flow/flow.ts`),
 * which makes every decision. It turns Colyseus callbacks into events and applies the table's
 * effects (effects.ts) to its connections (sessions.ts), consoles (desk.ts), synced state, store
 * (saving.ts) and timers (timers.ts). The room's id is its join code.
 */
export class MarketRoom extends Room<{ state: MarketRoomState; metadata: MarketMetadata; client: MarketClient }> {
  /** Server-wide limits; a subclass made by `marketRoomWith` overrides them. */
  limits: MarketRoomLimits = DEFAULT_LIMITS;
  /** Where games are kept so they survive a restart (none: in memory only). */
  store: GameStore | null = null;
  /** Economy trials per client address, shared by the rooms of this class (the process). */
  trials: AddressLimiter = DEFAULT_TRIALS;

  /** The game: phase, match, roster, settings, timer and log. */
  flow!: MarketFlow;
  /** The key and the facilitator's connections (console, projector, a friends host's creating connection). */
  readonly desk = new FacilitatorDesk<MarketClient>();
  private guard!: MessageGuard;
  /** Writes to the store; a failed write pauses the room until it succeeds. */
  private saving!: RoomSaving;
  private timers!: RoomTimers;
  private targets!: EffectTargets;
  private readonly feed = new PrivateFeed();
  /** Connections whose frames wait for the next patch (a quarter's `private` messages). */
  private readonly frames = new FrameHold();
  private readonly sessions = new Sessions<MarketClient>((id) => {
    this.desk.close(id);
    this.guard.forget(id);
    this.feed.forget(id);
  });
  /** The creator's seat and key go to the create request's connection alone. */
  private readonly creator = new CreatorSeal();
  /** The process is shutting down: players leaving change nothing, the game stays as stored. */
  private stopping = false;
  /** The room is gone: a queued `settle` does nothing. */
  private disposed = false;
  /** Reservations admitted by `onAuth` and not yet connected. */
  private readonly pending = new PendingJoins(() => this.seatReservationTimeout * 1000);

  // ---- lifecycle -------------------------------------------------------------------------

  /**
   * Runs on the matchmaking request, before any seat is reserved: every request gets a fresh
   * creator secret (joins.ts), and a `joinById` for a room of this process is checked against
   * the room now (options, token, key, name, open places), so refused requests never hold a seat.
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<SeatAuth | true> {
    const auth = CreatorSeal.issue(options, requestAddress(context));
    if (!auth) return true;
    const roomId = joinedRoomId(context);
    const room = roomId ? matchMaker.getLocalRoomById(roomId) : undefined;
    if (room instanceof MarketRoom) room.admit(options);
    return auth;
  }

  override async onCreate(options: unknown): Promise<void> {
    this.guard = new MessageGuard(this.limits);
    warnMalformedFramesOnce(this);
    // 40 firms of 4, a few facilitator connections, the pending refusals, and room for token
    // holders taking their seat over from a connection not yet closed. Newcomers are admitted
    // (onAuth) only up to the open places, so anonymous reservations never fill this.
    this.maxClients = 40 * 4 + 8 + PENDING_REFUSALS + 32;
    this.onMessage("*", (client, type, message) => this.receive(client as MarketClient, type, message));
    const restoring = restoreCode(options);
    if (restoring) return this.restore(restoring);
    const { mode, settings, config } = createRequest(options);
    this.roomId = await claimCode(this.presence);
    this.creator.expect(options);
    const keyHash = this.desk.issueKey();
    await this.start(new MarketFlow({ kind: "new", code: this.roomId, mode, settings, config, keyHash }));
  }

  /** Brings a stored game back at its last resolved quarter (or a stored lobby as it was); its players rejoin by token. */
  private async restore(code: string): Promise<void> {
    const kept = keptGame(this.store, code);
    if (!(await reclaimCode(this.presence, code))) throw new ServerError(JOIN_ERRORS.CODE_UNAVAILABLE, `game ${code} is already running`);
    this.roomId = code;
    await this.start(new MarketFlow(restoredStart(code, kept, this.store)));
  }

  private async start(flow: MarketFlow): Promise<void> {
    this.flow = flow;
    flow.standInBot = this.limits.standInBot;
    flow.trialBudget = (sender, now) => this.trials.take("trial", sender, now);
    this.desk.showing(flow);
    this.state = new MarketRoomState();
    this.state.code = this.roomId;
    this.state.mode = flow.mode;
    const schedule = (run: () => void, ms: number) => this.clock.setTimeout(run, ms);
    const idleMs = () => this.limits.idleSeconds * 1000;
    this.timers = new RoomTimers(
      schedule,
      {
        phase: (id) => this.step({ type: "timer", id, now: Date.now() }),
        idle: () => this.step({ type: "idleExpired", idleSeconds: this.limits.idleSeconds, now: Date.now() }),
      },
      idleMs,
    );
    this.saving = new RoomSaving(this.roomId, this.store, schedule, this.limits.storeRetryMs, (notice, event) => {
      this.state.notice = notice;
      this.step(event);
    });
    const room = roomControls(
      this,
      (write) => this.saving.persist(flow, write),
      () => settleQueue.add(() => this.settle()),
    );
    this.targets = { flow, state: this.state, sessions: this.sessions, desk: this.desk, feed: this.feed, timers: this.timers, room, frames: this.frames };
    this.apply(flow.open(Date.now()));
    await this.setPrivate(flow.settings.private);
  }

  /** A connection comes in as a player, the facilitator or a screen, as the flow decides. */
  override onJoin(client: MarketClient, options: unknown): void {
    const creator = this.creator.is(client.auth);
    const fresh = { id: randomBytes(6).toString("hex"), token: randomBytes(18).toString("base64url") };
    const step = this.flow.step({ type: "join", session: client.sessionId, request: joinRequest(options), fresh, creator, now: Date.now() });
    if (step.admission === "newcomer") this.pending.newcomerArrived();
    // A refusal may still show something (a seat's holder asking to be let back in).
    this.apply(step, step.refusal ? undefined : client);
    if (step.refusal) {
      this.pending.refused();
      throw new ServerError(step.refusal.code, step.refusal.message);
    }
    if (creator) this.creator.used();
  }

  /**
   * Checks join options before a seat is reserved (from `onAuth`). Colyseus answers a
   * matchmaking error with its code as the HTTP status, so the specific 43xx refusals are
   * given when the connection arrives (`onJoin`); here the reservations are counted
   * (pending.ts), so anonymous ones never crowd out seat holders and consoles.
   */
  admit(options: unknown): void {
    const now = Date.now();
    const step = this.flow.step({ type: "admit", request: joinRequest(options), now });
    this.apply(step);
    this.pending.admit(step.admission ?? "refused", this.flow.roster.openPlaces(), now);
  }

  override async onDrop(client: MarketClient): Promise<void> {
    if (this.stopping) return;
    this.watchIdle();
    if (this.sessions.closedByServer(client.sessionId)) return this.onLeave(client);
    const playerId = client.userData?.playerId ?? null;
    this.sessions.forget(client.sessionId);
    if (!playerId) {
      if (client.userData?.facilitator || client.userData?.spectator) await this.allowReconnection(client, this.limits.graceSeconds).catch(() => undefined);
      return;
    }
    this.step({ type: "drop", playerId });
    try {
      await this.allowReconnection(client, this.limits.graceSeconds);
    } catch {
      // The grace period ran out (or the seat was reclaimed with the token from elsewhere,
      // or the process is stopping: then nothing changes).
      if (!this.stopping) this.left(playerId);
    }
  }

  override onReconnect(client: MarketClient): void {
    this.watchIdle(true);
    if (client.userData?.facilitator) this.desk.open(client);
    const playerId = client.userData?.playerId;
    if (!playerId) return;
    this.sessions.resume(client);
    this.step({ type: "reconnect", session: client.sessionId, playerId, now: Date.now() });
  }

  override onLeave(client: MarketClient): void {
    if (this.stopping) return;
    this.watchIdle();
    this.sessions.closedByServer(client.sessionId);
    const playerId = client.userData?.playerId;
    this.sessions.forget(client.sessionId);
    if (playerId) this.left(playerId);
  }

  /** A player's connection is gone for good: the player has left unless another connection holds the seat. */
  private left(playerId: string): void {
    if (!this.sessions.holds(playerId)) this.step({ type: "leave", playerId, now: Date.now() });
  }

  /**
   * The process is stopping (SIGTERM): the game stays as stored at its last resolved quarter
   * (its code stays reserved for this process), and every connection is told why it is closed.
   */
  override onBeforeShutdown(): void {
    this.stopping = true;
    this.timers?.stop();
    const kept = this.keepsCode();
    const reason = kept ? "the server is restarting: your game resumes at its last finished quarter" : "the server is shutting down";
    for (const client of [...this.clients]) this.sessions.close(client, CLOSE_CODES.SHUTDOWN, reason);
    log.info("room closed for shutdown", {
      roomId: this.roomId,
      code: this.roomId,
      phase: this.flow?.phaseName,
      kept,
      quarter: this.match?.state.quarter ?? 0,
    });
    void this.disconnect(CLOSE_CODES.SHUTDOWN).catch(() => {});
  }

  /** Stopping with a stored lobby or unfinished game: it comes back when this process restarts. */
  private keepsCode(): boolean {
    return this.stopping && this.store !== null && this.flow?.resumable !== false;
  }

  /**
   * Whether a patch has anything to send: the state changed, or frames wait for it. Colyseus
   * queues nothing else for after a patch here (no `afterNextPatch` sends, no `@unreliable`
   * fields); without its encoder's answer, always.
   */
  private patchDue(): boolean {
    if (this.frames.size > 0) return true;
    const encoder = (this as unknown as { _serializer?: { encoder?: { hasChanges?: boolean } } })._serializer?.encoder;
    return encoder?.hasChanges ?? true;
  }

  /**
   * Colyseus calls this every patch interval (50 ms). With nothing to send (most ticks of a
   * turn-based game) only the room's clock runs (its timers), as Colyseus' own patch would have
   * run it: its full `broadcastPatch` cost ~3 µs even with nothing to send, 20 times a second per
   * room (a room object is in V8's dictionary mode, Colyseus redefining its fields as accessors on
   * each instance). Otherwise the patch, then what waited for it (frame-hold.ts): both leave in
   * one write per connection.
   */
  override broadcastPatch(): boolean {
    if (!this.patchDue()) {
      this.clock.tick();
      return false;
    }
    const changed = super.broadcastPatch();
    this.frames.release();
    return changed;
  }

  override async onDispose(): Promise<void> {
    this.disposed = true;
    this.frames.release();
    if (this.flow) this.step({ type: "dispose", stopping: this.stopping });
    this.timers?.stop();
    this.saving?.stop();
    // A game that will be restored keeps its code; anything else gives it back.
    if (!this.keepsCode()) await releaseCode(this.presence, this.roomId);
    log.debug("room disposed", { roomId: this.roomId, code: this.roomId });
  }

  /**
   * A throw out of a message handler or a timer is a bug of this room alone: it is logged with
   * its stack and the room carries on. Without this hook Colyseus shuts the whole process down,
   * closing every game of every class on it. A refused join or create (a ServerError from
   * onCreate/onJoin, rethrown to its client by Colyseus) is not an error.
   */
  override onUncaughtException(error: RoomException, method: RoomMethodName): void {
    const cause = error.cause ?? error;
    if (cause instanceof ServerError) return;
    log.error("room error: the room and the process carry on", {
      roomId: this.roomId,
      code: this.roomId,
      method,
      error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause),
    });
  }

  // ---- events ----------------------------------------------------------------------------

  /** Runs an event through the flow and applies its effects. */
  private step(event: FlowEvent): Step {
    const step = this.flow.step(event);
    this.apply(step);
    return step;
  }

  private apply(step: Step, joining?: MarketClient): void {
    applyStep(this.targets, step, joining);
    const meta = metadataUpdate(this.metadata as MarketMetadata | undefined, this.roomId, this.flow);
    if (meta) void this.setMetadata(meta);
  }

  /**
   * The queued `settle` (settle.ts): the quarter resolves now if every firm is still in. Not in a
   * Colyseus callback, so a throw is handled here as `onUncaughtException` handles one.
   */
  private settle(): void {
    if (this.stopping || this.disposed) return;
    try {
      this.step({ type: "settle", now: Date.now() });
    } catch (error) {
      log.error("room error: the room and the process carry on", {
        roomId: this.roomId,
        code: this.roomId,
        method: "settle",
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }

  /** Tells the flow whether anyone is connected (`joined`: a connection just came in), so a started game nobody is at may expire. */
  private watchIdle(joined = false): void {
    if (!this.stopping) this.step({ type: "presence", anyone: joined || this.clients.length > 0 });
  }

  private receive(client: MarketClient, type: string | number, payload: unknown): void {
    const now = this.clock.currentTime;
    const verdict = this.guard.check(client.sessionId, now, payload);
    const from = {
      playerId: client.userData?.playerId ?? null,
      facilitator: client.userData?.facilitator === true,
      sender: client.auth?.address ?? client.sessionId,
    };
    const rejection = verdict === "ok" ? this.command(type, payload, from) : overLimit(verdict, this.limits);
    if (!rejection) return;
    if (this.guard.strike(client.sessionId, now)) this.sessions.close(client, CLOSE_CODES.ABUSE, "too many refused messages: disconnected");
    else client.send("rejected", { type: String(type).slice(0, 40), issues: [], ...rejection } satisfies RejectedMessage);
  }

  /** Runs a client message through the flow as `from`; a rejection when refused. Tests use it for the facilitator. */
  command(
    type: string | number,
    payload: unknown,
    from: { playerId: string | null; facilitator: boolean; sender?: string } = { playerId: null, facilitator: true },
  ): Rejection | undefined {
    const parsed = parseMessage(type, payload);
    if ("rejection" in parsed) return parsed.rejection;
    // Fresh entropy only where a game can start: a crypto call on every submission cost ~2% of the server's time at 300 rooms.
    const seed = this.flow.phaseName === "lobby" ? randomBytes(8).toString("hex") : "";
    // Named fields, not spreads: a spread followed by fields gives each event its own hidden class.
    const { playerId, facilitator } = from;
    const sender = from.sender ?? "";
    return this.step({ type: "message", playerId, facilitator, kind: parsed.kind, data: parsed.data, now: Date.now(), seed, sender }).rejection;
  }

  // ---- what tests read ------------------------------------------------------------------

  /** The started game's match; null in the lobby. */
  get match(): Match | null {
    return this.flow?.match ?? null;
  }
}

/** The room class with server-wide limits (tests shorten the grace period, benchmarks raise the rate) and a store. */
export function marketRoomWith(limits: Partial<MarketRoomLimits>, store: GameStore | null = null): typeof MarketRoom {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  const trials = trialLimiter(merged.trialLimit);
  return class ConfiguredMarketRoom extends MarketRoom {
    override limits = merged;
    override store = store;
    override trials = trials;
  };
}
