import { keepTogether } from "./nobreak.js";

type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;
type Child = Node | string | null | undefined | false;

/** Elements whose content is plain text only: their words are appended as they are. */
const TEXT_ONLY = new Set(["OPTION", "TEXTAREA", "TITLE", "STYLE", "SCRIPT"]);

/** A child as nodes for `parent`: words with a number and its Chinese unit keep them on one line (`keepTogether`). */
function nodesOf(parent: Element, child: Node | string): (Node | string)[] {
  return typeof child === "string" && !TEXT_ONLY.has(parent.tagName) ? keepTogether(child) : [child];
}

/**
 * Creates an element: `h("button", { type: "button", onclick }, "Start")`. `on*` attributes
 * become listeners; a number with its Chinese unit in the words stays on one line.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(...nodesOf(el, child));
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false).flatMap((c) => nodesOf(el, c)));
}

/** A live region for messages a screen reader should announce (errors, refusals). */
export function status(role: "status" | "alert" = "status"): HTMLParagraphElement {
  return h("p", { role, class: role === "alert" ? "error" : "status", "aria-live": role === "alert" ? "assertive" : "polite" });
}

/** What a person has typed, ticked, chosen and opened on a screen, to keep across a redraw (a language switch). */
export interface Draft {
  /** By element id: an input's, select's or textarea's value, or a box's checked state. */
  readonly values: Readonly<Record<string, string | boolean>>;
  /** Which `<details>` are open, by their order on the screen. */
  readonly open: readonly boolean[];
  /** The id of the element with the focus, if it has one. */
  readonly focus: string | null;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Everything matching `selector` in `roots` (and the roots themselves), in order. */
function within<E extends Element>(roots: ParentNode | readonly ParentNode[], selector: string): E[] {
  const list: readonly ParentNode[] = Array.isArray(roots) ? roots : [roots as ParentNode];
  return list.flatMap((root) => [
    ...(root instanceof Element && root.matches(selector) ? [root as E] : []),
    ...(root.querySelectorAll(selector) as NodeListOf<E>),
  ]);
}

/** The draft of the fields inside `roots` (fields without an id, and file pickers, are not kept). */
export function draftOf(roots: ParentNode | readonly ParentNode[]): Draft {
  const values: Record<string, string | boolean> = {};
  for (const field of within<Field>(roots, "input[id], select[id], textarea[id]")) {
    if (field instanceof HTMLInputElement && field.type === "file") continue;
    values[field.id] = field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio") ? field.checked : field.value;
  }
  const open = within<HTMLDetailsElement>(roots, "details").map((d) => d.open);
  const focus = document.activeElement?.id || null;
  return { values, open, focus };
}

/** Puts a draft back into the same screen drawn again (a field that has gone is skipped); `input` and `change` fire so dependent parts follow. */
export function restoreDraft(roots: ParentNode | readonly ParentNode[], draft: Draft): void {
  const fields = new Map(within<Field>(roots, "input[id], select[id], textarea[id]").map((f) => [f.id, f]));
  for (const [id, value] of Object.entries(draft.values)) {
    const field = fields.get(id);
    if (!field) continue;
    if (typeof value === "boolean" && field instanceof HTMLInputElement) {
      if (field.checked === value) continue;
      field.checked = value;
      field.dispatchEvent(new Event("change"));
    } else if (typeof value === "string" && field.value !== value) {
      field.value = value;
      field.dispatchEvent(new Event("input"));
    }
  }
  within<HTMLDetailsElement>(roots, "details").forEach((d, i) => {
    d.open = draft.open[i] ?? d.open;
  });
  if (draft.focus) document.getElementById(draft.focus)?.focus();
}
