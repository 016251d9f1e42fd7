import path from "node:path";
import { describe, expect, test } from "vitest";
import { translate } from "../../shared/i18n/catalog.js";
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

  test("console, laptop: 'Turn disclosure on' once queued offers 'Turn disclosure off' (it kept offering the change already queued)", async () => {
    const context = await localeContext(game.browser, "en", "laptop");
    const fac = await context.newPage();
    await fac.goto(BASE);
    await fac.getByRole("button", { name: translate("en", "menu.class.runButton") }).click();
    await fac.getByLabel(translate("en", "menu.class.firms"), { exact: true }).fill("3");
    await fac.getByRole("button", { name: translate("en", "menu.class.submit") }).click();
    const keyDialog = fac.getByRole("dialog", { name: translate("en", "console.key.title") });
    await keyDialog.getByRole("button", { name: translate("en", "console.key.continue") }).click();
    await fac.getByRole("button", { name: translate("en", "console.controls.start") }).click();
    await fac.getByRole("button", { name: translate("en", "console.controls.disclosureOn") }).click();
    const queued = fac.getByRole("list", { name: translate("en", "console.log.queued") });
    await queued.getByText(/^Disclosure rule on/).waitFor();
    await fac.getByRole("button", { name: translate("en", "console.controls.disclosureOff") }).waitFor();
    expect(await fac.getByRole("button", { name: translate("en", "console.controls.disclosureOn") }).count()).toBe(0);
    await fac.screenshot({ path: path.join(RESULTS, "first-timer-console-disclosure-1280x720.png") });
    await context.close();
  });

  test("console at the end, zh-CN, 1280×720: the standings' headers break between words only (名次 was one character a line)", async () => {
    const context = await localeContext(game.browser, "zh-CN", "laptop");
    const page = await context.newPage();
    await page.goto(`${BASE}/console/preview/console.html?lang=zh-CN&firms=6&phase=over`);
    await page.locator("table.standings thead th").first().waitFor();
    expect(await page.locator("table.standings thead th").first().textContent()).toBe("名次");
    expect(await linesOf(page, "table.standings thead th", "名次")).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, "first-timer-console-over-zh-1280x720.png") });
    await context.close();
  });
});
