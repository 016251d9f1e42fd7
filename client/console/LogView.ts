import type { ServerMessages } from "../../shared/schemas/protocol.js";
import { injectionSentence } from "../../shared/words/events.js";
import { logSentence } from "../../shared/words/log.js";
import { QUARTERLY, type TurnWords } from "../../shared/words/turns.js";
import { locale, t } from "../i18n.js";
import { h } from "../ui/dom.js";
import { withScrollCue } from "../ui/scroll-cue.js";
import { logStamp } from "./words.js";

/** The injections waiting for the next resolution, and the game log (newest first), in the page's language. */
export class LogView {
  readonly element: HTMLElement;
  private readonly queued = h("ul", { class: "queued", "aria-labelledby": "queued-title" });
  private readonly queuedPart: HTMLElement;
  private readonly log = h("ul", { class: "log", "aria-labelledby": "log-title" });

  constructor(inject: HTMLElement, refusals: HTMLElement) {
    this.queuedPart = h("div", {}, h("h3", { id: "queued-title" }, t("console.log.queued")), this.queued);
    this.element = h(
      "section",
      { class: "console-log", "aria-label": t("console.log.region") },
      refusals,
      inject,
      this.queuedPart,
      h("h3", { id: "log-title" }, t("console.log.title")),
      withScrollCue(h("div", { class: "console-scroll" }, this.log)),
    );
    this.show({ key: null, log: [], queued: [], serverTime: 0 });
  }

  /** After the game there is nothing to queue: the log alone. */
  set over(over: boolean) {
    this.queuedPart.hidden = over;
  }

  /** How the game's turns read in the stamps ("Q3" or "T3"); the console sets it from the room's settings. */
  turns: TurnWords = QUARTERLY;

  show(message: ServerMessages["console"]): void {
    this.queued.replaceChildren(
      ...(message.queued.length > 0
        ? message.queued.map((q) => h("li", {}, injectionSentence(q, t)))
        : [h("li", { class: "muted" }, t("console.log.queued.empty"))]),
    );
    const entries = [...message.log].reverse();
    const here = locale();
    this.log.replaceChildren(
      ...(entries.length > 0
        ? entries.map((e) => h("li", {}, h("span", { class: "stamp" }, logStamp(e, t, here, this.turns)), " ", h("span", {}, logSentence(e, here))))
        : [h("li", { class: "muted" }, t("console.log.empty"))]),
    );
  }
}
