import type { Debrief, FirmSeries, ValueRow } from "../../shared/debrief/analytics.js";
import type { FanSummary } from "../../shared/debrief/fan.js";
import { fixed, money, percent, quarterLabel, ratio, type Words } from "../../shared/debrief/text.js";
import { shortMoney, tableAmount } from "../../shared/i18n/format.js";
import { turnKey } from "../../shared/words/turns.js";
import { niceTicks } from "../market/axis.js";
import { cssColour, OKABE_ITO } from "../market/palette.js";
import { h } from "../ui/dom.js";
import { barNameLines, textWidth } from "./measure.js";
import { CORRECTION_FILL, type LegendItem, legend, lineChart, type Span, svgEl } from "./svg.js";
import { compactTurnLabel } from "./ticks.js";

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

let ids = 0;
/** Ids unique on the page: the debrief may be mounted twice (game over and the console). */
function uid(name: string): string {
  ids += 1;
  return `debrief-${name}-${ids}`;
}

const correctionLegend = (w: Words): LegendItem => ({ label: w.t("debrief.correction.legend"), colour: CORRECTION_FILL, kind: "span" });

function spans(w: Words, d: Debrief): Span[] {
  return d.corrections.map((c) => ({
    from: c.start,
    to: c.end,
    label: w.t("debrief.correction.span", { from: quarterLabel(w, c.start), to: quarterLabel(w, c.end) }),
  }));
}

/** Ratios on axes: one decimal. */
const axisRatio = (w: Words) => (v: number) => fixed(w, v, 1);
/** Money on axes: short ("$1.5B" / "15亿美元"). */
const axisMoney = (w: Words) => (v: number) => shortMoney(w.locale, v);

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

function firmLabel(w: Words, f: { name: string; mine: boolean }): string {
  return f.mine ? w.t("debrief.firm.you", { name: f.name }) : f.name;
}

function firmSummary(w: Words, f: FirmSeries, d: Debrief): string {
  // From quarter 1 on, as the market's peak: quarter 0 is everyone's starting point.
  const shares = f.narrativeShare
    .map((s, i) => ({ s, q: d.quarters[i] ?? i }))
    .filter((x): x is { s: number; q: number } => x.s !== null && (x.q > 0 || d.quarters.length === 1));
  const peak = shares.reduce<{ s: number; q: number } | null>((best, x) => (!best || x.s > best.s ? x : best), null);
  const last = d.quarters.length - 1;
  const ended = { valuation: money(w, f.valuation[last] ?? 0), fundamentals: money(w, f.fundamentals[last] ?? 0) };
  if (f.delistedQuarter !== null) {
    const delisted = quarterLabel(w, f.delistedQuarter);
    return peak
      ? w.t("debrief.firm.summary.peakDelisted", { share: percent(w, peak.s), quarter: quarterLabel(w, peak.q), delisted })
      : w.t("debrief.firm.summary.delisted", { delisted });
  }
  return peak
    ? w.t("debrief.firm.summary.peakEnded", { share: percent(w, peak.s), quarter: quarterLabel(w, peak.q), ...ended })
    : w.t("debrief.firm.summary.ended", ended);
}

/** A firm's small chart's drawn width where cards share a row (a phone draws it at its card's width). */
export const SMALL_CHART_WIDTH = 240;

