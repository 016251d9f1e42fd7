import { h } from "./dom.js";

/**
 * A bar at the top of the page for the connection's state: shown while the SDK reconnects,
 * with a button when the connection is gone for good. It lives outside the canvas so every
 * scene shows it.
 */
export class ConnectionBanner {
  private readonly element = h("div", { class: "banner", role: "status", "aria-live": "assertive", hidden: true });
  private noticeShown = "";

  constructor(parent: HTMLElement = document.body) {
    parent.append(this.element);
  }

  reconnecting(): void {
    this.element.className = "banner warn";
    this.element.replaceChildren("Connection lost — reconnecting…");
    this.element.hidden = false;
  }

  restarting(): void {
    this.element.className = "banner warn";
    this.element.replaceChildren("The server is restarting — your game resumes at its last finished quarter. Rejoining…");
    this.element.hidden = false;
  }

  /** The connection is gone: why (the server's reason, if any), and a Rejoin button when one can help. */
  lost(reason: string | undefined, rejoin: (() => void) | null): void {
    this.element.className = "banner error";
    const why = reason ? `Disconnected: ${reason}.` : "You are disconnected from the game.";
    this.element.replaceChildren(why, rejoin ? h("button", { type: "button", onclick: rejoin }, "Rejoin") : "");
    this.element.hidden = false;
  }

  /** The room's notice (state.notice: the server cannot save the game…): shown while set, hidden when it clears. */
  notice(text: string): void {
    if (text === this.noticeShown) return;
    this.noticeShown = text;
    this.element.className = "banner warn";
    this.element.replaceChildren(text);
    this.element.hidden = text === "";
  }

  hide(): void {
    this.element.hidden = true;
  }
}
