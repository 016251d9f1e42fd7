/** Small SVG chart builders for the simulator's self-contained report (no library, no network). */
import type { Band } from "../../shared/sim/stats.js";

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"];
export const STRATEGY_COLOURS: Record<string, string> = {
  scaler: "#D55E00",
  builder: "#009E73",
  open: "#56B4E9",
  balanced: "#0072B2",
  pivot: "#CC79A7",
  random: "#7f7f7f",
};

const W = 640;
const H = 300;
const M = { top: 60, right: 16, bottom: 46, left: 70 };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

export function formatTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}T`;
  if (abs >= 1e3) return `${Number((value / 1e3).toFixed(1))}k`;
  if (abs >= 10 || Number.isInteger(value)) return value.toFixed(0);
  return value.toFixed(abs >= 1 ? 1 : 2);
}

interface Frame {
  x: (v: number) => number;
  y: (v: number) => number;
  svg: string[];
}

function frame(title: string, xLabel: string, yLabel: string, xDomain: [number, number], yDomain: [number, number], xTicks?: number[]): Frame {
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const x = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(title)}" class="chart">`,
    `<text x="${M.left}" y="20" class="title">${escapeXml(title)}</text>`,
  ];
  for (const t of niceTicks(y0, y1)) {
    svg.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(t)}" y2="${y(t)}" class="grid"/>`);
    svg.push(`<text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end" class="tick">${formatTick(t)}</text>`);
  }
  for (const t of xTicks ?? niceTicks(x0, x1, 8)) {
    svg.push(`<text x="${x(t)}" y="${H - M.bottom + 16}" text-anchor="middle" class="tick">${formatTick(t)}</text>`);
  }
  svg.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" class="axis"/>`);
  svg.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 8}" text-anchor="middle" class="label">${escapeXml(xLabel)}</text>`);
  svg.push(`<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" class="label">${escapeXml(yLabel)}</text>`);
  return { x, y, svg };
}

/** Legend under the title, left to right, wrapping onto a second row when needed. */
function legend(f: Frame, entries: { name: string; colour: string }[]): void {
  let cx = M.left;
  let y = 28;
  for (const e of entries) {
    const width = 30 + e.name.length * 6.6;
    if (cx + width > W - M.right && cx > M.left) {
      cx = M.left;
      y += 14;
    }
    f.svg.push(
      `<rect x="${cx}" y="${y}" width="11" height="11" fill="${e.colour}"/><text x="${cx + 15}" y="${y + 10}" class="legend">${escapeXml(e.name)}</text>`,
    );
    cx += width;
  }
}

