import type { Room } from "@colyseus/sdk";
import type { Inbox } from "./net/inbox.js";
import type { ConsoleJoined, Session, Welcome } from "./net/session.js";
import type { MarketRoomStateShape } from "./net/state.js";

/** What every scene shares: the session and, once in a game, the room and who we are. */
export interface AppContext {
  session: Session;
  room: Room<unknown, MarketRoomStateShape> | null;
  welcome: Welcome | null;
  /** The server's messages to this player (latest private state, acceptances, drafts, refusals). */
  inbox: Inbox | null;
  /** A join code from the page address (`/?join=CODE`), to prefill the menu. */
  linkCode: string | null;
  /** The code of a game this tab shows on a big screen (`/?watch=CODE`): no seat, public state only. */
  watchCode: string | null;
  /** This tab watches `room` as a screen for the room (no firm, no decision panel). */
  spectating: boolean;
  /** A console's code from the page address (`/?console=CODE`). */
  consoleCode: string | null;
  /** The game this tab runs as its facilitator (the Console scene), if any. */
  facilitator: ConsoleJoined | null;
}

export const APP_KEY = "app";
