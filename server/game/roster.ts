import type { BotName } from "../../shared/bots/index.js";
import { nameKey } from "../../shared/schemas/names.js";
import type { RejectionCode } from "../../shared/schemas/protocol.js";

/** Default firm names, in seat order. */
export const FIRM_NAMES = [
  "Northwind",
  "Helios",
  "Cobalt",
  "Meridian",
  "Lumen",
  "Arbor",
  "Quill",
  "Vantage",
  "Kestrel",
  "Tessera",
  "Juniper",
  "Halcyon",
  "Orrery",
  "Basalt",
  "Cirrus",
  "Fathom",
  "Gossamer",
  "Ironbark",
  "Lattice",
  "Marlin",
  "Nimbus",
  "Obsidian",
  "Pinion",
  "Quasar",
  "Rookery",
  "Sable",
  "Tamarack",
  "Umber",
  "Verdant",
  "Wayfarer",
  "Xylem",
  "Yarrow",
  "Zephyr",
  "Alder",
  "Beacon",
  "Cinder",
  "Drumlin",
  "Ember",
  "Flint",
  "Garnet",
] as const;

export interface Player {
  id: string;
  name: string;
  /** Secret that reclaims this player's seat; never sent to anyone else. */
  token: string;
  firmId: string | null;
  host: boolean;
  ready: boolean;
  connected: boolean;
  /** Disconnected past the grace period: a stand-in bot plays the firm until the player returns. */
  away: boolean;
}

export interface Seat {
  firmId: string;
  name: string;
  /** The bot that plays this firm when no player holds it. */
  bot: BotName;
}

export type Controller = "human" | "bot" | "standIn";

export type RosterResult = { ok: true } | { ok: false; code: RejectionCode; message: string };
const done: RosterResult = { ok: true };
const refuse = (code: RejectionCode, message: string): RosterResult => ({ ok: false, code, message });

/**
 * Who is in the room and which firm each plays. Seats are the firms; a seat with no player
 * is played by its bot. Players are kept in join order; the host is the first player still here.
 */
export class Roster {
  readonly players: Player[] = [];
  readonly seats: Seat[] = [];
  private nextSeat = 1;

  constructor(
    private teamSize: number,
    firms: number,
    bots: readonly BotName[],
    /** Whether a player hosts (a friends game); in a class market the facilitator does, and no player. */
    private readonly hosted = true,
  ) {
    for (let i = 0; i < firms; i++) this.addSeat(bots[i % bots.length] as BotName);
  }

  /** A roster saved with a game: every player starts disconnected, to rejoin by token (or by name once let back in). */
  static restore(teamSize: number, seats: readonly Seat[], players: readonly Player[], hosted = true): Roster {
    const roster = new Roster(teamSize, 0, [], hosted);
    roster.seats.push(...seats.map((s) => ({ ...s })));
    roster.players.push(...players.map((p) => ({ ...p, connected: false, ready: false })));
    roster.nextSeat = Math.max(0, ...seats.map((s) => Number(s.firmId.slice(1)))) + 1;
    return roster;
  }

  /** The player of that name (names are unique by their nameKey: case, width and compatibility forms aside). */
  named(name: string): Player | undefined {
    const key = nameKey(name);
    return this.players.find((p) => nameKey(p.name) === key);
  }

  get size(): number {
    return this.seats.length;
  }

  /** Whether every firm's team fits in `teamSize`. */
  checkTeamSize(teamSize: number): RosterResult {
    const crowded = this.seats.find((s) => this.members(s.firmId).length > teamSize);
    return crowded ? refuse("BAD_SETTINGS", `${crowded.name} already has ${this.members(crowded.firmId).length} players`) : done;
  }

  setTeamSize(teamSize: number): RosterResult {
    const fits = this.checkTeamSize(teamSize);
    if (fits.ok) this.teamSize = teamSize;
    return fits;
  }

  addSeat(bot: BotName): Seat {
    const used = new Set(this.seats.map((s) => s.name));
    const name = FIRM_NAMES.find((n) => !used.has(n)) ?? `Firm ${this.nextSeat}`;
    const seat: Seat = { firmId: `f${this.nextSeat++}`, name, bot };
    this.seats.push(seat);
    return seat;
  }

  /** Whether the roster can have `firms` seats (players' firms are never removed). */
  checkResize(firms: number): RosterResult {
    const humanSeats = this.seats.filter((s) => this.members(s.firmId).length > 0).length;
    return firms < humanSeats ? refuse("BAD_SETTINGS", `${humanSeats} firms already have players; cannot have only ${firms}`) : done;
  }

