/** What a tab remembers to get back into its game after a refresh or a lost connection. */
export interface SavedSeat {
  code: string;
  name: string;
  /** Colyseus' reconnection token: valid during the grace period. */
  reconnectionToken: string;
  /** The game's seat token: reclaims the seat at any time. */
  seatToken: string;
}

const KEY = "scale-or-ship:seat";
/**
 * The browser's last seat (local storage, kept when the tab closes): a join link for the same
 * game opened again in this browser takes the seat back with its token, without the teacher.
 */
export const BROWSER_SEAT = "scale-or-ship:last-seat";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function saveSeat(store: KeyValueStore, seat: SavedSeat, key = KEY): void {
  store.setItem(key, JSON.stringify(seat));
}

export function loadSeat(store: KeyValueStore, key = KEY): SavedSeat | null {
  try {
    const seat = JSON.parse(store.getItem(key) ?? "null") as Partial<SavedSeat> | null;
    if (
      seat &&
      typeof seat.code === "string" &&
      typeof seat.name === "string" &&
      typeof seat.reconnectionToken === "string" &&
      typeof seat.seatToken === "string"
    ) {
      return seat as SavedSeat;
    }
  } catch {
    // A damaged entry is the same as none.
  }
  return null;
}

export function forgetSeat(store: KeyValueStore, key = KEY): void {
  store.removeItem(key);
}
