import { t } from "../i18n.js";
import { joinLink } from "../net/link.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { qrCode } from "../ui/qr.js";
import { roomTitle } from "../ui/room-title.js";

/**
 * On a screen for the room (a projector, a TV), in the decision panel's place: the game's
 * title, its join code large enough to read across a room, the QR code and the link.
 */
export class JoinCard {
  readonly element: HTMLElement;
  private readonly title = h("h2", { class: "join-card-title" });

  constructor(code: string) {
    const link = joinLink(window.location.origin, code);
    this.element = h(
      "aside",
      { class: "join-card", "aria-label": t("market.join.label") },
      this.title,
      h("p", { class: "join-card-label" }, t("market.join.code")),
      h("p", { class: "join-card-code", "aria-label": t("market.join.codeSpelled", { letters: code.split("").join(" ") }) }, code),
      qrCode(link, "join-card-qr"),
      h("p", { class: "join-card-link" }, link.replace(/^https?:\/\//, "")),
      h("p", { class: "join-card-note" }, t("market.join.note")),
    );
  }

  show(state: MarketRoomStateShape): void {
    const title = roomTitle(state.title, state.mode === "class");
    if (this.title.textContent !== title) this.title.textContent = title;
  }

  destroy(): void {
    this.element.remove();
  }
}
