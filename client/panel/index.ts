import type { AppContext } from "../app.js";

/** The decision panel (DOM, keyboard-first), mounted by the Market scene in its right column. */
export interface DecisionPanel {
  element: HTMLElement;
  destroy(): void;
}

export const PANEL_WIDTH = 380; // px at the 1280×720 design size

export function createDecisionPanel(app: AppContext): DecisionPanel {
  const element = document.createElement("section");
  element.className = "panel decision";
  element.setAttribute("aria-label", "Your decisions");
  element.textContent = app.room ? "" : "Not in a game";
  return { element, destroy: () => element.remove() };
}
