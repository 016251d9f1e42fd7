/**
 * Typed message catalogs (no dependency): every text a person reads lives in an area file in
 * `messages/`, in English and Simplified Chinese side by side. The English object is the
 * source of the keys and placeholders; the Chinese one is checked against it with
 * `satisfies Translation<typeof en>` (a missing or extra key is a type error), and
 * test/shared/i18n.test.ts checks that both use the same `{placeholders}`.
 *
 * Why typed TS catalogs rather than i18next: the catalogs are plain data that shared/ (pure,
 * deterministic, no DOM) can import for event sentences and debrief captions; a key or a
 * parameter that does not exist is a compile error at the call; nothing to load at run time.
 */

/** The languages the game speaks. The first is the fallback. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A message whose words depend on a number (`{count}`): chosen with `Intl.PluralRules`.
 * English uses `one` and `other`; Chinese has only `other`.
 */
export interface Plural {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | Plural;
export type Messages = Readonly<Record<string, Message>>;

/** The shape another language must give for the English messages `E`: the same keys. */
export type Translation<E extends Messages> = { readonly [K in keyof E]: E[K] extends string ? string : Plural };

/** An area's messages in every language. */
export interface Area<E extends Messages = Messages> {
  readonly en: E;
  readonly "zh-CN": Translation<E>;
}

/** The `{name}` placeholders of a message text. */
export type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** A message's parameters: each placeholder, and `count` (a number) for a plural. */
export type ParamsOf<M> = M extends string
  ? { readonly [P in Placeholders<M>]: string | number }
  : M extends Plural
    ? { readonly [P in Placeholders<M["other"]> | "count"]: P extends "count" ? number : string | number }
    : never;

/** The arguments after the key: none for a message without placeholders. */
export type ParamsArg<M> = [Placeholders<M extends Plural ? M["other"] : M>] extends [never]
  ? M extends Plural
    ? [params: ParamsOf<M>]
    : [params?: Record<string, never>]
  : [params: ParamsOf<M>];

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** Chooses a plural's form for `count` in `locale` (falls back to `other`). */
export function pluralForm(locale: Locale, message: Plural, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const category = rules.select(count) as keyof Plural;
  return message[category] ?? message.other;
}

/**
 * Fills a message's `{placeholders}`. Numbers are written for the locale (grouping, decimal
 * sign); format money and percentages before passing them (see format.ts). A placeholder
 * without a value stays visible, so a missing parameter is seen, not silently blank.
 *
 * In Chinese, where a value meets the text around it, the spacing follows one rule (the
 * catalog's "第 3 回合", "有 73% 来自"): a space between a Chinese character and a Latin
 * letter or digit, none between two Chinese characters. The catalog cannot know which a value
 * is ("Cobalt" or "北风", "73%" or "660亿美元"), so the space is set here: "Cobalt 的估值",
 * "（660亿美元中的 483.3亿美元）" where the template reads "{firm}的估值", "（{valuation} 中的 {narrative}）".
 */
export function fill(locale: Locale, message: Message, params: Readonly<Record<string, string | number>> = {}): string {
  const text = typeof message === "string" ? message : pluralForm(locale, message, Number(params.count ?? 0));
  const value = (name: string): string | undefined => {
    const v = params[name];
    if (v === undefined) return undefined;
    return typeof v === "number" ? formatNumber(locale, v) : v;
  };
  if (locale !== "zh-CN") return text.replace(/\{(\w+)\}/g, (whole, name: string) => value(name) ?? whole);
  let out = "";
  let filled = false; // whether `out` ends with a value
  for (const piece of text.split(/(\{\w+\})/)) {
    if (piece === "") continue;
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    const v = name === undefined ? undefined : value(name);
    if (v === undefined) {
      out = filled ? chineseSeam(out, piece) : out + piece;
      filled = false;
    } else {
      out = v === "" ? out : chineseSeam(out, v);
      filled = v !== "" || filled;
    }
  }
  return out;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z0-9]/;

/** `left` + `right` with the Chinese spacing rule at the seam (see `fill`). */
export function chineseSeam(left: string, right: string): string {
  if (left === "") return right;
  const leftTrim = left.endsWith(" ") ? left.slice(0, -1) : left;
  const rightTrim = leftTrim === left && right.startsWith(" ") ? right.slice(1) : right;
  const spaceBetween = leftTrim !== left || rightTrim !== right;
  const a = leftTrim.at(-1) ?? "";
  const b = rightTrim[0] ?? "";
  if (a === "" || b === "") return left + right;
  if (CJK.test(a) && CJK.test(b)) return leftTrim + rightTrim;
  if (!spaceBetween && ((HAN.test(a) && LATIN.test(b)) || (LATIN.test(a) && HAN.test(b)))) return `${left} ${right}`;
  return left + right;
}

/** A plain number for the locale: 1234.5 → "1,234.5". */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** Every `{placeholder}` a message uses (all plural forms together), for the parity test. */
export function placeholdersOf(message: Message): Set<string> {
  const texts = typeof message === "string" ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1] as string);
  return names;
}

/** Picks the game's language from the browser's preferences: any Chinese but traditional → zh-CN; else English. */
export function localeFromPreferences(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === "zh" || lower === "zh-cn" || lower === "zh-sg" || lower.startsWith("zh-hans")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

/** Reads a stored or requested language tag; anything else is null. */
export function asLocale(value: unknown): Locale | null {
  return (LOCALES as readonly unknown[]).includes(value) ? (value as Locale) : null;
}
