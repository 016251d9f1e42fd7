import { spanWords, type TurnWords } from "../../shared/words/turns.js";
import { t } from "../i18n.js";
import { h } from "../ui/dom.js";
import type { Preview, PreviewFigures } from "./preview.js";
import { figure as format, inTrainingLast, inTrainingShips, inTrainingValue, lastHeading, lastValue, rangeValue, showsTraining } from "./words.js";

const ROWS = [
  { key: "revenue", label: "panel.estimate.revenue", money: true },
  { key: "operatingProfit", label: "panel.estimate.operatingProfit", money: true },
  { key: "rampCost", label: "panel.estimate.rampCost", money: true },
  { key: "cash", label: "panel.estimate.cash", money: true },
  { key: "capability", label: "panel.estimate.capability", money: false },
  { key: "fundamentals", label: "panel.estimate.fundamentals", money: true },
  { key: "valuation", label: "panel.estimate.valuation", money: true },
] as const satisfies readonly { key: keyof PreviewFigures; label: string; money: boolean }[];

const RANGED: Partial<Record<keyof PreviewFigures, keyof Extract<Preview, { ok: true }>["range"]>> = {
  revenue: "revenue",
  valuation: "valuation",
  capability: "capability",
};

function value(result: Extract<Preview, { ok: true }>, key: keyof PreviewFigures, isMoney: boolean): string {
  const ranged = RANGED[key];
  if (!ranged) return format(result.next[key], isMoney);
  const [low, high] = result.range[ranged];
  // A figure without spread (capability when the draft trains nothing, revenue of $0) is one number, not a range.
  return rangeValue(low, high, result.next[key], isMoney);
}

/**
 * This turn's estimate with the draft, beside the firm's own last report: where the firm is and
 * where this plan would take it. (It once sat beside "vs repeating", the difference from last
 * turn's plan repeated: a default plan that spent less read as large losses, −$3,474M.)
 */
export function previewTable(result: Extract<Preview, { ok: true }>, turns: TurnWords): HTMLTableElement {
  return h(
    "table",
    { class: "estimate" },
    h("caption", {}, turns.quarterly ? t("panel.estimate.caption") : t("panel.estimate.caption.turn", { span: spanWords(t, turns) })),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, ""),
        h("th", { scope: "col" }, lastHeading(result.last, turns)),
        h("th", { scope: "col" }, t("panel.estimate.with")),
      ),
    ),
    h(
      "tbody",
      {},
      // Growth overhead only when the draft pays it.
      ...ROWS.filter((row) => row.key !== "rampCost" || result.next.rampCost > 0.05).flatMap((row) => {
        const training = row.key === "capability" && showsTraining(result.training) ? result.training : null;
        const line = h(
          "tr",
          {},
          // With time to build, capability is the shipped model, and what is in training follows it.
          training ? h("th", { scope: "row", class: "shipped" }, t("panel.estimate.capabilityShipped")) : h("th", { scope: "row" }, t(row.label)),
          h("td", { class: "last" }, lastValue(result.last, row.key, row.money)),
          h("td", {}, value(result, row.key, row.money)),
        );
        if (!training) return [line];
        const ships = inTrainingShips(training, turns);
        return [
          line,
          h(
            "tr",
            { class: "in-training" },
            h("th", { scope: "row" }, t("panel.estimate.inTraining")),
            h("td", { class: "last" }, inTrainingLast(training)),
            // When it ships on a line of its own: beside the figure it squeezed the labels' column to two characters.
            h("td", {}, inTrainingValue(training), ships ? h("small", { class: "ships" }, ships) : null),
          ),
        ];
      }),
    ),
  );
}
