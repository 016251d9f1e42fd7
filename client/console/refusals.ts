import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { status } from "../ui/dom.js";

/**
 * Where a refusal is shown: next to the control that sent the refused message. Each control
 * group owns a line; the `rejected` message names the refused message's type.
 */
export class Refusals {
  private readonly byType = new Map<string, HTMLElement>();
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
    const el = this.byType.get(type);
    if (el) el.textContent = "";
  }

  show(rejected: RejectedMessage): void {
    const el = this.byType.get(rejected.type) ?? this.fallback;
    const issues = rejected.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    el.textContent = `Refused: ${rejected.message}${issues.length > 0 ? ` (${issues.join("; ")})` : ""}.`;
  }
}
