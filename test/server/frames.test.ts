import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { Logger, log, setLog } from "../../server/log.js";
import { facilitate, join, waitFor } from "./helpers.js";

const lines: { level: string; msg: string; sessionId?: string }[] = [];
const previous = log;
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  const keep = (line: string) => lines.push(JSON.parse(line));
  setLog(new Logger({ format: "json", level: "info", sink: { out: keep, err: keep } }));
  colyseus = await boot(createApp());
});
afterAll(async () => {
  await colyseus.shutdown();
  setLog(previous);
});

const ROOM_DATA = 13;
const ROOM_REQUEST = 21;
/** A message type as Colyseus encodes it (a msgpack fixstr), then a payload that is not msgpack (0xc1 is never used). */
const type = (name: string) => [0xa0 | name.length, ...Buffer.from(name)];
const BAD_PAYLOAD = [0xc1, 0xc1, 0xc1];

test("malformed frames are logged once per connection, at warn, with the room and session; never as an ERROR with a stack", async () => {
  const { facilitator, server } = await facilitate(colyseus, { firms: 2, decisionSeconds: 300, newsSeconds: 0 });
  const ada = await join(colyseus, server.roomId, { name: "Ada" });
  const bo = await join(colyseus, server.roomId, { name: "Bo" });
  facilitator.room.send("start");
  await waitFor(() => ada.room.state.phase === "decide");

  // Requests with a bad payload are answered with an error and the connection stays: 20 of them.
  for (let i = 0; i < 20; i++) ada.room.connection.send(new Uint8Array([ROOM_REQUEST, i + 1, ...type("submit"), ...BAD_PAYLOAD]));
  // A data frame with a bad payload closes the connection (Colyseus' own rule): once.
  bo.room.connection.send(new Uint8Array([ROOM_DATA, ...type("submit"), ...BAD_PAYLOAD]));
  await waitFor(() => lines.filter((l) => l.msg.startsWith("malformed frame")).length === 2);
  // Ada's connection still works: a well-formed message after the bad ones is answered.
  ada.room.send("submit", { action: {} });
  await waitFor(() => ada.last("accepted"));

  const malformed = lines.filter((l) => l.msg.startsWith("malformed frame"));
  expect(malformed.map((l) => [l.level, l.sessionId]).sort()).toEqual(
    [
      ["warn", ada.room.sessionId],
      ["warn", bo.room.sessionId],
    ].sort(),
  );
  expect(lines.filter((l) => l.level === "error")).toEqual([]);
});
