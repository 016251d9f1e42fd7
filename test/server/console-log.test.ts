import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { GameStore } from "../../server/store/games.js";
import { LOG_LIMIT, QUEUE_LIMIT } from "../../shared/schemas/protocol.js";
import { facilitate, join, nextRejection, type Player, track, waitFor } from "./helpers.js";

const store = new GameStore(path.join(mkdtempSync(path.join(tmpdir(), "sos-log-")), "games.sqlite"));
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  colyseus = await boot(createApp({ limits: { messagesPerSecond: 10_000, abuseRejections: 10_000 }, store }));
});
afterEach(async () => {
  await colyseus.cleanup();
});
afterAll(async () => {
  await colyseus.shutdown();
  store.close();
});

const SLOW = { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300, firms: 2 };
const updates = (player: Player) => player.all("consoleUpdate");
const bytesOf = (message: unknown) => JSON.stringify(message).length;

test("the facilitator log is sent as deltas, kept to its newest LOG_LIMIT entries in memory, in the store and on a new console", async () => {
  const { facilitator, server, key } = await facilitate(colyseus, { ...SLOW, seed: "log" });
  await join(colyseus, server.roomId, { name: "Ada" });
  facilitator.room.send("start");
  await waitFor(() => updates(facilitator).length === 1);
  const commands = LOG_LIMIT + 20;
  for (let i = 0; i < commands; i++) facilitator.room.send("extend", { seconds: 5 });
  await waitFor(() => updates(facilitator).length === commands + 1, 30_000);

  // One `console` on joining; every command after it is one entry, whatever the log's length.
  expect(facilitator.all("console").filter((c) => c.key !== null)).toHaveLength(1);
  const sizes = updates(facilitator).map((u) => u.entries.length);
  expect(new Set(sizes)).toEqual(new Set([1]));
  const [first, last] = [updates(facilitator)[1], updates(facilitator).at(-1)];
  expect(bytesOf(last)).toBeLessThan(bytesOf(first) + 50);

  // The client's view (deltas applied) holds the newest LOG_LIMIT entries, ending with the last command.
  const view = facilitator.last("console");
  expect(view?.log).toHaveLength(LOG_LIMIT);
  expect(view?.log.at(-1)).toEqual(server.flow.log.at(-1));
  expect(server.flow.log).toHaveLength(LOG_LIMIT);
  expect(server.flow.log[0]?.command).toBe("extend"); // "start" has been dropped

  // The store has the same entries, written one at a time.
  await waitFor(() => store.load(server.roomId)?.log.length === LOG_LIMIT);
  expect(store.load(server.roomId)?.log).toEqual(server.flow.log);

  // A second console gets the bounded log in one message.
  const projector = track(await colyseus.sdk.joinById(server.roomId, { facilitatorKey: key }));
  const opened = await waitFor(() => projector.last("console"));
  expect(opened.log).toEqual(server.flow.log);
});

test(`at most ${QUEUE_LIMIT} injections wait for one resolution: the next is refused with LIMIT_REACHED`, async () => {
  const { facilitator, server } = await facilitate(colyseus, { ...SLOW, seed: "queue" });
  await join(colyseus, server.roomId, { name: "Ada" });
  facilitator.room.send("start");
  for (let i = 0; i < QUEUE_LIMIT; i++) facilitator.room.send("inject", { injection: { kind: "disclosure", on: i % 2 === 0 } });
  await waitFor(() => facilitator.last("console")?.queued.length === QUEUE_LIMIT);
  const refused = await nextRejection(facilitator, () => facilitator.room.send("inject", { injection: { kind: "disclosure", on: true } }));
  expect(refused).toMatchObject({ code: "LIMIT_REACHED", message: expect.stringContaining(`${QUEUE_LIMIT} injections`) });
  expect(server.match?.injections).toHaveLength(QUEUE_LIMIT);
});
