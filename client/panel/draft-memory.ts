import type { KeyValueStore } from "../net/seat.js";

/**
 * The decision panel's draft, remembered while a player types: a reload, a language switch
 * or a lost connection brings back what they were typing for the same game, firm and quarter.
 * Kept in sessionStorage (this tab only), cleared on submission; a draft for another quarter
 * is dropped when it is read.
 */

/** Where the plan came from: a preset or the player's own numbers. */
export type DraftChoice = "scale" | "ship" | "balanced" | "custom";

export interface DraftMemo {
  /** Quarters resolved when the draft was typed (the private view's `quarter`). */
  quarter: number;
  choice: DraftChoice;
  /** Each amount's text as typed, by field path ("train", "apps.support"). */
  amounts: Record<string, string>;
  distill: boolean;
  openWeights: boolean;
  hardware: string;
  /** Who submitted the plan shown, when it was submitted. */
  submittedBy?: string | null;
}

type DraftStore = KeyValueStore;

const keyFor = (game: string, firm: string) => `sos.draft.${game}.${firm}`;
const CHOICES: readonly DraftChoice[] = ["scale", "ship", "balanced", "custom"];

function isMemo(value: unknown): value is DraftMemo {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.quarter === "number" &&
    CHOICES.includes(m.choice as DraftChoice) &&
    typeof m.amounts === "object" &&
    m.amounts !== null &&
    Object.values(m.amounts).every((v) => typeof v === "string") &&
    typeof m.distill === "boolean" &&
    typeof m.openWeights === "boolean" &&
    typeof m.hardware === "string"
  );
}

/** Remembers the draft (a browser without storage simply does not). */
export function saveDraft(store: DraftStore | null, game: string, firm: string, memo: DraftMemo): void {
  try {
    store?.setItem(keyFor(game, firm), JSON.stringify(memo));
  } catch {
    // Storage full or off: the draft is not kept across a reload, nothing else changes.
  }
}

/** The remembered draft for this quarter, or null (a draft for another quarter is dropped). */
export function loadDraft(store: DraftStore | null, game: string, firm: string, quarter: number): DraftMemo | null {
  try {
    const raw = store?.getItem(keyFor(game, firm));
    if (!raw) return null;
    const memo: unknown = JSON.parse(raw);
    if (isMemo(memo) && memo.quarter === quarter) return memo;
    store?.removeItem(keyFor(game, firm));
  } catch {
    // A damaged or unreadable draft is ignored.
  }
  return null;
}

export function clearDraft(store: DraftStore | null, game: string, firm: string): void {
  try {
    store?.removeItem(keyFor(game, firm));
  } catch {
    // Nothing to clear.
  }
}

/** sessionStorage when the browser allows it. */
export function sessionDrafts(): DraftStore | null {
  try {
    return (globalThis as { sessionStorage?: KeyValueStore }).sessionStorage ?? null;
  } catch {
    return null;
  }
}
