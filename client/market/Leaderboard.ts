import { money, t } from "../i18n.js";
import { fill, h } from "../ui/dom.js";
import { direction } from "./FieldLabels.js";
import { byValuation, type FirmFigures, formatChange } from "./figures.js";

/**
 * Firms by valuation, yours outlined. Each row is a button (Tab to it, Enter opens the
 * firm's history), so the whole market can be read without the canvas.
 */
export class Leaderboard {
  readonly element: HTMLElement;
  private readonly list = h("ol", {});
  private readonly rows = new Map<string, HTMLLIElement>();
  private readonly buttons = new Map<string, HTMLButtonElement>();

  /**
   * `onSelect`: a row was chosen (click, Enter). `onPoint`: a row is under the pointer or has
   * the focus (null when neither), so the field can show which bubble it is.
   */
  constructor(
    private readonly onSelect: (firmId: string) => void,
    private readonly onPoint: (firmId: string | null) => void = () => {},
  ) {
    this.element = h("nav", { class: "market-board", "aria-labelledby": "board-title" }, h("h2", { id: "board-title" }, t("market.board.title")), this.list);
  }

  show(firms: readonly FirmFigures[]): void {
    const ranked = byValuation(firms);
    const focused = document.activeElement;
    ranked.forEach((firm, i) => {
      let row = this.rows.get(firm.firmId);
      if (!row) {
        const id = firm.firmId;
        const point = () => this.onPoint(id);
        const leave = () => this.onPoint(null);
        const button = h("button", {
          type: "button",
          onclick: () => this.onSelect(id),
          onmouseenter: point,
          onfocus: point,
          onmouseleave: leave,
          onblur: leave,
        });
        row = h("li", {}, button);
        this.rows.set(firm.firmId, row);
        this.buttons.set(firm.firmId, button);
      }
      this.fill(this.buttons.get(firm.firmId) as HTMLButtonElement, firm, firm.delisted ? null : i + 1);
      row.className = [firm.mine ? "mine" : "", firm.delisted ? "delisted" : ""].join(" ").trim();
      // Move rows only when the order changed: moving a focused button would drop the focus.
      if (this.list.children[i] !== row) this.list.insertBefore(row, this.list.children[i] ?? null);
    });
    if (focused instanceof HTMLElement && focused !== document.activeElement && this.list.contains(focused)) focused.focus();
  }

  /** The row's button, to give the focus back when the firm detail closes. */
  buttonFor(firmId: string): HTMLButtonElement | undefined {
    return this.buttons.get(firmId);
  }

  private fill(button: HTMLButtonElement, firm: FirmFigures, rank: number | null): void {
    const change = formatChange(firm.priceChange);
    const text = [rank ?? "", firm.name, firm.valuation, change, firm.submitted, firm.delisted, t("market.board.you")].join("|");
    if (button.dataset.text === text) return;
    button.dataset.text = text;
    fill(
      button,
      h("span", { class: "rank" }, rank === null ? "—" : String(rank)),
      h("span", { class: "name" }, firm.name),
      firm.mine ? h("span", { class: "you" }, t("market.board.you")) : null,
      h("span", { class: "valuation" }, firm.delisted ? t("market.board.delisted") : money(firm.valuation)),
      h("span", { class: `change ${direction(firm)}` }, firm.delisted ? "" : change),
      h("span", { class: "tick" }, firm.submitted && !firm.delisted ? "✓" : ""),
    );
    button.setAttribute("aria-label", rowLabel(firm, rank, change));
  }
}

/** What a screen reader says for a row: rank, name, valuation and change, whether it decided. */
function rowLabel(firm: FirmFigures, rank: number | null, change: string): string {
  if (firm.delisted || rank === null) return t(firm.mine ? "market.board.row.mineDelisted" : "market.board.row.delisted", { name: firm.name });
  const params = { rank, name: firm.name, valuation: money(firm.valuation), change: change || t("market.board.row.noChange") };
  const decided = firm.submitted;
  if (firm.mine) return t(decided ? "market.board.row.mineListedDecided" : "market.board.row.mineListed", params);
  return t(decided ? "market.board.row.listedDecided" : "market.board.row.listed", params);
}
