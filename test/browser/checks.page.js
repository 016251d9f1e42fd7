/**
 * Runs in the page (plain JavaScript, so the root TypeScript project needs no DOM types):
 * `window.__overlappingText(selector)` lists the layout problems of the text inside it.
 * See overlap.ts.
 */
/** Inside a closed <details> (but not its summary): laid out by Chromium, yet not shown. */
const folded = (el) => {
  const details = el.closest("details:not([open])");
  return Boolean(details) && !el.closest("summary");
};

window.__overlappingText = (selector) => {
  const rootEl = document.querySelector(selector);
  if (!rootEl) return [`no element ${selector}`];
  const runs = [];
  /** The part of `rect` left visible by the scrolling boxes around `el` (a line cut by a box's edge counts only inside it), or null. */
  const visibleIn = (rect, el) => {
    let { top, bottom, left, right } = rect;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowY !== "visible" || style.overflowX !== "visible") {
        const box = p.getBoundingClientRect();
        if (bottom <= box.top + 1 || top >= box.bottom - 1 || right <= box.left + 1 || left >= box.right - 1) return null;
        top = Math.max(top, box.top);
        bottom = Math.min(bottom, box.bottom);
        left = Math.max(left, box.left);
        right = Math.min(right, box.right);
      }
    }
    return { top, bottom, left, right, width: right - left, height: bottom - top };
  };
  const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? "";
    const owner = node.parentElement;
    if (!text || !owner || owner.closest("[hidden], svg, option, select") || folded(owner) || getComputedStyle(owner).visibility !== "visible") continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1) continue;
      const shown = visibleIn(rect, owner);
      if (shown) runs.push({ text: text.slice(0, 40), rect, shown, owner });
    }
  }
  // Inputs show text too (the link, the key).
  for (const input of rootEl.querySelectorAll("input:not([type=checkbox]), select")) {
    const rect = input.getBoundingClientRect();
    const shown = rect.width > 0 && !input.closest("[hidden]") && getComputedStyle(input).visibility === "visible" ? visibleIn(rect, input) : null;
    if (shown) runs.push({ text: `[${input.getAttribute("aria-label") ?? input.id}]`, rect, shown, owner: input });
  }
  const problems = [];
  // A scrolling box whose content is wider than itself hides text sideways.
  for (const el of rootEl.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (el.closest("[hidden]") || folded(el) || !["auto", "scroll", "hidden"].includes(style.overflowX)) continue;
    // Visually hidden on purpose (1 px, clipped: read by screen readers only), not too narrow.
    if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
    if (el.scrollWidth > el.clientWidth + 1)
      problems.push(`${el.tagName.toLowerCase()}.${el.className} is ${el.scrollWidth - el.clientWidth}px too narrow for its content`);
  }
  const width = document.documentElement.clientWidth;
  for (const run of runs) if (run.rect.left < -1 || run.rect.right > width + 1) problems.push(`"${run.text}" spills out of the page`);
  const shrink = 1; // px of tolerance: glyph boxes of adjacent lines may touch
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i];
      const b = runs[j];
      if (a.owner === b.owner) continue;
      const overlap =
        Math.min(a.shown.right, b.shown.right) - Math.max(a.shown.left, b.shown.left) > shrink &&
        Math.min(a.shown.bottom, b.shown.bottom) - Math.max(a.shown.top, b.shown.top) > shrink;
      if (overlap) problems.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return problems;
};

/** A control's accessible name, as simply as the console needs it. */
const nameOf = (el) => {
  const label = el.getAttribute("aria-label");
  if (label) return label.trim();
  const by = el.getAttribute("aria-labelledby");
  if (by)
    return by
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim();
  if (el.labels && el.labels.length > 0) return el.labels[0].textContent.trim();
  return (el.textContent ?? "").trim();
};

/** A path that tells controls apart across calls. */
const pathOf = (el) => {
  const parts = [];
  for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(`${e.tagName}:${[...(e.parentElement?.children ?? [])].indexOf(e)}`);
  return parts.join("/");
};

/** Every visible, enabled control inside `selector`: its path and name. */
window.__controlsIn = (selector) =>
  [...document.querySelectorAll(`${selector} button, ${selector} input, ${selector} select, ${selector} summary, ${selector} a[href]`)]
    .filter((el) => !el.disabled && el.getClientRects().length > 0 && !el.closest("[hidden]"))
    .map((el) => ({ path: pathOf(el), name: nameOf(el) }));

/** The focused control: its path, name, and whether a focus outline is drawn. */
window.__focused = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return { path: pathOf(el), name: nameOf(el), outline: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2 };
};

/** Whether an element is drawn: laid out, not hidden by `visibility`, not inside [hidden]. */
const drawn = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible" && !el.closest("[hidden]") && !folded(el);

/** The size a text is drawn at (px): its font size, times the scale of the SVG it is in. */
const drawnFontSize = (owner) => {
  const size = Number.parseFloat(getComputedStyle(owner).fontSize);
  const svg = owner.closest("svg");
  const box = svg?.viewBox?.baseVal;
  if (!svg || !box || box.width === 0) return size;
  return size * (svg.getBoundingClientRect().width / box.width);
};

/**
 * Readability on a phone, inside `selector`: text drawn under `minFont` px, controls smaller
 * than `minTarget` px either way (a checkbox or radio counts by the label it sits in), and
 * how far the page scrolls sideways.
 */
window.__readability = (selector, minFont, minTarget) => {
  const rootEl = document.querySelector(selector);
  if (!rootEl) return { text: [`no element ${selector}`], targets: [], sideways: 0 };
  const text = [];
  const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = node.textContent?.trim() ?? "";
    const owner = node.parentElement;
    if (!words || !owner || owner.closest("option, select, title, style, script") || !drawn(owner)) continue;
    const size = drawnFontSize(owner);
    if (size < minFont - 0.01) text.push(`"${words.slice(0, 30)}" at ${size.toFixed(1)}px`);
  }
  const targets = [];
  for (const el of rootEl.querySelectorAll("button, input, select, summary, a[href], [role=tab]")) {
    if (el.disabled || !drawn(el)) continue;
    const choice = el.type === "checkbox" || el.type === "radio";
    const target = choice ? (el.closest("label") ?? el.labels?.[0] ?? el) : el;
    const rect = target.getBoundingClientRect();
    const needWidth = choice || el.type === "range" ? 0 : minTarget;
    if (rect.height < minTarget - 0.5 || rect.width < needWidth - 0.5)
      targets.push(`${el.tagName.toLowerCase()} "${nameOf(el).slice(0, 30)}" is ${rect.width.toFixed(0)}×${rect.height.toFixed(0)}px`);
  }
  const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  return { text, targets, sideways };
};
