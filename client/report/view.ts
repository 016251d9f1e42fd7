import { formatMoney, formatShortMoney } from "../../shared/format.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import type { AppContext } from "../app.js";
import { roomConfig } from "../net/economy.js";
import { h } from "../ui/dom.js";
import { type QuarterCard, quarterCard, quarterCards, ReportHistory } from "./model.js";
import "./report.css";

const signed = (v: number) => `${v >= 0 ? "+" : "−"}${formatShortMoney(Math.abs(v))}`;
const percent = (share: number) => `${(share * 100).toFixed(share >= 0.1 ? 0 : 1)}%`;

function row(label: string, value: string, cls = ""): HTMLTableRowElement {
  return h("tr", { class: cls }, h("th", { scope: "row" }, label), h("td", {}, value));
}

function runwayText(card: QuarterCard): string {
  if (!Number.isFinite(card.runway)) return "not burning cash";
  return `${card.runway.toFixed(1)} quarters at this burn (${formatMoney(card.burn)} a quarter)`;
}

function warningLines(card: QuarterCard): string[] {
  const out: string[] = [];
  if (card.delisted) out.push("Your firm was delisted: it ran out of cash and the market would not cover the hole.");
  if (card.warnings.includes("runway"))
    out.push(`Under two quarters of cash left at this burn: spend less, earn more, or raise while the market still takes shares.`);
  if (card.warnings.includes("delisting"))
    out.push(
      `Delisting risk: at this burn your cash runs out next quarter and the market would take only ${formatMoney(card.maxRaise)} of new shares to cover it.`,
    );
  if (card.emergencyRaised > 0) out.push(`You ran out of cash: an emergency sale of shares raised ${formatMoney(card.emergencyRaised)} at a deep discount.`);
  if (card.incidents > 0) out.push(`${card.incidents === 1 ? "An incident" : `${card.incidents} incidents`} cost you ${formatMoney(card.fines)} in fines.`);
  return out;
}

/** The card's body: why the valuation moved, the money, the firm's sectors and model. */
export function cardBody(card: QuarterCard): HTMLElement {
  const v = card.valuation;
  const sold = card.sectors.filter((s) => s.revenue > 0.05 || (s.customers ?? 0) > 0.0005);
  const warnings = warningLines(card);
  return h(
    "div",
    { class: "card-body" },
    warnings.length > 0 ? h("ul", { class: "warnings", role: "alert" }, ...warnings.map((w) => h("li", {}, w))) : null,
    h("h4", {}, "Why your valuation moved"),
    h("p", { class: "headline" }, `${formatShortMoney(v.before)} → ${formatShortMoney(v.after)} (${signed(v.after - v.before)})`),
    h(
      "table",
      { class: "moves" },
      h("tbody", {}, row("Fundamentals", signed(v.fundamentals)), row("Narrative", signed(v.narrative)), row("Sentiment", signed(v.sentiment))),
    ),
    h(
      "p",
      { class: "hint" },
      "Valuation = fundamentals + sentiment × narrative. Fundamentals: cash, products built and profit. Narrative: your model, hype and credit for training. Sentiment: the market's mood.",
    ),
    h("h4", {}, "Money"),
    h(
      "table",
      { class: "money" },
      h(
        "tbody",
        {},
        row("Revenue", formatMoney(card.revenue)),
        row("Serving costs", `−${formatMoney(card.servingCost)}`),
        row("Operating costs", `−${formatMoney(card.opex)}`),
        card.licenceFees > 0 ? row("Licence fees", `−${formatMoney(card.licenceFees)}`) : null,
        card.fines > 0 ? row("Fines", `−${formatMoney(card.fines)}`) : null,
        row("Operating profit", formatMoney(card.operatingProfit), "total"),
        row("Invested", `−${formatMoney(card.spent)}`),
        card.raised > 0 ? row("Raised", `+${formatMoney(card.raised)}`) : null,
        row("Cash", formatMoney(card.cash), "total"),
        row("Runway", runwayText(card)),
      ),
    ),
    h("h4", {}, "Revenue and customers by sector"),
    sold.length === 0
      ? h("p", {}, "No sales yet: applications take a quarter or two to win customers, and need a model good enough for the sector.")
      : h(
          "table",
          { class: "sectors" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Sector"), h("th", { scope: "col" }, "Revenue"), h("th", { scope: "col" }, "Customers"))),
          h(
            "tbody",
            {},
            ...sold.map((s) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, s.name),
                h("td", {}, formatMoney(s.revenue)),
                h("td", {}, s.customers === null ? "—" : percent(s.customers)),
              ),
            ),
          ),
        ),
    h("h4", {}, "Your model"),
    h(
      "p",
      {},
      card.openBaseline === null
        ? `Capability ${card.capability.toFixed(1)}.`
        : `Capability ${card.capability.toFixed(1)} against ${card.openBaseline.toFixed(1)} for free open models: ${
            card.capability > card.openBaseline
              ? `a lead of ${(card.capability - card.openBaseline).toFixed(1)}`
              : "no lead: anyone can build on as good a model"
          }.`,
    ),
  );
}

