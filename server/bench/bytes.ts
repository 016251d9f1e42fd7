/**
 * `npx tsx server/bench/bytes.ts`: where a player's bytes go, field by field, in one
 * 6-firm game of bots (no sockets). Each quarter it mirrors the engine state into the synced
 * schema and encodes the patch (what every client receives), and builds and msgpack-encodes
 * the `private` change one member of each firm receives, then prints the mean bytes per
 * quarter of each part and of each field of the private message.
 */
import { Encoder } from "@colyseus/schema";
import { Packr } from "msgpackr";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { loadConfig } from "../../shared/config/load.js";
import { privateMessage, privateView } from "../../shared/private.js";
import { PRIVATE_COLUMNS, type PrivateView } from "../../shared/schemas/protocol.js";
import { Match } from "../game/match.js";
import { Roster } from "../game/roster.js";
import { mirrorGame, mirrorRoster } from "../rooms/mirror.js";
import { MarketRoomState } from "../rooms/state.js";

// Colyseus' own message packer (@colyseus/core Protocol.ts): plain maps, no records.
const packr = new Packr({ useRecords: false });
const size = (value: unknown) => packr.pack(value).length;

const QUARTERS = 24;
/** The items of a `private` message, in order (PrivateMessage). */
const ITEMS = ["quarter", "full", "firm", "firmHistory", "limits", "market", "marketHistory", "pending", "submittedBy", "columns"];
const config = loadConfig("ai-2025");
if (!config.ok) throw new Error("no config");
const roster = new Roster(1, BOT_NAMES.length, BOT_NAMES);
const seats = roster.seats.map((s) => ({ id: s.firmId, name: s.name, bot: s.bot }));
const match = new Match({ ...config.value, quarters: QUARTERS }, "bytes", seats);

const state = new MarketRoomState();
const encoder = new Encoder(state);
mirrorRoster(state, roster, match);
mirrorGame(state, match.state);
encoder.encode();
encoder.discardChanges();

const totals = new Map<string, number>();
const add = (key: string, n: number) => totals.set(key, (totals.get(key) ?? 0) + n);
const sent = new Map<string, PrivateView>();
for (const seat of seats) sent.set(seat.id, privateView(match.state, seat.id, undefined) as PrivateView);

for (let q = 1; q <= QUARTERS; q++) {
  for (const seat of seats) match.pending.set(seat.id, { action: match.botAction(seat.id, seat.bot), by: "bot", bot: true });
  match.resolve();
  mirrorRoster(state, roster, match);
  mirrorGame(state, match.state);
  add("patch", encoder.encode().length);
  encoder.discardChanges();
  for (const seat of seats) {
    const view = privateView(match.state, seat.id, undefined) as PrivateView;
    const message = privateMessage(view, sent.get(seat.id));
    sent.set(seat.id, view);
    add("private", size(message));
    for (const [i, value] of message.entries()) {
      const key = ITEMS[i] as string;
      if (key === "firm" || key === "market") {
        const pairs = value as unknown[];
        for (let i = 0; i < pairs.length; i += 2) add(`private.${key}.${PRIVATE_COLUMNS[key][pairs[i] as number]}`, size(pairs.slice(i, i + 2)) - 1);
      } else add(`private.${key}`, size([value]) - 1);
    }
  }
}
const perQuarter = (key: string) => (totals.get(key) ?? 0) / QUARTERS;
const perClient = (key: string) => perQuarter(key) / seats.length;
console.log(
  `per client per quarter (mean of ${QUARTERS} quarters, 6 firms): patch ${perQuarter("patch").toFixed(0)}, private ${perClient("private").toFixed(0)}`,
);
const rows = [...totals.keys()].filter((k) => k.startsWith("private.")).sort((a, b) => perClient(b) - perClient(a));
for (const key of rows) console.log(`  ${key.padEnd(40)} ${perClient(key).toFixed(1)}`);
