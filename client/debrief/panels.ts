import type { Debrief, FirmSeries, ValueRow } from "../../shared/debrief/analytics.js";
import type { FanSummary } from "../../shared/debrief/fan.js";
import { money, percent, quarterLabel, ratio } from "../../shared/debrief/text.js";
import { formatShortMoney } from "../../shared/format.js";
import { niceTicks } from "../market/axis.js";
import { cssColour, OKABE_ITO } from "../market/palette.js";
import { h } from "../ui/dom.js";
import { CORRECTION_FILL, type LegendItem, legend, lineChart, type Span, svgEl } from "./svg.js";

export const COLOURS = {
  valuation: cssColour(OKABE_ITO.orange),
  fundamentals: cssColour(OKABE_ITO.skyBlue),
  bubble: cssColour(OKABE_ITO.orange),
  sentiment: cssColour(OKABE_ITO.bluishGreen),
  created: cssColour(OKABE_ITO.bluishGreen),
  captured: cssColour(OKABE_ITO.orange),
  band: cssColour(OKABE_ITO.skyBlue),
  mine: cssColour(OKABE_ITO.yellow),
} as const;

export const TITLES = {
  valuation: "Valuation vs fundamentals, by firm",
  market: "Bubble ratio and sentiment by quarter",
  value: "Value created vs value captured, by firm",
  fan: (n: number) => `Your market vs ${n} simulated markets`,
} as const;

let ids = 0;
/** Ids unique on the page: the debrief may be mounted twice (game over and the console). */
function uid(name: string): string {
  ids += 1;
  return `debrief-${name}-${ids}`;
}

const CORRECTION_LEGEND: LegendItem = { label: "Correction under way", colour: CORRECTION_FILL, kind: "span" };

function spans(d: Debrief): Span[] {
  return d.corrections.map((c) => ({ from: c.start, to: c.end, label: `Correction ${quarterLabel(c.start)}–${quarterLabel(c.end)}` }));
}

function captionList(id: string, captions: readonly string[]): HTMLElement {
  return h("ul", { class: "debrief-captions", id }, ...captions.map((c) => h("li", {}, c)));
}

/** A panel: a heading, the captions (readable without the chart), then the figure. */
function panel(key: string, title: string, captions: readonly string[], ...body: (Node | null)[]): { element: HTMLElement; captionsId: string } {
  const headingId = uid(`${key}-title`);
  const captionsId = uid(`${key}-captions`);
  const element = h(
    "section",
    { class: `debrief-panel ${key}`, "aria-labelledby": headingId },
    h("h2", { id: headingId }, title),
    captionList(captionsId, captions),
    ...body,
  );
  return { element, captionsId };
}

/** A table of the figures behind a chart, folded away. */
function figures(summary: string, head: readonly string[], rows: readonly (readonly string[])[]): HTMLElement {
  return h(
    "details",
    { class: "debrief-figures" },
    h("summary", {}, summary),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", {}, c)))))),
    ),
  );
}

function firmLabel(f: { name: string; mine: boolean }): string {
  return f.mine ? `${f.name} (you)` : f.name;
}

function firmSummary(f: FirmSeries, d: Debrief): string {
  // From quarter 1 on, as the market's peak: quarter 0 is everyone's starting point.
  const shares = f.narrativeShare
    .map((s, i) => ({ s, q: d.quarters[i] ?? i }))
    .filter((x): x is { s: number; q: number } => x.s !== null && (x.q > 0 || d.quarters.length === 1));
  const peak = shares.reduce<{ s: number; q: number } | null>((best, x) => (!best || x.s > best.s ? x : best), null);
  const last = d.quarters.length - 1;
  const end =
    f.delistedQuarter !== null
      ? `delisted in ${quarterLabel(f.delistedQuarter)}`
      : `ended at ${money(f.valuation[last] ?? 0)} (fundamentals ${money(f.fundamentals[last] ?? 0)})`;
  return `${peak ? `Narrative peaked at ${percent(peak.s)} of its valuation in ${quarterLabel(peak.q)}; ` : ""}${end}.`;
}

