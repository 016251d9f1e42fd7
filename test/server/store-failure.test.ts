import { mkdtempSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { GameStore, VERIFY_EVERY_MS } from "../../server/store/games.js";
import { StoreGate } from "../../server/store/gate.js";
import { replay } from "../../shared/sim/record.js";
import { facilitate, host, join, nextRejection, type Player, waitFor } from "./helpers.js";

const WRITES = ["started", "appendLog", "rostered", "ended", "resolved"] as const;

/** Makes every write of `store` fail with SQLite's own disk-full error while `disk.full` is set. */
function fillable(store: GameStore): { full: boolean } {
  const disk = { full: false };
  for (const name of WRITES) {
    const original = store[name].bind(store) as (...args: unknown[]) => void;
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      if (disk.full) throw new Database.SqliteError("database or disk is full", "SQLITE_FULL");
      original(...args);
    };
  }
  return disk;
}

const store = new GameStore(path.join(mkdtempSync(path.join(tmpdir(), "sos-full-")), "games.sqlite"));
const disk = fillable(store);
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  colyseus = await boot(createApp({ limits: { graceSeconds: 1, storeRetryMs: 20 }, store }));
});
afterEach(async () => {
  disk.full = false;
  await colyseus.cleanup();
});
afterAll(async () => {
  await colyseus.shutdown();
  store.close();
});

const SLOW = { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300, firms: 2 };
const noticeOf = (player: Player) => player.room.state.notice;

describe("a full disk stops only its room's saving, never the process", () => {
  test("exports during the pause come from the live game: a friends host whose game ended while the disk was full downloads it whole", async () => {
    const { player: hal, server } = await host(colyseus, "Hal", {
      newsSeconds: 0,
      reportSeconds: 0,
      decisionSeconds: 300,
      firms: 2,
      quarters: 4,
      seed: "full-export",
    });
    const key = (hal.last("console") as { key: string } | undefined)?.key ?? "";
    hal.room.send("start");
    for (let q = 0; q < 4; q++) {
      await waitFor(() => hal.room.state.phase === "decide" && hal.room.state.quarter === q);
      // The last quarter resolves while the disk is full: the store holds 3 quarters, still playing.
      if (q === 3) disk.full = true;
      hal.room.send("submit", { action: {} });
    }
    await waitFor(() => hal.room.state.phase === "over");
    await waitFor(() => noticeOf(hal).includes("disk is full"));
    expect(store.load(server.roomId)).toMatchObject({ status: "playing", record: { quarters: { length: 3 } } });
    const response = await fetch(`http://localhost:2568/api/games/${server.roomId}/record.json`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { quarters: unknown[] }).quarters).toHaveLength(4);
  });

  test("a facilitator's extend on a full disk: the room pauses with a message to everyone, refuses the controls, and carries on when the disk has room", async () => {
    const { facilitator, server } = await facilitate(colyseus, { ...SLOW, seed: "full-extend" });
    const ada = await join(colyseus, server.roomId, { name: "Ada" });
    facilitator.room.send("start");
    await waitFor(() => ada.room.state.phase === "news" && store.load(server.roomId));

    disk.full = true;
    facilitator.room.send("extend", { seconds: 60 });
    // Players and the facilitator are told, in words, and the timer stops.
    for (const person of [ada, facilitator]) await waitFor(() => noticeOf(person).includes("disk is full"));
    expect(noticeOf(ada)).toContain("paused");
    expect(ada.room.state.paused).toBe(true);
    expect(await nextRejection(facilitator, () => facilitator.room.send("forceNext"))).toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(server.flow.phaseName).toBe("news");

    // Another room on the same process is untouched and still reachable.
    const other = await facilitate(colyseus, { ...SLOW, seed: "other" });
    expect(other.facilitator.room.state.notice).toBe("");

    disk.full = false;
    await waitFor(() => noticeOf(ada) === "" && !ada.room.state.paused);
    expect(store.load(server.roomId)?.log.map((e) => e.command)).toEqual(["start", "extend"]);
    facilitator.room.send("forceNext");
    await waitFor(() => ada.room.state.phase === "decide");
  });

  test("a quarter resolved on a full disk is stored when the disk has room; the game goes on and equals its replay", async () => {
    const { facilitator, server } = await facilitate(colyseus, { ...SLOW, seed: "full-quarter", quarters: 4 });
    const ada = await join(colyseus, server.roomId, { name: "Ada" });
    facilitator.room.send("start");
    facilitator.room.send("forceNext");
    await waitFor(() => ada.room.state.phase === "decide" && ada.last("private"));

    disk.full = true;
    ada.room.send("submit", { action: {} });
    await waitFor(() => noticeOf(ada).includes("disk is full") && ada.room.state.quarter === 1);
    expect(ada.room.state.paused).toBe(true);
    expect(store.load(server.roomId)?.record.quarters).toHaveLength(0);

    disk.full = false;
    await waitFor(() => noticeOf(ada) === "" && store.load(server.roomId)?.record.quarters.length === 1);
    expect(ada.room.state.paused).toBe(false);
    // The rest of the game, with a second full-disk episode in it.
    for (let q = 2; q <= 4; q++) {
      facilitator.room.send("forceNext"); // report → news
      await waitFor(() => ada.room.state.phase === "news");
      facilitator.room.send("forceNext"); // news → decide
      await waitFor(() => ada.room.state.phase === "decide");
      if (q === 3) disk.full = true;
      ada.room.send("submit", { action: {} });
      await waitFor(() => ada.room.state.quarter === q);
      if (q === 3) {
        await waitFor(() => noticeOf(ada) !== "");
        disk.full = false;
        await waitFor(() => noticeOf(ada) === "");
      }
    }
    await waitFor(() => ada.room.state.phase === "over");
    const saved = await waitFor(() => store.load(server.roomId));
    expect(saved.status).toBe("over");
    expect(saved.record.quarters).toHaveLength(4);
    expect(replay(saved.record).states.at(-1)).toEqual(server.match?.state);
  });
});

