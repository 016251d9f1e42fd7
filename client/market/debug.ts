import type { BubbleField, BubbleSnapshot } from "./BubbleField.js";

/** A read-only window into the drawn field, for browser tests and the frame-rate bench. */
export interface MarketDebugHook {
  /** Every listed firm's bubble as it is once the tweens end (game px, 1280×720 design). */
  bubbles(): BubbleSnapshot[];
  /** Whether tweens or bursts are still running. */
  readonly animating: boolean;
  /** The quarter whose reports the field shows. */
  readonly quarter: number;
}

declare global {
  interface Window {
    __sos?: MarketDebugHook;
  }
}

export function installDebugHook(field: BubbleField, quarter: () => number): () => void {
  const hook: MarketDebugHook = {
    bubbles: () => field.snapshot(),
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
