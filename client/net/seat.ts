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

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function saveSeat(store: KeyValueStore, seat: SavedSeat): void {
  store.setItem(KEY, JSON.stringify(seat));
}

export function loadSeat(store: KeyValueStore): SavedSeat | null {
  try {
    const seat = JSON.parse(store.getItem(KEY) ?? "null") as Partial<SavedSeat> | null;
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

export function forgetSeat(store: KeyValueStore): void {
  store.removeItem(KEY);
}