test("a real SQLite disk-full (max_page_count): the write fails, is kept, and succeeds in order once there is room", () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sos-pages-")), "games.sqlite");
  const db = new (class extends GameStore {
    limitPages(pages: number | null): void {
      const count = this.db.pragma("page_count", { simple: true }) as number;
      this.db.pragma(`max_page_count = ${pages ?? count}`);
    }
  })(file);
  const settings = { name: "Full" } as never;
  const record = { engineVersion: "v", config: {}, seed: "s", firms: [], quarters: [] } as never;
  db.started("ACDEFG", settings, record, [], []);
  const events: string[] = [];
  const retries: (() => void)[] = [];
  const gate = new StoreGate(
    { failed: (problem) => events.push(`failed: ${problem}`), recovered: () => events.push("recovered") },
    (run) => {
      retries.push(run);
      return { clear: () => undefined };
    },
    10,
  );
  db.limitPages(null);
  const big = { actions: JSON.stringify({ f1: { note: "x".repeat(50_000) } }), injections: "[]" };
  let quarter = 0;
  while (events.length === 0 && quarter < 50) {
    quarter += 1;
    const q = quarter;
    gate.write(`quarter ${q}`, () => db.resolved("ACDEFG", q, big, "[]", false));
  }
  expect(events).toEqual(["failed: the server's disk is full"]);
  expect(gate.failing).toBe(true);
  // A later write waits behind the failed one.
  gate.write("end", () => db.ended("ACDEFG"));
  retries.shift()?.();
  expect(gate.failing).toBe(true);
  db.limitPages(1_000_000);
  retries.shift()?.();
  expect(events).toEqual(["failed: the server's disk is full", "recovered"]);
  const saved = db.load("ACDEFG");
  expect(saved?.record.quarters).toHaveLength(quarter);
  expect(saved?.status).toBe("over");
  db.close();
});

// Last: it takes the shared store's file away.
test("the game file removed while running: the room pauses and says so, instead of saving into a file nobody reads", async () => {
  const { facilitator, server } = await facilitate(colyseus, { ...SLOW, seed: "removed" });
  const ada = await join(colyseus, server.roomId, { name: "Ada" });
  facilitator.room.send("start");
  await waitFor(() => ada.room.state.phase === "news");
  renameSync(store.file, `${store.file}.old`);
  // The file is checked at most once per VERIFY_EVERY_MS while sound: the first write after that notices.
  await new Promise((done) => setTimeout(done, VERIFY_EVERY_MS));
  facilitator.room.send("extend", { seconds: 60 });
  await waitFor(() => noticeOf(ada).includes("was removed"));
  expect(ada.room.state.paused).toBe(true);
  expect(await nextRejection(facilitator, () => facilitator.room.send("forceNext"))).toMatchObject({ code: "STORE_UNAVAILABLE" });
});
