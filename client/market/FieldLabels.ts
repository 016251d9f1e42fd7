import { locale, money, shortMoney, t } from "../i18n.js";
import { h } from "../ui/dom.js";
import type { FirmFigures } from "./figures.js";
import { formatChange, formatSharePrice, totalText } from "./figures.js";
import { type Box, type Circle, coveredBy, type LabelVariants, labelLines, nameOf, placeLabels, VARIANTS, type Variant } from "./labels.js";
import type { Size } from "./packing.js";

/**
 * The bubbles' labels, as HTML over the canvas: the browser draws text sharp at any pixel
 * density, and screen readers can skip it in favour of the leaderboard, which says the same.
 * A label reads "name / valuation ▲ change" (the leaderboard's units), or the name alone, or
 * the name cut short; your firm's always shows, marked "(you)". The smallest bubbles may go
 * unlabelled: pointing at one (or focusing its leaderboard row) shows its figures, and a
 * tap opens its history. Positions come from `placeLabels`, so no two labels overlap.
 */

// Keep in step with .bubble-label in market.css.
// i18n-ignore: a CSS font stack (--font-sans in style.css), with CJK fonts for Chinese names and words.
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const LINE = 15; // px
const PAD_X = 5;
const PAD_Y = 2;
const BORDER = 1;
const MAX_NAME = 110; // px; longer names are cut with an ellipsis
const SHORT_NAME = 52; // px: the last-resort label, a name cut short

/** The class that colours a change: "up", "down" or none. */
export function direction(firm: FirmFigures): string {
  if (firm.priceChange === null) return "";
  return firm.priceChange > 0.0005 ? "up" : firm.priceChange < -0.0005 ? "down" : "";
}

export class FieldLabels {
  readonly element: HTMLDivElement;
  private readonly labels = new Map<string, HTMLDivElement>();
  /** Where each shown label sits (field px), to step aside from a card over it. */
  private readonly boxes = new Map<string, Box>();
  /** Measures the card over the field (the report) in field px, null while none is open; measured at every lay-out. */
  private cover: (() => Box | null) | null = null;
  private readonly measure = document.createElement("canvas").getContext("2d");
  /** The full label of the bubble under the pointer (or of the focused leaderboard row). */
  private readonly tip = h("div", { class: "bubble-tip", hidden: true });

  constructor(private size: Size) {
    this.element = h("div", { class: "field-labels", "aria-hidden": "true" }, this.tip);
  }

  /** Hides the labels while the bubbles tween (true), shows them once they have settled (false). */
  settle(on: boolean): void {
    this.element.classList.toggle("settling", on);
  }

  get settling(): boolean {
    return this.element.classList.contains("settling");
  }

  /** The field's new size (the labels are laid out again by the next `show`). */
  resize(size: Size): void {
    this.size = size;
  }

  /** Shows every listed firm's label next to its bubble (circles in field pixels, target sizes). */
  show(firms: readonly FirmFigures[], circles: readonly Circle[]): void {
    const variants = firms.map((f) => this.sizes(f));
    const mine = firms.findIndex((f) => f.mine);
    const placed = placeLabels(circles, variants, this.size, mine >= 0 ? [mine] : []);
    const seen = new Set<string>();
    firms.forEach((firm, i) => {
      seen.add(firm.firmId);
      const spot = placed[i];
      let label = this.labels.get(firm.firmId);
      if (!label) {
        label = h("div", { class: "bubble-label" });
        this.labels.set(firm.firmId, label);
        this.element.append(label);
      }
      if (!spot?.box) {
        label.hidden = true;
        this.boxes.delete(firm.firmId);
        return;
      }
      this.boxes.set(firm.firmId, spot.box);
      label.hidden = false;
      this.fill(label, firm, VARIANTS[spot.variant] ?? "short");
      label.className = `bubble-label ${VARIANTS[spot.variant]}${firm.mine ? " mine" : ""}`; // "covered" is set again below
      label.style.width = `${spot.box.width}px`;
      label.style.transform = `translate(${spot.box.x}px, ${spot.box.y}px)`;
    });
    for (const [id, label] of this.labels) {
      if (seen.has(id)) continue;
      label.remove();
      this.labels.delete(id);
      this.boxes.delete(id);
    }
    this.stepAside();
  }

  /**
   * A card over the field (the report): `cover` measures it in field px (null while it is
   * closed), and is called again whenever the labels are laid out (a rotated phone, a resized
   * window) and whenever this is called (the card opened, closed, grew or shrank). The labels
   * under it step aside, the others stay. The whole field's labels once hid while the report was
   * open, at 1920×1080 too, where the card covers a fifth of the field.
   */
  avoid(cover: (() => Box | null) | null): void {
    this.cover = cover;
    this.stepAside();
  }

  private stepAside(): void {
    const cover = this.cover?.() ?? null;
    for (const [id, label] of this.labels) {
      const box = this.boxes.get(id);
      label.classList.toggle("covered", box !== undefined && coveredBy(box, cover));
    }
  }

