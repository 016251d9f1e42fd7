import { BOT_NAMES } from "../../shared/bots/index.js";
import { DisplayNameSchema } from "../../shared/schemas/protocol.js";
import { h, status } from "../ui/dom.js";

let counter = 0;

/**
 * A modal dialog on top of the page (outside the canvas, so it is not scaled with it): the
 * browser traps focus in it, Escape closes it, and focus goes back to the opener.
 */
export function openModal(title: string, build: (close: () => void, titleId: string) => (Node | string)[]): HTMLDialogElement {
  const titleId = `modal-title-${++counter}`;
  const dialog = h("dialog", { class: "modal", "aria-labelledby": titleId });
  const close = () => dialog.close();
  dialog.append(h("h2", { id: titleId }, title), ...build(close, titleId));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Copies `text`, saying in `said` whether it worked. */
export function copyTo(text: string, said: HTMLElement, what: string): void {
  const done = () => {
    said.textContent = `${what} copied.`;
  };
  const failed = () => {
    said.textContent = `Copy the ${what.toLowerCase()} from the box.`;
  };
  if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, failed);
  else failed();
}

/** The facilitator key, shown once after creating the game. */
export function showKeyDialog(key: string): HTMLDialogElement {
  const said = status();
  const box = h("input", { readonly: true, value: key, "aria-label": "Facilitator key", class: "key-box", spellcheck: "false" });
  return openModal("Your facilitator key", (close) => [
    h(
      "p",
      {},
      "This key is saved in this browser and is needed to control the game. Copy it somewhere safe to run the console from another browser; anyone who has it can control this game.",
    ),
    box,
    h("div", { class: "row" }, h("button", { type: "button", onclick: () => copyTo(key, said, "Key") }, "Copy key"), said),
    h("p", { class: "muted" }, "It is shown only this once."),
    h("button", { type: "button", class: "primary", autofocus: true, onclick: close }, "Continue to the console"),
  ]);
}

/** Asks before something that cannot be undone. */
export function confirmDialog(title: string, text: string, confirmLabel: string, onConfirm: () => void): HTMLDialogElement {
  return openModal(title, (close) => [
    h("p", {}, text),
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
        confirmLabel,
      ),
      h("button", { type: "button", autofocus: true, onclick: close }, "Cancel"),
    ),
  ]);
}

export interface PlayerActions {
  rename(name: string): void;
  remove(): void;
  replaceWithBot(strategy: string): void;
}

/** One player's controls: rename, remove, replace with a bot. */
export function managePlayerDialog(player: { name: string; firmName: string; state: string }, actions: PlayerActions): HTMLDialogElement {
  const problem = status("alert");
  const name = h("input", { id: "manage-name", value: player.name, maxlength: 24, autocomplete: "off" });
  const strategy = h("select", { id: "manage-bot" }, ...BOT_NAMES.map((bot) => h("option", { value: bot, selected: bot === "balanced" }, bot)));
  return openModal(`Manage ${player.name}`, (close) => [
    h("p", { class: "muted" }, `${player.firmName} · ${player.state}`),
    h(
      "form",
      {
        class: "row",
        onsubmit: (e) => {
          e.preventDefault();
          const parsed = DisplayNameSchema.safeParse(name.value);
          if (!parsed.success) {
            problem.textContent = `New name: ${parsed.error.issues[0]?.message ?? "not valid"}.`;
            name.focus();
            return;
          }
          actions.rename(parsed.data);
          close();
        },
      },
      h("label", { for: "manage-name" }, "New name"),
      name,
      h("button", { type: "submit" }, "Rename"),
    ),
    h(
      "div",
      { class: "row" },
      h("label", { for: "manage-bot" }, "Bot strategy"),
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
        "Replace with bot",
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
        "Remove from the game",
      ),
      h("button", { type: "button", onclick: close }, "Cancel"),
    ),
  ]);
}