export function valuationPanel(w: Words, d: Debrief, multipleWidth = SMALL_CHART_WIDTH): HTMLElement {
  const { t } = w;
  const title = t("debrief.title.valuation");
  const { element, captionsId } = panel("valuation", title, d.captions.valuation);
  const multiples = h("ul", { class: d.firms.length > 12 ? "debrief-multiples many" : "debrief-multiples", "aria-describedby": captionsId });
  for (const f of d.firms) {
    const summaryId = uid("firm");
    const chart = lineChart({
      title: t(turnKey(w.turns, "debrief.firm.chart"), { firm: firmLabel(w, f) }),
      quarters: d.quarters,
      lines: [
        { label: t("debrief.legend.valuation"), colour: COLOURS.valuation, values: f.valuation },
        { label: t("debrief.legend.fundamentals"), colour: COLOURS.fundamentals, dash: "6 4", values: f.fundamentals },
      ],
      spans: spans(w, d),
      format: axisMoney(w),
      quarterLabel: (q) => compactTurnLabel(w.t, q, w.turns),
      width: multipleWidth,
      height: 120,
      compact: true,
      describedBy: summaryId,
    });
    multiples.append(
      h(
        "li",
        { class: f.mine ? "mine" : undefined },
        h("h3", {}, firmLabel(w, f)),
        chart,
        h("p", { id: summaryId, class: "firm-summary" }, firmSummary(w, f, d)),
      ),
    );
  }
  element.append(
    legend([
      { label: t("debrief.legend.valuation"), colour: COLOURS.valuation, kind: "line" },
      { label: t("debrief.legend.fundamentalsGap"), colour: COLOURS.fundamentals, kind: "line", dash: "6 4" },
      correctionLegend(w),
    ]),
    multiples,
    figures(
      t(turnKey(w.turns, "debrief.figures.valuation")),
      [t("debrief.column.firm"), ...d.quarters.map((q) => quarterLabel(w, q))],
      d.firms.map((f) => [
        firmLabel(w, f),
        ...f.valuation.map((v, i) => (v === null ? "—" : `${tableAmount(w.locale, v)} / ${tableAmount(w.locale, f.fundamentals[i] ?? 0)}`)),
      ]),
    ),
  );
  return element;
}

/** The widest a full chart is drawn (its own units); narrower where its panel is (a phone), so its text keeps its size. */
export const CHART_WIDTH = 760;

export function marketPanel(w: Words, d: Debrief, width = CHART_WIDTH): HTMLElement {
  const { t } = w;
  const title = t(turnKey(w.turns, "debrief.title.market"));
  const { element, captionsId } = panel("market", title, d.captions.market);
  element.append(
    legend([
      { label: t("debrief.legend.bubble"), colour: COLOURS.bubble, kind: "line" },
      { label: t("debrief.legend.sentiment"), colour: COLOURS.sentiment, kind: "line", dash: "6 4" },
      correctionLegend(w),
    ]),
    lineChart({
      title,
      quarters: d.quarters,
      lines: [
        { label: t("debrief.line.bubble"), colour: COLOURS.bubble, values: d.bubbleRatio, width: 3 },
        { label: t("debrief.line.sentiment"), colour: COLOURS.sentiment, dash: "6 4", values: d.sentiment },
      ],
      spans: spans(w, d),
      reference: 1,
      fromZero: false,
      format: axisRatio(w),
      quarterLabel: (q) => quarterLabel(w, q),
      xTitle: t(turnKey(w.turns, "debrief.axis.quarter")),
      yTitle: t("debrief.axis.ratio"),
      width,
      height: 260,
      describedBy: captionsId,
    }),
    figures(
      t(turnKey(w.turns, "debrief.figures.market")),
      [t(turnKey(w.turns, "debrief.column.quarter")), t("debrief.column.bubble"), t("debrief.column.sentiment"), t("debrief.column.correction")],
      d.quarters.map((q, i) => [
        quarterLabel(w, q),
        ratio(w, d.bubbleRatio[i] ?? 0),
        ratio(w, d.sentiment[i] ?? 0),
        d.corrections.some((c) => q >= c.start && q <= c.end) ? t("debrief.figures.yes") : "",
      ]),
    ),
  );
  return element;
}

