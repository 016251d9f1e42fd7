import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { type TurnWords, turnKey, turnWordsFor } from "../../shared/words/turns.js";
import type { AppContext } from "../app.js";
import { money as formatMoney, percent as formatPercent, list, number, sharePercent, t } from "../i18n.js";
import { roomConfig } from "../net/economy.js";
import { h } from "../ui/dom.js";
import { roomTurns } from "../ui/turns.js";
import { type QuarterCard, quarterCard, quarterCards, ReportHistory } from "./model.js";
import { costMoney, inTrainingLine, movedAsShown, movePart, runwayWords, signedMoney, valuationHeadline, warningLines } from "./words.js";
import "./report.css";

// A small share keeps a decimal, and one too small to show reads "<0.1%", not "0%" beside real revenue.
const percent = (share: number) => sharePercent(share, share >= 0.1 ? 0 : 1);
const points = (v: number) => number(v, 1);

function row(label: string, value: string, cls = ""): HTMLTableRowElement {
  return h("tr", { class: cls }, h("th", { scope: "row" }, label), h("td", {}, value));
}

/** The runway's row, and what it assumes on the next line across the card (`runwayWords`). */
function runwayRows(card: QuarterCard, turns: TurnWords): HTMLTableRowElement[] {
  const { value, why } = runwayWords(card, turns);
  const main = row(t("report.money.runway"), value);
  return why === null ? [main] : [main, h("tr", { class: "part-why" }, h("td", { colspan: 2 }, why))];
}

/**
 * The card's body: why the valuation moved, the money, the firm's sectors and model.
 * `rampAllowance`: the growth of spending a quarter absorbs free (the game's `opex.rampAllowance`).
 * `lastTurn`: the game's last turn, to say when what is in training ships (null: not said).
 */
export function cardBody(card: QuarterCard, turns: TurnWords, rampAllowance = DEFAULT_CONFIG.opex.rampAllowance, lastTurn: number | null = null): HTMLElement {
  // Its parts written to the headline's step, adding up to its change (movedAsShown).
  const v = movedAsShown(card.valuation);
  const sold = card.sectors.filter((s) => s.revenue > 0.05 || (s.customers ?? 0) > 0.0005);
  const fitted = card.sectors.filter((s) => s.fit !== null);
  const warnings = warningLines(card, turns, lastTurn);
  const inTraining = inTrainingLine(card, turns, lastTurn);
  return h(
    "div",
    { class: "card-body" },
    warnings.length > 0 ? h("ul", { class: "warnings", role: "alert" }, ...warnings.map((w) => h("li", {}, w))) : null,
    h("h4", {}, t("report.moved.title")),
    h("p", { class: "headline" }, valuationHeadline(v)),
    h(
      "table",
      { class: "moves" },
      h(
        "tbody",
        {},
        row(t("report.moved.fundamentals"), movePart(v.fundamentals, v.step)),
        row(t("report.moved.narrative"), movePart(v.narrative, v.step)),
        row(t("report.moved.sentiment"), movePart(v.sentiment, v.step)),
      ),
    ),
    h("p", { class: "hint" }, t("report.moved.hint")),
    h("h4", {}, t("report.money.title")),
    h(
      "table",
      { class: "money" },
      h(
        "tbody",
        {},
        row(t("report.money.revenue"), formatMoney(card.revenue)),
        row(t("report.money.servingCosts"), costMoney(card.servingCost)),
        row(t("report.money.operatingCosts"), costMoney(card.opex)),
        card.licenceFees > 0 ? row(t("report.money.licenceFees"), costMoney(card.licenceFees)) : null,
        // The growth overhead's short name on its line, what it is on the next across the card: a long label in the name column wrapped to five lines.
        ...(card.rampCost > 0.05
          ? [
              row(t("report.money.rampCost"), costMoney(card.rampCost), "part"),
              h("tr", { class: "part-why" }, h("td", { colspan: 2 }, t("report.money.rampCost.why", { rate: formatPercent(rampAllowance) }))),
            ]
          : []),
        card.fines > 0 ? row(t("report.money.fines"), costMoney(card.fines)) : null,
        row(t("report.money.operatingProfit"), formatMoney(card.operatingProfit), "total"),
        row(t("report.money.invested"), costMoney(card.spent)),
        card.raised > 0 ? row(t("report.money.raised"), signedMoney(card.raised)) : null,
        row(t("report.money.cash"), formatMoney(card.cash), "total"),
        // A delisted firm has no runway left to speak of (its warning says why).
        ...(card.delisted ? [] : runwayRows(card, turns)),
      ),
    ),
    h("h4", {}, t("report.sectors.title")),
    sold.length === 0
      ? h("p", {}, t(turnKey(turns, "report.sectors.none")))
      : h(
          "table",
          { class: "sectors" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t("report.sectors.sector")),
              h("th", { scope: "col" }, t("report.sectors.revenue")),
              h("th", { scope: "col" }, t("report.sectors.customers")),
            ),
          ),
          h(
            "tbody",
            {},
            ...sold.map((s) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, t(`sectors.${s.id}`)),
                h("td", {}, formatMoney(s.revenue)),
                h("td", {}, s.customers === null ? "—" : percent(s.customers)),
              ),
            ),
          ),
        ),
    fitted.length === 0
      ? null
      : h(
          "p",
          { class: "hint" },
          t("report.sectors.fit", {
            fits: list(fitted.map((s) => t("report.sectors.fitOne", { sector: t(`sectors.${s.id}`), fit: number(s.fit ?? 1, 2) }))),
          }),
        ),
    h("h4", {}, t("report.model.title")),
    h(
      "p",
      {},
      card.openBaseline === null
        ? t("report.model.capability", { capability: points(card.capability) })
        : card.capability > card.openBaseline
          ? t("report.model.lead", {
              capability: points(card.capability),
              baseline: points(card.openBaseline),
              lead: points(card.capability - card.openBaseline),
            })
          : t("report.model.noLead", { capability: points(card.capability), baseline: points(card.openBaseline) }),
    ),
    inTraining ? h("p", { class: "in-training" }, inTraining) : null,
  );
}

