import { lengthHint as lengthHintWords, turnWordsFor } from "../../shared/words/turns.js";
import { t } from "../i18n.js";
import { h } from "./dom.js";
import { setText } from "./nobreak.js";

/**
 * The hint under a length field, kept up to date as the number changes: what the chosen length
 * means ("8 turns · 6 months each", "16 quarters · one quarter a turn").
 */
export function lengthHint(input: HTMLInputElement): HTMLElement {
  const id = `${input.id}-length`;
  const hint = h("small", { id, class: "hint length-hint", "aria-live": "polite" });
  const show = () => {
    const quarters = Number(input.value);
    const valid = Number.isInteger(quarters) && quarters >= Number(input.min || 1) && quarters <= Number(input.max || quarters);
    setText(hint, valid ? lengthHintWords(t, quarters, turnWordsFor(quarters)) : "");
  };
  input.addEventListener("input", show);
  input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
  show();
  return hint;
}
