import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test, vi } from "vitest";
import { GameStore, VERIFY_EVERY_MS } from "../../server/store/games.js";
import { StoreFailure, storeProblem } from "../../server/store/gate.js";
import { openStore } from "../../server/store/open.js";

/** The games table as the first release created it, before class markets. */
const FIRST_SCHEMA = `
CREATE TABLE games (
  code TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('playing', 'over')),
  settings TEXT NOT NULL, engine_version TEXT NOT NULL, config TEXT NOT NULL, seed TEXT NOT NULL,
  firms TEXT NOT NULL, seats TEXT NOT NULL, players TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE quarters (
  code TEXT NOT NULL REFERENCES games(code) ON DELETE CASCADE,
  quarter INTEGER NOT NULL, actions TEXT NOT NULL, injections TEXT NOT NULL,
  PRIMARY KEY (code, quarter)
);`;

test("a games.sqlite written before class markets still opens: its games load as friends games without a key, and take a log", () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sos-store-")), "games.sqlite");
  const old = new Database(file);
  old.exec(FIRST_SCHEMA);
  old.prepare("INSERT INTO games VALUES ('ACDEFG', 'playing', '{}', 'v1', '{}', 'seed', '[]', '[]', '[]', 1, 1)").run();
  old.close();

  const store = new GameStore(file);
  expect(store.load("ACDEFG")).toMatchObject({ code: "ACDEFG", status: "playing", mode: "friends", keyHash: null, log: [], queued: [] });
  const entry = { at: 1, quarter: 0, phase: "news" as const, command: "pause", effect: "paused" };
  store.appendLog("ACDEFG", [entry], [{ kind: "disclosure", on: true }]);
  store.ended("ACDEFG");
  store.close();
  // Opening it again adds nothing twice and keeps what was written.
  const again = new GameStore(file);
  expect(again.load("ACDEFG")).toMatchObject({ status: "over", log: [entry], queued: [] });
  expect(again.unfinished()).toEqual([]);
  again.close();
});

describe("a store that cannot be used says so: DATA_DIR, the file and what is wrong", () => {
  const tmp = () => mkdtempSync(path.join(tmpdir(), "sos-open-"));

  test("a corrupt games.sqlite", () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "games.sqlite"), "this is not a database, it is a shopping list ".repeat(200));
    const opened = openStore(dir);
    expect(opened.ok).toBe(false);
    const message = opened.ok ? "" : opened.message;
    expect(message).toContain(`DATA_DIR ${dir}`);
    expect(message).toContain(path.join(dir, "games.sqlite"));
    expect(message).toMatch(/not a database|corrupt|damaged/);
  });

  test("a games.sqlite whose pages are damaged after the header", () => {
    const dir = tmp();
    const good = new GameStore(path.join(dir, "games.sqlite"));
    good.started("ACDEFG", { name: "x" } as never, { engineVersion: "v", config: {}, seed: "s", firms: [], quarters: [] } as never, [], []);
    good.close();
    const file = path.join(dir, "games.sqlite");
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, bytes.length); // every page after the first overwritten
    writeFileSync(file, bytes);
    const opened = openStore(dir);
    expect(opened.ok ? "" : opened.message).toMatch(new RegExp(`DATA_DIR ${dir}: .*games\\.sqlite .*(damaged|corrupt|malformed)`));
  });

  test("a DATA_DIR that is a file", () => {
    const file = path.join(tmp(), "data");
    writeFileSync(file, "");
    const opened = openStore(file);
    expect(opened.ok ? "" : opened.message).toMatch(/^DATA_DIR .*data: the directory cannot be created \(EEXIST|ENOTDIR/);
  });

  test("a read-only DATA_DIR", (context) => {
    const dir = tmp();
    const root = process.getuid?.() === 0;
    // root ignores permission bits: make the directory immutable instead (skipped where chattr cannot).
    if (root && spawnSync("chattr", ["+i", dir]).status !== 0) context.skip();
    if (!root) chmodSync(dir, 0o555);
    try {
      const opened = openStore(dir);
      expect(opened.ok ? "" : opened.message).toMatch(new RegExp(`^DATA_DIR ${dir}: .*games\\.sqlite cannot be written: .*read-only`));
    } finally {
      if (root) spawnSync("chattr", ["-i", dir]);
      else chmodSync(dir, 0o755);
    }
  });

  test("a file removed or replaced while running: writes fail with StoreFailure instead of going nowhere", () => {
    const dir = tmp();
    const file = path.join(dir, "games.sqlite");
    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.message);
    const store = opened.store;
    const record = { engineVersion: "v", config: {}, seed: "s", firms: [], quarters: [] } as never;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      store.started("ACDEFG", { name: "x" } as never, record, [], []);
      renameSync(file, `${file}.moved`);
      // The file is checked at most once a second while sound: a write in that second is not refused…
      expect(() => store.ended("ACDEFG")).not.toThrow();
      expect(() => store.verify(true)).toThrow(/was removed/);
      // …the first one after it is, and every one after a failed check.
      vi.advanceTimersByTime(VERIFY_EVERY_MS);
      expect(() => store.ended("ACDEFG")).toThrow(StoreFailure);
      expect(() => store.ended("ACDEFG")).toThrow(/was removed/);
      writeFileSync(file, "");
      expect(() => store.ended("ACDEFG")).toThrow(/was replaced/);
      expect(storeProblem(new StoreFailure("x was replaced"))).toBe("x was replaced");
    } finally {
      vi.useRealTimers();
      store.close();
    }
  });
});