export function valuationPanel(d: Debrief): HTMLElement {
  const { element, captionsId } = panel("valuation", TITLES.valuation, d.captions.valuation);
  const multiples = h("ul", { class: d.firms.length > 12 ? "debrief-multiples many" : "debrief-multiples", "aria-describedby": captionsId });
  for (const f of d.firms) {
    const summaryId = uid("firm");
    const chart = lineChart({
      title: `${firmLabel(f)}: valuation and fundamentals by quarter`,
      quarters: d.quarters,
      lines: [
        { label: "Valuation", colour: COLOURS.valuation, values: f.valuation },
        { label: "Fundamentals", colour: COLOURS.fundamentals, dash: "6 4", values: f.fundamentals },
      ],
      spans: spans(d),
      format: formatShortMoney,
      width: 240,
      height: 120,
      compact: true,
      describedBy: summaryId,
    });
    multiples.append(
      h("li", { class: f.mine ? "mine" : undefined }, h("h3", {}, firmLabel(f)), chart, h("p", { id: summaryId, class: "firm-summary" }, firmSummary(f, d))),
    );
  }
  element.append(
    legend([
      { label: "Valuation", colour: COLOURS.valuation, kind: "line" },
      { label: "Fundamentals (the gap above them is narrative)", colour: COLOURS.fundamentals, kind: "line", dash: "6 4" },
      CORRECTION_LEGEND,
    ]),
    multiples,
    figures(
      "Figures: valuation / fundamentals by quarter ($M)",
      ["Firm", ...d.quarters.map(quarterLabel)],
      d.firms.map((f) => [firmLabel(f), ...f.valuation.map((v, i) => (v === null ? "—" : `${Math.round(v)} / ${Math.round(f.fundamentals[i] ?? 0)}`))]),
    ),
  );
  return element;
}

export function marketPanel(d: Debrief): HTMLElement {
  const { element, captionsId } = panel("market", TITLES.market, d.captions.market);
  element.append(
    legend([
      { label: "Bubble ratio (total valuation ÷ total fundamentals)", colour: COLOURS.bubble, kind: "line" },
      { label: "Sentiment (1 = neutral)", colour: COLOURS.sentiment, kind: "line", dash: "6 4" },
      CORRECTION_LEGEND,
    ]),
    lineChart({
      title: TITLES.market,
      quarters: d.quarters,
      lines: [
        { label: "Bubble ratio", colour: COLOURS.bubble, values: d.bubbleRatio, width: 3 },
        { label: "Sentiment", colour: COLOURS.sentiment, dash: "6 4", values: d.sentiment },
      ],
      spans: spans(d),
      reference: 1,
      fromZero: false,
      format: (v) => v.toFixed(1),
      xTitle: "Quarter",
      yTitle: "Ratio",
      width: 760,
      height: 260,
      describedBy: captionsId,
    }),
    figures(
      "Figures: bubble ratio and sentiment by quarter",
      ["Quarter", "Bubble ratio", "Sentiment", "Correction"],
      d.quarters.map((q, i) => [
        quarterLabel(q),
        ratio(d.bubbleRatio[i] ?? 0),
        ratio(d.sentiment[i] ?? 0),
        d.corrections.some((c) => q >= c.start && q <= c.end) ? "yes" : "",
      ]),
    ),
  );
  return element;
}

/** Firm names in the bar chart are cut to fit their column; the full name is in the row's title. */
function shortName(name: string, max = 20): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

