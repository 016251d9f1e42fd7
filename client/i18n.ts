import { type Key, type MessageAt, translate } from "../shared/i18n/catalog.js";
import { asLocale, LOCALES, type Locale, localeFromPreferences, type ParamsArg } from "../shared/i18n/core.js";
import * as format from "../shared/i18n/format.js";

/**
 * The page's language: chosen from the browser's preferences on a first visit, switchable on
 * every screen (the language control, `languageControl()`), remembered in localStorage, and
 * mirrored in `<html lang>`. Every text a person reads goes through `t` (catalogs in
 * shared/i18n/messages/) and every number through the formatters below.
 */

const STORAGE_KEY = "sos.locale";
/**
 * The page's globals, typed here so that this module also compiles (and runs) outside a
 * browser: unit tests in test/client import screens' wording through it under Node's types.
 */
const page = globalThis as unknown as {
  location?: { search: string };
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  navigator?: { languages?: readonly string[] };
  document?: { documentElement: { lang: string }; title: string };
};
let current: Locale = initialLocale();
const listeners = new Set<(locale: Locale) => void>();

function initialLocale(): Locale {
  const fromAddress = asLocale(new URLSearchParams(page.location?.search ?? "").get("lang"));
  if (fromAddress) return fromAddress;
  try {
    const stored = asLocale(page.localStorage?.getItem(STORAGE_KEY));
    if (stored) return stored;
  } catch {
    // Storage may be off (private mode): fall back to the browser's languages.
  }
  return localeFromPreferences(page.navigator?.languages ?? []);
}

/** The language the page speaks now. */
export function locale(): Locale {
  return current;
}

/** Switches the language, remembers it, updates `<html lang>` and tells every listener (the scenes re-render). */
export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  try {
    page.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but the page still switches.
  }
  applyToDocument();
  for (const listener of listeners) listener(next);
}

/** Calls `listener` after every language switch; returns the function that stops it. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets `<html lang>` and the document's title for the current language. */
export function applyToDocument(): void {
  const document = page.document;
  if (!document) return;
  document.documentElement.lang = current;
  document.title = t("common.appName");
}

/** The text at `key` in the page's language. */
export function t<K extends Key>(key: K, ...args: ParamsArg<MessageAt<K>>): string {
  return translate(current, key, ...args);
}

/** Money in $M for the page's language ("$1,234.5M" / "12.3亿美元"). */
export const money = (millions: number): string => format.money(current, millions);
/** Short money for axes and labels ("$1.5B" / "15亿美元"). */
export const shortMoney = (millions: number): string => format.shortMoney(current, millions);
/** A share as a percentage ("25%"). */
export const percent = (share: number, digits = 0): string => format.percent(current, share, digits);
/** A market share as a percentage that never reads "0%" when it is not zero ("<0.1%"). */
export const sharePercent = (share: number, digits = 0): string => format.sharePercent(current, share, digits);
/** A number with the language's grouping; `fixed` keeps trailing zeros ("45.0" beside "40.9"). */
export const number = (value: number, digits = 1, fixed = false): string => format.number(current, value, digits, fixed);
/** A list joined for the language ("a, b and c" / "a、b和c"). */
export const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction"): string => format.list(current, items, type);

/** The languages offered by the switch, each named in itself. */
export const LANGUAGES = LOCALES;
