import path from "node:path";
import { matchMaker } from "colyseus";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate } from "../../shared/i18n/catalog.js";
import { overlappingText, readability } from "./checks.js";
import { HAS_CHROMIUM, phoneContext, RESULTS, SKIP_REASON, serveGame } from "./harness.js";
import { moneyLabel, panelHeading, reportHeading, words } from "./play-steps.js";

const PORT = 2606;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const t = words("en");

/**
 * What a phone user would trip over on the screen shown now: text under 12 px, controls under
 * 44 px, a page that scrolls sideways, text drawn over text. `overlap`: also look for overlapping
 * text (left out where a chart scrolls sideways inside its panel on purpose).
 */
async function expectReadable(page: Page, screen: string, overlap = true): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `phone-${screen}-390x844.png`) });
  const found = await readability(page, "#screen");
  expect(found.text, `${screen}: text under 12 px`).toEqual([]);
  expect(found.targets, `${screen}: touch targets under 44 px`).toEqual([]);
  expect(found.sideways, `${screen}: the page scrolls sideways`).toBe(0);
  if (overlap) expect(await overlappingText(page, "#screen"), `${screen}: overlapping text`).toEqual([]);
}

/** The Submit button can be brought on screen and is not covered. */
async function expectReachable(page: Page, name: string): Promise<void> {
  const button = page.getByRole("button", { name });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  expect(box, `${name} has a box`).not.toBeNull();
  if (!box) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing lies over its middle: a tap there reaches the button.
  const hit = await page.evaluate(
    ({ x, y }) => {
      const el = (
        globalThis as unknown as { document: { elementFromPoint(x: number, y: number): { closest(s: string): { textContent: string } | null } | null } }
      ).document.elementFromPoint(x, y);
      return el?.closest("button")?.textContent ?? null;
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(hit).toBe(name);
}

describe.skipIf(!HAS_CHROMIUM)("a whole game on a phone", () => {
  const game = serveGame(PORT);

  test("390×844 touch: menu, lobby, four quarters through the Market / Decide / Leaderboard tabs, game over and debrief; every screen readable, tappable, no sideways scroll", async () => {
    const page = await (await phoneContext(game.browser)).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(BASE);
    await page.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await expectReadable(page, "menu");
    await page.getByLabel(translate("en", "menu.create.firms")).fill("4");
    await page.getByLabel(translate("en", "menu.create.quarters")).fill("4");
    await page.getByLabel(translate("en", "menu.timer.seconds")).fill("120");
    await page.getByRole("button", { name: translate("en", "menu.create.submit") }).tap();
    await page.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    await expectReadable(page, "lobby");
    // No blank line under Copy link before "Show on a big screen" (an empty "Link copied" note took one).
    const copyButton = await page.getByRole("button", { name: translate("en", "lobby.copy") }).boundingBox();
    const bigScreen = await page.getByRole("link", { name: translate("en", "lobby.bigScreen") }).boundingBox();
    expect((bigScreen?.y ?? 0) - ((copyButton?.y ?? 0) + (copyButton?.height ?? 0))).toBeLessThan(40);
    // The player's own firm is marked among the seats.
    expect(await page.locator("ul.seats li.mine strong").textContent()).toMatch(/ \(you\)$/);
    // The seats line up with the lobby's heading (no list indent), and each bot's picker and Remove share one line.
    const seatRows = await page.locator("ul.seats").evaluate((ul) => ({
      indent: (ul.querySelector("li")?.getBoundingClientRect().left ?? 0) - (ul.ownerDocument.getElementById("lobby-title")?.getBoundingClientRect().left ?? 0),
      bots: [...ul.querySelectorAll("li")]
        .filter((li) => li.querySelector("select") !== null)
        .map((li) => Math.abs((li.querySelector("select")?.getBoundingClientRect().top ?? 0) - (li.querySelector("button")?.getBoundingClientRect().top ?? 0))),
    }));
    expect(Math.abs(seatRows.indent)).toBeLessThan(2);
    expect(seatRows.bots).toEqual([0, 0, 0]);
    // In Chinese too, each bot's row is one row: the picker beside the firm's line, not wrapped under it
    // ("Meridian — 机器人玩家" pushed its picker and Remove onto a line of their own at 390 px).
    const switchTo = (locale: string) => page.getByRole("combobox", { name: translate("en", "common.language.switch") }).selectOption(locale);
    await switchTo("zh-CN");
    await page.getByRole("button", { name: translate("zh-CN", "lobby.start") }).waitFor();
    const beside = await page.locator("ul.seats").evaluate((ul) =>
      [...ul.querySelectorAll("li")]
        .filter((li) => li.querySelector("select") !== null)
        .map((li) => {
          const who = li.querySelector(".seat-who")?.getBoundingClientRect();
          const picker = li.querySelector("select")?.getBoundingClientRect();
          return who && picker ? picker.left >= who.right - 1 && picker.right <= li.getBoundingClientRect().right + 1 : false;
        }),
    );
    expect(beside).toEqual([true, true, true]);
    await switchTo("en");
    await page.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    const code = (await page.locator(".code strong").textContent())?.trim() ?? "";
    const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;
    // Short pauses between quarters: the layout is under test, not the pacing.
    room.flow.settings = { ...room.flow.settings, newsSeconds: 0.2, reportSeconds: 0.5, seed: "phone-browser" };
    await page.getByRole("button", { name: translate("en", "lobby.start") }).tap();

    // The market opens on the field, sized to the phone: the canvas spans the screen's width.
    await page.getByRole("tab", { name: t("market.tabs.field"), selected: true }).waitFor();
    await page.waitForFunction(() => ((globalThis as unknown as { __sos?: { bubbles(): unknown[] } }).__sos?.bubbles().length ?? 0) === 4);
    const canvas = await page.locator("#stage canvas").boundingBox();
    expect(canvas?.width).toBeGreaterThan(360);
    expect(canvas?.height).toBeGreaterThan(300);
    await expectReadable(page, "market");

    for (let q = 1; q <= 4; q++) {
      await page.getByRole("tab", { name: t("market.tabs.decide") }).tap();
      await page.getByRole("heading", { name: panelHeading(t, q) }).waitFor();
      if (q === 1) await expectReadable(page, "decide");
      // The detailed inputs are folded until Custom opens them.
      await page.getByRole("button", { name: t("panel.preset.custom"), exact: true }).tap();
      await page.getByLabel(moneyLabel("en", t("panel.field.train")), { exact: true }).fill(String(10 * q)); // a turn of a four-quarter game is a year of costs: amounts the firm can pay every turn
      await page.getByLabel(moneyLabel("en", t("sectors.support")), { exact: true }).fill("10");
      await page.getByLabel(moneyLabel("en", t("panel.field.efficiency")), { exact: true }).fill("10");
      await expectReachable(page, t("panel.button.submit"));
      await page.getByRole("button", { name: t("panel.button.submit") }).tap();
      if (q === 1) {
        await page.getByRole("tab", { name: t("market.tabs.board") }).tap();
        // Your own firm's row (its name is the firm's, not the player's).
        await page
          .getByRole("navigation", { name: t("market.board.title") })
          .locator("li.mine")
          .getByRole("button")
          .waitFor();
        await expectReadable(page, "leaderboard");
      }
      if (q === 2) {
        // Having decided on the Decide tab, the player is taken to the Market tab, where the turn's report opens.
        await page.getByRole("heading", { name: reportHeading(t, 2) }).waitFor();
        await page.getByRole("tab", { name: t("market.tabs.field"), selected: true }).waitFor();
        await page.screenshot({ path: path.join(RESULTS, "phone-report-after-submit-390x844.png") });
      }
      if (q < 4) {
        await page.getByRole("tab", { name: t("market.tabs.field") }).tap();
        await page.waitForFunction((quarter) => (globalThis as unknown as { __sos?: { quarter: number } }).__sos?.quarter === quarter, q);
        if (q === 2) await expectReadable(page, "market-q2");
      }
    }

    await page.getByRole("heading", { name: t("report.over.title") }).waitFor();
    // The game ends as the last turn resolves: its report is on the game-over screen, read in the page.
    const lastReport = page.getByRole("region", { name: reportHeading(t, 4) });
    await lastReport.getByText(t("report.money.operatingProfit")).waitFor({ timeout: 5_000 });
    await page.getByRole("heading", { name: "Your market vs 200 simulated markets" }).waitFor();
    await page.getByRole("img", { name: "Bubble ratio: this market vs 200 simulated markets" }).waitFor({ timeout: 60_000 });
    // Charts keep their drawn size and scroll inside their panels: overlap is checked by debrief.test.ts.
    await expectReadable(page, "game-over", false);
    // The lesson's key number, value created, is read on your own firm's row without swiping the table sideways.
    const valueCreated = page.locator("table.standings tr.mine td").last();
    await valueCreated.scrollIntoViewIfNeeded();
    expect(await valueCreated.textContent()).toMatch(/\$/);
    const cell = await valueCreated.boundingBox();
    expect(cell && cell.x >= 0 && cell.x + cell.width <= 390, `value created drawn at ${JSON.stringify(cell)}`).toBe(true);
    expect(await page.locator("table.standings").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(RESULTS, "phone-standings-390x844.png") });
    await page.getByRole("button", { name: t("report.over.playAgain") }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "phone-game-over-end-390x844.png") });
    expect(errors).toEqual([]);
  }, 240_000);
});