function valueChart(w: Words, rows: readonly ValueRow[], title: string, describedBy: string, width: number): SVGSVGElement {
  const { t } = w;
  const rowHeight = 38;
  const pad = { left: Math.min(170, Math.round(width * 0.3)), right: 70, top: 8, bottom: 36 };
  const captured = (r: ValueRow) => (r.delisted ? t("debrief.value.delisted", { zero: money(w, 0) }) : money(w, r.captured));
  // Value labels sit right of their bars: the widest sets the right margin.
  pad.right = Math.max(70, Math.ceil(Math.max(0, ...rows.flatMap((r) => [textWidth(money(w, r.created)), textWidth(captured(r))]))) + 10);
  const height = pad.top + pad.bottom + rows.length * rowHeight;
  const all = rows.flatMap((r) => [r.created, r.captured]);
  const min = Math.min(0, ...all);
  // Money labels need room: fewer ticks on a narrow chart.
  const allTicks = niceTicks(min, Math.max(1, ...all), width < 560 ? 2 : 4);
  const hi = allTicks.at(-1) ?? 1;
  // The axis reaches just past the most negative bar, not to the next round tick (a small loss would waste a quarter of the width).
  const lo = min < 0 ? Math.max(allTicks[0] ?? min, min - 0.04 * (hi - min)) : 0;
  const ticks = allTicks.filter((v) => v >= lo);
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
  for (const v of ticks) {
    svg.append(
      svgEl("line", { x1: x(v), x2: x(v), y1: pad.top, y2: height - pad.bottom, class: v === 0 ? "axis" : "grid" }),
      svgEl("text", { x: x(v), y: height - pad.bottom + 14, "text-anchor": "middle", class: "tick" }, shortMoney(w.locale, v)),
    );
  }
  // The axis's title, where it fits on one line (the legend above the chart says the same).
  const axisTitle = t("debrief.axis.value");
  if (textWidth(axisTitle) <= width - pad.left - 8)
    svg.append(svgEl("text", { x: (pad.left + width - pad.right) / 2, y: height - 6, "text-anchor": "middle", class: "axis-title" }, axisTitle));
  rows.forEach((r, i) => {
    const top = pad.top + i * rowHeight;
    const figures = { name: r.name, created: money(w, r.created), captured: money(w, r.captured) };
    const group = svgEl(
      "g",
      { class: r.mine ? "row mine" : "row" },
      svgEl("title", {}, r.delisted ? t("debrief.value.rowDelisted", figures) : t("debrief.value.row", figures)),
    );
    const lines = barNameLines(t, r.name, r.mine, pad.left - 16);
    // Two lines sit either side of the row's middle, one line on it.
    const first = top + rowHeight / 2 + 4 - (lines.length - 1) * 7;
    group.append(
      svgEl(
        "text",
        { x: pad.left - 8, y: first, "text-anchor": "end", class: "name" },
        ...lines.map((line, n) => svgEl("tspan", { x: pad.left - 8, dy: n === 0 ? 0 : 14 }, line)),
      ),
    );
    const bar = (value: number, y: number, colour: string, text: string) => {
      const x0 = x(Math.min(0, value));
      const x1 = x(Math.max(0, value));
      group.append(svgEl("rect", { x: x0, y, width: Math.max(1, x1 - x0), height: 12, fill: colour }));
      // Labels sit right of the bar (of zero, for a negative bar), on the bar's own line.
      group.append(svgEl("text", { x: x1 + 4, y: y + 11, class: "value" }, text));
    };
    bar(r.created, top + 3, COLOURS.created, money(w, r.created));
    bar(r.captured, top + 19, COLOURS.captured, captured(r));
    svg.append(group);
  });
  return svg;
}

export function valuePanel(w: Words, d: Debrief, width = CHART_WIDTH): HTMLElement {
  const { t } = w;
  const title = t("debrief.title.value");
  const { element, captionsId } = panel("value", title, d.captions.value);
  element.append(
    legend([
      { label: t("debrief.legend.created"), colour: COLOURS.created, kind: "band", opacity: 1 },
      { label: t("debrief.legend.captured"), colour: COLOURS.captured, kind: "band", opacity: 1 },
    ]),
    h("div", { class: "debrief-bars" }, valueChart(w, d.value, title, captionsId, width)),
    figures(
      t("debrief.figures.value"),
      [t("debrief.column.firm"), t("debrief.column.created"), t("debrief.column.captured")],
      d.value.map((r) => [firmLabel(w, r), money(w, r.created), r.delisted ? t("debrief.value.delisted", { zero: money(w, 0) }) : money(w, r.captured)]),
    ),
  );
  return element;
}

