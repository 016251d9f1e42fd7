import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Injection } from "../../shared/schemas/injection.js";
import { LOG_LIMIT, type LogEntry, type RoomSettings } from "../../shared/schemas/protocol.js";
import type { GameRecord } from "../../shared/sim/play.js";
import type { RecordedQuarter } from "../game/match.js";
import type { Player, Seat } from "../game/roster.js";
import { StoreFailure } from "./gate.js";

/** How often (ms, at most) writes check that the store's file is still the one opened. */
export const VERIFY_EVERY_MS = 1000;

/** What a game needs to come back after a restart: its settings, record and people. */
export interface SavedGame {
  code: string;
  settings: RoomSettings;
  record: GameRecord;
  seats: Seat[];
  players: Player[];
  status: "playing" | "over";
  /** "friends" or "class"; games stored before class markets existed are "friends". */
  mode: "friends" | "class";
  /** sha256 of the facilitator key (hex); null for games stored before keys existed. */
  keyHash: string | null;
  /** The facilitator's log, oldest first. */
  log: LogEntry[];
  /** Injections queued for the next resolution. */
  queued: Injection[];
  /** The facilitator had paused the timer: the game comes back paused. */
  paused: boolean;
}

/** A lobby kept so a restart does not lose who joined: settings, seats, players, key and log. */
export interface SavedLobby {
  code: string;
  mode: "friends" | "class";
  settings: RoomSettings;
  seats: Seat[];
  players: Player[];
  keyHash: string | null;
  log: LogEntry[];
}

/** A resolved quarter's row and the game's row update, serialised; `players` null: the roster stored is unchanged. */
interface QuarterRow {
  code: string;
  quarter: number;
  actions: string;
  injections: string;
  players: string | null;
  status: "over" | "playing";
  at: number;
}

/** What a game carries beside its record and roster. */
export interface GameExtras {
  mode: "friends" | "class";
  keyHash: string;
  log: readonly LogEntry[];
  queued: readonly Injection[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  code TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('playing', 'over')),
  settings TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  config TEXT NOT NULL,
  seed TEXT NOT NULL,
  firms TEXT NOT NULL,
  seats TEXT NOT NULL,
  players TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS lobbies (
  code TEXT PRIMARY KEY,
  mode TEXT NOT NULL,
  settings TEXT NOT NULL,
  seats TEXT NOT NULL,
  players TEXT NOT NULL,
  key_hash TEXT,
  log TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS quarters (
  code TEXT NOT NULL REFERENCES games(code) ON DELETE CASCADE,
  quarter INTEGER NOT NULL,
  actions TEXT NOT NULL,
  injections TEXT NOT NULL,
  PRIMARY KEY (code, quarter)
);
CREATE TABLE IF NOT EXISTS log_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL REFERENCES games(code) ON DELETE CASCADE,
  entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS log_entries_by_game ON log_entries (code, id);
`;

/** Columns added after the first release: added to an older file when it is opened. */
const ADDED_COLUMNS: Record<string, string> = {
  mode: "mode TEXT NOT NULL DEFAULT 'friends'",
  key_hash: "key_hash TEXT",
  /** The whole log as JSON, as stored before log_entries (read when a game has no entries there). */
  log: "log TEXT NOT NULL DEFAULT '[]'",
  queued: "queued TEXT NOT NULL DEFAULT '[]'",
  paused: "paused INTEGER NOT NULL DEFAULT 0",
  expired_at: "expired_at INTEGER",
};

interface GameRow {
  code: string;
  status: "playing" | "over";
  settings: string;
  engine_version: string;
  config: string;
  seed: string;
  firms: string;
  seats: string;
  players: string;
  mode: "friends" | "class";
  key_hash: string | null;
  log: string;
  queued: string;
  paused: number;
  expired_at: number | null;
  updated_at: number;
}

/**
 * Every game's config, seed, roster and log in one SQLite file: a row when the game starts,
 * then one transaction per resolved quarter (its actions and injections, and the roster), and
 * one row per facilitator log entry (the newest LOG_LIMIT kept).
 */
export class GameStore {
  protected readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Each unfinished game's roster (players as JSON) as its row holds it, for games written by
   * this store since it opened: a quarter whose roster is the same leaves that column alone.
   */
  private readonly storedPlayers = new Map<string, string>();
  /** The file's device and inode when opened: a file removed or replaced is noticed by the next write checked. */
  private readonly identity: { dev: number; ino: number } | null;
  /** When (Date.now) the file was last found to be the one opened. */
  private verifiedAt = Number.NEGATIVE_INFINITY;

  /**
   * `verifyEveryMs`: a write checks the file (a `stat` system call) only when the last check
   * that found it sound is older than this; a check that finds it gone or replaced is not
   * remembered, so every write after it checks again.
   */
  constructor(
    readonly file: string,
    private readonly verifyEveryMs = VERIFY_EVERY_MS,
  ) {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.identity = file === ":memory:" ? null : (({ dev, ino }) => ({ dev, ino }))(statSync(file));
    this.db.pragma("journal_mode = WAL");
    // Commits reach the operating system at once, so a killed or crashed server loses
    // nothing; only a power loss or kernel crash may lose the last quarters. FULL would
    // fsync every quarter on the game loop's thread (2.5 ms typical, 12 ms p99 here, for
    // every room), stalling every other room's messages meanwhile.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
    const present = new Set((this.db.pragma("table_info(games)") as { name: string }[]).map((c) => c.name));
    for (const [column, definition] of Object.entries(ADDED_COLUMNS)) {
      if (!present.has(column)) this.db.exec(`ALTER TABLE games ADD COLUMN ${definition}`);
    }
  }

  /** The store under a data directory (`DATA_DIR`, default ./data). */
  static inDirectory(dir: string): GameStore {
    return new GameStore(path.join(dir, "games.sqlite"));
  }

  /** SQLite's own integrity check, and whether every stored game can be read: null when sound, else what is wrong. */
  check(): string | null {
    const result = this.db.pragma("quick_check", { simple: true });
    if (result !== "ok") return `SQLite's check says "${String(result)}"`;
    try {
      this.unfinished();
    } catch (error) {
      return `a stored game cannot be read (${(error as Error).message})`;
    }
    return null;
  }

