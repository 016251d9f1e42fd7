import path from "node:path";
import { matchMaker } from "colyseus";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate } from "../../shared/i18n/catalog.js";
import type { Locale } from "../../shared/i18n/core.js";
import { keyboardProblems, overlappingText, readability } from "./checks.js";
import { HAS_CHROMIUM, localeContext, RESULTS, SCREENS, SKIP_REASON, serveGame } from "./harness.js";

/**
 * The front of the game in both languages: the menu speaks the browser's language, the switch
 * changes it and a reload remembers it; the menu and the lobby keep what was typed (and the
 * seat) across a switch; "no timer" from the menu and the lobby; the menu's and the lobby's
 * layout in both languages at the three screens.
 */
const PORT = 2595;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** The document's title on a screen: "Lobby · Scale or Ship". */
const title = (locale: Locale, screen: "menu.screen.menu" | "menu.screen.classForm" | "lobby.title") =>
  translate(locale, "menu.documentTitle", { screen: translate(locale, screen), app: translate(locale, "common.appName") });

const MENU_BUTTONS = ["menu.create.submit", "menu.practice.button", "menu.open.quickPlay", "menu.class.runButton"] as const;

/** The menu's main controls, by their catalog names, in `locale`. */
async function seesMenu(page: Page, locale: Locale): Promise<void> {
  const t = (key: "common.appName" | "menu.join.submit" | "menu.name.label" | (typeof MENU_BUTTONS)[number]) => translate(locale, key);
  await page.getByRole("heading", { name: t("common.appName"), level: 1 }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe(locale);
  expect(await page.title()).toBe(title(locale, "menu.screen.menu"));
  for (const key of MENU_BUTTONS) {
    await expect(page.getByRole("button", { name: t(key), exact: true }).isVisible(), key).resolves.toBe(true);
  }
  await expect(page.getByRole("button", { name: t("menu.join.submit"), exact: true }).isVisible()).resolves.toBe(true);
  await expect(page.getByLabel(t("menu.name.label")).isVisible()).resolves.toBe(true);
}

const switchTo = (page: Page, locale: Locale) => page.getByRole("combobox", { name: translate("en", "common.language.switch") }).selectOption(locale);

const roomOf = (code: string) => matchMaker.getLocalRoomById(code) as unknown as MarketRoom;

describe.skipIf(!HAS_CHROMIUM)("the front of the game in Chinese and English", () => {
  const game = serveGame(PORT);

  test("a zh-CN browser gets the menu in Chinese; the switch changes it to English and back; a reload remembers the choice; an en-US browser gets English", async () => {
    const context = await localeContext(game.browser, "zh-CN", "laptop");
    const page = await context.newPage();
    await page.goto(BASE);
    await seesMenu(page, "zh-CN");
    await switchTo(page, "en");
    await seesMenu(page, "en");
    await page.reload();
    await seesMenu(page, "en");
    await switchTo(page, "zh-CN");
    await seesMenu(page, "zh-CN");
    await page.reload();
    await seesMenu(page, "zh-CN");
    await context.close();

    const english = await (await localeContext(game.browser, "en", "laptop")).newPage();
    await english.goto(BASE);
    await seesMenu(english, "en");
    await english.context().close();
  });

  test("a switch keeps what the menu holds: typed values, ticked boxes, the open class form; the switch is reached by Tab and named", async () => {
    const page = await (await localeContext(game.browser, "en", "laptop")).newPage();
    await page.goto(BASE);
    await page.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await page.getByLabel(translate("en", "menu.create.firms")).fill("5");
    await page.getByLabel(translate("en", "menu.timer.none")).check();
    await page.getByLabel(translate("en", "menu.join.code")).fill("K7M");
    await switchTo(page, "zh-CN");
    await page.getByRole("heading", { name: translate("zh-CN", "menu.create.title") }).waitFor();
    expect(await page.getByLabel(translate("zh-CN", "menu.name.label")).inputValue()).toBe("Ada");
    expect(await page.getByLabel(translate("zh-CN", "menu.create.firms")).inputValue()).toBe("5");
    expect(await page.getByLabel(translate("zh-CN", "menu.timer.none")).isChecked()).toBe(true);
    expect(await page.getByLabel(translate("zh-CN", "menu.timer.seconds")).isDisabled()).toBe(true);
    expect(await page.getByLabel(translate("zh-CN", "menu.join.code"), { exact: true }).inputValue()).toBe("K7M");
    // The class form stays open across a switch, with its typed name; Back returns to the menu as typed.
    await page.getByRole("button", { name: translate("zh-CN", "menu.class.runButton") }).click();
    await page.getByLabel(translate("zh-CN", "menu.class.name")).fill("Econ 101");
    await switchTo(page, "en");
    await page.getByRole("heading", { name: translate("en", "menu.class.title") }).waitFor();
    expect(await page.title()).toBe(title("en", "menu.screen.classForm"));
    expect(await page.getByLabel(translate("en", "menu.class.name")).inputValue()).toBe("Econ 101");
    await page.getByRole("button", { name: translate("en", "common.button.back") }).click();
    expect(await page.getByLabel(translate("en", "menu.name.label")).inputValue()).toBe("Ada");
    expect(await page.getByLabel(translate("en", "menu.create.firms")).inputValue()).toBe("5");
    // The switch is a named control the keyboard reaches.
    expect(await keyboardProblems(page, ".language")).toEqual([]);
    await page.context().close();
  });

  test("'No timer' in the menu creates a game that waits for everyone; in the lobby the host switches the timer off and on; a switch keeps the seat and the settings", async () => {
    const host = await (await localeContext(game.browser, "en", "laptop")).newPage();
    await host.goto(BASE);
    await host.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await host.getByLabel(translate("en", "menu.create.firms")).fill("3");
    await host.getByLabel(translate("en", "menu.timer.none")).check();
    await host.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    const code = (await host.locator(".code strong").textContent())?.trim() ?? "";
    expect(roomOf(code).state.settings.decisionSeconds).toBe(0);
    expect(await host.title()).toBe(title("en", "lobby.title"));

    // The lobby's form shows the timer off; the host turns it on (the seconds field's value), then off again.
    const noTimer = host.getByLabel(translate("en", "menu.timer.none"));
    expect(await noTimer.isChecked()).toBe(true);
    expect(await host.getByLabel(translate("en", "menu.timer.seconds")).isDisabled()).toBe(true);
    await noTimer.uncheck();
    await expect.poll(() => roomOf(code).state.settings.decisionSeconds).toBe(120);
    await host.getByLabel(translate("en", "menu.timer.seconds")).fill("45");
    await host.getByLabel(translate("en", "menu.timer.seconds")).press("Tab");
    await expect.poll(() => roomOf(code).state.settings.decisionSeconds).toBe(45);
    await host.getByLabel(translate("en", "menu.timer.none")).check();
    await expect.poll(() => roomOf(code).state.settings.decisionSeconds).toBe(0);

    // A friend sees "no timer" in the summary.
    const friend = await (await localeContext(game.browser, "zh-CN", "phone")).newPage();
    await friend.goto(`${BASE}/?join=${code}`);
    await friend.getByLabel(translate("zh-CN", "menu.name.label")).fill("Bo");
    await friend.getByRole("button", { name: translate("zh-CN", "menu.join.submit"), exact: true }).click();
    await friend.getByText(translate("zh-CN", "lobby.waiting.host")).waitFor();
    await expect.poll(() => friend.locator(".summary").textContent()).toContain(translate("zh-CN", "lobby.summary.noTimer"));

    // A typed title not yet sent, then a switch: the host is still in the lobby with the same seat, the settings and the typed title.
    const players = roomOf(code).state.players.length;
    await host.getByLabel(translate("en", "lobby.settings.title")).fill("Econ");
    await switchTo(host, "zh-CN");
    await host.getByRole("button", { name: translate("zh-CN", "lobby.start") }).waitFor();
    expect(await host.title()).toBe(title("zh-CN", "lobby.title"));
    expect(await host.getByLabel(translate("zh-CN", "lobby.settings.title")).inputValue()).toBe("Econ");
    expect(await host.getByLabel(translate("zh-CN", "menu.timer.none")).isChecked()).toBe(true);
    expect(await host.locator(".code strong").textContent()).toBe(code);
    expect(roomOf(code).state.players.length).toBe(players);
    expect(roomOf(code).state.players.find((p) => p.name === "Ada")?.connected).toBe(true);
    await host.context().close();
    await friend.context().close();
  });

  for (const locale of ["zh-CN", "en"] as const) {
    for (const screen of ["phone", "laptop", "hd"] as const) {
      test(`${locale}, ${screen}: the menu and the lobby have no overlapping text, no small text or targets on a phone, every control named and reached by Tab; the switch covers nothing`, async () => {
        const page = await (await localeContext(game.browser, locale, screen)).newPage();
        const { width, height } = SCREENS[screen].viewport;
        await page.goto(BASE);
        await page.getByLabel(translate(locale, "menu.name.label")).waitFor();
        // Every part opened (how to play, the key form), so its controls are checked too.
        await page.locator("#screen details").evaluateAll((all) => {
          for (const details of all) details.setAttribute("open", "");
        });
        await page.screenshot({ path: path.join(RESULTS, `front-menu-${locale}-${width}x${height}.png`), fullPage: true });
        await checkScreen(page, screen, "menu");
        await page.getByLabel(translate(locale, "menu.name.label")).fill("Ada");
        await page.getByRole("button", { name: translate(locale, "menu.create.submit") }).click();
        await page.getByRole("button", { name: translate(locale, "lobby.start") }).waitFor();
        await page.screenshot({ path: path.join(RESULTS, `front-lobby-${locale}-${width}x${height}.png`), fullPage: true });
        await checkScreen(page, screen, "lobby");
        await page.context().close();
      });
    }
  }
});

/** The layout checks on the screen on show, and the language switch clear of every other control. */
async function checkScreen(page: Page, screen: keyof typeof SCREENS, name: string): Promise<void> {
  expect(await overlappingText(page, "body"), `${name}: overlapping text`).toEqual([]);
  if (screen === "phone") {
    const found = await readability(page, "body");
    expect(found.text, `${name}: small text`).toEqual([]);
    expect(found.targets, `${name}: small targets`).toEqual([]);
    expect(found.sideways, `${name}: sideways scroll`).toBe(0);
  }
  expect(await keyboardProblems(page, "#screen"), `${name}: keyboard`).toEqual([]);
  expect(await keyboardProblems(page, ".language"), `${name}: the switch by keyboard`).toEqual([]);
  // The switch's box meets no control of the screen (it sits in its own row above it).
  const covered = await page.evaluate(() => {
    type Box = { left: number; right: number; top: number; bottom: number; width: number };
    type El = { getBoundingClientRect(): Box; outerHTML: string };
    const doc = (globalThis as unknown as { document: { querySelector(s: string): El | null; querySelectorAll(s: string): El[] } }).document;
    const box = doc.querySelector(".language select")?.getBoundingClientRect();
    if (!box) return ["no language switch"];
    return [...doc.querySelectorAll("#screen a, #screen button, #screen input, #screen select, #screen textarea, #screen summary")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
      })
      .map((el) => el.outerHTML.slice(0, 80));
  });
  expect(covered, `${name}: controls under the switch`).toEqual([]);
  // Buttons side by side on one line keep a gap (the zh-CN menu's Create game and Practice touched at 390×844, as did the lobby's Add a bot and Start game).
  const touching = await page.evaluate(() => {
    type Box = { left: number; right: number; top: number; bottom: number; width: number };
    type El = { getBoundingClientRect(): Box; textContent: string | null };
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): El[] } }).document;
    const boxes = [...doc.querySelectorAll("#screen button")]
      .map((el) => ({ text: (el.textContent ?? "").trim(), r: el.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0);
    const out: string[] = [];
    for (const a of boxes)
      for (const b of boxes) {
        const sameLine = a.r.top < b.r.bottom && b.r.top < a.r.bottom;
        const gap = b.r.left - a.r.right;
        if (a !== b && sameLine && gap >= -0.5 && gap < 4) out.push(`${a.text} | ${b.text}: ${gap.toFixed(1)} px apart`);
      }
    return out;
  });
  expect(touching, `${name}: buttons touching`).toEqual([]);
}
