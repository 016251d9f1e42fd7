import { type TurnWords, turnKey, turnShort } from "../../shared/words/turns.js";
import { shortMoney, t } from "../i18n.js";
import { niceTicks } from "./axis.js";
import { cssColour, OKABE_ITO } from "./palette.js";

const SVG = "http://www.w3.org/2000/svg";

export interface Series {
  label: string;
  colour: number;
  /** Dash pattern, so the lines differ by more than colour. */
  dash: string;
  values: readonly number[];
}

export const VALUATION_COLOUR = OKABE_ITO.orange;
export const FUNDAMENTALS_COLOUR = OKABE_ITO.skyBlue;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

/**
 * A line chart of $M values by quarter (x = quarter 0…n), with axis labels in $M/$B and a
 * legend. Plain SVG: sharp at any size, and its title and description are read aloud.
 */
export function lineChart(quarters: readonly number[], series: readonly Series[], title: string, turns: TurnWords, width = 560, height = 220): SVGSVGElement {
  const all = series.flatMap((s) => s.values);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(1, ...all), 4);
  // Room on the left for the widest amount ("$10B", or "100亿美元" in Chinese).
  const widest = Math.max(0, ...ticks.map((tick) => labelWidth(shortMoney(tick)) * TICK_SCALE));
  // And on the right for half the last quarter's label, centred on its tick.
  const last = labelWidth(turnShort(t, quarters.at(-1) ?? 0, turns)) * TICK_SCALE;
  const pad = { left: Math.max(56, Math.ceil(widest) + 12), right: Math.max(12, Math.ceil(last / 2) + 4), top: 28, bottom: 34 };
  const lo = ticks[0] ?? 0;
  const hi = ticks.at(-1) ?? 1;
  const lastQuarter = Math.max(1, quarters.at(-1) ?? 1);
  const firstQuarter = quarters[0] ?? 0;
  const x = (q: number) => pad.left + ((q - firstQuarter) / Math.max(1, lastQuarter - firstQuarter)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - ((v - lo) / (hi - lo)) * (height - pad.top - pad.bottom);

  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "chart" }, el("title", {}, title));
  for (const tick of ticks) {
    svg.append(
      el("line", { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), class: tick === 0 ? "axis" : "grid" }),
      el("text", { x: pad.left - 6, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, shortMoney(tick)),
    );
  }
  const step = Math.max(1, Math.ceil(quarters.length / 10));
  quarters.forEach((q, i) => {
    if (i % step === 0 || i === quarters.length - 1)
      svg.append(el("text", { x: x(q), y: height - pad.bottom + 16, "text-anchor": "middle", class: "tick" }, turnShort(t, q, turns)));
  });
  svg.append(
    el(
      "text",
      { x: (pad.left + width - pad.right) / 2, y: height - 4, "text-anchor": "middle", class: "axis-title" },
      t(turnKey(turns, "market.chart.quarterAxis")),
    ),
  );

  let legendX = pad.left;
  for (const s of series) {
    const colour = cssColour(s.colour);
    const points = s.values.map((v, i) => `${x(quarters[i] ?? i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    if (s.values.length === 1) svg.append(el("circle", { cx: x(quarters[0] ?? 0), cy: y(s.values[0] ?? 0), r: 4, fill: colour }));
    svg.append(el("polyline", { points, fill: "none", stroke: colour, "stroke-width": 2.5, "stroke-dasharray": s.dash, "stroke-linejoin": "round" }));
    svg.append(
      el("line", { x1: legendX, x2: legendX + 24, y1: 12, y2: 12, stroke: colour, "stroke-width": 2.5, "stroke-dasharray": s.dash }),
      el("text", { x: legendX + 30, y: 16, class: "legend" }, s.label),
    );
    legendX += 40 + labelWidth(s.label);
  }
  return svg;
}

/** Axis amounts are drawn smaller than the legend (market.css .chart text.tick). */
const TICK_SCALE = 0.85;

/** About how wide a legend label is drawn (px): Chinese characters take about twice a Latin letter's width. */
function labelWidth(label: string): number {
  let width = 0;
  for (const ch of label) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 14 : 7.5;
  return width;
}
