/**
 * `node --expose-gc --import tsx server/bench/room-heap.ts [rooms] [quarters] [upTo]`: where a
 * game room's heap goes. Plays `rooms` benchmark rooms in-process (inproc-room.ts: flow, match,
 * synced state and encoder, `private` feed, store writes; no sockets) to `upTo` quarters of a
 * `quarters`-quarter game and keeps them; prints the heap they hold per room (after a full
 * GC), then lets go of one part of every room at a time and prints the heap each part freed
 * (a part shared with one let go later counts there). Optional `--snapshot <file>` writes a
 * heap snapshot of the rooms before any is let go.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { GameStore } from "../store/games.js";
import { type InprocRoom, playRoom } from "./inproc-room.js";

const args = process.argv.slice(2);
const snapshotAt = args.indexOf("--snapshot");
const snapshot = snapshotAt >= 0 ? args.splice(snapshotAt, 2)[1] : undefined;
const [rooms = 300, quarters = 40, upTo = 8] = args.map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

function heap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const dir = mkdtempSync(path.join(tmpdir(), "sos-room-heap-"));
const store = new GameStore(path.join(dir, "games.sqlite"));
playRoom(-1, store, quarters, upTo); // warm-up: compiled code and module state are not a room's
const empty = heap();
const kept: InprocRoom[] = [];
for (let r = 0; r < rooms; r++) kept.push(playRoom(r, store, quarters, upTo).room);
let last = heap();
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`${rooms} rooms of 6 firms at quarter ${upTo} of ${quarters}: ${kb((last - empty) / rooms)} KB heap per room`);
if (snapshot) console.log(`heap snapshot: ${writeHeapSnapshot(snapshot)}`);

/** Each part of a room and how to let go of it (in this order). */
const parts: Array<[string, (room: InprocRoom) => void]> = [
  ["private feed (views last sent per connection)", (room) => (room.feed as unknown as { sent: Map<string, unknown> }).sent.clear()],
  // The record's quarters, kept as JSON (server/game/match.ts).
  ["game record (actions, injections)", (room) => (room.flow.match as unknown as { recorded?: unknown[] } | null)?.recorded?.splice(0)],
  [
    "engine histories (firm reports, market reports, log)",
    (room) => {
      const state = room.flow.match?.state;
      if (!state) return;
      for (const firm of state.firms) firm.history = [];
      state.market.history = [];
      state.log = [];
    },
  ],
  ["engine state (the rest) and match", (room) => Object.assign(room.flow.phase, { match: undefined })],
  // The room's closures (its sessions' callback, its store's schedule) hold the synced state too:
  // it goes with the rest (heap.ts measures it alone).
  [
    "the rest: synced state and encoder, flow, roster, log, sessions, desk, saving",
    (room) =>
      Object.assign(room, { state: undefined, encoder: undefined, flow: undefined, sessions: undefined, desk: undefined, saving: undefined, feed: undefined }),
  ],
];
for (const [name, drop] of parts) {
  for (const room of kept) drop(room);
  const now = heap();
  console.log(`  ${name}: ${kb((last - now) / rooms)} KB`);
  last = now;
}
kept.length = 0;
console.log(`  left after every room is gone: ${kb((last - heap()) / rooms)} KB`);
store.close();
rmSync(dir, { recursive: true, force: true });
