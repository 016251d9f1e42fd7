import type { Client, Room } from "@colyseus/sdk";
import { nameKey } from "../../shared/schemas/names.js";
import { JOIN_ERRORS, type RoomSettingsInput, type ServerMessages, type SpectatorJoinOptions } from "../../shared/schemas/protocol.js";
import { Inbox } from "./inbox.js";
import { facilitatorKeyFor, saveFacilitatorKey } from "./keys.js";
import { GameClient } from "./sdk.js";
import { BROWSER_SEAT, forgetSeat, type KeyValueStore, loadSeat, type SavedSeat, saveSeat } from "./seat.js";

export type Welcome = ServerMessages["welcome"];
export type ConsoleMessage = ServerMessages["console"];

/**
 * The id this browser sends with a join by name (`ask`), kept per game and name in local storage:
 * when the name holds a seat, the facilitator's (host's) approval lets in only the device that
 * asked, so a classmate typing the name after the approval does not get the seat.
 */
export function askIdFor(store: KeyValueStore, code: string, name: string): string {
  const key = `sos.ask.${code}.${nameKey(name)}`;
  const kept = store.getItem(key);
  if (kept && /^[0-9a-f]{32}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  store.setItem(key, id);
  return id;
}

/** How long to wait for the server's first `console` message before saying the console could not open. */
const CONSOLE_WAIT_MS = 15_000;

/** A joined game: the SDK room and who we are in it. */
export interface Joined {
  room: Room;
  welcome: Welcome;
  inbox: Inbox;
}

/** A facilitator's console on a game: the room, its code and the key that controls it. */
export interface ConsoleJoined {
  room: Room;
  inbox: Inbox;
  code: string;
  key: string;
  /** The key arrived just now (the game was created here): show it to the facilitator, once. */
  fresh: boolean;
}

/**
 * The client's way into games: create, join by code, or get back in after a refresh or a
 * dropped connection (the reconnection token within the grace period, the seat token after).
 * It remembers the seat in the tab's session storage, and the browser's last seat in local
 * storage: a student who closed the tab opens the game's link again and is offered their seat
 * back by name (one tap), so a second person on the same browser is never put in it silently.
 */
export class Session {
  readonly sdk: Client;

  /** `store` keeps the tab's seat (session storage); `keys` the facilitator keys and the browser's last seat (local storage). */
  constructor(
    endpoint: string,
    private readonly store: KeyValueStore,
    private readonly keys: KeyValueStore = store,
  ) {
    this.sdk = new GameClient(endpoint);
  }

  async create(name: string, settings: RoomSettingsInput): Promise<Joined> {
    return this.enter(await this.sdk.create("market", { name, settings }), name);
  }

  async join(code: string, name: string, firmId?: string): Promise<Joined> {
    // The device's ask id: if the name holds a seat here, a "let back in" admits this device only.
    const ask = askIdFor(this.keys, code, name);
    const options = firmId ? { name, firmId, ask } : { name, ask };
    try {
      return await this.enter(await this.sdk.joinById(code, options), name);
    } catch (e) {
      // A seat held by this name, in a game this browser holds the key of (a friends game's host
      // who closed the tab, so lost the tab's seat token): let the name back in, then join again.
      const stored = (e as { code?: unknown }).code === JOIN_ERRORS.SEAT_HELD ? facilitatorKeyFor(this.keys, code) : null;
      if (!stored || !(await this.letBackIn(code, stored.key, name))) throw e;
      return this.enter(await this.sdk.joinById(code, options), name);
    }
  }

  /** Lets the player called `name` back into game `code` through a console connection opened with its key; false when it could not. */
  private async letBackIn(code: string, key: string, name: string): Promise<boolean> {
    const room = await this.sdk.joinById(code, { facilitatorKey: key }).catch(() => null);
    if (!room) return false;
    // The inbox takes the console's messages (the first one whole, then its updates).
    new Inbox(room);
    try {
      type Players = { players?: readonly { id: string; name: string }[] };
      // The first state may be in already (as in watch()); else it is the next change.
      const players = await new Promise<readonly { id: string; name: string }[]>((resolve) => {
        const first = (state: Players) => {
          room.onStateChange.remove(first);
          resolve(state.players ?? []);
        };
        room.onStateChange(first);
        const now = room.state as Players | undefined;
        if (now?.players && now.players.length > 0) first(now);
      });
      const player = players.find((p) => nameKey(p.name) === nameKey(name));
      if (!player) return false;
      // The log's update says the server has let the name back in (or a refusal says it will not).
      const done = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), CONSOLE_WAIT_MS);
        room.onMessage("consoleUpdate", () => {
          clearTimeout(timer);
          resolve(true);
        });
        room.onMessage("rejected", () => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      room.send("letBackIn", { playerId: player.id });
      return await done;
    } finally {
      await room.leave(true);
    }
  }

  /** Watches game `code` on a screen for the room: no seat, the public state only. */
  async watch(code: string): Promise<Room> {
    const room = await this.sdk.joinById(code, { spectator: true } satisfies SpectatorJoinOptions);
    // A player waits for its welcome; a screen gets no message, so it waits for the first state (its phase picks the scene).
    await new Promise<void>((resolve) => {
      const first = () => {
        room.onStateChange.remove(first);
        resolve();
      };
      room.onStateChange(first);
      if ((room.state as { phase?: string } | undefined)?.phase) first();
    });
    return room;
  }

  /**
   * Back into the game this tab was in (a refresh, a dropped connection), if any; null when
   * there is none to return to. With `only`, a join link's code: a seat in another game is not
   * resumed (the link is what the person asked for: a new class round, a friend's new game).
   * The seat another tab of this browser held is never taken here: see `browserSeatFor`.
   */
  async resume(only: string | null = null): Promise<Joined | null> {
    const seat = loadSeat(this.store);
    if (!seat) return null;
    if (only !== null && seat.code !== only) return null;
    return this.takeBack(seat);
  }

  /**
   * The seat this browser last held in game `code` (its tab was closed, or another tab has it),
   * when this tab holds none: whose it was, so the page can ask before taking it. A shared
   * computer or a second tab may be someone else: the seat is never taken without asking.
   */
  browserSeatFor(code: string | null): SavedSeat | null {
    if (code === null || loadSeat(this.store)) return null;
    const seat = loadSeat(this.keys, BROWSER_SEAT);
    return seat?.code === code ? seat : null;
  }

  /** Takes back the seat this browser last held in game `code` (the person said it is theirs); null when it is gone (then it is forgotten). */
  async resumeBrowserSeat(code: string): Promise<Joined | null> {
    const seat = this.browserSeatFor(code);
    return seat ? this.takeBack(seat) : null;
  }

  private async takeBack(seat: SavedSeat): Promise<Joined | null> {
    try {
      return await this.enter(await this.sdk.reconnect(seat.reconnectionToken), seat.name);
    } catch {
      // Past the grace period (or the server restarted): the seat token still holds the seat.
    }
    try {
      return await this.enter(await this.sdk.joinById(seat.code, { name: seat.name, token: seat.seatToken }), seat.name);
    } catch {
      this.forget(seat.code);
      return null;
    }
  }

  /** The seat in game `code` is no longer remembered, by this tab or by this browser. */
  private forget(code: string): void {
    forgetSeat(this.store);
    if (loadSeat(this.keys, BROWSER_SEAT)?.code === code) forgetSeat(this.keys, BROWSER_SEAT);
  }

  /** Creates a class market run by a facilitator; its key arrives once, and is kept in `keys`. */
  async createClass(settings: RoomSettingsInput): Promise<ConsoleJoined> {
    return this.enterConsole(await this.sdk.create("market", { facilitator: true, settings }), null);
  }

  /** Opens the console of game `code` with its facilitator key (another tab, a refresh, another browser). */
  async openConsole(code: string, key: string): Promise<ConsoleJoined> {
    return this.enterConsole(await this.sdk.joinById(code, { facilitatorKey: key }), key);
  }

  /**
   * Back into the remembered game with its seat token, keeping the seat remembered when it
   * fails (a restarting server: try again later). Throws the join error.
   */
  async rejoin(): Promise<Joined> {
    const seat = loadSeat(this.store);
    if (!seat) throw new Error("no game to return to");
    return this.enter(await this.sdk.joinById(seat.code, { name: seat.name, token: seat.seatToken }), seat.name);
  }

  /** Leaves for good: the seat is no longer remembered. */
  async leave(room: Room): Promise<void> {
    this.forget(room.roomId);
    await room.leave(true);
  }

  private async enter(room: Room, name: string): Promise<Joined> {
    const inbox = new Inbox(room);
    // A friends game's host gets a key too: it unlocks the downloads on the game-over screen.
    inbox.on("console", (message) => {
      if (message.key) saveFacilitatorKey(this.keys, { code: room.roomId, key: message.key, mode: "friends", savedAt: Date.now() });
    });
    const welcome = await new Promise<Welcome>((resolve) => {
      const stop = room.onMessage("welcome", (message: Welcome) => {
        stop();
        resolve(message);
      });
    });
    const remember = () => {
      const seat = { code: room.roomId, name, reconnectionToken: room.reconnectionToken, seatToken: welcome.token };
      saveSeat(this.store, seat);
      saveSeat(this.keys, seat, BROWSER_SEAT);
    };
    remember();
    room.onReconnect(remember);
    return { room, welcome, inbox };
  }

  private async enterConsole(room: Room, knownKey: string | null): Promise<ConsoleJoined> {
    const inbox = new Inbox(room);
    const first = await new Promise<ConsoleMessage>((resolve, reject) => {
      const already = inbox.last("console");
      if (already) return resolve(already);
      const timer = setTimeout(() => {
        stop();
        void room.leave(true);
        reject(new Error("The server did not open the console for this game."));
      }, CONSOLE_WAIT_MS);
      const stop = inbox.on("console", (message) => {
        clearTimeout(timer);
        stop();
        resolve(message);
      });
      room.onLeave(() => {
        clearTimeout(timer);
        reject(new Error("The server closed the console."));
      });
    });
    const key = first.key ?? knownKey;
    if (!key) {
      await room.leave(true);
      throw new Error("The server sent no facilitator key for this game.");
    }
    saveFacilitatorKey(this.keys, { code: room.roomId, key, mode: "class", savedAt: Date.now() });
    return { room, inbox, code: room.roomId, key, fresh: first.key !== null };
  }
}
