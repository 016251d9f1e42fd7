import { fill, type Locale, type Messages, type ParamsArg } from "./core.js";
import common from "./messages/common.js";
import consoleArea from "./messages/console.js";
import debrief from "./messages/debrief.js";
import errors from "./messages/errors.js";
import events from "./messages/events.js";
import downloads from "./messages/exports.js";
import lobby from "./messages/lobby.js";
import market from "./messages/market.js";
import menu from "./messages/menu.js";
import panel from "./messages/panel.js";
import report from "./messages/report.js";
import sectors from "./messages/sectors.js";

/**
 * Every area's messages, by area name. A key is `area.key` ("common.appName"). To add an
 * area: write `messages/<area>.ts` like the others and list it here (keep the list sorted).
 */
export const CATALOG = {
  common,
  console: consoleArea,
  debrief,
  errors,
  events,
  exports: downloads,
  lobby,
  market,
  menu,
  panel,
  report,
  sectors,
} as const;

type Catalog = typeof CATALOG;
type AreaName = keyof Catalog;

/** Every message key, `area.key`. */
export type Key = { [A in AreaName]: `${A}.${keyof Catalog[A]["en"] & string}` }[AreaName];

/** The English message at a key (its placeholders type the parameters). */
export type MessageAt<K> = K extends `${infer A extends AreaName}.${infer R}` ? (R extends keyof Catalog[A]["en"] ? Catalog[A]["en"][R] : never) : never;

/** A translate function bound to one language: `t("common.quarters.count", { count: 3 })`. */
export type Translate = <K extends Key>(key: K, ...args: ParamsArg<MessageAt<K>>) => string;

/** The text at `key` in `locale` (English where a language lacks it), placeholders filled. */
export function translate<K extends Key>(locale: Locale, key: K, ...args: ParamsArg<MessageAt<K>>): string {
  const dot = key.indexOf(".");
  const area = (CATALOG as unknown as Record<string, Record<Locale, Messages>>)[key.slice(0, dot)];
  const rest = key.slice(dot + 1);
  const message = area?.[locale][rest] ?? area?.en[rest];
  if (message === undefined) return key;
  return fill(locale, message, args[0] as Record<string, string | number> | undefined);
}

/** `translate` bound to `locale`, for code that words things for one reader (a debrief, an export). */
export function translator(locale: Locale): Translate {
  return (key, ...args) => translate(locale, key, ...args);
}
