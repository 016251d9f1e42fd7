import { chineseSeam, type Locale } from "./core.js";

/**
 * Numbers, money and percentages for a locale, through `Intl`. Game money is in $M. English
 * keeps the game's compact dollar forms ("$1,234.5M", "$1.5B"); Chinese writes amounts with
 * 万/亿 and 美元 ("12.3亿美元"), as a Chinese business reader expects. A negative figure reads the
 * same way in both languages: the minus sign (U+2212, as the panel's and report's deltas write it)
 * first, before the currency: "−$12.3M", "−1.2亿美元", "−25%". `Intl` writes an ASCII hyphen for
 * both en and zh-CN, so every formatter here passes its output through `minus`.
 */

export const MINUS = "\u2212";

/** `text` with a leading ASCII hyphen (as `Intl` and `toFixed` write negatives) turned into the minus sign. */
function minus(text: string): string {
  return text.startsWith("-") ? MINUS + text.slice(1) : text;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/**
 * The one rule for money in both languages: to $0.1M below $100M (larger amounts round in their
 * format: $1M in English, 0.1亿 in Chinese); an amount that
 * rounds to nothing is 0 ("$0" / "0美元"), never "$0.0M", "4000美元" or "−0".
 */
function shown(millions: number): number {
  // From $100M up the formats round (a second rounding here would turn 12.345亿 into 12.4亿).
  if (Math.abs(millions) >= 100) return millions;
  const rounded = Math.round(millions * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/** Chinese money from $M already rounded by `shown`: 万 below 1亿 ("1230万美元", as English's "$12.3M"), 亿 to one decimal above. */
function yuanStyle(locale: Locale, millions: number, digits: number): string {
  if (millions === 0) return "0美元";
  return `${minus(numberFormat(locale, { notation: "compact", maximumFractionDigits: digits }).format(millions * 1e6))}美元`;
}

/**
 * Money in $M: "$1,235M", "$12.3M" / "12.3亿美元", "1230万美元" (both to $0.1M below $100M, `shown`);
 * nothing is "$0" / "0美元". It is `moneyTo` at the step its size picks (`moneyStep`).
 */
export function money(locale: Locale, millions: number): string {
  if (!Number.isFinite(millions)) return String(millions);
  const value = shown(millions);
  return moneyTo(locale, value, moneyStep(locale, value));
}

/**
 * An amount in a table of figures whose unit its caption names (debrief.figures.valuation):
 * whole $M in English ("24,990"), 亿美元 to two decimals in Chinese ("249.9", "0.85") — the unit
 * the Chinese charts and captions read in; the table said 百万美元 beside a page of 亿美元.
 */
export function tableAmount(locale: Locale, millions: number): string {
  if (!Number.isFinite(millions)) return String(millions);
  return locale === "zh-CN" ? number(locale, millions / 100, 2) : number(locale, Math.round(millions), 0);
}

/**
 * Money in few characters, for charts (bubble labels, legends, axes): "$0", "$500M", "$1.5B",
 * "$12.3B" / "0美元", "5亿美元", "170.7亿美元" — from $1B to the $0.1B in English, and 亿 to one
 * decimal in Chinese (a $20.2B firm read "$20B", 170.7亿 read "171亿": the labels beside a
 * leaderboard in $M added up to another total).
 */
export function shortMoney(locale: Locale, millions: number): string {
  if (!Number.isFinite(millions)) return String(millions);
  const value = shown(millions);
  return shortMoneyTo(locale, value, shortMoneyStep(locale, value));
}

/** The step ($M) `shortMoney` writes an amount of this size to: "$1.2B" and "$12.3B" are to $0.1B, "144.4亿美元" to 0.1亿. */
export function shortMoneyStep(locale: Locale, millions: number): number {
  const abs = Math.abs(millions);
  return locale === "zh-CN"
    ? abs >= 1e6
      ? 1e5 // 0.1万亿
      : abs >= 100
        ? 10 // 0.1亿
        : 0.1
    : abs >= 1000
      ? 100 // $0.1B
      : abs >= 100
        ? 1
        : 0.1;
}

/** Decimals the unit `Intl`'s compact Chinese picks for `millions` (万, 亿, 万亿) needs to write a multiple of `step` ($M). */
function yuanDigits(millions: number, step: number): number {
  const abs = Math.abs(millions);
  const unit = abs >= 1e6 ? 1e6 : abs >= 100 ? 100 : 0.01; // 1万亿, 1亿, 1万 in $M
  return Math.max(0, Math.round(Math.log10(unit / step)));
}

/**
 * Money in `money`'s forms, written to a given `step` ($M: 0.1, 1, 10 …) rather than the step
 * its size picks: a figure that must agree with others, such as a change beside the pair it is
 * the difference of, is written to their step ("$95.3M → $120M (+$24.7M)", not "(+$25M)").
 * `money(l, m)` is `moneyTo` at `moneyStep`.
 */
export function moneyTo(locale: Locale, millions: number, step: number): string {
  if (!Number.isFinite(millions)) return String(millions);
  const value = amountTo(millions, step);
  if (locale === "zh-CN") return value === 0 ? "0美元" : yuanStyle(locale, value, yuanDigits(value, step));
  if (value === 0) return "$0";
  const digits = step < 1 ? 1 : 0;
  const sign = value < 0 ? MINUS : "";
  return `${sign}$${numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.abs(value))}M`;
}

/**
 * Money in `shortMoney`'s forms, written to a given `step` ($M): a total written to its parts'
 * finest step is their sum exactly ("$7.5B + $3.3B + $3B + $1.7B" total "$15.5B", not "$16B").
 * `shortMoneyTo(l, m, shortMoneyStep(l, m))` is `shortMoney(l, m)`.
 */
export function shortMoneyTo(locale: Locale, millions: number, step: number): string {
  if (!Number.isFinite(millions)) return String(millions);
  const value = amountTo(millions, step);
  // Chinese short money is money (亿 to one decimal is short already); English writes $0.1B steps in billions.
  if (locale === "en" && step >= 100 && value !== 0) return `${value < 0 ? MINUS : ""}$${Number((Math.abs(value) / 1000).toFixed(step >= 1000 ? 0 : 1))}B`;
  const text = moneyTo(locale, value, step);
  // "$12M" for a chart, not "$12.0M"; below $1M the decimal is the figure ("$0.5M").
  return Math.abs(value) >= 1 ? text.replace(".0M", "M") : text;
}

/** The amount ($M) that `money` writes for `millions` ("12.3亿美元" is 1,230; "$1,235M" is 1,235): what a reader adds. */
export function moneyAmount(locale: Locale, millions: number): number {
  const value = shown(millions);
  return amountTo(value, moneyStep(locale, value));
}

/** The step ($M) `money` writes an amount of this size to: $0.1M below $100M; then $1M in English, 0.1亿 ($10M) in Chinese, 0.1万亿 from 1万亿. */
export function moneyStep(locale: Locale, millions: number): number {
  const abs = Math.abs(millions);
  return abs < 100 ? 0.1 : locale === "zh-CN" ? (abs >= 1e6 ? 1e5 : 10) : 1;
}

/**
 * `millions` rounded to a multiple of `step` ($M), halves away from zero (as `Intl` rounds), without
 * float dust, never −0: the amount `moneyTo` and `shortMoneyTo` write.
 */
export function amountTo(millions: number, step: number): number {
  const amount = Number((Math.round(Math.abs(millions) / step) * step).toPrecision(12));
  return amount === 0 ? 0 : Math.sign(millions) * amount;
}

/** A share as a percentage: 0.253 → "25%" (digits: decimals kept). */
export function percent(locale: Locale, share: number, digits = 0): string {
  return minus(numberFormat(locale, { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(share));
}

/**
 * A share of a market as a percentage, never "0%" for a share that is not zero: one that rounds to
 * nothing at `digits` reads "<0.1%" (digits 1) or "<1%" (digits 0), in either language.
 */
export function sharePercent(locale: Locale, share: number, digits = 0): string {
  const step = 10 ** -(digits + 2);
  if (share > 0 && share < step / 2) return `<${percent(locale, step, digits)}`;
  return percent(locale, share, digits);
}

/** A number with the locale's grouping: 1234.5 → "1,234.5". */
export function number(locale: Locale, value: number, maximumFractionDigits = 1, fixed = false): string {
  const minimumFractionDigits = fixed ? maximumFractionDigits : 0;
  return minus(numberFormat(locale, { minimumFractionDigits, maximumFractionDigits }).format(value));
}

/** A list joined for the locale: ["a","b","c"] → "a, b and c" / "a、b和c" ("Helios 和 Cobalt": Chinese spacing, see `fill`). */
export function list(locale: Locale, items: readonly string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  const format = new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type });
  if (locale !== "zh-CN") return format.format(items);
  return format.formatToParts(items).reduce((out, part) => chineseSeam(out, part.value), "");
}
