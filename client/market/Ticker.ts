import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { newsSentences } from "./news.js";

/**
 * The news line. While firms decide: the quarter's events, drawn before decisions so players
 * can react. In the report: what just happened (a correction, the events that hit, firms
 * delisted), so the bubbles' motion has its reason written next to it.
 */
export class Ticker {
  readonly element: HTMLElement;
  private readonly heading = h("strong", {});
  private readonly items = h("ul", {});

  constructor() {
    this.element = h("section", { class: "market-ticker", "aria-label": "News", "aria-live": "polite" }, this.heading, this.items);
  }

  show(state: MarketRoomStateShape): void {
    const lines = state.phase === "report" || state.phase === "over" ? reportLines(state) : newsLines(state);
    this.heading.textContent = state.phase === "report" || state.phase === "over" ? "Report:" : "News:";
    const text = lines.join("\n");
    if (this.items.dataset.text === text) return;
    this.items.dataset.text = text;
    this.items.replaceChildren(...lines.map((line) => h("li", {}, line)));
  }
}

function newsLines(state: MarketRoomStateShape): string[] {
  const sentences = newsSentences(state.market.news);
  return sentences.length > 0 ? sentences : ["No news this quarter."];
}

function reportLines(state: MarketRoomStateShape): string[] {
  const history = state.market.history;
  const last = history.at(-1);
  if (!last) return ["No report yet."];
  const before = history.at(-2);
  const lines: string[] = [];
  const fell = before && before.sentiment > 0 ? 1 - last.sentiment / before.sentiment : 0;
  if (last.correctionStarted) lines.push(`A correction has begun: sentiment fell ${(fell * 100).toFixed(0)}%, and narrative value is deflating.`);
  else if (last.correction) lines.push("The correction goes on: narrative value deflates again.");
  lines.push(...newsSentences(last.events));
  const names = last.delisted.map((id) => state.firms.find((f) => f.id === id)?.name ?? id);
  if (names.length > 0) lines.push(`Delisted: ${names.join(", ")} ran out of cash.`);
  if (before && lines.length === 0) {
    const change = before.totalValuation > 0 ? last.totalValuation / before.totalValuation - 1 : 0;
    lines.push(`The market's total value ${change >= 0 ? "rose" : "fell"} ${Math.abs(change * 100).toFixed(0)}% this quarter.`);
  }
  return lines;
}
