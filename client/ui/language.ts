import { asLocale } from "../../shared/i18n/core.js";
import { LANGUAGES, locale, onLocaleChange, setLocale, t } from "../i18n.js";
import { h } from "./dom.js";

/**
 * The language switch, on every screen (made once, outside the scenes' screens): a select
 * named in both languages, so a reader of either finds it; each language named in itself.
 */
export function languageControl(): HTMLElement {
  const select = h("select", { id: "language", "aria-label": t("common.language.switch") });
  // Each language named in itself, and marked as such for screen readers.
  for (const code of LANGUAGES) select.append(h("option", { value: code, lang: code, selected: code === locale() }, t(`common.language.${code}`)));
  select.addEventListener("change", () => {
    const next = asLocale(select.value);
    if (next) setLocale(next);
  });
  onLocaleChange((next) => {
    select.value = next;
  });
  return h("div", { class: "language" }, select);
}
