import { BOT_NAMES } from "../../shared/bots/index.js";
import { DisplayNameSchema } from "../../shared/schemas/protocol.js";
import { botName } from "../../shared/words/names.js";
import { t } from "../i18n.js";
import { h, status } from "../ui/dom.js";

let counter = 0;

type Build = (close: () => void, titleId: string) => (Node | string)[];

/** How each open dialog was made, to make it again in another language (`relabelDialogs`). */
const made = new WeakMap<HTMLDialogElement, { title: () => string; build: Build }>();

/**
 * A modal dialog on top of the page (outside the canvas, so it is not scaled with it): the
 * browser traps focus in it, Escape closes it, and focus goes back to the opener. `title` and
 * `build` read the catalogs when called, so `relabelDialogs` can make it again after a
 * language switch.
 */
export function openModal(title: () => string, build: Build): HTMLDialogElement {
  const titleId = `modal-title-${++counter}`;
  const dialog = h("dialog", { class: "modal", "aria-labelledby": titleId });
  const close = () => dialog.close();
  dialog.append(h("h2", { id: titleId }, title()), ...build(close, titleId));
  dialog.addEventListener("close", () => dialog.remove());
  made.set(dialog, { title, build });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * After a language switch: every open console dialog is made again in the new language, with
 * what was typed into its fields (by id) kept. The old one goes without firing its `close`
 * handlers' effects (it is removed, not closed by the user).
 */
export function relabelDialogs(): void {
  for (const dialog of Array.from(document.querySelectorAll<HTMLDialogElement>("dialog.modal[open]"))) {
    const how = made.get(dialog);
    if (!how) continue;
    const typed = new Map<string, string>();
    for (const field of dialog.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[id], select[id]")) typed.set(field.id, field.value);
    dialog.remove();
    const again = openModal(how.title, how.build);
    for (const field of again.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[id], select[id]")) {
      const value = typed.get(field.id);
      if (value !== undefined && !(field instanceof HTMLInputElement && field.readOnly)) field.value = value;
    }
  }
}

/** Copies `text`, saying in `said` whether it worked. */
export function copyTo(text: string, said: HTMLElement, what: "link" | "key"): void {
  const done = () => {
    said.textContent = t(what === "link" ? "console.copy.link.done" : "console.copy.key.done");
  };
  const failed = () => {
    said.textContent = t(what === "link" ? "console.copy.link.failed" : "console.copy.key.failed");
  };
  if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, failed);
  else failed();
}

/** The facilitator key, shown once after creating the game. */
export function showKeyDialog(key: string): HTMLDialogElement {
  return openModal(
    () => t("console.key.title"),
    (close) => {
      const said = status();
      const box = h("input", { readonly: true, value: key, "aria-label": t("console.key.label"), class: "key-box", spellcheck: "false" });
      return [
        h("p", {}, t("console.key.text")),
        box,
        h("div", { class: "row" }, h("button", { type: "button", onclick: () => copyTo(key, said, "key") }, t("console.key.copy")), said),
        h("p", { class: "muted" }, t("console.key.once")),
        h("button", { type: "button", class: "primary", autofocus: true, onclick: close }, t("console.key.continue")),
      ];
    },
  );
}

/** Asks before something that cannot be undone (each text read from the catalogs when shown). */
export function confirmDialog(title: () => string, text: () => string, confirmLabel: () => string, onConfirm: () => void): HTMLDialogElement {
  return openModal(title, (close) => [
    h("p", {}, text()),
    h(
      "div",
      { class: "row" },
      h(
        "button",
        {
          type: "button",
          class: "danger",
          onclick: () => {
            close();
            onConfirm();
          },
        },
        confirmLabel(),
      ),
      h("button", { type: "button", autofocus: true, onclick: close }, t("common.button.cancel")),
    ),
  ]);
}

export interface PlayerActions {
  rename(name: string): void;
  remove(): void;
  replaceWithBot(strategy: string): void;
}

/** What is wrong with a new name, in words (the schema's own messages are English). */
function nameProblem(name: string): string | null {
  const parsed = DisplayNameSchema.safeParse(name);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (issue?.code === "too_small") return t("console.manage.nameEmpty");
  if (issue?.code === "too_big") return t("console.manage.nameLong", { max: Number(issue.maximum) });
  return t("console.manage.nameInvalid");
}

/** One player's controls: rename, remove, replace with a bot. `state()` words where the player is now. */
export function managePlayerDialog(player: { name: string; firmName: string; state: () => string }, actions: PlayerActions): HTMLDialogElement {
  return openModal(
    () => t("console.roster.manage", { name: player.name }),
    (close) => {
      const problem = status("alert");
      const name = h("input", { id: "manage-name", value: player.name, maxlength: 24, autocomplete: "off" });
      const strategy = h("select", { id: "manage-bot" }, ...BOT_NAMES.map((bot) => h("option", { value: bot, selected: bot === "balanced" }, botName(bot, t))));
      return [
        h("p", { class: "muted" }, t("console.manage.where", { firm: player.firmName, state: player.state() })),
        h(
          "form",
          {
            class: "row",
            onsubmit: (e) => {
              e.preventDefault();
              const wrong = nameProblem(name.value);
              if (wrong !== null) {
                problem.textContent = wrong;
                name.focus();
                return;
              }
              actions.rename(DisplayNameSchema.parse(name.value));
              close();
            },
          },
          h("label", { for: "manage-name" }, t("console.manage.newName")),
          name,
          h("button", { type: "submit" }, t("console.manage.rename")),
        ),
        h(
          "div",
          { class: "row" },
          h("label", { for: "manage-bot" }, t("console.manage.botStrategy")),
          strategy,
          h(
            "button",
            {
              type: "button",
              onclick: () => {
                actions.replaceWithBot(strategy.value);
                close();
              },
            },
            t("console.manage.replace"),
          ),
        ),
        problem,
        h(
          "div",
          { class: "row" },
          h(
            "button",
            {
              type: "button",
              class: "danger",
              onclick: () => {
                actions.remove();
                close();
              },
            },
            t("console.manage.remove"),
          ),
          h("button", { type: "button", onclick: close }, t("common.button.cancel")),
        ),
      ];
    },
  );
}
