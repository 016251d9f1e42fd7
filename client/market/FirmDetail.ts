import { reportRows } from "../../shared/synced.js";
import { type TurnWords, turnKey, turnShort } from "../../shared/words/turns.js";
import { money, number, t } from "../i18n.js";
import type { FirmSlotShape, ReportRowShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { FUNDAMENTALS_COLOUR, lineChart, VALUATION_COLOUR } from "./chart.js";
import { formatSharePrice } from "./figures.js";

/** The history chart's widest drawing (px). */
const CHART_WIDTH = 560;

/**
 * One firm's public history: valuation against fundamentals by quarter, and its reported
 * figures. A dialog over the bubble field; Escape or Close shuts it and gives the focus back
 * to whatever opened it.
 */
export class FirmDetail {
  readonly element: HTMLElement;
  private readonly title = h("h2", { id: "firm-detail-title" });
  private readonly body = h("div", { class: "body" });
  private readonly close = h("button", { type: "button", class: "close", onclick: () => this.hide() }, t("market.detail.close"));
  private firmId: string | null = null;
  private opener: HTMLElement | null = null;
  private renderedKey = "";

  /** `turns`: how the game's turns read ("Q3" at 16 quarters, "T3" at other lengths). */
  constructor(private readonly turns: TurnWords) {
    this.element = h(
      "section",
      { class: "firm-detail", role: "dialog", "aria-modal": "false", "aria-labelledby": "firm-detail-title", hidden: true },
      h("div", { class: "head" }, this.title, this.close),
      this.body,
    );
    document.addEventListener("keydown", this.escape);
  }

  get openFirmId(): string | null {
    return this.firmId;
  }

  /** `focus`: move the focus to its Close button (false when a redrawn screen opens it again). */
  open(firm: FirmSlotShape, mine: boolean, opener: HTMLElement | null, focus = true): void {
    this.firmId = firm.id;
    this.opener = opener;
    this.renderedKey = "";
    // Shown first, so that the chart is drawn for the width it has.
    this.element.hidden = false;
    this.refresh(firm, mine);
    if (focus) this.close.focus();
  }

  /** Re-draws the open firm when a new report arrives. */
  refresh(firm: FirmSlotShape, mine: boolean): void {
    if (firm.id !== this.firmId) return;
    const rows = reportRows(firm);
    const key = `${firm.id}|${rows.length}|${firm.delisted}`;
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const name = { name: firm.name };
    this.title.textContent = firm.delisted
      ? t(mine ? "market.detail.titleMineDelisted" : "market.detail.titleDelisted", name)
      : t(mine ? "market.detail.titleMine" : "market.detail.title", name);
    const chart = lineChart(
      rows.map((r) => r.quarter),
      [
        { label: t("market.chart.valuation"), colour: VALUATION_COLOUR, dash: "", values: rows.map((r) => r.valuation) },
        { label: t("market.chart.fundamentals"), colour: FUNDAMENTALS_COLOUR, dash: "7 4", values: rows.map((r) => r.fundamentals) },
      ],
      t(turnKey(this.turns, "market.detail.chart"), name),
      this.turns,
      // Drawn at the width it is shown at (a phone's is narrower), so its words keep their size.
      Math.max(280, Math.min(CHART_WIDTH, this.body.clientWidth || CHART_WIDTH)),
    );
    this.body.replaceChildren(h("p", { class: "lede" }, t("market.detail.lede")), chart, historyTable(rows, this.turns));
  }

  hide(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.firmId = null;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }

  destroy(): void {
    document.removeEventListener("keydown", this.escape);
    this.element.remove();
  }

  private readonly escape = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !this.element.hidden) this.hide();
  };
}

function historyTable(rows: readonly ReportRowShape[], turns: TurnWords): HTMLElement {
  const head = [
    t(turnKey(turns, "market.detail.col.quarter")),
    t("market.detail.col.valuation"),
    t("market.detail.col.fundamentals"),
    t("market.detail.col.sharePrice"),
    t("market.detail.col.revenue"),
    t("market.detail.col.operatingProfit"),
    t("market.detail.col.cash"),
    t("market.detail.col.capability"),
  ];
  return h(
    "div",
    { class: "history" },
    h(
      "table",
      {},
      h("caption", {}, t("market.detail.caption")),
      h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        ...[...rows]
          .reverse()
          .map((r) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, turnShort(t, r.quarter, turns)),
              h("td", {}, money(r.valuation)),
              h("td", {}, money(r.fundamentals)),
              h("td", {}, formatSharePrice(r.sharePrice)),
              h("td", {}, money(r.revenue)),
              h("td", {}, money(r.operatingProfit)),
              h("td", {}, money(r.cash)),
              h("td", {}, number(r.capability, 1)),
            ),
          ),
      ),
    ),
  );
}
