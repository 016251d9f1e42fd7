import { t } from "../i18n.js";
import { h } from "../ui/dom.js";

export interface TabSpec {
  id: string;
  label: string;
  /** The id of the pane the tab shows. */
  pane: string;
}

/**
 * The market's tabs on a phone (Market / Decide / Leaderboard): one pane at a time. The
 * shell carries the chosen tab as `data-tab`; market.css shows the matching pane below the
 * narrow breakpoint and hides the tabs above it, where every pane is on screen at once.
 * Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
 */
export class MarketTabs {
  readonly element: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private shell: HTMLElement | null = null;

  constructor(private readonly tabs: readonly TabSpec[]) {
    this.element = h(
      "div",
      { class: "market-tabs", role: "tablist", "aria-label": t("market.tabs.label") },
      ...tabs.map((tab) => {
        const button = h(
          "button",
          {
            type: "button",
            role: "tab",
            id: `tab-${tab.id}`,
            "aria-controls": tab.pane,
            onclick: () => this.select(tab.id),
            onkeydown: (e) => this.arrow(e as KeyboardEvent, tab.id),
          },
          h("span", { class: "tab-label" }, tab.label),
          h("span", { class: "tab-mark", hidden: true, "aria-hidden": "true" }, "●"),
        );
        this.buttons.set(tab.id, button);
        return button;
      }),
    );
  }

  /** The shell whose `data-tab` picks the pane; starts on the first tab. */
  attach(shell: HTMLElement): void {
    this.shell = shell;
    this.select(this.tabs[0]?.id ?? "", false);
  }

  select(id: string, focus = true): void {
    if (!this.shell) return;
    this.shell.dataset.tab = id;
    for (const [tabId, button] of this.buttons) {
      const chosen = tabId === id;
      button.setAttribute("aria-selected", String(chosen));
      button.tabIndex = chosen ? 0 : -1;
      if (chosen && focus && this.element.contains(document.activeElement)) button.focus();
    }
  }

  /** A dot on a tab that wants attention (Decide, while your decision is still open). */
  mark(id: string, on: boolean): void {
    const button = this.buttons.get(id);
    const mark = button?.querySelector<HTMLElement>(".tab-mark");
    if (!button || !mark || mark.hidden === !on) return;
    mark.hidden = !on;
    const label = this.tabs.find((t) => t.id === id)?.label ?? id;
    button.setAttribute("aria-label", on ? t("market.tabs.waiting", { label }) : label);
  }

  private arrow(e: KeyboardEvent, id: string): void {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const i = this.tabs.findIndex((t) => t.id === id);
    const next = this.tabs[(i + step + this.tabs.length) % this.tabs.length];
    if (next) this.select(next.id);
  }
}
