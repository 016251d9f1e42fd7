import { marketPoints } from "../../shared/synced.js";
import { turnKey } from "../../shared/words/turns.js";
import { list, percent, t } from "../i18n.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { roomTurns } from "../ui/turns.js";
import { newsSentences, tickerJoint } from "./news.js";

/** Seconds each item stays on screen when the items do not all fit and the ticker pages through them. */
const PAGE_SECONDS = 7;

/**
 * The news line. While firms decide: the quarter's events, drawn before decisions so players
 * can react. In the report: what just happened (a correction, the events that hit, firms
 * delisted), so the bubbles' motion has its reason written next to it. When the items do not
 * fit in the line, it shows one at a time ("1 of 3"), turning by itself and by its button,
 * instead of cutting them off.
 */
export class Ticker {
  readonly element: HTMLElement;
  private readonly heading = h("strong", {});
  private readonly items = h("ul", {});
  private readonly pager = h("button", { type: "button", class: "ticker-next", hidden: true, onclick: () => this.turn() });
  private page = 0;
  private timer: number | null = null;

  constructor() {
    this.element = h(
      "section",
      { class: "market-ticker", "aria-label": t("market.ticker.label"), "aria-live": "polite" },
      this.heading,
      this.items,
      this.pager,
    );
  }

  /** Stops turning pages (the scene is closing). */
  destroy(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
  }

  /** Shows every item if they fit, else one at a time. Needs the element on the page (it measures). */
  private fit(): void {
    this.element.classList.remove("paged");
    this.pager.hidden = true;
    this.page = 0;
    for (const li of this.items.children) (li as HTMLElement).hidden = false;
    const count = this.items.children.length;
    const overflows = this.element.scrollHeight > this.element.clientHeight + 1 || this.element.scrollWidth > this.element.clientWidth + 1;
    if (count > 1 && overflows) {
      this.element.classList.add("paged");
      this.showPage();
      this.timer ??= window.setInterval(() => this.turn(), PAGE_SECONDS * 1000);
    } else if (this.timer !== null) {
      window.clearInterval(this.timer);
      this.timer = null;
    }
  }

  private turn(): void {
    if (!this.element.classList.contains("paged")) return;
    this.page = (this.page + 1) % Math.max(1, this.items.children.length);
    this.showPage();
  }

  private showPage(): void {
    const count = this.items.children.length;
    [...this.items.children].forEach((li, i) => {
      (li as HTMLElement).hidden = i !== this.page;
    });
    this.pager.hidden = false;
    this.pager.textContent = t("market.ticker.page", { page: this.page + 1, count });
    this.pager.setAttribute("aria-label", t("market.ticker.pageLabel", { page: this.page + 1, count }));
  }

  show(state: MarketRoomStateShape): void {
    const lines = state.phase === "report" || state.phase === "over" ? reportLines(state) : newsLines(state);
    this.heading.textContent = state.phase === "report" || state.phase === "over" ? t("market.ticker.report") : t("market.ticker.news");
    const text = lines.join("\n");
    if (this.items.dataset.text === text) return;
    this.items.dataset.text = text;
    this.items.replaceChildren(...lines.map((line, i) => h("li", i > 0 ? { "data-joint": tickerJoint(lines[i - 1] ?? "") } : {}, line)));
    // Measure once the browser has laid the new items out.
    window.requestAnimationFrame(() => this.fit());
  }
}

function newsLines(state: MarketRoomStateShape): string[] {
  const sentences = newsSentences(state.market.news);
  return sentences.length > 0 ? sentences : [t(turnKey(roomTurns(state.settings), "market.ticker.noNews"))];
}

function reportLines(state: MarketRoomStateShape): string[] {
  const history = marketPoints(state.market);
  const last = history.at(-1);
  if (!last) return [t("market.ticker.noReport")];
  const before = history.at(-2);
  const lines: string[] = [];
  const fell = before && before.sentiment > 0 ? 1 - last.sentiment / before.sentiment : 0;
  if (last.correctionStarted) lines.push(t("market.ticker.correctionStarted", { percent: percent(fell) }));
  else if (last.correction) lines.push(t("market.ticker.correctionGoesOn"));
  lines.push(...newsSentences(last.events));
  const names = last.delisted.map((id) => state.firms.find((f) => f.id === id)?.name ?? id);
  if (names.length > 0) lines.push(t("market.ticker.delisted", { names: list(names) }));
  if (before && lines.length === 0) {
    const change = before.totalValuation > 0 ? last.totalValuation / before.totalValuation - 1 : 0;
    lines.push(
      t(turnKey(roomTurns(state.settings), change >= 0 ? "market.ticker.totalRose" : "market.ticker.totalFell"), { percent: percent(Math.abs(change)) }),
    );
  }
  return lines;
}
