import { translator } from "../../shared/i18n/catalog.js";
import type { TurnWords } from "../../shared/words/turns.js";
import { locale, t } from "../i18n.js";
import { downloadsAbout, EXPORT_KINDS, type ExportKind, exportFileName, exportGuidePath, exportLabel, fetchExport } from "../net/exports.js";
import { h, status } from "./dom.js";

/** Hands a fetched file to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the URL a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The three downloads of a game (CSV, anonymised CSV, JSON record) as buttons, what each file
 * holds, and a line that says what happened. Shared by the console and the game-over screen.
 */
export function downloadButtons(code: string, key: string, turns: TurnWords): HTMLElement {
  const said = status();
  const button = (kind: ExportKind) =>
    h(
      "button",
      {
        type: "button",
        onclick: async (event) => {
          const target = event.currentTarget as HTMLButtonElement;
          target.disabled = true;
          said.className = "status";
          said.textContent = t("exports.preparing");
          try {
            const fileName = exportFileName(code, kind);
            saveBlob(await fetchExport((input, init) => fetch(input, init), code, key, kind, translator(locale())), fileName);
            said.textContent = t("exports.done", { file: fileName });
          } catch (error) {
            said.className = "error";
            said.textContent = (error as Error).message;
          } finally {
            target.disabled = false;
          }
        },
      },
      exportLabel(translator(locale()), kind),
    );
  return h(
    "section",
    { class: "downloads", "aria-labelledby": `downloads-${code}` },
    h("h2", { id: `downloads-${code}` }, t("exports.heading")),
    h("div", { class: "download-buttons" }, ...EXPORT_KINDS.map(button)),
    h("p", { class: "hint downloads-about" }, downloadsAbout(translator(locale()), turns)),
    h("a", { class: "downloads-guide", href: exportGuidePath(locale()), target: "_blank", rel: "noopener" }, t("exports.guide")),
    said,
  );
}
