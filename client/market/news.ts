import type { GameEvent } from "../../shared/schemas/injection.js";
import { eventSentence } from "../../shared/words/events.js";
import { t } from "../i18n.js";
import type { EventItemShape } from "../net/state.js";

export { eventSentence };

/** The synced event items as sentences (one that does not parse is said so, never shown by its kind). */
export function newsSentences(items: Iterable<EventItemShape>): string[] {
  const sentences: string[] = [];
  for (const item of items) {
    try {
      sentences.push(eventSentence(JSON.parse(item.json) as GameEvent, t));
    } catch {
      sentences.push(t("market.ticker.unreadable"));
    }
  }
  return sentences;
}

/**
 * What stands between a ticker item and the one before it, one rule for both languages: after
 * a sentence's end a full stop already parts them ("。" carries its own space, "." wants one),
 * so a " · " would double it ("缩水。 · 开源"); only an item without one gets the dot.
 */
export function tickerJoint(previous: string): string {
  if (/[。！？]$/u.test(previous)) return "";
  if (/[.!?]["”’)]?$/u.test(previous)) return " ";
  return " · ";
}
