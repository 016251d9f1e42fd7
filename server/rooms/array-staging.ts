import { ArraySchema } from "@colyseus/schema";

/**
 * @colyseus/schema 5.0 keeps two copies of an `ArraySchema`'s items on the encoder: `items` and
 * `tmpItems` (the layout staged for the tick's patch). After every encode of a changed array it
 * makes `tmpItems` a fresh copy of `items` (`items.slice()`), even when the tick only appended
 * and both already hold the same items. The synced histories are append-only columns that grow
 * by a quarter each quarter (state.ts), so every quarter copied every room's whole histories,
 * and the copy lived until the next quarter: old-generation garbage, O(quarters) per quarter.
 * Here the copy is skipped when no deletion is staged and `tmpItems` already holds exactly the
 * items of `items` (what the copy would hold): the same patches, the same state; only the array
 * object is kept. Installed once, by the game's mirror (mirror.ts); the bench's bare room, in
 * its own process, keeps Colyseus' own behaviour.
 */
interface Staged {
  items: unknown[];
  tmpItems: unknown[];
  deletedIndexes: unknown[];
}
type EncodeEnd = (this: Staged) => void;

/** Colyseus' own key for the hook (`$onEncodeEnd` in its source: a string, not a symbol). */
export const ENCODE_END = "~onEncodeEnd";
const prototype = ArraySchema.prototype as unknown as Record<string, EncodeEnd | undefined>;
/** Colyseus' own hook, as it was before this module replaced it (undefined if it has none: then nothing is replaced). */
export const colyseusEncodeEnd = prototype[ENCODE_END];

function sameItems(staged: readonly unknown[], items: readonly unknown[]): boolean {
  if (staged.length !== items.length) return false;
  for (let i = 0; i < items.length; i++) if (staged[i] !== items[i]) return false;
  return true;
}

/** The hook without the copy when the staged layout is already `items`. */
export const keepStagedItems: EncodeEnd = function (this: Staged) {
  if (this.deletedIndexes.length === 0 && sameItems(this.tmpItems, this.items)) return;
  colyseusEncodeEnd?.call(this);
};

if (colyseusEncodeEnd) prototype[ENCODE_END] = keepStagedItems;
