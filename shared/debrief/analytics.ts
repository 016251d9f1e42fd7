import { correctionSpans } from "../engine/corrections.js";
import type { DebriefFirm, DebriefInput, DebriefPoint } from "./input.js";
import { money, nameList, percent, quarterLabel, ratio } from "./text.js";

/** One firm's valuation split by quarter; `null` once the firm is gone (after its delisting quarter). */
export interface FirmSeries {
  id: string;
  name: string;
  human: boolean;
  mine: boolean;
  valuation: (number | null)[];
  fundamentals: (number | null)[];
  /** (valuation − fundamentals) ÷ valuation, in [0, 1]; null when the valuation is 0 or the firm is gone. */
  narrativeShare: (number | null)[];
  delistedQuarter: number | null;
}

/** A correction: from the quarter it began to the last quarter it was under way. */
export interface CorrectionEpisode {
  start: number;
  end: number;
  /** Sentiment the quarter before it began, and its lowest during it. */
  sentimentBefore: number;
  sentimentTrough: number;
  troughQuarter: number;
  /** Σ valuation the quarter before it began, and its lowest during it ($M). */
  valuationBefore: number;
  valuationTrough: number;
}

export interface ValueRow {
  id: string;
  name: string;
  mine: boolean;
  /** Cumulative operating profit over the game, $M: value created. */
  created: number;
  /** Final valuation (0 if delisted), $M: value captured. */
  captured: number;
  delisted: boolean;
}

export interface Debrief {
  /** The quarters on every chart's x axis: 0 … last resolved. */
  quarters: number[];
  firms: FirmSeries[];
  bubbleRatio: number[];
  sentiment: number[];
  totalValuation: number[];
  corrections: CorrectionEpisode[];
  /** The quarter of the highest bubble ratio (the first, on a tie). */
  peakQuarter: number;
  /** By captured value, highest first (ties: created, then seat order). */
  value: ValueRow[];
  captions: { valuation: string[]; market: string[]; value: string[] };
}

/** Index of the largest value from `from` on (the first, on a tie). */
function argMax(values: readonly number[], from = 0): number {
  let best = Math.min(from, Math.max(0, values.length - 1));
  values.forEach((v, i) => {
    if (i >= from && v > (values[best] as number)) best = i;
  });
  return best;
}

/** Peaks are looked for once play has begun: quarter 0 is where every firm starts, not a choice. */
const PLAY_STARTS = 1;

function firmSeries(firm: DebriefFirm, quarters: readonly number[], mine: string | undefined): FirmSeries {
  const byQuarter = new Map(firm.history.map((r) => [r.quarter, r]));
  const delistedRow = firm.history.find((r) => r.delisted);
  const delistedQuarter = delistedRow ? delistedRow.quarter : null;
  const gone = (q: number) => delistedQuarter !== null && q > delistedQuarter;
  const valuation = quarters.map((q) => (gone(q) ? null : (byQuarter.get(q)?.valuation ?? null)));
  const fundamentals = quarters.map((q) => (gone(q) ? null : (byQuarter.get(q)?.fundamentals ?? null)));
  const narrativeShare = quarters.map((_, i) => {
    const v = valuation[i];
    const f = fundamentals[i];
    if (v === null || v === undefined || f === null || f === undefined || v <= 0) return null;
    return Math.min(1, Math.max(0, (v - f) / v));
  });
  return { id: firm.id, name: firm.name, human: firm.human, mine: firm.id === mine, valuation, fundamentals, narrativeShare, delistedQuarter };
}

/** Corrections as episodes: the engine's correction spans (`correctionSpans`), with their figures. */
export function correctionEpisodes(market: readonly DebriefPoint[]): CorrectionEpisode[] {
  return correctionSpans(market).map((span) => {
    const before = market[span.start - 1] ?? (market[span.start] as DebriefPoint);
    const during = market.slice(span.start, span.end + 1);
    const trough = during.reduce((low, p) => (p.sentiment < low.sentiment ? p : low), during[0] as DebriefPoint);
    return {
      start: (market[span.start] as DebriefPoint).quarter,
      end: (market[span.end] as DebriefPoint).quarter,
      sentimentBefore: before.sentiment,
      sentimentTrough: trough.sentiment,
      troughQuarter: trough.quarter,
      valuationBefore: before.totalValuation,
      valuationTrough: Math.min(...during.map((p) => p.totalValuation)),
    };
  });
}

