import { FacilitatorKeySchema, JoinCodeSchema } from "../../shared/schemas/protocol.js";
import type { KeyValueStore } from "./seat.js";

/**
 * The facilitator keys this browser holds, by join code, in local storage: they outlive the
 * tab, so a facilitator can close the console and open it again from the menu. A friends
 * game's host keeps its key too (for the downloads on the game-over screen).
 */
export interface StoredKey {
  code: string;
  key: string;
  /** "class": a console can be opened with it; "friends": downloads only. */
  mode: "class" | "friends";
  /** ms since epoch, local clock: the newest is listed first. */
  savedAt: number;
}

const STORAGE_KEY = "scale-or-ship:facilitator-keys";
/** Enough for a term of classes; the oldest are dropped beyond it. */
export const MAX_STORED_KEYS = 30;

function readAll(store: KeyValueStore): StoredKey[] {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(STORAGE_KEY) ?? "[]");
  } catch {
    return []; // a damaged entry is the same as none
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (entry): entry is StoredKey =>
      typeof entry === "object" &&
      entry !== null &&
      JoinCodeSchema.safeParse(entry.code).success &&
      FacilitatorKeySchema.safeParse(entry.key).success &&
      (entry.mode === "class" || entry.mode === "friends") &&
      typeof entry.savedAt === "number",
  );
}

/** Keeps `key` for game `code` (replacing an older one for the same code). */
export function saveFacilitatorKey(store: KeyValueStore, entry: StoredKey): void {
  const code = JoinCodeSchema.parse(entry.code);
  const key = FacilitatorKeySchema.parse(entry.key);
  const others = readAll(store).filter((e) => e.code !== code);
  const all = [{ code, key, mode: entry.mode, savedAt: entry.savedAt }, ...others].sort((a, b) => b.savedAt - a.savedAt).slice(0, MAX_STORED_KEYS);
  store.setItem(STORAGE_KEY, JSON.stringify(all));
}

/** The key this browser holds for game `code`, if any. */
export function facilitatorKeyFor(store: KeyValueStore, code: string): StoredKey | null {
  const parsed = JoinCodeSchema.safeParse(code);
  if (!parsed.success) return null;
  return readAll(store).find((e) => e.code === parsed.data) ?? null;
}

/** Every stored key, newest first; `mode` narrows to class markets or friends games. */
export function storedKeys(store: KeyValueStore, mode?: StoredKey["mode"]): StoredKey[] {
  return readAll(store)
    .filter((e) => mode === undefined || e.mode === mode)
    .sort((a, b) => b.savedAt - a.savedAt);
}

export function forgetFacilitatorKey(store: KeyValueStore, code: string): void {
  const all = readAll(store);
  const kept = all.filter((e) => e.code !== code.trim().toUpperCase());
  if (kept.length !== all.length) store.setItem(STORAGE_KEY, JSON.stringify(kept));
}
