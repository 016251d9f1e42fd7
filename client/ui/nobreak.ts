import { nobreakRuns } from "./nobreak-runs.js";

/** `text` as strings and `.nobreak` spans, one around each number with its Chinese unit and each signed dollar amount. */
export function keepTogether(text: string): (string | HTMLElement)[] {
  return nobreakRuns(text).map((run) => {
    if (!run.keep) return run.text;
    const span = document.createElement("span");
    span.className = "nobreak";
    span.textContent = run.text;
    return span;
  });
}

/** Sets an element's text, its numbers kept with their Chinese units (`keepTogether`). */
export function setText(el: Element, text: string): void {
  el.replaceChildren(...keepTogether(text));
}
