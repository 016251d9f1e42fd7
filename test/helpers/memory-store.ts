import type { KeyValueStore } from "../../client/net/seat.js";

/** sessionStorage/localStorage in memory, for the client's storage code outside a browser. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}
