import { t } from "../i18n.js";
import { h } from "./dom.js";

/**
 * A scrolling box that says when there is more to read below: a fade over its last line and a
 * "More below" button (it scrolls down a page), shown only while content is hidden below.
 * Returns the wrapper to place; the box keeps its own class and content.
 */
export function withScrollCue(box: HTMLElement): HTMLElement {
  const cue = h(
    "button",
    {
      type: "button",
      class: "scroll-cue",
      hidden: true,
      onclick: () => box.scrollBy({ top: box.clientHeight * 0.8, behavior: "smooth" }),
    },
    t("errors.scroll.more"),
  );
  const wrap = h("div", { class: "scroll-wrap" }, box, cue);
  const update = () => {
    const hiddenBelow = box.scrollHeight - box.scrollTop - box.clientHeight > 2;
    cue.hidden = !hiddenBelow;
    wrap.classList.toggle("more-below", hiddenBelow);
  };
  box.addEventListener("scroll", update, { passive: true });
  new ResizeObserver(update).observe(box);
  new MutationObserver(update).observe(box, { childList: true, subtree: true, characterData: true });
  return wrap;
}
