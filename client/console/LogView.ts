import type { ServerMessages } from "../../shared/schemas/protocol.js";
import { h } from "../ui/dom.js";
import { withScrollCue } from "../ui/scroll-cue.js";
import { injectionSentence, logStamp } from "./words.js";

/** The injections waiting for the next resolution, and the game log (newest first). */
export class LogView {
  readonly element: HTMLElement;
  private readonly queued = h("ul", { class: "queued", "aria-labelledby": "queued-title" });
  private readonly queuedPart: HTMLElement;
  private readonly log = h("ul", { class: "log", "aria-labelledby": "log-title" });

  constructor(inject: HTMLElement, refusals: HTMLElement) {
    this.queuedPart = h("div", {}, h("h3", { id: "queued-title" }, "Queued for the next resolution"), this.queued);
    this.element = h(
      "section",
      { class: "console-log", "aria-label": "Events and log" },
      refusals,
      inject,
      this.queuedPart,
      h("h3", { id: "log-title" }, "Game log (newest first)"),
      withScrollCue(h("div", { class: "console-scroll" }, this.log)),
    );
    this.show({ key: null, log: [], queued: [], serverTime: 0 });
  }

  /** After the game there is nothing to queue: the log alone. */
  set over(over: boolean) {
    this.queuedPart.hidden = over;
  }

  show(message: ServerMessages["console"]): void {
    this.queued.replaceChildren(
      ...(message.queued.length > 0 ? message.queued.map((q) => h("li", {}, injectionSentence(q))) : [h("li", { class: "muted" }, "Nothing queued.")]),
    );
    const entries = [...message.log].reverse();
    this.log.replaceChildren(
      ...(entries.length > 0
        ? entries.map((e) => h("li", {}, h("span", { class: "stamp" }, logStamp(e)), " ", h("span", {}, e.effect)))
        : [h("li", { class: "muted" }, "No facilitator actions yet.")]),
    );
  }
}