/** What a report view hands to the one that replaces it: the cards seen and the one open (null when closed). */
export interface ReportCarry {
  history: ReportHistory;
  newest: number;
  open: number | null;
}

/**
 * The personal report: after each quarter, the player's own figures and why the valuation
 * moved. It stays until dismissed; earlier quarters can be browsed, and a button brings it back.
 */
export class ReportView {
  readonly element: HTMLElement;
  private readonly title = h("h3", { id: "report-title" });
  private readonly body = h("div", { class: "card-scroll" });
  private readonly earlier = h("button", { type: "button", onclick: () => this.step(-1) }, t("report.earlier"));
  private readonly later = h("button", { type: "button", onclick: () => this.step(1) }, t("report.later"));
  private readonly card = h(
    "section",
    { class: "report-card", "aria-labelledby": "report-title", hidden: true },
    h("div", { class: "head" }, this.title, h("button", { type: "button", class: "close", onclick: () => this.dismiss() }, t("report.close"))),
    this.body,
    h("div", { class: "nav" }, this.earlier, this.later),
  );
  private readonly reopen = h("button", { type: "button", class: "report-reopen", hidden: true, onclick: () => this.show(this.latest()) });
  private readonly history: ReportHistory;
  private shown = -1;
  private newest = 0;
  private readonly stop: () => void;
  /** How this game's turns read ("Your quarter 3" or "Your turn 3"). */
  private readonly turns: TurnWords;
  /** The game's free growth of spending a quarter, named beside the growth overhead. */
  private readonly rampAllowance: number = DEFAULT_CONFIG.opex.rampAllowance;
  /** The game's last turn, to say whether what is in training ships before the end. */
  private readonly lastTurn: number | null = null;

  /**
   * `carried`: the state of the view this one replaces (a language switch redraws the screen).
   * `onOpen`: called when a newly resolved quarter opens its report (not on a rejoin's first sight).
   */
  constructor(app: AppContext, carried: ReportCarry | null = null, onOpen: () => void = () => {}) {
    this.element = h("div", { class: "report-view" }, this.card, this.reopen);
    this.history = carried?.history ?? new ReportHistory();
    this.newest = carried?.newest ?? 0;
    const inbox = app.inbox;
    const room = app.room;
    this.turns = room ? roomTurns(room.state.settings) : turnWordsFor(16);
    const config = room ? roomConfig(room.state.settings) : null;
    if (config?.ok) {
      this.rampAllowance = config.value.opex.rampAllowance;
      this.lastTurn = config.value.quarters;
    }
    this.earlier.textContent = t(turnKey(this.turns, "report.earlier"));
    this.later.textContent = t(turnKey(this.turns, "report.later"));
    if (!inbox || !room) {
      this.stop = () => {};
      return;
    }
    const receive = (message: PrivateView | undefined, first: boolean) => {
      if (!message) return;
      if (first) for (const card of quarterCards(message)) this.history.add(card);
      const card = quarterCard(message);
      if (!card) return;
      this.history.add(card);
      if (card.quarter > this.newest) {
        this.newest = card.quarter;
        // A new quarter opens its report; the first sight of the game (a rejoin) only offers it.
        if (first) this.offer();
        else {
          this.show(card.quarter);
          onOpen();
        }
      }
    };
    this.stop = inbox.on("private", (m) => receive(m, false));
    receive(inbox.last("private"), true);
    if (carried?.open !== null && carried?.open !== undefined) this.show(carried.open);
    else if (carried) this.offer();
  }

  /** The card over the field (hidden while closed): the bubble labels under it step aside. */
  get cardElement(): HTMLElement {
    return this.card;
  }

  /** What this view holds (every card seen, the one open), to hand to the view that replaces it. */
  carry(): ReportCarry {
    return { history: this.history, newest: this.newest, open: this.card.hidden ? null : this.shown };
  }

  private latest(): number {
    return this.history.list.at(-1)?.quarter ?? -1;
  }

  private offer(): void {
    this.card.hidden = true;
    this.reopen.hidden = this.history.list.length === 0;
    this.reopen.textContent = t(turnKey(this.turns, "report.reopen"), { quarter: this.latest() });
  }

  private show(quarter: number): void {
    const list = this.history.list;
    const index = list.findIndex((c) => c.quarter === quarter);
    const card = list[index];
    if (!card) return;
    this.shown = quarter;
    this.title.textContent = t(turnKey(this.turns, "report.title"), { quarter: card.quarter, firm: card.firmName });
    this.body.replaceChildren(cardBody(card, this.turns, this.rampAllowance, this.lastTurn));
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