/** A quarter with no actions and no injections, as the match's record keeps it. */
const EMPTY_QUARTER = { actions: "{}", injections: "[]" };

test("a quarter's write stores the roster as it was asked for, rewriting it only when it changed, and a failed write changes nothing", () => {
  const store = new GameStore(path.join(mkdtempSync(path.join(tmpdir(), "sos-store-")), "games.sqlite"));
  const record = { engineVersion: "v", config: {}, seed: "s", firms: [], quarters: [] } as never;
  const player = (name: string, connected: boolean) => ({ id: "p1", name, token: "t", firmId: "f1", host: true, ready: false, connected, away: false });
  const players = (name: string, connected = true) => JSON.stringify([player(name, connected)]);
  store.started("ACDEFG", { name: "Roster" } as never, record, [], [player("Ada", true)]);
  store.resolved("ACDEFG", 1, EMPTY_QUARTER, players("Ada"), false);
  expect(store.load("ACDEFG")?.players).toEqual([player("Ada", true)]);
  store.resolved("ACDEFG", 2, EMPTY_QUARTER, players("Ada", false), false);
  expect(store.load("ACDEFG")?.players).toEqual([player("Ada", false)]);
  // A write that fails (quarter 2 again) is rolled back whole: the next stores its roster, not the one before.
  expect(() => store.resolved("ACDEFG", 2, EMPTY_QUARTER, players("Bea"), false)).toThrow();
  expect(store.load("ACDEFG")?.players).toEqual([player("Ada", false)]);
  store.resolved("ACDEFG", 3, EMPTY_QUARTER, players("Bea"), false);
  expect(store.load("ACDEFG")?.players).toEqual([player("Bea", true)]);
  // The facilitator's change, then a quarter with the same roster and one after it changed back.
  store.rostered("ACDEFG", [], [player("Cy", true)]);
  store.resolved("ACDEFG", 4, EMPTY_QUARTER, players("Cy"), false);
  expect(store.load("ACDEFG")?.players).toEqual([player("Cy", true)]);
  store.resolved("ACDEFG", 5, EMPTY_QUARTER, players("Bea"), true);
  expect(store.load("ACDEFG")).toMatchObject({ status: "over", players: [player("Bea", true)] });
  expect(store.load("ACDEFG")?.record.quarters).toHaveLength(5);
  store.close();
});
