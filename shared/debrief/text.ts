/**
 * Number words for the debrief's captions, in the reader's language: the same figure always
 * reads the same way. Every caption function takes `Words` (the language and its `t`).
 */

import { gameConfig } from "../config/override.js";
import { type Translate, translator } from "../i18n/catalog.js";
import type { Locale } from "../i18n/core.js";
import * as format from "../i18n/format.js";
import { QUARTERLY, type TurnWords, turnShort, turnWords, turnWordsFor } from "../words/turns.js";
import type { DebriefInput } from "./input.js";

/** What a function that words the debrief needs: the reader's language, its catalog lookup and how the game's turns read. */
export interface Words {
  readonly locale: Locale;
  readonly t: Translate;
  /** "Q3" and "quarter" in a 16-quarter game, "T3" and "turn" at other lengths (shared/words/turns.ts). */
  readonly turns: TurnWords;
}

const cache = new Map<string, Words>();

/** The words of `locale` for a game whose turns read as `turns` (one object per language and turn length). */
export function wordsFor(locale: Locale, turns: TurnWords = QUARTERLY): Words {
  const key = `${locale}|${turns.quarterly}|${turns.months}`;
  let words = cache.get(key);
  if (!words) {
    words = { locale, t: translator(locale), turns };
    cache.set(key, words);
  }
  return words;
}

const fixedFormats = new Map<string, Intl.NumberFormat>();
/** `value` with exactly `digits` decimals for the language: 2.046 → "2.05". */
export function fixed(w: Words, value: number, digits: number): string {
  const key = `${w.locale}|${digits}`;
  let f = fixedFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(w.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    fixedFormats.set(key, f);
  }
  return f.format(value);
}

/** 0.784 → "78%". */
export function percent(w: Words, share: number): string {
  return format.percent(w.locale, share, 0);
}

/** A ratio such as the bubble ratio or sentiment: 2.046 → "2.05". */
export function ratio(w: Words, value: number): string {
  return fixed(w, value, 2);
}

/**
 * Money for captions, as the final standings beside them write it: "$0", "$530M", "$15,612M",
 * "−$410M" / "0美元", "5.3亿美元", "156.1亿美元". Short money here ("$15.6B") wrote a firm's final
 * valuation two ways on one screen ("$9.3B" in a caption beside "$9,330M" in the standings).
 */
export function money(w: Words, millions: number): string {
  if (Math.round(millions) === 0) return format.money(w.locale, 0);
  return format.money(w.locale, Math.abs(millions) >= 100 ? millions : Math.round(millions));
}

/** "Q3" / "第 3 季", or "T3" / "第 3 回合" when a turn is not a quarter. */
export function quarterLabel(w: Words, quarter: number): string {
  return turnShort(w.t, quarter, w.turns);
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more" / "A、B和C" (Intl.ListFormat). */
export function nameList(w: Words, names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > max) return format.list(w.locale, [...names.slice(0, max), w.t("debrief.list.more", { count: names.length - max })]);
  return format.list(w.locale, names);
}

/** How a finished game's turns read, from the economy it was played with. */
export function debriefTurns(input: Pick<DebriefInput, "scenario" | "quarters" | "economy">): TurnWords {
  const loaded = gameConfig(input.scenario, input.quarters, input.economy);
  return loaded.ok ? turnWords(loaded.value) : turnWordsFor(input.quarters);
}
