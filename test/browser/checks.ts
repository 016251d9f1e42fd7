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
