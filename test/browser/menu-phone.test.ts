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
});