function valuationCaptions(firms: readonly FirmSeries[], quarters: readonly number[], peakIndex: number, bubble: readonly number[]): string[] {
  const captions: string[] = [];
  const last = quarters.length - 1;
  const peakQ = quarters[peakIndex] ?? 0;
  const endQ = quarters[last] ?? 0;
  const atPeak = firms.filter((f) => f.narrativeShare[peakIndex] !== null && f.narrativeShare[peakIndex] !== undefined);
  const inflated = atPeak.reduce<FirmSeries | null>((best, f) => {
    if (!best) return f;
    const a = f.narrativeShare[peakIndex] as number;
    const b = best.narrativeShare[peakIndex] as number;
    return a > b || (a === b && (f.valuation[peakIndex] as number) > (best.valuation[peakIndex] as number)) ? f : best;
  }, null);
  if (inflated) {
    const share = inflated.narrativeShare[peakIndex] as number;
    const v = inflated.valuation[peakIndex] as number;
    const f = inflated.fundamentals[peakIndex] as number;
    const head = `At the market's peak (${quarterLabel(peakQ)}), ${percent(share)} of ${inflated.name}'s valuation was narrative (${money(v - f)} of ${money(v)})`;
    const endShare = inflated.narrativeShare[last];
    let tail: string;
    if (inflated.delistedQuarter !== null) tail = `; it was delisted in ${quarterLabel(inflated.delistedQuarter)}.`;
    else if (endShare === null || endShare === undefined) tail = `; by the end (${quarterLabel(endQ)}) its valuation was $0.`;
    else tail = `; by the end (${quarterLabel(endQ)}), ${percent(endShare)}.`;
    captions.push(head + tail);
  }
  const listedAtEnd = firms.filter((f) => f.narrativeShare[last] !== null && f.narrativeShare[last] !== undefined);
  const grounded = listedAtEnd.reduce<FirmSeries | null>(
    (best, f) => (!best || (f.narrativeShare[last] as number) < (best.narrativeShare[last] as number) ? f : best),
    null,
  );
  if (grounded && grounded !== inflated && listedAtEnd.length > 1) {
    const fShare = 1 - (grounded.narrativeShare[last] as number);
    captions.push(`At the end, ${grounded.name} stood most on fundamentals: ${percent(fShare)} of its ${money(grounded.valuation[last] as number)} valuation.`);
  }
  const narrativeOfAll = (b: number | undefined) => (b !== undefined && b > 0 ? Math.max(0, 1 - 1 / b) : 0);
  captions.push(
    `Across the market, narrative was ${percent(narrativeOfAll(bubble[peakIndex]))} of all valuation at the peak and ${percent(narrativeOfAll(bubble[last]))} at the end.`,
  );
  const delisted = firms.filter((f) => f.delistedQuarter !== null);
  if (delisted.length > 0)
    captions.push(
      `${nameList(delisted.map((f) => `${f.name} (${quarterLabel(f.delistedQuarter as number)})`))} ${delisted.length === 1 ? "was" : "were"} delisted: cash ran out and no one would fund ${delisted.length === 1 ? "it" : "them"}.`,
    );
  return captions;
}

function marketCaptions(d: Pick<Debrief, "quarters" | "bubbleRatio" | "sentiment" | "corrections" | "peakQuarter">): string[] {
  const last = d.quarters.length - 1;
  const peakIndex = d.quarters.indexOf(d.peakQuarter);
  const start = d.bubbleRatio[0] ?? 0;
  const peak = d.bubbleRatio[peakIndex] ?? 0;
  const rise =
    peak > start
      ? `peaked at ${ratio(peak)} in ${quarterLabel(d.peakQuarter)}`
      : `never rose above it (its highest since was ${ratio(peak)} in ${quarterLabel(d.peakQuarter)})`;
  const captions = [
    `The bubble ratio (total valuation ÷ total fundamentals) started at ${ratio(start)}, ${rise} and ended at ${ratio(d.bubbleRatio[last] ?? 0)} in ${quarterLabel(d.quarters[last] ?? 0)}.`,
  ];
  const sentimentPeak = argMax(d.sentiment, PLAY_STARTS);
  if (d.corrections.length === 0) {
    captions.push(
      `No correction began: sentiment peaked at ${ratio(d.sentiment[sentimentPeak] ?? 0)} in ${quarterLabel(d.quarters[sentimentPeak] ?? 0)} and ended at ${ratio(d.sentiment[last] ?? 0)}.`,
    );
  }
  for (const c of d.corrections) {
    const length = c.end - c.start + 1;
    const sentimentFall = c.sentimentBefore > 0 ? 1 - c.sentimentTrough / c.sentimentBefore : 0;
    const valuationFall = c.valuationBefore > 0 ? 1 - c.valuationTrough / c.valuationBefore : 0;
    captions.push(
      `A correction began in ${quarterLabel(c.start)} and lasted ${length} quarter${length === 1 ? "" : "s"}: sentiment fell ${percent(sentimentFall)} (${ratio(c.sentimentBefore)} → ${ratio(c.sentimentTrough)} in ${quarterLabel(c.troughQuarter)}) and the firms' total valuation fell ${percent(Math.max(0, valuationFall))} (${money(c.valuationBefore)} → ${money(c.valuationTrough)}).`,
    );
  }
  return captions;
}

