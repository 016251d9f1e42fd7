import { correctionSpans } from "../engine/corrections.js";
import { turnKey } from "../words/turns.js";
import type { DebriefFirm, DebriefInput, DebriefPoint } from "./input.js";
import { fixed, money, nameList, percent, quarterLabel, ratio, type Words } from "./text.js";

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

function valuationCaptions(w: Words, firms: readonly FirmSeries[], quarters: readonly number[], peakIndex: number, bubble: readonly number[]): string[] {
  const { t } = w;
  const q = (quarter: number) => quarterLabel(w, quarter);
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
    const v = inflated.valuation[peakIndex] as number;
    const f = inflated.fundamentals[peakIndex] as number;
    const head = {
      peak: q(peakQ),
      share: percent(w, inflated.narrativeShare[peakIndex] as number),
      firm: inflated.name,
      narrative: money(w, v - f),
      valuation: money(w, v),
    };
    const endShare = inflated.narrativeShare[last];
    // The peak may be the last quarter (a bubble that never corrected): then say it once.
    if (inflated.delistedQuarter !== null) {
      const delisted = q(inflated.delistedQuarter);
      captions.push(
        peakIndex === last
          ? t(turnKey(w.turns, "debrief.caption.valuation.peakLastDelisted"), { ...head, delisted })
          : t("debrief.caption.valuation.peakDelisted", { ...head, delisted }),
      );
    } else if (peakIndex === last) captions.push(t(turnKey(w.turns, "debrief.caption.valuation.peakLast"), head));
    else if (endShare === null || endShare === undefined) captions.push(t("debrief.caption.valuation.peakGone", { ...head, end: q(endQ), zero: money(w, 0) }));
    else captions.push(t("debrief.caption.valuation.peakEnd", { ...head, end: q(endQ), endShare: percent(w, endShare) }));
  }
  const listedAtEnd = firms.filter((f) => f.narrativeShare[last] !== null && f.narrativeShare[last] !== undefined);
  const grounded = listedAtEnd.reduce<FirmSeries | null>(
    (best, f) => (!best || (f.narrativeShare[last] as number) < (best.narrativeShare[last] as number) ? f : best),
    null,
  );
  if (grounded && grounded !== inflated && listedAtEnd.length > 1) {
    const fShare = 1 - (grounded.narrativeShare[last] as number);
    captions.push(
      t("debrief.caption.valuation.grounded", { firm: grounded.name, share: percent(w, fShare), valuation: money(w, grounded.valuation[last] as number) }),
    );
  }
  const narrativeOfAll = (b: number | undefined) => (b !== undefined && b > 0 ? Math.max(0, 1 - 1 / b) : 0);
  captions.push(t("debrief.caption.valuation.market", { peak: percent(w, narrativeOfAll(bubble[peakIndex])), end: percent(w, narrativeOfAll(bubble[last])) }));
  const delisted = firms.filter((f) => f.delistedQuarter !== null);
  if (delisted.length > 0)
    captions.push(
      t("debrief.caption.valuation.delisted", {
        count: delisted.length,
        firms: nameList(
          w,
          delisted.map((f) => t("debrief.firmQuarter", { firm: f.name, quarter: q(f.delistedQuarter as number) })),
        ),
      }),
    );
  return captions;
}

function marketCaptions(w: Words, d: Pick<Debrief, "quarters" | "bubbleRatio" | "sentiment" | "corrections" | "peakQuarter">): string[] {
  const { t } = w;
  const q = (quarter: number) => quarterLabel(w, quarter);
  const last = d.quarters.length - 1;
  const peakIndex = d.quarters.indexOf(d.peakQuarter);
  const start = d.bubbleRatio[0] ?? 0;
  const peak = d.bubbleRatio[peakIndex] ?? 0;
  const figures = {
    start: ratio(w, start),
    peak: ratio(w, peak),
    peakQuarter: q(d.peakQuarter),
    end: ratio(w, d.bubbleRatio[last] ?? 0),
    endQuarter: q(d.quarters[last] ?? 0),
  };
  const captions = [peak > start ? t("debrief.caption.market.rose", figures) : t("debrief.caption.market.flat", figures)];
  const sentimentPeak = argMax(d.sentiment, PLAY_STARTS);
  if (d.corrections.length === 0) {
    captions.push(
      t("debrief.caption.market.noCorrection", {
        peak: ratio(w, d.sentiment[sentimentPeak] ?? 0),
        peakQuarter: q(d.quarters[sentimentPeak] ?? 0),
        end: ratio(w, d.sentiment[last] ?? 0),
      }),
    );
  }
  for (const c of d.corrections) {
    const sentimentFall = c.sentimentBefore > 0 ? 1 - c.sentimentTrough / c.sentimentBefore : 0;
    const valuationFall = c.valuationBefore > 0 ? 1 - c.valuationTrough / c.valuationBefore : 0;
    // A correction of sentiment alone (new shares or profits kept the total up) is said as such, not as a 0% fall.
    captions.push(
      t(turnKey(w.turns, valuationFall > 0 ? "debrief.caption.market.correction" : "debrief.caption.market.correctionHeld"), {
        count: c.end - c.start + 1,
        start: q(c.start),
        sentimentFall: percent(w, sentimentFall),
        sentimentBefore: ratio(w, c.sentimentBefore),
        sentimentTrough: ratio(w, c.sentimentTrough),
        troughQuarter: q(c.troughQuarter),
        valuationFall: percent(w, Math.max(0, valuationFall)),
        valuationBefore: money(w, c.valuationBefore),
        valuationTrough: money(w, c.valuationTrough),
      }),
    );
  }
  return captions;
}

function valueCaptions(w: Words, rows: readonly ValueRow[]): string[] {
  const { t } = w;
  if (rows.length === 0) return [];
  const creator = rows.reduce((best, r) => (r.created > best.created ? r : best));
  const capturer = rows.reduce((best, r) => (r.captured > best.captured ? r : best));
  const captions: string[] = [];
  if (creator === capturer) {
    captions.push(t("debrief.caption.value.both", { firm: creator.name, created: money(w, creator.created), captured: money(w, creator.captured) }));
  } else {
    captions.push(t("debrief.caption.value.creator", { firm: creator.name, created: money(w, creator.created), captured: money(w, creator.captured) }));
    captions.push(t("debrief.caption.value.capturer", { firm: capturer.name, captured: money(w, capturer.captured), created: money(w, capturer.created) }));
  }
  const delisted = rows.filter((r) => r.delisted);
  if (delisted.length > 0)
    captions.push(
      t("debrief.caption.value.delisted", {
        firms: nameList(
          w,
          delisted.map((r) => t("debrief.caption.value.delistedFirm", { firm: r.name, created: money(w, r.created) })),
        ),
      }),
    );
  const created = rows.reduce((s, r) => s + r.created, 0);
  const captured = rows.reduce((s, r) => s + r.captured, 0);
  const totals = { created: money(w, created), captured: money(w, captured) };
  captions.push(
    created > 0
      ? t("debrief.caption.value.total", { ...totals, perDollar: fixed(w, captured / created, 1) })
      : t("debrief.caption.value.totalNoProfit", totals),
  );
  return captions;
}

/** Every series and caption of the debrief, from a finished game's public record, worded for `w`'s reader. Pure. */
export function computeDebrief(input: DebriefInput, w: Words): Debrief {
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
      valuation: valuationCaptions(w, firms, quarters, peakIndex, bubbleRatio),
      market: marketCaptions(w, base),
      value: valueCaptions(w, value),
    },
  };
}