  /** Grows or shrinks to `firms` seats; only seats without players are removed (from the end). */
  resize(firms: number, bots: readonly BotName[]): RosterResult {
    const fits = this.checkResize(firms);
    if (!fits.ok) return fits;
    while (this.seats.length < firms) this.addSeat(bots[this.seats.length % bots.length] as BotName);
    for (let i = this.seats.length - 1; i >= 0 && this.seats.length > firms; i--) {
      const seat = this.seats[i] as Seat;
      if (this.members(seat.firmId).length === 0) this.seats.splice(i, 1);
    }
    return done;
  }

  /** Gives every seat without players the bot at its position in `bots` (cycled). */
  assignBots(bots: readonly BotName[]): void {
    this.seats.forEach((seat, i) => {
      if (this.members(seat.firmId).length === 0) seat.bot = bots[i % bots.length] as BotName;
    });
  }

  seat(firmId: string): Seat | undefined {
    return this.seats.find((s) => s.firmId === firmId);
  }

  player(id: string): Player | undefined {
    return this.players.find((p) => p.id === id);
  }

  byToken(token: string): Player | undefined {
    return this.players.find((p) => p.token === token);
  }

  members(firmId: string): Player[] {
    return this.players.filter((p) => p.firmId === firmId);
  }

  nameTaken(name: string): boolean {
    const key = nameKey(name);
    return this.players.some((p) => nameKey(p.name) === key);
  }

  controller(firmId: string): Controller {
    const members = this.members(firmId);
    if (members.length === 0) return "bot";
    return members.every((p) => p.away) ? "standIn" : "human";
  }

  /** How many more players the seats take. */
  openPlaces(): number {
    return this.seats.reduce((sum, seat) => sum + Math.max(0, this.teamSize - this.members(seat.firmId).length), 0);
  }

  /** A seat a newcomer can take: the requested firm if it has room, else the first bot seat. */
  openSeat(firmId?: string): Seat | RosterResult {
    if (firmId) {
      const seat = this.seat(firmId);
      if (!seat) return refuse("SEAT_TAKEN", `there is no firm ${firmId}`);
      if (this.members(firmId).length >= this.teamSize) return refuse("SEAT_TAKEN", `${seat.name} is full (${this.teamSize} per firm)`);
      return seat;
    }
    const free = this.seats.find((s) => this.members(s.firmId).length === 0);
    if (free) return free;
    if (this.teamSize > 1) {
      const withRoom = this.seats.filter((s) => this.members(s.firmId).length < this.teamSize);
      withRoom.sort((a, b) => this.members(a.firmId).length - this.members(b.firmId).length);
      if (withRoom[0]) return withRoom[0];
    }
    return refuse("SEAT_TAKEN", "every firm is taken");
  }

  /** Adds a player; in a hosted game the first may host (`mayHost`: false while the creator's seat is still on its way). */
  add(player: Omit<Player, "host" | "ready" | "connected" | "away">, mayHost = true): Player {
    const host = this.hosted && mayHost && !this.players.some((p) => p.host);
    // Named fields, not a spread: a spread object made by optimised code gets a hidden class of
    // its own (~0.5 KB each, kept as long as the player is).
    const full: Player = { id: player.id, name: player.name, token: player.token, firmId: player.firmId, host, ready: false, connected: true, away: false };
    this.players.push(full);
    return full;
  }

  /** Removes a player (lobby only); the host role passes to the next player. */
  remove(id: string): void {
    const i = this.players.findIndex((p) => p.id === id);
    if (i < 0) return;
    const [gone] = this.players.splice(i, 1);
    if (gone?.host && this.players[0]) this.players[0].host = true;
  }

  move(player: Player, firmId: string): RosterResult {
    if (player.firmId === firmId) return done;
    const seat = this.openSeat(firmId);
    if ("ok" in seat) return seat;
    player.firmId = seat.firmId;
    return done;
  }

  removeSeat(firmId: string): RosterResult {
    const seat = this.seat(firmId);
    if (!seat) return refuse("SEAT_TAKEN", `there is no firm ${firmId}`);
    if (this.members(firmId).length > 0) return refuse("SEAT_TAKEN", `${seat.name} is played by a person, not a bot`);
    if (this.seats.length <= 2) return refuse("BAD_SETTINGS", "a game needs at least 2 firms");
    this.seats.splice(this.seats.indexOf(seat), 1);
    return done;
  }
}
