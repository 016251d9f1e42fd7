import { formatMoney } from "../../shared/format.js";
import { h } from "../ui/dom.js";
import type { Preview, PreviewFigures } from "./preview.js";

const ROWS: { key: keyof PreviewFigures; label: string; money: boolean }[] = [
  { key: "revenue", label: "Revenue", money: true },
  { key: "operatingProfit", label: "Operating profit", money: true },
  { key: "cash", label: "Cash after", money: true },
  { key: "capability", label: "Capability", money: false },
  { key: "fundamentals", label: "Fundamentals", money: true },
  { key: "valuation", label: "Valuation", money: true },
];

function format(value: number, money: boolean): string {
  return money ? formatMoney(value) : value.toFixed(1);
}

function change(next: number, repeat: number, money: boolean): string {
  const d = next - repeat;
  if (Math.abs(d) < 1e-9) return "±0";
  return `${d > 0 ? "+" : "−"}${format(Math.abs(d), money)}`;
}

/** This quarter's estimate with the draft, next to what repeating last quarter would give. */
export function previewTable(result: Extract<Preview, { ok: true }>): HTMLTableElement {
  return h(
    "table",
    { class: "estimate" },
    h("caption", {}, "Estimate for this quarter (rivals hold their course; no surprises)"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), h("th", { scope: "col" }, "With this"), h("th", { scope: "col" }, "vs repeating"))),
    h(
      "tbody",
      {},
      ...ROWS.map((row) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, row.label),
          h("td", {}, format(result.next[row.key], row.money)),
          h("td", {}, change(result.next[row.key], result.repeat[row.key], row.money)),
        ),
      ),
    ),
  );
}
