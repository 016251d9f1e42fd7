import { formatMoney, formatShortMoney } from "../../shared/format.js";
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

const RANGED: Partial<Record<keyof PreviewFigures, keyof Extract<Preview, { ok: true }>["range"]>> = { revenue: "revenue", valuation: "valuation" };

function value(result: Extract<Preview, { ok: true }>, key: keyof PreviewFigures, money: boolean): string {
  const ranged = RANGED[key];
  if (!ranged) return format(result.next[key], money);
  const [low, high] = result.range[ranged];
  return `${formatShortMoney(low)}–${formatShortMoney(high)}`;
}

/** This quarter's estimate with the draft, next to what repeating last quarter would give. */
export function previewTable(result: Extract<Preview, { ok: true }>): HTMLTableElement {
  return h(
    "table",
    { class: "estimate" },
    h(
      "caption",
      {},
      "Estimate for this quarter, if rivals keep last quarter's course (as their published figures suggest) and nothing unexpected happens: no events, incidents or crash. Revenue and valuation are the likely range: 8 in 10 simulated quarters landed inside it.",
    ),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), h("th", { scope: "col" }, "With this"), h("th", { scope: "col" }, "vs repeating"))),
    h(
      "tbody",
      {},
      ...ROWS.map((row) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, row.label),
          h("td", {}, value(result, row.key, row.money)),
          h("td", {}, change(result.next[row.key], result.repeat[row.key], row.money)),
        ),
      ),
    ),
  );
}
