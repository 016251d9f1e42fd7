import { onLocaleChange, t } from "../i18n.js";
import { h } from "./dom.js";

/**
 * A bar at the top of the page for the connection's state: shown while the SDK reconnects,
 * with a button when the connection is gone for good. It lives outside the canvas so every
 * scene shows it, and it words itself again when the language changes.
 */
export class ConnectionBanner {
  private readonly element = h("div", { class: "banner", role: "status", "aria-live": "assertive", hidden: true });
  private noticeShown = false;
  /** Draws what the banner says now, in the page's language (again after a language switch). */
  private draw: (() => void) | null = null;

  constructor(parent: HTMLElement = document.body) {
    parent.append(this.element);
    onLocaleChange(() => this.draw?.());
  }

  private show(tone: "warn" | "error", draw: () => void): void {
    this.element.className = `banner ${tone}`;
    this.draw = draw;
    draw();
    this.element.hidden = false;
  }

  reconnecting(): void {
    this.show("warn", () => this.element.replaceChildren(t("errors.banner.reconnecting")));
  }

  restarting(): void {
    this.show("warn", () => this.element.replaceChildren(t("errors.banner.restarting")));
  }

  /** The connection is gone: why (`why()`, worded in the page's language), and a Rejoin button when one can help. */
  lost(why: () => string, rejoin: (() => void) | null): void {
    this.show("error", () => this.element.replaceChildren(why(), rejoin ? h("button", { type: "button", onclick: rejoin }, t("errors.banner.rejoin")) : ""));
  }

  /** The room's notice (state.notice is set while the server cannot save the game): shown while set, hidden when it clears. */
  notice(active: boolean): void {
    if (active === this.noticeShown) return;
    this.noticeShown = active;
    if (active) this.show("warn", () => this.element.replaceChildren(t("errors.banner.storeFailing")));
    else this.hide();
  }

  hide(): void {
    this.element.hidden = true;
    this.draw = null;
  }
}
