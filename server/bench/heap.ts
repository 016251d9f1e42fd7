/**
 * `node --expose-gc --import tsx server/bench/heap.ts [rooms] [quarters]`: what the synced
 * state of one room holds in memory after a whole game. One 6-firm game of bots is played
 * once and kept quarter by quarter; then `rooms` synced states (each with its encoder, as in a
 * room) mirror it quarter by quarter, encoding and discarding each patch as a room does, and
 * stay alive. Prints the heap they add per room (after a full GC), and the heap per room after
 * a quarter of the game too, so growth with the quarter count shows; and, for scale, what the
 * engine's own game state of a room holds after the whole game (its full private histories).
 */
import { Encoder } from "@colyseus/schema";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { loadConfig } from "../../shared/config/load.js";
import { cloneState } from "../../shared/engine/clone.js";
import type { GameState } from "../../shared/engine/types.js";
import { Match } from "../game/match.js";
import { Roster } from "../game/roster.js";
import { mirrorGame, mirrorRoster } from "../rooms/mirror.js";
import { MarketRoomState } from "../rooms/state.js";

const [rooms = 500, quarters = 24] = process.argv.slice(2).map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

const config = loadConfig("ai-2025");
if (!config.ok) throw new Error("no config");
const roster = new Roster(1, BOT_NAMES.length, BOT_NAMES);
const seats = roster.seats.map((s) => ({ id: s.firmId, name: s.name, bot: s.bot }));
const match = new Match({ ...config.value, quarters }, "heap", seats);
const games: GameState[] = [cloneState(match.state)];
for (let q = 1; q <= quarters; q++) {
  for (const seat of seats) match.pending.set(seat.id, { action: match.botAction(seat.id, seat.bot), by: "bot", bot: true });
  match.resolve();
  games.push(cloneState(match.state));
}

function heap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** Heap per room of `rooms` synced states mirrored up to quarter `upTo`. */
function measure(upTo: number): number {
  const before = heap();
  const kept: Array<{ state: MarketRoomState; encoder: Encoder }> = [];
  for (let r = 0; r < rooms; r++) {
    const state = new MarketRoomState();
    const encoder = new Encoder(state);
    mirrorRoster(state, roster, match);
    for (let q = 0; q <= upTo; q++) {
      mirrorGame(state, games[q] as GameState);
      encoder.encode();
      encoder.discardChanges();
    }
    kept.push({ state, encoder });
  }
  const after = heap();
  if (kept.length !== rooms) throw new Error("lost a room");
  return (after - before) / rooms;
}

/** Heap per room of `rooms` engine states at the end of the game (copies of the one played). */
function engineHeap(): number {
  const before = heap();
  const kept = Array.from({ length: rooms }, () => structuredClone(match.state));
  const after = heap();
  if (kept.length !== rooms) throw new Error("lost a room");
  return (after - before) / rooms;
}

const one = measure(1);
const all = measure(quarters);
console.log(
  `synced state heap per room (6 firms, ${rooms} rooms): ${(one / 1024).toFixed(1)} KB after 1 quarter, ${(all / 1024).toFixed(1)} KB after ${quarters} quarters (${((all - one) / 1024 / (quarters - 1)).toFixed(2)} KB per quarter); the engine's game state after ${quarters} quarters, for scale: ${(engineHeap() / 1024).toFixed(1)} KB`,
);
