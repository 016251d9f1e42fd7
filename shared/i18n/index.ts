export { CATALOG, type Key, type MessageAt, type Translate, translate, translator } from "./catalog.js";
export { asLocale, LOCALES, type Locale, localeFromPreferences } from "./core.js";
export * as fmt from "./format.js";