function valueCaptions(rows: readonly ValueRow[]): string[] {
  if (rows.length === 0) return [];
  const creator = rows.reduce((best, r) => (r.created > best.created ? r : best));
  const capturer = rows.reduce((best, r) => (r.captured > best.captured ? r : best));
  const captions: string[] = [];
  if (creator === capturer) {
    captions.push(
      `${creator.name} both created the most value (${money(creator.created)} of operating profit over the game) and captured the most (a final valuation of ${money(creator.captured)}).`,
    );
  } else {
    captions.push(
      `${creator.name} created the most value: ${money(creator.created)} of operating profit over the game, for a final valuation of ${money(creator.captured)}.`,
    );
    captions.push(`${capturer.name} captured the most: a final valuation of ${money(capturer.captured)}, having created ${money(capturer.created)}.`);
  }
  const delisted = rows.filter((r) => r.delisted);
  if (delisted.length > 0) captions.push(`Delisted, so capturing nothing: ${nameList(delisted.map((r) => `${r.name} (created ${money(r.created)})`))}.`);
  const created = rows.reduce((s, r) => s + r.created, 0);
  const captured = rows.reduce((s, r) => s + r.captured, 0);
  captions.push(
    `All firms together created ${money(created)} of operating profit and ended valued at ${money(captured)}${created > 0 ? `: ${(captured / created).toFixed(1)} dollars of valuation per dollar of profit` : ""}.`,
  );
  return captions;
}

/** Every series and caption of the debrief, from a finished game's public record. Pure. */
export function computeDebrief(input: DebriefInput): Debrief {
  const market = [...input.market].sort((a, b) => a.quarter - b.quarter);
  const quarters = market.map((p) => p.quarter);
  const bubbleRatio = market.map((p) => p.bubbleRatio);
  const sentiment = market.map((p) => p.sentiment);
  const totalValuation = market.map((p) => p.totalValuation);
  const firms = input.firms.map((f) => firmSeries(f, quarters, input.mine));
  const peakIndex = argMax(bubbleRatio, PLAY_STARTS);
  const corrections = correctionEpisodes(market);
  const standings = new Map(input.standings.map((s) => [s.firmId, s]));
  const value = input.firms
    .map((firm, order): ValueRow & { order: number } => {
      const standing = standings.get(firm.id);
      const lastRow = firm.history.at(-1);
      const delisted = standing?.delisted ?? firm.history.some((r) => r.delisted);
      return {
        order,
        id: firm.id,
        name: firm.name,
        mine: firm.id === input.mine,
        created: standing?.valueCreated ?? firm.history.reduce((s, r) => s + r.operatingProfit, 0),
        captured: delisted ? 0 : (standing?.valuation ?? lastRow?.valuation ?? 0),
        delisted,
      };
    })
    .sort((a, b) => b.captured - a.captured || b.created - a.created || a.order - b.order)
    .map(({ order: _order, ...row }) => row);
  const peakQuarter = quarters[peakIndex] ?? 0;
  const base = { quarters, bubbleRatio, sentiment, corrections, peakQuarter };
  return {
    ...base,
    firms,
    totalValuation,
    value,
    captions: {
      valuation: valuationCaptions(firms, quarters, peakIndex, bubbleRatio),
      market: marketCaptions(base),
      value: valueCaptions(value),
    },
  };
}
