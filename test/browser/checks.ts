import path from "node:path";
import type { Page } from "playwright-core";

/**
 * Pairs of visible text runs inside `root` that overlap on screen, described as
 * "text A" × "text B", runs that spill out of the page horizontally, and scrolling boxes too narrow
 * for their content. Text clipped away by a scrolling box is not visible, so it is left out.
 */
async function install(page: Page): Promise<void> {
  const installed = await page.evaluate(() => "__focused" in globalThis);
  if (!installed) await page.addScriptTag({ path: path.join(import.meta.dirname, "checks.page.js") });
}

export async function overlappingText(page: Page, root: string): Promise<string[]> {
  await install(page);
  return page.evaluate((selector) => (globalThis as unknown as { __overlappingText(s: string): string[] }).__overlappingText(selector), root);
}

export interface Control {
  path: string;
  name: string;
}

/**
 * Tabs through the page from the top and returns the controls inside `root` that the keyboard
 * never reached, those without a name, and those focused without a visible outline.
 */
export async function keyboardProblems(page: Page, root: string, maxTabs = 400): Promise<string[]> {
  await install(page);
  const controls = await page.evaluate((selector) => (globalThis as unknown as { __controlsIn(s: string): Control[] }).__controlsIn(selector), root);
  const reached = new Map<string, { name: string; outline: boolean }>();
  await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?(): void } | null } }).document.activeElement?.blur?.());
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => (globalThis as unknown as { __focused(): (Control & { outline: boolean }) | null }).__focused());
    if (!focused) continue;
    if (reached.has(focused.path)) break;
    reached.set(focused.path, focused);
  }
  const problems: string[] = controls.length === 0 ? [`no controls in ${root}`] : [];
  for (const control of controls) {
    const seen = reached.get(control.path);
    if (!control.name) problems.push(`a control without a name at ${control.path}`);
    if (!seen) problems.push(`"${control.name}" is not reachable by keyboard`);
    else if (!seen.outline) problems.push(`"${control.name}" shows no focus outline`);
  }
  return problems;
}

export interface Readability {
  /** Visible text drawn smaller than the minimum, as "text" at N px. */
  text: string[];
  /** Controls smaller than the minimum touch target. */
  targets: string[];
  /** How far the page scrolls sideways (px); 0 when it does not. */
  sideways: number;
}

/**
 * What a phone user would trip over inside `root`: text drawn under `minFont` CSS px (SVG text
 * by its drawn size), buttons and inputs under `minTarget` px (a checkbox by its label), and a
 * page that scrolls sideways. Hidden parts (`hidden`, `display: none`, `visibility: hidden`)
 * are left out.
 */
export async function readability(page: Page, root: string, minFont = 12, minTarget = 44): Promise<Readability> {
  await install(page);
  return page.evaluate(
    ([selector, font, target]) =>
      (globalThis as unknown as { __readability(s: string, f: number, t: number): Readability }).__readability(selector, font, target),
    [root, minFont, minTarget] as const,
  );
}

/** The drawn sizes ("W×H" in CSS px) of the visible checkboxes and radios inside `root`, each with its label's words. */
export async function choiceSizes(page: Page, root: string): Promise<{ label: string; size: string }[]> {
  return page.evaluate((selector) => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<unknown> } }).document;
    type Box = { getBoundingClientRect(): { width: number; height: number }; closest(s: string): { textContent: string | null } | null; id: string };
    return [...doc.querySelectorAll(`${selector} input[type=checkbox], ${selector} input[type=radio]`)]
      .map((el) => el as Box)
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => {
        const rect = el.getBoundingClientRect();
        return { label: (el.closest("label")?.textContent ?? el.id).trim(), size: `${rect.width.toFixed(0)}×${rect.height.toFixed(0)}` };
      });
  }, root);
}

/**
 * On how many lines `words` are drawn inside the first element matching `selector` (0 when they are
 * not there): a number with its unit, or a command, should be on one.
 */
export async function linesOf(page: Page, selector: string, words: string): Promise<number> {
  return page.evaluate(
    ([sel, needle]) => {
      type TextNode = { textContent: string | null };
      type Rect = { top: number; height: number; width: number };
      type Range = { setStart(n: TextNode, o: number): void; setEnd(n: TextNode, o: number): void; getClientRects(): Iterable<Rect> };
      const doc = (
        globalThis as unknown as {
          document: {
            querySelector(s: string): object | null;
            createTreeWalker(root: object, show: number): { nextNode(): TextNode | null };
            createRange(): Range;
          };
        }
      ).document;
      const root = doc.querySelector(sel);
      if (!root) return 0;
      const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      const nodes: TextNode[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      const text = nodes.map((n) => n.textContent ?? "").join("");
      const at = text.indexOf(needle);
      if (at < 0) return 0;
      const range = doc.createRange();
      let offset = 0;
      for (const node of nodes) {
        const length = (node.textContent ?? "").length;
        if (at >= offset && at < offset + length) range.setStart(node, at - offset);
        if (at + needle.length > offset && at + needle.length <= offset + length) range.setEnd(node, at + needle.length - offset);
        offset += length;
      }
      const tops = new Set<number>();
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top + rect.height / 2));
      // Rects on one line share a middle within a few px (a span's box may differ slightly from its text's).
      const sorted = [...tops].sort((a, b) => a - b);
      return sorted.filter((top, i) => i === 0 || top - (sorted[i - 1] as number) > 6).length;
    },
    [selector, words] as const,
  );
}
