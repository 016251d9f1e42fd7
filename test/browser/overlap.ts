import path from "node:path";
import type { Page } from "playwright-core";

/**
 * Pairs of visible text runs inside `root` that overlap on screen, described as
 * "text A" × "text B", runs that spill out of the page horizontally, and scrolling boxes too narrow
 * for their content. Text clipped away by a scrolling box is not visible, so it is left out.
 */
export async function overlappingText(page: Page, root: string): Promise<string[]> {
  await page.addScriptTag({ path: path.join(import.meta.dirname, "overlap.page.js") });
  return page.evaluate((selector) => (globalThis as unknown as { __overlappingText(s: string): string[] }).__overlappingText(selector), root);
}