/**
 * The personal report: after each quarter, the player's own figures and why the valuation
 * moved. It stays until dismissed; earlier quarters can be browsed, and a button brings it back.
 */
export class ReportView {
  readonly element: HTMLElement;
  private readonly history = new ReportHistory();
  private readonly title = h("h3", { id: "report-title" });
  private readonly body = h("div", { class: "card-scroll" });
  private readonly earlier = h("button", { type: "button", onclick: () => this.step(-1) }, "Earlier");
  private readonly later = h("button", { type: "button", onclick: () => this.step(1) }, "Later");
  private readonly card = h(
    "section",
    { class: "report-card", "aria-labelledby": "report-title", hidden: true },
    h("div", { class: "head" }, this.title, h("button", { type: "button", class: "close", onclick: () => this.dismiss() }, "Close")),
    this.body,
    h("div", { class: "nav" }, this.earlier, this.later),
  );
  private readonly reopen = h("button", { type: "button", class: "report-reopen", hidden: true, onclick: () => this.show(this.latest()) }, "Your last quarter");
  private config: EconomyConfig | null = null;
  private shown = -1;
  private newest = 0;
  private readonly stop: () => void;

  constructor(app: AppContext) {
    this.element = h("div", { class: "report-view" }, this.card, this.reopen);
    const inbox = app.inbox;
    const room = app.room;
    if (!inbox || !room) {
      this.stop = () => {};
      return;
    }
    const receive = (message: PrivateView | undefined, first: boolean) => {
      if (!message) return;
      if (!this.config) {
        const loaded = roomConfig(room.state.settings);
        if (!loaded.ok) return;
        this.config = loaded.value;
      }
      if (first) for (const card of quarterCards(this.config, message)) this.history.add(card);
      const card = quarterCard(this.config, message);
      if (!card) return;
      this.history.add(card);
      if (card.quarter > this.newest) {
        this.newest = card.quarter;
        // A new quarter opens its report; the first sight of the game (a rejoin) only offers it.
        if (first) this.offer();
        else this.show(card.quarter);
      }
    };
    this.stop = inbox.on("private", (m) => receive(m, false));
    receive(inbox.last("private"), true);
  }

  private latest(): number {
    return this.history.list.at(-1)?.quarter ?? -1;
  }

  private offer(): void {
    this.card.hidden = true;
    this.reopen.hidden = this.history.list.length === 0;
    this.reopen.textContent = `Your quarter ${this.latest()} report`;
  }

  private show(quarter: number): void {
    const list = this.history.list;
    const index = list.findIndex((c) => c.quarter === quarter);
    const card = list[index];
    if (!card) return;
    this.shown = quarter;
    this.title.textContent = `Your quarter ${card.quarter}: ${card.firmName}`;
    this.body.replaceChildren(cardBody(card));
    this.earlier.disabled = index <= 0;
    this.later.disabled = index >= list.length - 1;
    this.card.hidden = false;
    this.reopen.hidden = true;
  }

  private step(by: number): void {
    const list = this.history.list;
    const index = list.findIndex((c) => c.quarter === this.shown);
    const next = list[index + by];
    if (next) this.show(next.quarter);
  }

  private dismiss(): void {
    this.offer();
  }

  destroy(): void {
    this.stop();
    this.element.remove();
  }
}
