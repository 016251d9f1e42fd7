import { matchMaker } from "colyseus";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, localeContext, SKIP_REASON, serveGame } from "./harness.js";
import { createGame } from "./play-steps.js";

const PORT = 2622;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)("a player whose firm is delisted", () => {
  const game = serveGame(PORT);

  test("on a phone, in Chinese and in English: the Decide tab says the firm is out, why, and what is left to do; no presets, no Submit, no dot asking for a decision", async () => {
    const page = await (await localeContext(game.browser, "zh-CN", "phone")).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(BASE);
    const code = await createGame(page, { name: "Ada", firms: 4, quarters: 4, seconds: 600 });
    // A friend who is still in the game (and does not decide): the market goes on at its pace after Ada's firm is out.
    const friend = await (await localeContext(game.browser, "zh-CN", "phone")).newPage();
    await friend.goto(`${BASE}/?join=${code}`);
    await friend.locator("#name").fill("Bo");
    await friend.getByRole("button", { name: translate("zh-CN", "menu.join.submit"), exact: true }).tap();
    await friend.locator("#lobby-title").waitFor();
    const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;
    room.flow.settings = { ...room.flow.settings, newsSeconds: 0.5, reportSeconds: 2, decisionSeconds: 1 };
    await page.locator("#screen button.primary").tap();
    // The player's firm is in a hole no investor covers: it is delisted when the first turn resolves.
    await expect.poll(() => room.flow.match !== null).toBe(true);
    const firm = room.flow.match?.state.firms[0] ?? null;
    if (!firm) throw new Error("no firm");
    firm.cash = -50_000;
    await expect.poll(() => room.flow.match?.state.firms[0]?.delisted, { timeout: 20_000 }).toBe(true);
    // The next turn's decisions stay open (Bo has not decided) while the page is read.
    room.flow.settings = { ...room.flow.settings, decisionSeconds: 600 };
    await expect.poll(() => room.state.phase, { timeout: 20_000 }).toBe("decide");

    for (const locale of ["zh-CN", "en"] as const) {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, unknown>) =>
        (translate as (l: string, k: string, p?: Record<string, unknown>) => string)(locale, key as string, params);
      if (locale === "en") await page.getByRole("combobox", { name: translate("en", "common.language.switch") }).selectOption("en");
      const decideTab = page.getByRole("tab", { name: t("market.tabs.decide"), exact: true });
      await decideTab.tap();
      const panel = page.locator("#pane-decide");
      await panel.getByRole("heading", { name: t("panel.titleDelisted", { firm: firm.name }) }).waitFor({ timeout: 20_000 });
      await panel.getByText(t("panel.delisted.why")).waitFor();
      await panel.getByText(t("panel.delisted.still")).waitFor();
      // Nothing to decide: the presets, the budget and Submit are gone (they showed under the heading, and the tab had a dot).
      expect(await panel.getByRole("button", { name: t("panel.button.submit") }).isVisible()).toBe(false);
      expect(await panel.getByRole("button", { name: t("panel.preset.balanced"), exact: true }).isVisible()).toBe(false);
      expect(await panel.locator(".budget").isVisible()).toBe(false);
      expect(await page.locator(".tab-mark:visible").count()).toBe(0);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
