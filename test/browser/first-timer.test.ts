import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Locale } from "../../shared/i18n/core.js";
import { choiceSizes, linesOf, readability } from "./checks.js";
import { HAS_CHROMIUM, localeContext, RESULTS, type SCREENS, SKIP_REASON, serveGame } from "./harness.js";
import { createGame } from "./play-steps.js";

const PORT = 2621;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** What a first-timer meets on a phone and a laptop, in both languages (found by playing it; see the qa-fix3 report). */
describe.skipIf(!HAS_CHROMIUM)("a first-timer's screens", () => {
  const game = serveGame(PORT);

  const cases: [keyof typeof SCREENS, Locale, number][] = [
    ["phone", "en", 22],
    ["phone", "zh-CN", 22],
    ["laptop", "en", 18],
  ];
  for (const [screen, locale, side] of cases) {
    test(`${screen}, ${locale}: every checkbox of the menu and the host's lobby is drawn one size (${side} px), whether its words wrap or not`, async () => {
      const context = await localeContext(game.browser, locale, screen);
      const page = await context.newPage();
      await page.goto(BASE);
      await page.locator("#name").waitFor();
      const menu = await choiceSizes(page, "#screen");
      await createGame(page, { name: "Ada", firms: 4, quarters: 8, seconds: 90 });
      await page.locator("#lobby-decision-none").waitFor();
      const lobby = await choiceSizes(page, "#screen");
      await page.screenshot({ path: path.join(RESULTS, `first-timer-lobby-${screen}-${locale}.png`), fullPage: true });
      // The menu's No timer and List it publicly; the lobby's No timer, Listed publicly and Ready.
      expect(menu).toHaveLength(2);
      expect(lobby).toHaveLength(3);
      for (const box of [...menu, ...lobby]) expect(box.size, box.label).toBe(`${side}×${side}`);
      if (screen === "phone") expect((await readability(page, "#screen")).targets).toEqual([]);
      await context.close();
    });
  }

  test("phone, zh-CN: a number stays with its unit and a command stays whole where the lobby's narrow columns wrap Chinese (6 个月, npm run sim -- --config)", async () => {
    const context = await localeContext(game.browser, "zh-CN", "phone");
    const page = await context.newPage();
    await page.goto(BASE);
    await createGame(page, { name: "Ada", firms: 4, quarters: 8, seconds: 90 });
    await page.locator("#lobby-quarters-length").waitFor();
    await page.screenshot({ path: path.join(RESULTS, "first-timer-lobby-zh-units-390x844.png"), fullPage: true });
    // "8 个回合 · 每回合 6 个月" wraps in its half-width column: never between 6 个 and 月.
    expect(await page.locator("#lobby-quarters-length").textContent()).toContain("6 个月");
    expect(await linesOf(page, "#lobby-quarters-length", "6 个月")).toBe(1);
    expect(await linesOf(page, "#lobby-quarters-length", "8 个回合")).toBe(1);
    expect(await linesOf(page, "fieldset.economy p.hint", "npm run sim -- --config")).toBe(1);
    await context.close();
  });
});
