import { FacilitatorKeySchema, JOIN_ERRORS, JoinCodeSchema } from "../../shared/schemas/protocol.js";
import type { AppContext } from "../app.js";
import { joinErrorText } from "../net/errors.js";
import { facilitatorKeyFor, forgetFacilitatorKey, storedKeys } from "../net/keys.js";
import { h } from "../ui/dom.js";

/** Why a console did not open, in words (a wrong key is not a lost seat). */
export function consoleErrorText(error: unknown): string {
  if ((error as { code?: number } | null)?.code === JOIN_ERRORS.BAD_TOKEN) return "That key does not open the console of this game.";
  return joinErrorText(error);
}

interface FacilitatorActions {
  runClass(): void;
  /** Opens a console; resolves to a refusal in words, or null once it is open. */
  open(code: string, key: string): Promise<string | null>;
}

/** The menu's "Run a class" button, at the top of the menu where a teacher looks first. */
export function runClassButton(runClass: () => void): HTMLButtonElement {
  return h("button", { type: "button", id: "run-class", class: "run-class", onclick: runClass }, "Run a class");
}

/**
 * The menu's part for facilitators: what a class market is, the consoles this browser holds a
 * key for, and a form to open a console with a key brought from another browser. What goes
 * wrong is said in `said`, the menu's one alert line.
 */
export function facilitatorSection(app: AppContext, actions: FacilitatorActions, said: HTMLElement): HTMLElement {
  const store = window.localStorage;
  const open = async (code: string, key: string) => {
    said.textContent = "Opening the console…";
    said.textContent = (await actions.open(code, key)) ?? "";
  };

  const list = h("ul", { class: "consoles", "aria-label": "Your class markets" });
  const showList = () => {
    const entries = storedKeys(store, "class");
    list.hidden = entries.length === 0;
    list.replaceChildren(
      ...entries.map((entry) =>
        h(
          "li",
          {},
          h("button", { type: "button", onclick: () => void open(entry.code, entry.key) }, `Open console ${entry.code}`),
          h("span", { class: "muted" }, ` created ${new Date(entry.savedAt).toLocaleString()}`),
          h(
            "button",
            {
              type: "button",
              class: "small",
              "aria-label": `Forget the key of ${entry.code}`,
              onclick: () => {
                forgetFacilitatorKey(store, entry.code);
                showList();
              },
            },
            "Forget",
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
          said.textContent = "A join code is 6 letters and digits, like K7M3QX.";
          return code.focus();
        }
        const k = FacilitatorKeySchema.safeParse(key.value.trim());
        if (!k.success) {
          said.textContent = "Paste the whole facilitator key (16 to 64 characters), as it was shown when the game was created.";
          return key.focus();
        }
        void open(c.data, k.data);
      },
    },
    h("h3", { id: "paste-title" }, "Open a console with a key"),
    h(
      "div",
      { class: "columns tight" },
      h("div", {}, h("label", { for: "console-code" }, "Game code"), code),
      h("div", {}, h("label", { for: "console-key" }, "Facilitator key"), key),
    ),
    h("button", { type: "submit" }, "Open console"),
  );
  if (linked && !facilitatorKeyFor(store, linked)) {
    said.textContent = `This browser holds no key for game ${linked}. Paste its facilitator key to open the console.`;
  }
  return h(
    "section",
    { class: "facilitator", "aria-labelledby": "facilitator-title" },
    h("h2", { id: "facilitator-title" }, "Teaching a class?"),
    h(
      "p",
      { class: "lede" },
      "Run one market for the whole class from a console: up to 40 firms, teams of up to 4, bots in empty seats; pause, inject events, switch policy, download the data. ",
      h("button", { type: "button", class: "link", onclick: actions.runClass }, "Set up a class market"),
    ),
    list,
    linked ? pasteForm : h("details", { class: "paste" }, h("summary", {}, "Have a facilitator key from another browser?"), pasteForm),
  );
}
