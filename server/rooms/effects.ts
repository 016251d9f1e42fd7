import { ClientState } from "colyseus";
import type { MarketFlow } from "../flow/flow.js";
import type { Effect, Persist, Step } from "../flow/types.js";
import type { Player } from "../game/roster.js";
import { log } from "../log.js";
import type { FacilitatorDesk } from "./desk.js";
import { type FrameHold, socketOf } from "./frame-hold.js";
import { mirrorGame, mirrorRoster, mirrorSettings, mirrorStandings, mirrorSubmitted } from "./mirror.js";
import type { PrivateFeed } from "./private-feed.js";
import type { MarketClient, Sessions } from "./sessions.js";
import type { MarketRoomState } from "./state.js";
import type { RoomTimers } from "./timers.js";

/** What only the room itself can do for an effect (the Colyseus side). */
export interface RoomControls {
  readonly code: string;
  /** Writes to the store (none: nothing); a failed write pauses the room until it succeeds. */
  persist(write: Persist): void;
  /** Sends the flow a `settle` event soon (settle.ts), unless the room is gone by then. */
  settle(): void;
  /** The room shows in the public lobby list, or not. */
  setPrivate(value: boolean): void;
  /** Whether the room lives on with no one connected. */
  keepAlive(value: boolean): void;
  /** The game is over: close the room if nobody is connected and it may close. */
  finished(): void;
  /** Closes the room now. */
  dispose(): void;
}

/** What `roomControls` needs of a Colyseus room. */
interface ControlledRoom {
  readonly roomId: string;
  autoDispose: boolean;
  readonly clients: { length: number };
  setPrivate(value: boolean): Promise<unknown>;
  disconnect(): Promise<unknown>;
}

/** A Colyseus room's controls for the effects; `persist` writes to its store, `settle` queues the flow's settle event. */
export function roomControls(room: ControlledRoom, persist: (write: Persist) => void, settle: () => void): RoomControls {
  return {
    code: room.roomId,
    persist,
    settle,
    setPrivate: (value) => void room.setPrivate(value),
    keepAlive: (value) => {
      room.autoDispose = !value;
    },
    finished: () => {
      if (room.autoDispose && room.clients.length === 0) void room.disconnect();
    },
    dispose: () => {
      room.autoDispose = true;
      void room.disconnect();
    },
  };
}

/** Where the effects go: the connections, the consoles, the private feed, the synced state, the timers and the room. */
export interface EffectTargets {
  readonly flow: MarketFlow;
  readonly state: MarketRoomState;
  readonly sessions: Sessions<MarketClient>;
  readonly desk: FacilitatorDesk<MarketClient>;
  readonly feed: PrivateFeed;
  readonly timers: RoomTimers;
  readonly room: RoomControls;
  /** Frames held until the next patch (frame-hold.ts): a quarter's `private` messages leave with the patch that shows the quarter. */
  readonly frames: FrameHold;
}

/**
 * Applies a flow step's effects, in order, to a room: messages to connections, the consoles,
 * the schema mirror (and the phase and its timer as clients see them), the store, the timers.
 * `joining` is the connection being let in (Colyseus has not listed it yet).
 */
export function applyStep(to: EffectTargets, step: Step, joining?: MarketClient): void {
  for (const effect of step.effects) applyEffect(to, effect, joining);
  syncClock(to.state, to.flow);
}

function applyEffect(to: EffectTargets, effect: Effect, joining?: MarketClient): void {
  const { flow, sessions } = to;
  switch (effect.type) {
    case "bind": {
      const client = connection(sessions, effect.session, joining);
      if (client) sessions.bind(client, { playerId: effect.playerId, facilitator: effect.facilitator, ...(effect.spectator ? { spectator: true } : {}) });
      return;
    }
    case "welcome": {
      const player = flow.roster.player(effect.playerId);
      if (!player) return;
      for (const client of sessions.of(player.id)) {
        client.send("welcome", { playerId: player.id, firmId: player.firmId, host: player.host, token: player.token, serverTime: Date.now() });
        to.feed.forget(client.sessionId); // a welcomed connection gets its firm's view whole again
      }
      return;
    }
    case "private": {
      if (effect.playerId) {
        const player = flow.roster.player(effect.playerId);
        if (player) for (const client of sessions.of(player.id)) sendPrivate(to, client, player);
        return;
      }
      // Every player's, after a resolution (or the start): the patch showing the quarter follows
      // within a patch interval, and each connection's message waits for it (frame-hold.ts).
      for (const player of flow.roster.players)
        for (const client of sessions.of(player.id)) {
          if (client.state === ClientState.JOINED) to.frames.hold(socketOf(client));
          sendPrivate(to, client, player);
        }
      return;
    }
    case "toFirm":
      for (const member of flow.roster.members(effect.firmId)) {
        if (member.id === effect.except) continue;
        for (const client of sessions.of(member.id)) client.send(effect.message.type, effect.message.payload);
      }
      return;
    case "consoleUpdate":
      to.desk.update(effect.entries);
      return;
    case "console": {
      const client = connection(sessions, effect.session, joining);
      if (client) to.desk.open(client);
      return;
    }
    case "close":
      for (const client of sessions.of(effect.playerId)) if (client.sessionId !== effect.except) sessions.close(client, effect.code, effect.reason);
      return;
    case "mirror":
      mirror(to.state, flow, effect);
      return;
    case "persist":
      to.room.persist(effect.write);
      return;
    case "settle":
      to.room.settle();
      return;
    case "schedule":
      to.timers.start(effect.ms, effect.id);
      return;
    case "cancel":
      to.timers.cancel();
      return;
    case "idle":
      to.timers.watchIdle(effect.watch);
      return;
    case "visibility":
      to.room.setPrivate(effect.private);
      return;
    case "keepAlive":
      to.room.keepAlive(effect.value);
      return;
    case "finished":
      to.room.finished();
      return;
    case "dispose":
      to.room.dispose();
      return;
    case "note":
      log[effect.level ?? "info"](effect.message, { roomId: to.room.code, code: to.room.code, ...effect.fields });
      return;
  }
}

/**
 * The connection of a session: the one being let in, or a seated one. (A function, not a
 * closure made per effect: under tsx every closure made also costs a `__name` call.)
 */
function connection(sessions: Sessions<MarketClient>, session: string, joining?: MarketClient): MarketClient | undefined {
  return joining?.sessionId === session ? joining : sessions.get(session);
}

/** The firm's private view: whole on a connection's first, then what changed since its last (private-feed.ts). */
function sendPrivate(to: EffectTargets, client: MarketClient, player: Player): void {
  const match = to.flow.match;
  if (match && player.firmId) to.feed.send(client, match, player.firmId);
}

/** A `mirror` effect: copies that part of the flow into the synced state. */
export function mirror(state: MarketRoomState, flow: MarketFlow, effect: Extract<Effect, { type: "mirror" }>): void {
  const part = effect.part;
  if (part === "submitted") mirrorSubmitted(state, effect.firmId, flow.match?.pending.has(effect.firmId) ?? false);
  else if (part === "settings") mirrorSettings(state, flow.settings, flow.config.quarters);
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
function syncClock(state: MarketRoomState, flow: MarketFlow): void {
  const { timer } = flow;
  if (state.phase !== flow.phaseName) state.phase = flow.phaseName;
  if (state.deadline !== timer.deadline) state.deadline = timer.deadline;
  if (state.paused !== timer.paused) state.paused = timer.paused;
  if (state.remaining !== timer.remaining) state.remaining = timer.remaining;
}