  /** Shows a firm's full figures by its bubble (circle in field px), or hides them (null). */
  point(firm: FirmFigures | null, circle: Circle | null): void {
    if (!firm || !circle) {
      this.tip.hidden = true;
      return;
    }
    this.tip.replaceChildren(
      h("span", { class: "name" }, nameOf(firm)),
      h(
        "span",
        {},
        t("market.tip.valuation", { value: money(firm.valuation) }),
        " ",
        h("span", { class: `change ${direction(firm)}` }, formatChange(firm.priceChange)),
      ),
      h("span", {}, t("market.tip.fundamentals", { fundamentals: money(firm.fundamentals), price: formatSharePrice(firm.sharePrice) })),
    );
    this.tip.hidden = false;
    // Above the bubble if there is room, else below; always inside the field.
    const width = this.tip.offsetWidth;
    const height = this.tip.offsetHeight;
    const x = Math.min(Math.max(0, circle.x - width / 2), this.size.width - width);
    const above = circle.y - circle.r - 8 - height;
    const y = above >= 0 ? above : Math.min(circle.y + circle.r + 8, this.size.height - height);
    this.tip.style.transform = `translate(${x}px, ${y}px)`;
  }

  private fill(label: HTMLDivElement, firm: FirmFigures, variant: Variant): void {
    const change = formatChange(firm.priceChange);
    const [name = "", value] = labelLines(firm, variant);
    if (value === undefined) label.replaceChildren(h("span", { class: "name" }, name));
    else {
      // The change keeps its colour: the line is the catalog's words with the change as a coloured span.
      const figures = { value: money(firm.valuation), change: "\u0000" };
      const [before = "", after = ""] = (firm.mine ? t("market.label.mineValue", figures) : t("market.label.value", figures)).split("\u0000");
      label.replaceChildren(
        h("span", { class: "name" }, name),
        h("span", { class: "price" }, before, h("span", { class: `change ${direction(firm)}` }, change), after),
      );
    }
  }

  /** The box each variant needs, measured with the font the CSS uses. */
  private sizes(firm: FirmFigures): LabelVariants {
    const width = (variant: Variant, line: number, weight: number) => this.textWidth(labelLines(firm, variant)[line] ?? "", weight);
    const name = Math.min(MAX_NAME, width("name", 0, 600));
    const price = width("full", 1, 400);
    const box = (width: number, lines: number) => ({
      width: Math.ceil(width) + 2 * (PAD_X + BORDER) + 2,
      height: lines * LINE + 2 * (PAD_Y + BORDER),
    });
    return [box(Math.max(Math.min(MAX_NAME, width("full", 0, 600)), price), 2), box(name, 1), box(Math.min(SHORT_NAME, width("short", 0, 600)), 1)];
  }

  private textWidth(text: string, weight: number): number {
    if (!this.measure) return text.length * 7;
    this.measure.font = `${weight} 12px ${FONT_FAMILY}`;
    return this.measure.measureText(text).width;
  }
}

export interface LegendFigures {
  /** The amount ($M) the legend's circle stands for. */
  reference: number;
  /** That circle's radius (px), as drawn in the field. */
  radius: number;
  /** The listed firms' valuations ($M): the total is written as the sum of what their bubbles show. */
  valuations: readonly number[];
  /** Its change over the last quarter, as a fraction; null before a quarter was seen. */
  totalChange: number | null;
  /** The zoom before this quarter's step, while the legend points the step out; else null. */
  zoomedFrom: number | null;
}

/**
 * Under the field: what a circle is worth (a circle true to size, and its amount), the whole
 * market's value and how it moved, and, in the quarter the zoom steps, a notice saying so.
 */
export class FieldLegend {
  readonly element: HTMLElement;
  private readonly dot = h("span", { class: "scale-dot", "aria-hidden": "true" });
  private readonly amount = h("span", {});
  private readonly total = h("span", { class: "value" });
  private readonly change = h("span", { class: "change" });
  private readonly zoom = h("span", { class: "zoom-note", hidden: true });

  constructor() {
    this.element = h(
      "p",
      { class: "field-legend", "aria-live": "polite" },
      h("span", { class: "scale" }, this.dot, " ", this.amount),
      h("span", { class: "market-total" }, this.total, " ", this.change),
      this.zoom,
    );
  }

  show(figures: LegendFigures): void {
    this.dot.style.width = this.dot.style.height = `${(2 * figures.radius).toFixed(1)}px`;
    this.amount.textContent = t("market.legend.scale", { amount: shortMoney(figures.reference) });
    this.total.textContent = t("market.legend.total", { total: totalText(locale(), figures.valuations) });
    this.change.textContent = formatChange(figures.totalChange);
    this.change.className = `change ${figures.totalChange === null ? "" : figures.totalChange > 0.0005 ? "up" : figures.totalChange < -0.0005 ? "down" : ""}`;
    const from = figures.zoomedFrom;
    this.zoom.hidden = from === null;
    this.zoom.textContent =
      from === null
        ? ""
        : from < figures.reference
          ? t("market.legend.zoomOut", { amount: shortMoney(figures.reference), before: shortMoney(from) })
          : t("market.legend.zoomIn", { amount: shortMoney(figures.reference), before: shortMoney(from) });
    this.element.classList.toggle("zoomed", from !== null);
  }
}
