import path from "node:path";
import { describe, expect, test } from "vitest";
import { translate } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, localeContext, RESULTS, SKIP_REASON, serveGame } from "./harness.js";

const PORT = 2616;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)("the menu on a phone", () => {
  const game = serveGame(PORT);

  test("a student who taps Join from a join link sees why it was refused without scrolling (the sentence was under the New game form, off the screen)", async () => {
    for (const lang of ["en", "zh-CN"] as const) {
      const page = await (await localeContext(game.browser, lang, "phone")).newPage();
      // A link to a game that does not exist (a mistyped code on the board, a game deleted since).
      await page.goto(`${BASE}/?join=K7M3QX`);
      await page.locator("#name").fill("Di");
      await page.getByRole("button", { name: translate(lang, "menu.join.submit"), exact: true }).tap();
      const refusal = page.getByText(translate(lang, "errors.join.notFound"));
      await refusal.waitFor();
      await expect
        .poll(async () => {
          const box = await refusal.boundingBox();
          return box !== null && box.y >= 0 && box.y + box.height <= 845 ? "on screen" : `at ${box?.y} px`;
        })
        .toBe("on screen");
      await page.screenshot({ path: path.join(RESULTS, `menu-join-refused-${lang}-390x844.png`) });
      await page.context().close();
    }
  });

  test("every disclosure on the menu shows it opens: 'How to play' on a phone read as a plain line (the 44 px flex row lost the browser's triangle)", async () => {
    const page = await (await localeContext(game.browser, "zh-CN", "phone")).newPage();
    await page.goto(BASE);
    const how = page.locator("summary", { hasText: translate("zh-CN", "menu.how.title") });
    const marker = () =>
      how.evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown, p?: string): { content: string; listStyleType: string } }).getComputedStyle(el, "::before")
            .content,
      );
    expect(await marker()).toContain("\u25B8");
    await how.tap();
    expect(await marker()).toContain("\u25BE");
    // Every summary on the page has one, and none shows the browser's own as well.
    const all = await page
      .locator("summary")
      .evaluateAll((els) =>
        els.map((el) => [
          (globalThis as unknown as { getComputedStyle(e: unknown, p?: string): { content: string; listStyleType: string } }).getComputedStyle(el, "::before")
            .content,
          (globalThis as unknown as { getComputedStyle(e: unknown, p?: string): { content: string; listStyleType: string } }).getComputedStyle(el)
            .listStyleType,
        ]),
      );
    expect(all.length).toBeGreaterThan(1);
    for (const [content, list] of all) {
      expect(content).not.toBe("none");
      expect(list).toBe("none");
    }
    await page.context().close();
  });
});
