import { h } from "../ui/dom.js";
import { formatShortMoney } from "./axis.js";
import type { FirmFigures } from "./figures.js";
import { formatChange, formatSharePrice } from "./figures.js";
import { type Circle, type LabelVariants, placeLabels } from "./labels.js";
import type { Size } from "./packing.js";

/**
 * The bubbles' labels, as HTML over the canvas: the browser draws text sharp at any window
 * size (canvas text would be stretched with the 1280×720 canvas), and screen readers can
 * skip it in favour of the leaderboard, which says the same. Positions come from
 * `placeLabels`, so no two labels overlap.
 */

// Keep in step with .bubble-label in market.css.
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const LINE = 15; // px
const PAD_X = 5;
const PAD_Y = 2;
const BORDER = 1;
const MAX_NAME = 110; // px; longer names are cut with an ellipsis

type Variant = "full" | "name" | "tag";

/** The class that colours a change: "up", "down" or none. */
export function direction(firm: FirmFigures): string {
  if (firm.priceChange === null) return "";
  return firm.priceChange > 0.0005 ? "up" : firm.priceChange < -0.0005 ? "down" : "";
}
const VARIANTS: readonly Variant[] = ["full", "name", "tag"];

export class FieldLabels {
  readonly element: HTMLDivElement;
  private readonly labels = new Map<string, HTMLDivElement>();
  private readonly measure = document.createElement("canvas").getContext("2d");
  /** The full label of the bubble under the pointer (or of the focused leaderboard row). */
  private readonly tip = h("div", { class: "bubble-tip", hidden: true });

  constructor(private readonly size: Size) {
    this.element = h("div", { class: "field-labels", "aria-hidden": "true" }, this.tip);
    this.element.style.width = `${size.width}px`;
    this.element.style.height = `${size.height}px`;
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
        return;
      }
      label.hidden = false;
      this.fill(label, firm, VARIANTS[spot.variant] ?? "tag");
      label.className = `bubble-label ${VARIANTS[spot.variant]}${firm.mine ? " mine" : ""}`;
      label.style.width = `${spot.box.width}px`;
      label.style.transform = `translate(${spot.box.x}px, ${spot.box.y}px)`;
    });
    for (const [id, label] of this.labels) {
      if (seen.has(id)) continue;
      label.remove();
      this.labels.delete(id);
    }
  }

  /** Shows a firm's full figures by its bubble (circle in field px), or hides them (null). */
  point(firm: FirmFigures | null, circle: Circle | null): void {
    if (!firm || !circle) {
      this.tip.hidden = true;
      return;
    }
    this.tip.replaceChildren(
      h("span", { class: "name" }, firm.name, firm.mine ? " (you)" : ""),
      h("span", {}, formatSharePrice(firm.sharePrice), " ", h("span", { class: `change ${direction(firm)}` }, formatChange(firm.priceChange))),
      h("span", {}, `Valuation ${formatShortMoney(firm.valuation)} · fundamentals ${formatShortMoney(firm.fundamentals)}`),
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
    if (variant === "tag") label.replaceChildren(String(firm.seat));
    else if (variant === "name") label.replaceChildren(h("span", { class: "name" }, firm.name));
    else
      label.replaceChildren(
        h("span", { class: "name" }, firm.name),
        h("span", { class: "price" }, formatSharePrice(firm.sharePrice), " ", h("span", { class: `change ${direction(firm)}` }, change)),
      );
  }

  /** The box each variant needs, measured with the font the CSS uses. */
  private sizes(firm: FirmFigures): LabelVariants {
    const name = Math.min(MAX_NAME, this.textWidth(firm.name, 600));
    const price = this.textWidth(`${formatSharePrice(firm.sharePrice)} ${formatChange(firm.priceChange)}`, 400);
    const box = (width: number, lines: number) => ({
      width: Math.ceil(width) + 2 * (PAD_X + BORDER) + 2,
      height: lines * LINE + 2 * (PAD_Y + BORDER),
    });
    return [box(Math.max(name, price), 2), box(name, 1), box(this.textWidth(String(firm.seat), 600), 1)];
  }

  private textWidth(text: string, weight: number): number {
    if (!this.measure) return text.length * 7;
    this.measure.font = `${weight} 12px ${FONT_FAMILY}`;
    return this.measure.measureText(text).width;
  }
}
