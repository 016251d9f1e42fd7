import type { AppContext } from "../app.js";
import type { MarketRoomStateShape } from "../net/state.js";

/**
 * Where the market view reads the game from: the room's synced state in play, a synthetic
 * market in the frame-rate benchmark. The view never writes to it.
 */
export interface MarketFeed {
  readonly state: MarketRoomStateShape;
  /** Calls `listener` after every state change; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
}

/** The registry key under which a page may hand the Market scene a feed of its own. */
export const FEED_KEY = "marketFeed";

export function roomFeed(room: NonNullable<AppContext["room"]>): MarketFeed {
  return {
    get state() {
      return room.state;
    },
    subscribe(listener) {
      room.onStateChange(listener);
      return () => room.onStateChange.remove(listener);
    },
  };
}