const path = (points: [number, number][]) => points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${px.toFixed(1)},${py.toFixed(1)}`).join("");

export interface FanSeries {
  name: string;
  colour: string;
  bands: Band[];
}

/** Median line and 10–90% band per series, over quarters. */
export function fanChart(title: string, yLabel: string, series: FanSeries[], options: { reference?: number } = {}): string {
  const values = series.flatMap((s) => s.bands.flatMap((b) => [b.p10, b.p90])).filter(Number.isFinite);
  const quarters = Math.max(1, ...series.map((s) => s.bands.length - 1));
  const yMin = Math.min(0, ...values);
  const yMax = Math.max(...values, options.reference ?? 0) * 1.05 || 1;
  const f = frame(title, "quarter", yLabel, [0, quarters], [yMin, yMax], niceTicks(0, quarters, Math.min(quarters, 8)));
  if (options.reference !== undefined)
    f.svg.push(`<line x1="${f.x(0)}" x2="${f.x(quarters)}" y1="${f.y(options.reference)}" y2="${f.y(options.reference)}" class="ref"/>`);
  for (const s of series) {
    const upper = s.bands.map((b, q) => [f.x(q), f.y(b.p90)] as [number, number]);
    const lower = s.bands.map((b, q) => [f.x(q), f.y(b.p10)] as [number, number]).reverse();
    f.svg.push(`<path d="${path([...upper, ...lower])}Z" fill="${s.colour}" fill-opacity="0.18" stroke="none"/>`);
    f.svg.push(`<path d="${path(s.bands.map((b, q) => [f.x(q), f.y(b.p50)]))}" fill="none" stroke="${s.colour}" stroke-width="2.2"/>`);
  }
  legend(
    f,
    series.map((s) => ({ name: s.name, colour: s.colour })),
  );
  f.svg.push(`<text x="${W - M.right}" y="${H - 8}" text-anchor="end" class="note">line: median · band: 10–90% of games</text></svg>`);
  return f.svg.join("");
}

export interface HistogramSeries {
  name: string;
  colour: string;
  values: number[];
}

/** Overlaid histograms (share of games per bin) on shared bins. */
export function histogram(title: string, xLabel: string, series: HistogramSeries[], bins = 24): string {
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all, lo + 1);
  const width = (hi - lo) / bins;
  const shares = series.map((s) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of s.values) {
      const b = Math.min(bins - 1, Math.floor((v - lo) / width));
      counts[b] = (counts[b] as number) + 1;
    }
    return counts.map((c) => c / Math.max(1, s.values.length));
  });
  const top = Math.max(0.01, ...shares.flat()) * 1.08;
  const f = frame(title, xLabel, "share of seats", [lo, hi], [0, top]);
  shares.forEach((counts, i) => {
    const s = series[i] as HistogramSeries;
    const points: [number, number][] = [[f.x(lo), f.y(0)]];
    counts.forEach((c, b) => {
      points.push([f.x(lo + b * width), f.y(c)], [f.x(lo + (b + 1) * width), f.y(c)]);
    });
    points.push([f.x(hi), f.y(0)]);
    f.svg.push(`<path d="${path(points)}" fill="${s.colour}" fill-opacity="0.15" stroke="${s.colour}" stroke-width="1.6"/>`);
  });
  legend(
    f,
    series.map((s) => ({ name: s.name, colour: s.colour })),
  );
  f.svg.push("</svg>");
  return f.svg.join("");
}

export interface LineSeries {
  name: string;
  colour: string;
  values: number[];
}

/** Lines over a numeric x axis (a swept parameter). */
export function lineChart(title: string, xLabel: string, yLabel: string, x: number[], series: LineSeries[]): string {
  const values = series.flatMap((s) => s.values).filter(Number.isFinite);
  const yMin = Math.min(0, ...values);
  const yMax = Math.max(...values, 0.01) * 1.08;
  const f = frame(title, xLabel, yLabel, [Math.min(...x), Math.max(...x)], [yMin, yMax], x.length <= 10 ? x : undefined);
  for (const s of series) {
    const pts = s.values.map((v, i) => [f.x(x[i] as number), f.y(v)] as [number, number]);
    f.svg.push(`<path d="${path(pts)}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const [px, py] of pts) f.svg.push(`<circle cx="${px}" cy="${py}" r="3" fill="${s.colour}"/>`);
  }
  legend(
    f,
    series.map((s) => ({ name: s.name, colour: s.colour })),
  );
  f.svg.push("</svg>");
  return f.svg.join("");
}

export interface TornadoRow {
  name: string;
  low: number;
  high: number;
  lowLabel: string;
  highLabel: string;
}

/** Horizontal bars from the metric at a parameter's lowest value to its highest, widest first. */
export function tornado(title: string, xLabel: string, baseline: number, rows: TornadoRow[]): string {
  const sorted = [...rows].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  const values = sorted.flatMap((r) => [r.low, r.high]).concat(baseline);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.15 || 0.05;
  const height = Math.max(160, 70 + sorted.length * 34);
  const left = 210;
  const x = (v: number) => left + ((v - (lo - pad)) / (hi + pad - (lo - pad))) * (W - left - M.right);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-label="${escapeXml(title)}" class="chart">`,
    `<text x="16" y="20" class="title">${escapeXml(title)}</text>`,
  ];
  sorted.forEach((r, i) => {
    const y = 40 + i * 34;
    const a = Math.min(x(r.low), x(r.high));
    const b = Math.max(x(r.low), x(r.high));
    svg.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end" class="tick">${escapeXml(r.name)}</text>`);
    svg.push(`<rect x="${a}" y="${y}" width="${Math.max(1, b - a)}" height="20" fill="#0072B2" fill-opacity="0.75"/>`);
    svg.push(`<text x="${x(r.low)}" y="${y + 32}" text-anchor="middle" class="note">${escapeXml(r.lowLabel)}</text>`);
    svg.push(`<text x="${x(r.high)}" y="${y + 32}" text-anchor="middle" class="note">${escapeXml(r.highLabel)}</text>`);
  });
  svg.push(`<line x1="${x(baseline)}" x2="${x(baseline)}" y1="34" y2="${height - 36}" class="ref"/>`);
  for (const t of niceTicks(lo - pad, hi + pad)) svg.push(`<text x="${x(t)}" y="${height - 22}" text-anchor="middle" class="tick">${formatTick(t)}</text>`);
  svg.push(`<text x="${(left + W) / 2}" y="${height - 6}" text-anchor="middle" class="label">${escapeXml(xLabel)}</text></svg>`);
  return svg.join("");
}
