import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { GameStore } from "../../server/store/games.js";

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
  store.logged("ACDEFG", [entry], [{ kind: "disclosure", on: true }]);
  store.ended("ACDEFG");
  store.close();
  // Opening it again adds nothing twice and keeps what was written.
  const again = new GameStore(file);
  expect(again.load("ACDEFG")).toMatchObject({ status: "over", log: [entry], queued: [] });
  expect(again.unfinished()).toEqual([]);
  again.close();
});
