import { niceTicks } from "../market/axis.js";
import { h } from "../ui/dom.js";
import { COMPACT_FONT_SIZE, FONT_SIZE, textWidth } from "./measure.js";
import { ticksAround, turnLabels, turnsRightPad } from "./ticks.js";

const SVG = "http://www.w3.org/2000/svg";

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined>,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

export interface Line {
  label: string;
  colour: string;
  /** Dash pattern, so lines differ by more than colour. */
  dash?: string;
  width?: number;
  /** One value per quarter of the chart; null where there is none (a gap). */
  values: readonly (number | null)[];
}

export interface Band {
  label: string;
  colour: string;
  opacity: number;
  lo: readonly number[];
  hi: readonly number[];
}

/** A shaded run of quarters (a correction), inclusive. */
export interface Span {
  from: number;
  to: number;
  label: string;
}

export interface LineChartSpec {
  title: string;
  quarters: readonly number[];
  lines: readonly Line[];
  bands?: readonly Band[];
  spans?: readonly Span[];
  /** A horizontal reference line, e.g. a ratio of 1. */
  reference?: number;
  format: (value: number) => string;
  /** A quarter's tick label ("Q3" / "第 3 季"). */
  quarterLabel: (quarter: number) => string;
  /**
   * Text under the x axis and beside the y axis. The x title is not drawn when every tick label
   * already names it (Chinese 第 4 回合 under which 回合 read as the middle label's second line).
   */
  xTitle?: string;
  yTitle?: string;
  width: number;
  height: number;
  /** Whether the y axis starts at zero (default); ratios read better around their own range. */
  fromZero?: boolean;
  /** Small multiples: fewer ticks, no axis titles. */
  compact?: boolean;
  describedBy?: string;
}

export const CORRECTION_FILL = "#d55e00"; // Okabe–Ito vermilion, see-through
const CORRECTION_OPACITY = 0.18;

