import { Client, type Room } from "@colyseus/sdk";
import type { RoomSettingsInput, ServerMessages } from "../../shared/schemas/protocol.js";
import { Inbox } from "./inbox.js";
import { forgetSeat, type KeyValueStore, loadSeat, saveSeat } from "./seat.js";

export type Welcome = ServerMessages["welcome"];

/** A joined game: the SDK room and who we are in it. */
export interface Joined {
  room: Room;
  welcome: Welcome;
  inbox: Inbox;
}

/**
 * The client's way into games: create, join by code, or get back in after a refresh or a
 * dropped connection (the reconnection token within the grace period, the seat token after).
 * It remembers the seat in the tab's session storage.
 */
export class Session {
  readonly sdk: Client;

  constructor(
    endpoint: string,
    private readonly store: KeyValueStore,
  ) {
    this.sdk = new Client(endpoint);
  }

  async create(name: string, settings: RoomSettingsInput): Promise<Joined> {
    return this.enter(await this.sdk.create("market", { name, settings }), name);
  }

  async join(code: string, name: string, firmId?: string): Promise<Joined> {
    return this.enter(await this.sdk.joinById(code, firmId ? { name, firmId } : { name }), name);
  }

  /** Back into the game this tab was in, if any; null when there is none to return to. */
  async resume(): Promise<Joined | null> {
    const seat = loadSeat(this.store);
    if (!seat) return null;
    try {
      return await this.enter(await this.sdk.reconnect(seat.reconnectionToken), seat.name);
    } catch {
      // Past the grace period (or the server restarted): the seat token still holds the seat.
    }
    try {
      return await this.enter(await this.sdk.joinById(seat.code, { name: seat.name, token: seat.seatToken }), seat.name);
    } catch {
      forgetSeat(this.store);
      return null;
    }
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
    forgetSeat(this.store);
    await room.leave(true);
  }

  private async enter(room: Room, name: string): Promise<Joined> {
    const inbox = new Inbox(room);
    const welcome = await new Promise<Welcome>((resolve) => {
      const stop = room.onMessage("welcome", (message: Welcome) => {
        stop();
        resolve(message);
      });
    });
    const remember = () => saveSeat(this.store, { code: room.roomId, name, reconnectionToken: room.reconnectionToken, seatToken: welcome.token });
    remember();
    room.onReconnect(remember);
    return { room, welcome, inbox };
  }
}
