/**
 * `npx tsx server/bench/market-frame.ts [quarters] [repeats]`: would the market's part of
 * `private`, packed once per room and sent to each member as a frame of its own, cost a room
 * less than packing it into each member's `private`? Takes a quarter's six `private` changes
 * from a benchmark room (inproc-room.ts, quarter 7), opens six `ws` connections from a child
 * process to a `ws` server in this one (as Colyseus' transport), and sends a room-quarter's
 * frames to the six, corked as the room corks them: "together" packs each whole `private`
 * (Colyseus' `getMessageBytes`), "split" packs a `market` message once and each `private`
 * without its market part. Prints the bytes and this process's CPU (user + system) per
 * room-quarter, alternating the two, `repeats` times each (the first pair warms up).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getMessageBytes, Protocol } from "@colyseus/core";
import { type WebSocket, WebSocketServer } from "ws";
import type { PrivateMessage } from "../../shared/schemas/protocol.js";
import { GameStore } from "../store/games.js";
import { openRoom } from "./inproc-room.js";
import { freePort } from "./load/launch.js";

const [quarters = 3000, repeats = 6] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(path.join(tmpdir(), "sos-frame-"));
const store = new GameStore(path.join(dir, "games.sqlite"));
const bench = openRoom(1, store, 40);
for (let q = 0; q < 6; q++) bench.playQuarter();
const changes: PrivateMessage[] = [];
for (const client of bench.room.clients) {
  const send = client.send.bind(client);
  (client as { send: (type: string, message: unknown) => void }).send = (type, message) => {
    if (type === "private") changes.push(message as PrivateMessage);
    send(type, message);
  };
}
bench.playQuarter();
store.close();
rmSync(dir, { recursive: true, force: true });

// The firm's part: the market's two items emptied; the market's part: the quarter and those two items.
const firmOnly = changes.map((m) => m.map((item, i) => (i === 5 || i === 6 ? [] : item)));
const first = changes[0] as PrivateMessage;
const market = [first[0], first[5], first[6]];
const pack = (type: string, message: unknown) => getMessageBytes.raw(Protocol.ROOM_DATA, type, message);

const port = await freePort();
const server = new WebSocketServer({ port });
const sockets: Array<WebSocket & { _socket: { cork(): void; uncork(): void } }> = [];
server.on("connection", (ws) => sockets.push(ws as (typeof sockets)[number]));
const script = `const { WebSocket } = require("ws"); for (let i = 0; i < 6; i++) new WebSocket("ws://127.0.0.1:${port}").on("message", () => {});`;
const child = spawn(process.execPath, ["-e", script], { stdio: "inherit" });
while (sockets.length < 6) await new Promise((resolve) => setTimeout(resolve, 50));

function together(): void {
  sockets.forEach((ws, i) => {
    ws._socket.cork();
    ws.send(pack("private", changes[i]));
    ws._socket.uncork();
  });
}
function split(): void {
  const shared = pack("market", market);
  sockets.forEach((ws, i) => {
    ws._socket.cork();
    ws.send(shared);
    ws.send(pack("private", firmOnly[i]));
    ws._socket.uncork();
  });
}

console.log(
  `bytes per member: together ${pack("private", first).length}; split ${(firmOnly[0] && pack("private", firmOnly[0]).length) ?? 0} + market ${pack("market", market).length}`,
);
const runs: Record<string, number[]> = { together: [], split: [] };
for (let r = 0; r < repeats; r++) {
  for (const [name, quarter] of [
    ["together", together],
    ["split", split],
  ] as const) {
    const before = process.cpuUsage();
    for (let q = 0; q < quarters; q++) {
      quarter();
      if (q % 100 === 99) await new Promise((resolve) => setImmediate(resolve)); // let the sockets drain
    }
    const used = process.cpuUsage(before);
    runs[name]?.push((used.user + used.system) / quarters);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
for (const [name, list] of Object.entries(runs))
  console.log(`${name}: µs CPU per room-quarter (6 members), run by run: ${list.map((x) => x.toFixed(1)).join(" ")}`);
child.kill();
server.close();
process.exit(0);