/** A line chart over quarters with optional bands and shaded spans. Text never overlaps: tick labels are thinned to fit. */
export function lineChart(spec: LineChartSpec): SVGSVGElement {
  const { width, height, compact } = spec;
  const values = [...spec.lines.flatMap((l) => l.values), ...(spec.bands ?? []).flatMap((b) => [...b.lo, ...b.hi])].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  if (spec.reference !== undefined) values.push(spec.reference);
  const ticks =
    spec.fromZero === false
      ? ticksAround(Math.min(...values), Math.max(...values), 4)
      : niceTicks(Math.min(0, ...values), Math.max(1e-9, ...values), compact ? 2 : 4);
  const lo = ticks[0] ?? 0;
  const hi = ticks.at(-1) ?? 1;
  // The y axis labels set the left margin: wide ones (Chinese money, "150亿美元") push the plot right.
  const fontSize = compact ? COMPACT_FONT_SIZE : FONT_SIZE;
  const yLabels = Math.max(0, ...ticks.map((t) => textWidth(spec.format(t), fontSize)));
  const pad = compact
    ? { left: Math.max(44, Math.ceil(yLabels) + 10), right: 8, top: 8, bottom: 22 }
    : { left: Math.max(64, Math.ceil(yLabels) + 24), right: turnsRightPad(spec.quarterLabel(spec.quarters.at(-1) ?? 0), fontSize), top: 12, bottom: 44 };
  const first = spec.quarters[0] ?? 0;
  const last = Math.max(first + 1, spec.quarters.at(-1) ?? 1);
  const x = (q: number) => pad.left + ((q - first) / (last - first)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - ((v - lo) / (hi - lo || 1)) * (height - pad.top - pad.bottom);

  const svg = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`,
    // The drawn width, used where the chart must not shrink (a phone: debrief.css).
    style: `--drawn-width: ${width}px`,
    role: "img",
    "aria-label": spec.title,
    "aria-describedby": spec.describedBy,
    class: compact ? "debrief-chart compact" : "debrief-chart",
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.append(svgEl("title", {}, spec.title));
  for (const span of spec.spans ?? []) {
    const x0 = x(Math.max(first, span.from - 0.5));
    const x1 = x(Math.min(last, span.to + 0.5));
    svg.append(
      svgEl(
        "rect",
        {
          x: x0,
          y: pad.top,
          width: Math.max(2, x1 - x0),
          height: height - pad.top - pad.bottom,
          fill: CORRECTION_FILL,
          "fill-opacity": CORRECTION_OPACITY,
          class: "span",
        },
        svgEl("title", {}, span.label),
      ),
      svgEl("line", {
        x1: x(span.from),
        x2: x(span.from),
        y1: pad.top,
        y2: height - pad.bottom,
        stroke: CORRECTION_FILL,
        "stroke-width": 1.5,
        "stroke-dasharray": "2 3",
      }),
    );
  }
  for (const t of ticks) {
    svg.append(
      svgEl("line", { x1: pad.left, x2: width - pad.right, y1: y(t), y2: y(t), class: t === 0 ? "axis" : "grid" }),
      svgEl("text", { x: pad.left - 6, y: y(t) + 4, "text-anchor": "end", class: "tick" }, spec.format(t)),
    );
  }
  if (spec.reference !== undefined)
    svg.append(svgEl("line", { x1: pad.left, x2: width - pad.right, y1: y(spec.reference), y2: y(spec.reference), class: "reference" }));
  // Turn labels that never touch: each centred on its turn (slid inside the chart at its edges), all of them where
  // they fit, else a regular step with the first and last (a small chart labelled only its first and last turn).
  const widths = spec.quarters.map((q) => Math.max(24, textWidth(spec.quarterLabel(q), fontSize)));
  // A small chart's y labels sit close above its turns: its first turn label starts at the plot, clear of "$0".
  const at = turnLabels(spec.quarters.map(x), widths, compact ? pad.left : 0, width, compact ? 8 : 12);
  spec.quarters.forEach((q, i) => {
    const centre = at[i];
    if (centre !== null && centre !== undefined)
      // A line lower than the y axis's labels: the first, centred on its turn, reaches under the lowest of them.
      svg.append(svgEl("text", { x: centre, y: height - pad.bottom + (compact ? 16 : 21), "text-anchor": "middle", class: "tick turn" }, spec.quarterLabel(q)));
  });
  if (!compact) {
    const xTitle = spec.xTitle;
    if (xTitle && !spec.quarters.every((q) => spec.quarterLabel(q).includes(xTitle)))
      svg.append(svgEl("text", { x: (pad.left + width - pad.right) / 2, y: height - 6, "text-anchor": "middle", class: "axis-title" }, xTitle));
    if (spec.yTitle)
      svg.append(
        svgEl(
          "text",
          {
            x: 12,
            y: (pad.top + height - pad.bottom) / 2,
            "text-anchor": "middle",
            class: "axis-title",
            transform: `rotate(-90 12 ${(pad.top + height - pad.bottom) / 2})`,
          },
          spec.yTitle,
        ),
      );
  }
  for (const band of spec.bands ?? []) {
    const upper = band.hi.map((v, i) => `${x(spec.quarters[i] ?? i).toFixed(1)},${y(v).toFixed(1)}`);
    const lower = band.lo.map((v, i) => `${x(spec.quarters[i] ?? i).toFixed(1)},${y(v).toFixed(1)}`).reverse();
    svg.append(svgEl("polygon", { points: [...upper, ...lower].join(" "), fill: band.colour, "fill-opacity": band.opacity, stroke: "none" }));
  }
  for (const line of spec.lines) {
    // Runs of values between gaps, each its own polyline.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        svg.append(
          svgEl("polyline", {
            points: run.join(" "),
            fill: "none",
            stroke: line.colour,
            "stroke-width": line.width ?? 2.5,
            "stroke-dasharray": line.dash,
            "stroke-linejoin": "round",
          }),
        );
      else if (run.length === 1) {
        const [cx, cy] = (run[0] as string).split(",");
        svg.append(svgEl("circle", { cx: cx ?? 0, cy: cy ?? 0, r: 3, fill: line.colour }));
      }
      run = [];
    };
    line.values.forEach((v, i) => {
      if (v === null || v === undefined || !Number.isFinite(v)) flush();
      else run.push(`${x(spec.quarters[i] ?? i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    flush();
  }
  return svg;
}

export interface LegendItem {
  label: string;
  colour: string;
  kind: "line" | "band" | "span";
  dash?: string;
  opacity?: number;
}

/** A legend in HTML (it wraps instead of overlapping), each swatch drawn like its mark. */
export function legend(items: readonly LegendItem[]): HTMLElement {
  return h(
    "ul",
    { class: "debrief-legend" },
    ...items.map((item) => {
      const swatch = svgEl("svg", { width: 26, height: 12, viewBox: "0 0 26 12", "aria-hidden": "true" });
      if (item.kind === "line")
        swatch.append(svgEl("line", { x1: 1, x2: 25, y1: 6, y2: 6, stroke: item.colour, "stroke-width": 3, "stroke-dasharray": item.dash }));
      else
        swatch.append(
          svgEl("rect", {
            x: 1,
            y: 1,
            width: 24,
            height: 10,
            fill: item.colour,
            "fill-opacity": item.opacity ?? (item.kind === "span" ? CORRECTION_OPACITY * 2 : 0.4),
          }),
        );
      return h("li", {}, swatch, " ", item.label);
    }),
  );
}