/** Why the fan panel could not be drawn: the plan's error code, or the simulations' failure. */
export type FanFailure = "config" | "noFirms" | "worker";

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
    private readonly w: Words,
    private readonly debrief: Debrief,
    private readonly count: number,
    private readonly width = CHART_WIDTH,
  ) {
    const { element, captionsId } = panel("fan", w.t("debrief.title.fan", { count }), []);
    this.element = element;
    this.captions = element.querySelector(`#${captionsId}`) as HTMLElement;
    this.body = h("div", { class: "fan-body" });
    this.progress.setAttribute("aria-label", w.t("debrief.fan.progressLabel"));
    this.element.append(this.status, this.body);
    this.setProgress(0);
  }

  setProgress(done: number): void {
    const share = this.count > 0 ? Math.round((100 * done) / this.count) : 100;
    this.progress.value = share;
    const step = Math.floor(share / 10) * 10;
    if (step === this.announced) return;
    this.announced = step;
    this.progressText.textContent = this.w.t("debrief.fan.progress", { count: this.count, percent: percent(this.w, step / 100) });
  }

  fail(reason: FanFailure): void {
    this.status.remove();
    this.body.replaceChildren(h("p", { class: "error", role: "alert" }, this.w.t(`debrief.fan.failed.${reason}`)));
  }

  show(fan: FanSummary): void {
    const { w, debrief: d } = this;
    const { t } = w;
    this.captions.replaceChildren(...fan.captions.map((c) => h("li", {}, c)));
    const game = (values: readonly number[]) => fan.bubbleRatio.map((_, i) => (i < values.length ? (values[i] ?? null) : null));
    const quarters = fan.bubbleRatio.map((p) => p.quarter);
    const bandsOf = (points: FanSummary["bubbleRatio"]) => [
      { label: t("debrief.fan.middle80"), colour: COLOURS.band, opacity: 0.22, lo: points.map((p) => p.p10), hi: points.map((p) => p.p90) },
      { label: t("debrief.fan.middle50"), colour: COLOURS.band, opacity: 0.4, lo: points.map((p) => p.p25), hi: points.map((p) => p.p75) },
    ];
    const thisMarket = t("debrief.fan.thisMarket");
    const median = t("debrief.fan.median");
    const legendItems: LegendItem[] = [
      { label: thisMarket, colour: COLOURS.bubble, kind: "line" },
      { label: t("debrief.fan.medianOf", { count: fan.count }), colour: COLOURS.band, kind: "line", dash: "6 4" },
      { label: t("debrief.fan.middle50"), colour: COLOURS.band, kind: "band", opacity: 0.55 },
      { label: t("debrief.fan.middle80"), colour: COLOURS.band, kind: "band", opacity: 0.22 },
      correctionLegend(w),
    ];
    const captionsId = this.captions.id;
    this.progress.remove();
    this.progressText.textContent = t("debrief.fan.done", { count: fan.count });
    this.status.classList.add("done");
    this.body.replaceChildren(
      legend(legendItems),
      lineChart({
        title: t("debrief.fan.chart.bubble", { count: fan.count }),
        quarters,
        bands: bandsOf(fan.bubbleRatio),
        lines: [
          { label: median, colour: COLOURS.band, dash: "6 4", values: fan.bubbleRatio.map((p) => p.p50) },
          { label: thisMarket, colour: COLOURS.bubble, width: 3.5, values: game(d.bubbleRatio) },
        ],
        spans: spans(w, d),
        reference: 1,
        fromZero: false,
        format: axisRatio(w),
        quarterLabel: (q) => quarterLabel(w, q),
        xTitle: t(turnKey(w.turns, "debrief.axis.quarter")),
        yTitle: t("debrief.line.bubble"),
        width: this.width,
        height: 260,
        describedBy: captionsId,
      }),
      lineChart({
        title: t("debrief.fan.chart.total", { count: fan.count }),
        quarters,
        bands: bandsOf(fan.totalValuation),
        lines: [
          { label: median, colour: COLOURS.band, dash: "6 4", values: fan.totalValuation.map((p) => p.p50) },
          { label: thisMarket, colour: COLOURS.bubble, width: 3.5, values: game(d.totalValuation) },
        ],
        spans: spans(w, d),
        format: axisMoney(w),
        quarterLabel: (q) => quarterLabel(w, q),
        xTitle: t(turnKey(w.turns, "debrief.axis.quarter")),
        yTitle: t("debrief.axis.totalValuation"),
        width: this.width,
        height: 220,
        describedBy: captionsId,
      }),
      figures(
        t("debrief.figures.fan"),
        [t(turnKey(w.turns, "debrief.column.quarter")), percent(w, 0.1), percent(w, 0.25), median, percent(w, 0.75), percent(w, 0.9), thisMarket],
        fan.bubbleRatio.map((p, i) => [
          quarterLabel(w, p.quarter),
          ratio(w, p.p10),
          ratio(w, p.p25),
          ratio(w, p.p50),
          ratio(w, p.p75),
          ratio(w, p.p90),
          d.bubbleRatio[i] === undefined ? "—" : ratio(w, d.bubbleRatio[i] as number),
        ]),
      ),
    );
  }
}
