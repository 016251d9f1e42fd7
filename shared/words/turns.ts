import { DEFAULT_CONFIG } from "../config/scenarios.js";
import { turnSpan } from "../engine/clock.js";
import type { Key, Translate } from "../i18n/catalog.js";
import type { EconomyConfig } from "../schemas/config.js";

/**
 * How a game's turns read. The story is a 16-quarter cycle (shared/engine/clock.ts): a game
 * of that length plays a quarter a turn and says "Quarter 3 of 16"; a game of another length
 * plays `tau` quarters of the story a turn (a 4-quarter game a year, an 8-quarter game six
 * months, a 24-quarter game two months) and says "Turn 3 of 8", with what a turn spans.
 */
export interface TurnWords {
  /** A turn is one quarter of the story: the words say "quarter". */
  quarterly: boolean;
  /** Months of the story a turn spans (3 × tau). */
  months: number;
}

/** The words of a game that plays a quarter of the story a turn (the reference length, or a fixed clock). */
export const QUARTERLY: TurnWords = { quarterly: true, months: 3 };

type Clocked = Pick<EconomyConfig, "quarters" | "clock">;

/** The words for a game's turns, from its config (its clock may be fixed or scaled). */
export function turnWords(config: Clocked): TurnWords {
  const tau = turnSpan(config as EconomyConfig);
  return { quarterly: Math.abs(tau - 1) < 1e-9, months: 3 * tau };
}

/** The words for a length chosen on a form, with the scenarios' clock (before any designer's override). */
export function turnWordsFor(quarters: number): TurnWords {
  return turnWords({ quarters, clock: DEFAULT_CONFIG.clock });
}

/** What a turn spans, in the reader's words: "a year", "6 months", "1.2 months". */
export function spanWords(t: Translate, turns: TurnWords): string {
  const months = Math.round(turns.months * 10) / 10;
  return months === 12 ? t("common.turn.span.year") : t("common.turn.span.months", { count: months });
}

/** A game's length: "16 quarters" at the reference length, else "8 turns · 6 months each". */
export function lengthWords(t: Translate, quarters: number, turns: TurnWords): string {
  if (turns.quarterly) return t("common.quarters.count", { count: quarters });
  return t("common.length.turns", { turns: t("common.turns.count", { count: quarters }), span: spanWords(t, turns) });
}

/** What a length chosen on a form means: "16 quarters · one quarter a turn" / "8 turns · 6 months each". */
export function lengthHint(t: Translate, quarters: number, turns: TurnWords): string {
  return turns.quarterly ? t("common.length.quarterly", { count: quarters }) : lengthWords(t, quarters, turns);
}

/** The turn being played: "Quarter 3 of 16" / "Turn 3 of 8". */
export function turnOf(t: Translate, current: number, total: number, turns: TurnWords): string {
  return t(turns.quarterly ? "common.quarter.of" : "common.turn.of", { current, total });
}

/** A turn in few characters, for axes, tables and captions: "Q3" / "T3". */
export function turnShort(t: Translate, turn: number, turns: TurnWords): string {
  return turns.quarterly ? t("common.quarterShort", { quarter: turn }) : t("common.turn.short", { turn });
}

/** A line saying what a turn is, or "" when turns are quarters: "Each turn is 6 months of the story." */
export function spanLine(t: Translate, turns: TurnWords): string {
  return turns.quarterly ? "" : t("common.turn.spanLine", { span: spanWords(t, turns) });
}

/** Catalog keys that have a ".turn" variant: the same line for a game whose turn is not a quarter. */
type Turned = { [K in Key]: `${K}.turn` extends Key ? K : never }[Key];

/** `key`, or its ".turn" variant when this game's turns are not quarters of the story. */
export function turnKey<K extends Turned>(turns: TurnWords, key: K): K | `${K}.turn` {
  return turns.quarterly ? key : (`${key}.turn` as `${K}.turn`);
}
