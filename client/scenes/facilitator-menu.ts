import { FacilitatorKeySchema, JOIN_CODE_LENGTH, JOIN_ERRORS, JoinCodeSchema } from "../../shared/schemas/protocol.js";
import type { AppContext } from "../app.js";
import { locale, t } from "../i18n.js";
import { joinErrorText } from "../net/errors.js";
import { facilitatorKeyFor, forgetFacilitatorKey, storedKeys } from "../net/keys.js";
import { EXAMPLE_JOIN_CODE } from "../net/link.js";
import { h } from "../ui/dom.js";

/** Why a console did not open, in words (a wrong key is not a lost seat). */
export function consoleErrorText(error: unknown): string {
  if ((error as { code?: number } | null)?.code === JOIN_ERRORS.BAD_TOKEN) return t("errors.console.wrongKey");
  return joinErrorText(error);
}

interface FacilitatorActions {
  runClass(): void;
  /** Opens a console; resolves to a refusal in words, or null once it is open. */
  open(code: string, key: string): Promise<string | null>;
}

/** The menu's "Run a class" button, at the top of the menu where a teacher looks first. */
export function runClassButton(runClass: () => void): HTMLButtonElement {
  return h("button", { type: "button", id: "run-class", class: "run-class", onclick: runClass }, t("menu.class.runButton"));
}

/**
 * The menu's part for facilitators: what a class market is, the consoles this browser holds a
 * key for, and a form to open a console with a key brought from another browser. What goes
 * wrong is said in `said`, the menu's one alert line.
 */
export function facilitatorSection(app: AppContext, actions: FacilitatorActions, said: HTMLElement): HTMLElement {
  const store = window.localStorage;
  const open = async (code: string, key: string) => {
    said.textContent = t("menu.facilitator.opening");
    said.textContent = (await actions.open(code, key)) ?? "";
  };

  const list = h("ul", { class: "consoles", "aria-label": t("menu.facilitator.consoles") });
  const showList = () => {
    const entries = storedKeys(store, "class");
    list.hidden = entries.length === 0;
    list.replaceChildren(
      ...entries.map((entry) =>
        h(
          "li",
          {},
          h("button", { type: "button", onclick: () => void open(entry.code, entry.key) }, t("menu.facilitator.openConsole", { code: entry.code })),
          " ",
          h("span", { class: "muted" }, t("menu.facilitator.created", { when: new Date(entry.savedAt).toLocaleString(locale()) })),
          h(
            "button",
            {
              type: "button",
              class: "small",
              "aria-label": t("menu.facilitator.forgetLabel", { code: entry.code }),
              onclick: () => {
                forgetFacilitatorKey(store, entry.code);
                showList();
              },
            },
            t("menu.facilitator.forget"),
          ),
        ),
      ),
    );
  };
  showList();

  const linked = app.consoleCode;
  const code = h("input", { id: "console-code", autocomplete: "off", maxlength: 6, spellcheck: "false", value: linked ?? "" });
  const key = h("input", { id: "console-key", autocomplete: "off", spellcheck: "false", value: "" });
  const pasteForm = h(
    "form",
    {
      class: "paste-key",
      "aria-labelledby": "paste-title",
      onsubmit: (e) => {
        e.preventDefault();
        const c = JoinCodeSchema.safeParse(code.value);
        if (!c.success) {
          said.textContent = t("menu.join.badCode", { length: JOIN_CODE_LENGTH, example: EXAMPLE_JOIN_CODE });
          return code.focus();
        }
        const k = FacilitatorKeySchema.safeParse(key.value.trim());
        if (!k.success) {
          said.textContent = t("menu.facilitator.badKey", { min: 16, max: 64 });
          return key.focus();
        }
        void open(c.data, k.data);
      },
    },
    h("h3", { id: "paste-title" }, t("menu.facilitator.paste.title")),
    h(
      "div",
      { class: "columns tight" },
      h("div", {}, h("label", { for: "console-code" }, t("menu.facilitator.paste.code")), code),
      h("div", {}, h("label", { for: "console-key" }, t("menu.facilitator.paste.key")), key),
    ),
    h("button", { type: "submit" }, t("menu.facilitator.paste.submit")),
  );
  if (linked && !facilitatorKeyFor(store, linked)) {
    said.textContent = t("menu.facilitator.noKey", { code: linked });
  }
  return h(
    "section",
    { class: "facilitator", "aria-labelledby": "facilitator-title" },
    h("h2", { id: "facilitator-title" }, t("menu.facilitator.title")),
    h(
      "p",
      { class: "lede" },
      t("menu.facilitator.lede"),
      " ",
      h("button", { type: "button", class: "link", onclick: actions.runClass }, t("menu.facilitator.setUp")),
    ),
    list,
    linked ? pasteForm : h("details", { class: "paste" }, h("summary", {}, t("menu.facilitator.paste.summary")), pasteForm),
  );
}
