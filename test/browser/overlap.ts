import type { Page } from "playwright-core";

/**
 * Pairs of visible text runs inside `root` that overlap on screen, described as
 * "text A" × "text B", runs that spill out of the page horizontally, and scrolling boxes too narrow
 * for their content. Text clipped away by a scrolling box is not visible, so it is left out.
 */
export function overlappingText(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const rootEl = document.querySelector(selector);
    if (!rootEl) return [`no element ${selector}`];
    interface Run {
      text: string;
      rect: DOMRect;
      owner: Element;
    }
    const runs: Run[] = [];
    const visibleIn = (rect: DOMRect, el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowY !== "visible" || style.overflowX !== "visible") {
          const box = p.getBoundingClientRect();
          if (rect.bottom <= box.top + 1 || rect.top >= box.bottom - 1 || rect.right <= box.left + 1 || rect.left >= box.right - 1) return false;
        }
      }
      return true;
    };
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const owner = node.parentElement;
      if (!text || !owner || owner.closest("[hidden], svg, option, select")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width < 1 || rect.height < 1) continue;
        if (visibleIn(rect, owner)) runs.push({ text: text.slice(0, 40), rect, owner });
      }
    }
    // Inputs show text too (the link, the key).
    for (const input of rootEl.querySelectorAll("input:not([type=checkbox]), select")) {
      const rect = input.getBoundingClientRect();
      if (rect.width > 0 && !input.closest("[hidden]") && visibleIn(rect, input))
        runs.push({ text: `[${input.getAttribute("aria-label") ?? input.id}]`, rect, owner: input });
    }
    const problems: string[] = [];
    // A scrolling box whose content is wider than itself hides text sideways.
    for (const el of rootEl.querySelectorAll("*")) {
      const style = getComputedStyle(el);
      if (el.closest("[hidden]") || !["auto", "scroll", "hidden"].includes(style.overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`${el.tagName.toLowerCase()}.${el.className} is ${el.scrollWidth - el.clientWidth}px too narrow for its content`);
    }
    const width = document.documentElement.clientWidth;
    for (const run of runs) if (run.rect.left < -1 || run.rect.right > width + 1) problems.push(`"${run.text}" spills out of the page`);
    const shrink = 1; // px of tolerance: glyph boxes of adjacent lines may touch
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[i] as Run;
        const b = runs[j] as Run;
        if (a.owner === b.owner) continue;
        const overlap =
          Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left) > shrink &&
          Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top) > shrink;
        if (overlap) problems.push(`"${a.text}" × "${b.text}"`);
      }
    }
    return problems;
  }, root);
}