  /** A prepared statement, prepared once per store. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Throws StoreFailure when the file is no longer the one opened (removed, or replaced by
   * another file): writes would go to a file nobody will read again, and every game would be
   * gone after a restart. Unless `force`d, checked at most once per `verifyEveryMs` while it is sound: the
   * `stat` on every write of every room was ~2% of a room-quarter's CPU, and what was written
   * in the second before a removal is lost with the file whenever it is noticed.
   */
  verify(force = false): void {
    if (!this.identity) return;
    const at = Date.now();
    if (!force && at - this.verifiedAt < this.verifyEveryMs) return;
    let now: { dev: number; ino: number };
    try {
      now = statSync(this.file);
    } catch {
      throw new StoreFailure(`the game file ${this.file} was removed while the server was running`);
    }
    if (now.dev !== this.identity.dev || now.ino !== this.identity.ino) {
      throw new StoreFailure(`the game file ${this.file} was replaced while the server was running`);
    }
    this.verifiedAt = at;
  }

  started(code: string, settings: RoomSettings, record: GameRecord, seats: readonly Seat[], players: readonly Player[], extras?: GameExtras): void {
    const now = Date.now();
    const joined = JSON.stringify(players);
    this.verify();
    this.storedPlayers.delete(code);
    this.db.transaction(() => {
      this.sql(
        `INSERT OR REPLACE INTO games (code, status, settings, engine_version, config, seed, firms, seats, players, created_at, updated_at, mode, key_hash, log, queued)
         VALUES (?, 'playing', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        code,
        JSON.stringify(settings),
        record.engineVersion,
        JSON.stringify(record.config),
        record.seed,
        JSON.stringify(record.firms),
        JSON.stringify(seats),
        joined,
        now,
        now,
        extras?.mode ?? "friends",
        extras?.keyHash ?? null,
        "[]",
        JSON.stringify(extras?.queued ?? []),
      );
      this.sql("DELETE FROM log_entries WHERE code = ?").run(code);
      this.insertEntries(code, extras?.log ?? []);
      this.sql("DELETE FROM lobbies WHERE code = ?").run(code);
    })();
    this.storedPlayers.set(code, joined);
  }

  /** A lobby as it stands (replacing the last copy). */
  lobby(lobby: SavedLobby): void {
    this.verify();
    this.sql(`INSERT OR REPLACE INTO lobbies (code, mode, settings, seats, players, key_hash, log, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      lobby.code,
      lobby.mode,
      JSON.stringify(lobby.settings),
      JSON.stringify(lobby.seats),
      JSON.stringify(lobby.players),
      lobby.keyHash,
      JSON.stringify(lobby.log.slice(-LOG_LIMIT)),
      Date.now(),
    );
  }

  /** A lobby that closed (everyone left) or started: nothing to restore. */
  dropLobby(code: string): void {
    this.verify();
    this.sql("DELETE FROM lobbies WHERE code = ?").run(code);
  }

  loadLobby(code: string): SavedLobby | null {
    const row = this.sql("SELECT * FROM lobbies WHERE code = ?").get(code) as
      | { code: string; mode: string; settings: string; seats: string; players: string; key_hash: string | null; log: string }
      | undefined;
    if (!row) return null;
    return {
      code: row.code,
      mode: row.mode === "class" ? "class" : "friends",
      settings: JSON.parse(row.settings),
      seats: JSON.parse(row.seats),
      players: JSON.parse(row.players),
      keyHash: row.key_hash,
      log: (JSON.parse(row.log) as LogEntry[]).slice(-LOG_LIMIT),
    };
  }

  /** Codes of the stored lobbies, oldest first. */
  lobbyCodes(): string[] {
    return (this.sql("SELECT code FROM lobbies ORDER BY updated_at").all() as { code: string }[]).map((r) => r.code);
  }

  /** The facilitator paused or resumed the timer. */
  pausedAs(code: string, paused: boolean): void {
    this.verify();
    this.sql("UPDATE games SET paused = ?, updated_at = ? WHERE code = ?").run(paused ? 1 : 0, Date.now(), code);
  }

  /** An unfinished game left with no one connected for too long: kept (record and all), never restored again. */
  expired(code: string): void {
    this.verify();
    const now = Date.now();
    this.storedPlayers.delete(code);
    this.sql("UPDATE games SET expired_at = ?, updated_at = ? WHERE code = ?").run(now, now, code);
  }

  /**
   * New entries of the facilitator's log and the queued injections as they are now: one small
   * transaction, whatever the log's length (a game not yet started has no row: nothing happens;
   * `started` stores the lobby's entries).
   */
  appendLog(code: string, entries: readonly LogEntry[], queued: readonly Injection[]): void {
    this.verify();
    this.db.transaction(() => {
      const changed = this.sql("UPDATE games SET queued = ?, updated_at = ? WHERE code = ?").run(JSON.stringify(queued), Date.now(), code).changes;
      if (changed > 0) this.insertEntries(code, entries);
    })();
  }

  private insertEntries(code: string, entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    const insert = this.sql("INSERT INTO log_entries (code, entry) VALUES (?, ?)");
    for (const entry of entries.slice(-LOG_LIMIT)) insert.run(code, JSON.stringify(entry));
    // The newest LOG_LIMIT stay.
    this.sql("DELETE FROM log_entries WHERE code = ? AND id <= (SELECT id FROM log_entries WHERE code = ? ORDER BY id DESC LIMIT 1 OFFSET ?)").run(
      code,
      code,
      LOG_LIMIT,
    );
  }

  /** The roster after a facilitator's change (a player renamed, removed or replaced). */
  rostered(code: string, seats: readonly Seat[], players: readonly Player[]): void {
    this.verify();
    const joined = JSON.stringify(players);
    this.storedPlayers.delete(code);
    this.sql("UPDATE games SET seats = ?, players = ?, updated_at = ? WHERE code = ?").run(JSON.stringify(seats), joined, Date.now(), code);
    this.storedPlayers.set(code, joined);
  }

  /** The facilitator ended the game before its last quarter. */
  ended(code: string): void {
    this.verify();
    this.storedPlayers.delete(code);
    this.sql("UPDATE games SET status = 'over', queued = '[]', updated_at = ? WHERE code = ?").run(Date.now(), code);
  }

  /**
   * One resolved quarter (1-based: its actions and injections as JSON, as the match's record
   * keeps them), the roster as it stands and whether the game is over: all or nothing.
   * `players` is the roster as JSON, taken when the write was asked for (a write retried later
   * stores what was true then); the game's row keeps the one it holds when equal.
   */
  readonly resolved = (code: string, quarter: number, recorded: RecordedQuarter, players: string, over: boolean): void => {
    this.verify();
    this.quarterWrite ??= this.db.transaction((row: QuarterRow) => {
      this.sql("INSERT INTO quarters (code, quarter, actions, injections) VALUES (?, ?, ?, ?)").run(row.code, row.quarter, row.actions, row.injections);
      if (row.players === null) this.sql("UPDATE games SET status = ?, queued = '[]', updated_at = ? WHERE code = ?").run(row.status, row.at, row.code);
      else this.sql("UPDATE games SET players = ?, status = ?, queued = '[]', updated_at = ? WHERE code = ?").run(row.players, row.status, row.at, row.code);
    });
    const stored = this.storedPlayers.get(code);
    const same = stored === players;
    // Forgotten until the write succeeds: a failed one leaves the row as it was.
    this.storedPlayers.delete(code);
    this.quarterWrite({
      code,
      quarter,
      actions: recorded.actions,
      injections: recorded.injections,
      players: same ? null : players,
      status: over ? "over" : "playing",
      at: Date.now(),
    });
    // The string kept already when the same (the new one is young garbage, not kept a quarter).
    if (!over) this.storedPlayers.set(code, same && stored !== undefined ? stored : players);
  };

  /** Forgets the stored quarters after `quarters` (a restored game whose record could not be replayed past them plays them again). */
  truncate(code: string, quarters: number): void {
    this.verify();
    this.sql("DELETE FROM quarters WHERE code = ? AND quarter > ?").run(code, quarters);
  }

  /** A quarter's write as one transaction, made once (better-sqlite3 builds a wrapper on every `transaction()` call). */
  private quarterWrite: ((row: QuarterRow) => void) | null = null;

  load(code: string): SavedGame | null {
    const row = this.sql("SELECT * FROM games WHERE code = ?").get(code) as GameRow | undefined;
    return row ? this.fromRow(row) : null;
  }

  /** Games that had started and not finished (nor expired), oldest first; `idleSince` (ms) expires those untouched since then first. */
  unfinished(idleSince = 0): SavedGame[] {
    this.sql("UPDATE games SET expired_at = ? WHERE status = 'playing' AND expired_at IS NULL AND updated_at < ?").run(Date.now(), idleSince);
    const rows = this.sql("SELECT * FROM games WHERE status = 'playing' AND expired_at IS NULL ORDER BY created_at").all() as GameRow[];
    return rows.map((row) => this.fromRow(row));
  }

  close(): void {
    this.db.close();
  }

  private logOf(row: GameRow): LogEntry[] {
    const entries = this.sql("SELECT entry FROM log_entries WHERE code = ? ORDER BY id").all(row.code) as { entry: string }[];
    const log: LogEntry[] = entries.length > 0 ? entries.map((e) => JSON.parse(e.entry)) : JSON.parse(row.log);
    return log.slice(-LOG_LIMIT);
  }

  private fromRow(row: GameRow): SavedGame {
    const quarters = this.sql("SELECT actions, injections FROM quarters WHERE code = ? ORDER BY quarter").all(row.code) as {
      actions: string;
      injections: string;
    }[];
    return {
      code: row.code,
      status: row.status,
      settings: JSON.parse(row.settings),
      seats: JSON.parse(row.seats),
      players: JSON.parse(row.players),
      mode: row.mode === "class" ? "class" : "friends",
      keyHash: row.key_hash,
      log: this.logOf(row),
      queued: JSON.parse(row.queued),
      paused: row.paused === 1,
      record: {
        engineVersion: row.engine_version,
        config: JSON.parse(row.config),
        seed: row.seed,
        firms: JSON.parse(row.firms),
        quarters: quarters.map((q) => ({ actions: JSON.parse(q.actions), injections: JSON.parse(q.injections) })),
      },
    };
  }
}
