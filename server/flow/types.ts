import type { Action } from "../../shared/schemas/action.js";
import type { Injection } from "../../shared/schemas/injection.js";
import type { ClientMessageType, LogEntry, Phase, ServerMessages } from "../../shared/schemas/protocol.js";
import type { Match, RecordedQuarter } from "../game/match.js";
import type { Rejection } from "../rooms/rejections.js";
import type { TimerEffect } from "./clock.js";

/** The phase, stored once: a started game always carries its match. */
export type GamePhase = { name: "lobby" } | { name: Exclude<Phase, "lobby">; match: Match };

/** A started game's phase. */
export type PlayingPhase = Extract<GamePhase, { match: Match }>;

/** Events in: what happened to the room, in plain data (the adapter turns Colyseus callbacks into these). */
export type FlowEvent =
  /**
   * A connection asks to come in, as its join options say: a seat (`fresh` is the id and token
   * a newcomer gets, chosen by the host, so the table draws no randomness), the console, or a
   * read-only screen.
   */
  | {
      type: "join";
      session: string;
      request: JoinRequest;
      fresh: { id: string; token: string };
      /** The connection that created the room (a friends game's host also gets the console; a class market's creator gets the key). */
      creator: boolean;
      now: number;
    }
  /** Before a seat is reserved: what would this join be? (A name-only ask for a held seat is recorded.) */
  | { type: "admit"; request: JoinRequest; now: number }
  /** A player's connection dropped: the seat is held while it may reconnect. */
  | { type: "drop"; playerId: string }
  /** A dropped connection came back within the grace period. */
  | { type: "reconnect"; session: string; playerId: string; now: number }
  /** A player's last connection is gone for good (left, or the grace period ran out). */
  | { type: "leave"; playerId: string; now: number }
  /**
   * A parsed client message; `seed` is fresh entropy for a game that starts without a set seed;
   * `sender` is what the sender's economy trials are counted under (its client address, else its connection).
   */
  | { type: "message"; playerId: string | null; facilitator: boolean; kind: ClientMessageType; data: unknown; now: number; seed: string; sender?: string }
  /** The timer the table asked for ran out. */
  | { type: "timer"; id: number; now: number }
  /** The `settle` the table asked for: the quarter resolves now if every firm is still in. */
  | { type: "settle"; now: number }
  /**
   * The store cannot be written: the timer freezes until `storeRecovered` (unless the
   * facilitator had paused it) and commands that run the game are refused with `notice`.
   */
  | { type: "storeFailed"; now: number; notice: string }
  /** Every write that had failed is stored now: a timer the failure froze runs again. */
  | { type: "storeRecovered"; now: number }
  /** Whether anyone is connected now (players, consoles or screens): a started game nobody is at may expire. */
  | { type: "presence"; anyone: boolean }
  /** The idle watch the table asked for ran out (`idleSeconds` long) with nobody connected. */
  | { type: "idleExpired"; idleSeconds: number; now: number }
  /** The room is going away; `stopping`: with the process (a stored game or lobby comes back with it). */
  | { type: "dispose"; stopping: boolean };

/** What a connection's join options ask for (parsed by the adapter; the table decides). */
export type JoinRequest =
  | { as: "player"; name: string; firmId?: string; token?: string; ask?: string }
  /** The console: with the key, or (null) the class market's creator asking with `{ facilitator: true }`. */
  | { as: "console"; key: string | null }
  | { as: "spectator" }
  /** Options that parse as nothing: refused with `code` and `message`. */
  | { as: "invalid"; code: number; message: string };

/** What a join will be, judged before its seat is reserved: a valid key or token, a newcomer needing an open place, or one to refuse. */
export type Admission = "credentialed" | "newcomer" | "refused";

/** What the store must write (the data is the table's state when the effect is applied). */
export type Persist =
  /** `log`: the entries written before the start (later ones come as `logged`). */
  | { op: "started"; log: readonly LogEntry[] }
  /** `recorded`: the quarter's actions and injections as JSON, as the match's record keeps them. */
  | { op: "resolved"; quarter: number; actions: Record<string, Action>; injections: readonly Injection[]; recorded: RecordedQuarter; over: boolean }
  /** New log entries (the queue is stored as it stands). */
  | { op: "logged"; entries: readonly LogEntry[] }
  | { op: "rostered" }
  | { op: "ended" }
  /** The lobby as it stands (settings, seats, players, log), so a restart keeps who joined. */
  | { op: "lobby" }
  | { op: "paused"; paused: boolean }
  /** A started game nobody came back to: kept, marked expired, never restored. */
  | { op: "expired" }
  /** A lobby everyone left: gone for good. */
  | { op: "dropLobby" };

/** Mirrored parts of the synced state. */
export type MirrorPart = "settings" | "roster" | "game" | "standings";

/** Effects out: what the host must do, in order. */
export type Effect =
  /** Binds a connection to a player (or to no player: a facilitator console, or a read-only screen). */
  | { type: "bind"; session: string; playerId: string | null; facilitator: boolean; spectator?: boolean }
  | { type: "welcome"; playerId: string }
  /** The firm's private figures to a player (null: to every seated player). */
  | { type: "private"; playerId: string | null }
  /** A message to every connected member of a firm (but `except`). */
  | { type: "toFirm"; firmId: string; except: string | null; message: Outbound }
  /** The whole console to one facilitator connection. */
  | { type: "console"; session: string }
  /** What changed on the consoles (new log entries; the queue as it stands) to every facilitator connection. */
  | { type: "consoleUpdate"; entries: readonly LogEntry[] }
  /** Closes a player's connections (but `except`) without a grace period. */
  | { type: "close"; playerId: string; except: string | null; code: number; reason: string }
  | { type: "mirror"; part: MirrorPart }
  /** Only one firm's `submitted` flag changed (a submission): nothing else of the roster is re-synced. */
  | { type: "mirror"; part: "submitted"; firmId: string }
  | { type: "persist"; write: Persist }
  /**
   * Every firm is in: send `settle` back soon, after the frames already waiting (the room
   * queues it, settle.ts), and the quarter resolves then. The submission that completed the
   * quarter is acknowledged first, and other rooms' acknowledgements do not wait for it.
   */
  | { type: "settle" }
  | TimerEffect
  | { type: "visibility"; private: boolean }
  /** Whether the room lives on with no one connected. */
  | { type: "keepAlive"; value: boolean }
  /** The game is over: the room may close once nobody is connected. */
  | { type: "finished" }
  /** Whether to run the idle watch (a started game nobody is at), or stop it. */
  | { type: "idle"; watch: boolean }
  /** Closes the room now (its connections too). */
  | { type: "dispose" }
  | { type: "note"; message: string; fields: Record<string, unknown>; level?: "info" | "error" };

export type Outbound = { [K in "accepted" | "draft"]: { type: K; payload: ServerMessages[K] } }["accepted" | "draft"];

/** A refused join: a JOIN_ERRORS code (the client words it) and English for developers and logs. */
export interface JoinRefusal {
  code: number;
  message: string;
}

/** A step's outcome: the effects to apply, or why the event was refused (then nothing changed). */
export interface Step {
  effects: Effect[];
  rejection?: Rejection;
  refusal?: JoinRefusal;
  /** An `admit`'s verdict; a `join`'s when it was a newcomer's (its promised place is used). */
  admission?: Admission;
}
