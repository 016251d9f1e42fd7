import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { t } from "../i18n.js";
import { status } from "../ui/dom.js";
import { refusalText } from "./words.js";

/**
 * Where a refusal is shown: next to the control that sent the refused message. Each control
 * group owns a line; the `rejected` message names the refused message's type. The refusals
 * on show are remembered, so a console drawn again (a language switch) shows them again.
 */
export class Refusals {
  private readonly byType = new Map<string, HTMLElement>();
  private readonly shown = new Map<string, RejectedMessage>();
  /** For a type no group claimed. */
  readonly fallback = status("alert");

  /** A line for these message types, to place next to their controls. */
  line(...types: string[]): HTMLElement {
    const el = status("alert");
    for (const type of types) this.byType.set(type, el);
    return el;
  }

  /** Sends the next refusals of `type` to `el` (two groups that send the same type, like `inject`). */
  route(type: string, el: HTMLElement): void {
    this.byType.set(type, el);
  }

  clear(type: string): void {
    this.shown.delete(type);
    const el = this.byType.get(type);
    if (el) el.textContent = "";
  }

  show(rejected: RejectedMessage): void {
    this.shown.set(rejected.type, rejected);
    const el = this.byType.get(rejected.type) ?? this.fallback;
    el.textContent = refusalText(rejected, t);
  }

  /** The refusals on show in `earlier` (a console drawn before), shown again here. */
  showAgain(earlier: Refusals): void {
    for (const rejected of earlier.shown.values()) this.show(rejected);
  }
}