function valueChart(rows: readonly ValueRow[], title: string, describedBy: string): SVGSVGElement {
  const width = 760;
  const rowHeight = 34;
  const pad = { left: 170, right: 70, top: 8, bottom: 36 };
  const height = pad.top + pad.bottom + rows.length * rowHeight;
  const all = rows.flatMap((r) => [r.created, r.captured]);
  const min = Math.min(0, ...all);
  const allTicks = niceTicks(min, Math.max(1, ...all), 4);
  const hi = allTicks.at(-1) ?? 1;
  // The axis reaches just past the most negative bar, not to the next round tick (a small loss would waste a quarter of the width).
  const lo = min < 0 ? Math.max(allTicks[0] ?? min, min - 0.04 * (hi - min)) : 0;
  const ticks = allTicks.filter((t) => t >= lo);
  const x = (v: number) => pad.left + ((v - lo) / (hi - lo || 1)) * (width - pad.left - pad.right);
  const svg = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`,
    style: `--drawn-width: ${width}px`,
    role: "img",
    "aria-label": title,
    "aria-describedby": describedBy,
    class: "debrief-chart",
  });
  svg.append(svgEl("title", {}, title));
  for (const t of ticks) {
    svg.append(
      svgEl("line", { x1: x(t), x2: x(t), y1: pad.top, y2: height - pad.bottom, class: t === 0 ? "axis" : "grid" }),
      svgEl("text", { x: x(t), y: height - pad.bottom + 14, "text-anchor": "middle", class: "tick" }, formatShortMoney(t)),
    );
  }
  svg.append(
    svgEl(
      "text",
      { x: (pad.left + width - pad.right) / 2, y: height - 6, "text-anchor": "middle", class: "axis-title" },
      "$ (created: operating profit over the game; captured: final valuation)",
    ),
  );
  rows.forEach((r, i) => {
    const top = pad.top + i * rowHeight;
    const group = svgEl(
      "g",
      { class: r.mine ? "row mine" : "row" },
      svgEl("title", {}, `${r.name}: created ${money(r.created)}, captured ${money(r.captured)}${r.delisted ? " (delisted)" : ""}`),
    );
    group.append(
      svgEl(
        "text",
        { x: pad.left - 8, y: top + rowHeight / 2 + 4, "text-anchor": "end", class: "name" },
        r.mine ? `${shortName(r.name, 15)} (you)` : shortName(r.name),
      ),
    );
    const bar = (value: number, y: number, colour: string, text: string) => {
      const x0 = x(Math.min(0, value));
      const x1 = x(Math.max(0, value));
      group.append(svgEl("rect", { x: x0, y, width: Math.max(1, x1 - x0), height: 11, fill: colour }));
      // Labels sit right of the bar (of zero, for a negative bar), on the bar's own line.
      group.append(svgEl("text", { x: x1 + 4, y: y + 10, class: "value" }, text));
    };
    bar(r.created, top + 4, COLOURS.created, money(r.created));
    bar(r.captured, top + 17, COLOURS.captured, r.delisted ? "$0 (delisted)" : money(r.captured));
    svg.append(group);
  });
  return svg;
}

export function valuePanel(d: Debrief): HTMLElement {
  const { element, captionsId } = panel("value", TITLES.value, d.captions.value);
  element.append(
    legend([
      { label: "Value created: operating profit summed over the game", colour: COLOURS.created, kind: "band", opacity: 1 },
      { label: "Value captured: final valuation (0 if delisted)", colour: COLOURS.captured, kind: "band", opacity: 1 },
    ]),
    h("div", { class: "debrief-bars" }, valueChart(d.value, TITLES.value, captionsId)),
    figures(
      "Figures: value created and captured",
      ["Firm", "Created", "Captured"],
      d.value.map((r) => [firmLabel(r), money(r.created), r.delisted ? "$0 (delisted)" : money(r.captured)]),
    ),
  );
  return element;
}

/** The fan panel's frame: progress while the markets are simulated, then the charts. */
export class FanPanel {
  readonly element: HTMLElement;
  private readonly captions: HTMLElement;
  private readonly body: HTMLElement;
  private readonly progress = h("progress", { max: 100, value: 0 });
  private readonly progressText = h("span", { class: "progress-text" });
  /** Announced politely; its words change only every 10%, so a screen reader is not flooded. */
  private readonly status = h("p", { class: "debrief-progress", role: "status" }, this.progressText, " ", this.progress);
  private announced = -1;

  constructor(
    private readonly debrief: Debrief,
    private readonly count: number,
  ) {
    const { element, captionsId } = panel("fan", TITLES.fan(count), []);
    this.element = element;
    this.captions = element.querySelector(`#${captionsId}`) as HTMLElement;
    this.body = h("div", { class: "fan-body" });
    this.progress.setAttribute("aria-label", "Simulated markets");
    this.element.append(this.status, this.body);
    this.setProgress(0);
  }

  setProgress(done: number): void {
    const percent = this.count > 0 ? Math.round((100 * done) / this.count) : 100;
    this.progress.value = percent;
    const step = Math.floor(percent / 10) * 10;
    if (step === this.announced) return;
    this.announced = step;
    this.progressText.textContent = `Simulating ${this.count} markets on the same scenario and bots… ${step}%`;
  }

  fail(message: string): void {
    this.status.remove();
    this.body.replaceChildren(h("p", { class: "error", role: "alert" }, `The simulated markets could not be run: ${message}`));
  }

  show(fan: FanSummary): void {
    const d = this.debrief;
    this.captions.replaceChildren(...fan.captions.map((c) => h("li", {}, c)));
    const game = (values: readonly number[]) => fan.bubbleRatio.map((_, i) => (i < values.length ? (values[i] ?? null) : null));
    const quarters = fan.bubbleRatio.map((p) => p.quarter);
    const bandsOf = (points: FanSummary["bubbleRatio"]) => [
      { label: "10–90%", colour: COLOURS.band, opacity: 0.22, lo: points.map((p) => p.p10), hi: points.map((p) => p.p90) },
      { label: "25–75%", colour: COLOURS.band, opacity: 0.4, lo: points.map((p) => p.p25), hi: points.map((p) => p.p75) },
    ];
    const legendItems: LegendItem[] = [
      { label: "This market", colour: COLOURS.bubble, kind: "line" },
      { label: `Median of ${fan.count} simulated markets`, colour: COLOURS.band, kind: "line", dash: "6 4" },
      { label: "Middle 50% of simulations", colour: COLOURS.band, kind: "band", opacity: 0.55 },
      { label: "Middle 80%", colour: COLOURS.band, kind: "band", opacity: 0.22 },
      CORRECTION_LEGEND,
    ];
    const captionsId = this.captions.id;
    this.progress.remove();
    this.progressText.textContent = `${fan.count} markets simulated.`;
    this.status.classList.add("done");
    this.body.replaceChildren(
      legend(legendItems),
      lineChart({
        title: `Bubble ratio: this market vs ${fan.count} simulated markets`,
        quarters,
        bands: bandsOf(fan.bubbleRatio),
        lines: [
          { label: "Median", colour: COLOURS.band, dash: "6 4", values: fan.bubbleRatio.map((p) => p.p50) },
          { label: "This market", colour: COLOURS.bubble, width: 3.5, values: game(d.bubbleRatio) },
        ],
        spans: spans(d),
        reference: 1,
        fromZero: false,
        format: (v) => v.toFixed(1),
        xTitle: "Quarter",
        yTitle: "Bubble ratio",
        width: 760,
        height: 260,
        describedBy: captionsId,
      }),
      lineChart({
        title: `Total valuation of all firms: this market vs ${fan.count} simulated markets`,
        quarters,
        bands: bandsOf(fan.totalValuation),
        lines: [
          { label: "Median", colour: COLOURS.band, dash: "6 4", values: fan.totalValuation.map((p) => p.p50) },
          { label: "This market", colour: COLOURS.bubble, width: 3.5, values: game(d.totalValuation) },
        ],
        spans: spans(d),
        format: formatShortMoney,
        xTitle: "Quarter",
        yTitle: "Total valuation",
        width: 760,
        height: 220,
        describedBy: captionsId,
      }),
      figures(
        "Figures: bubble ratio percentiles of the simulated markets",
        ["Quarter", "10%", "25%", "Median", "75%", "90%", "This market"],
        fan.bubbleRatio.map((p, i) => [
          quarterLabel(p.quarter),
          ratio(p.p10),
          ratio(p.p25),
          ratio(p.p50),
          ratio(p.p75),
          ratio(p.p90),
          d.bubbleRatio[i] === undefined ? "—" : ratio(d.bubbleRatio[i] as number),
        ]),
      ),
    );
  }
}
