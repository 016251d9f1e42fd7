import type { BubbleField, BubbleSnapshot } from "./BubbleField.js";

/** A read-only window into the drawn field, for browser tests and the frame-rate bench. */
export interface MarketDebugHook {
  /** Every listed firm's bubble as it is once the tweens end (game px, 1280×720 design). */
  bubbles(): BubbleSnapshot[];
  /** Whether tweens or bursts are still running. */
  readonly animating: boolean;
  /** The quarter whose reports the field shows. */
  readonly quarter: number;
  /** How many listeners are registered on the room's inbox (a redrawn screen must not add any). */
  inboxListeners(): number;
}

declare global {
  interface Window {
    __sos?: MarketDebugHook;
  }
}

export function installDebugHook(field: BubbleField, quarter: () => number, inbox: unknown = null): () => void {
  const hook: MarketDebugHook = {
    bubbles: () => field.snapshot(),
    inboxListeners: () => {
      // The inbox keeps its listeners in a private map of sets (client/net/inbox.ts); read-only here.
      const sets = (inbox as { listeners?: Map<string, Set<unknown>> } | null)?.listeners;
      let count = 0;
      for (const set of sets?.values() ?? []) count += set.size;
      return count;
    },
    get animating() {
      return field.animating;
    },
    get quarter() {
      return quarter();
    },
  };
  window.__sos = hook;
  return () => {
    if (window.__sos === hook) delete window.__sos;
  };
}
