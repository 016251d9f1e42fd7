import { readFile } from "node:fs/promises";
import path from "node:path";
import { matchMaker } from "colyseus";
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate, translator } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, RESULTS, SKIP_REASON, serveGame } from "./harness.js";
import { panelHeading } from "./play-steps.js";

const PORT = 2600;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** The console's words, from the catalogs (the menu's and the student's screens are worded by their own areas). */
const en = translator("en");

async function join(browser: Browser, name: string, code: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await page.goto(BASE);
  await page.getByLabel(translate("en", "menu.name.label")).fill(name);
  await page.getByLabel(translate("en", "menu.join.code")).fill(code);
  await page.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
  await page
    .getByText(translate("en", "lobby.waiting.facilitator"))
    .or(page.getByText(translate("en", "lobby.waiting.host")))
    .waitFor();
  return page;
}

describe.skipIf(!HAS_CHROMIUM)("managing a class from the console", () => {
  const game = serveGame(PORT);

  test("rename (a taken name is refused next to the roster), replace a student with a bot, open the console in another browser with the key, and again from the menu", async () => {
    const fac = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await fac.goto(BASE);
    await fac.getByRole("button", { name: translate("en", "menu.class.runButton") }).click();
    await fac.getByLabel(translate("en", "menu.class.firms"), { exact: true }).fill("3");
    await fac.getByLabel(translate("en", "menu.class.team")).fill("2");
    await fac.getByLabel(translate("en", "menu.timer.seconds")).fill("600");
    await fac.getByRole("button", { name: translate("en", "menu.class.submit") }).click();
    const keyDialog = fac.getByRole("dialog", { name: en("console.key.title") });
    const key = await keyDialog.getByLabel(en("console.key.label")).inputValue();
    await keyDialog.getByRole("button", { name: en("console.key.continue") }).click();
    const code = new URL(fac.url()).searchParams.get("console") ?? "";

    const bo = await join(game.browser, "Bo", code);
    const cy = await join(game.browser, "Cy", code);
    await fac.getByRole("button", { name: en("console.roster.manage", { name: "Cy" }) }).waitFor();

    // A taken name: refused, said next to the roster, nothing changes.
    const manageBo = en("console.roster.manage", { name: "Bo" });
    await fac.getByRole("button", { name: manageBo }).click();
    const manage = fac.getByRole("dialog", { name: manageBo });
    await manage.getByLabel(en("console.manage.newName")).fill("cy");
    await manage.getByRole("button", { name: en("console.manage.rename") }).click();
    const roster = fac.getByRole("region", { name: en("console.roster.title") });
    // Worded from the refusal's code and parameters, not the server's English message.
    await expect.poll(() => roster.getByRole("alert").textContent()).toBe(en("console.refusal.nameTaken", { name: "cy" }));
    await fac.getByRole("button", { name: manageBo }).click();
    await fac.getByRole("dialog", { name: manageBo }).getByLabel(en("console.manage.newName")).fill("Bea");
    await fac
      .getByRole("dialog", { name: manageBo })
      .getByRole("button", { name: en("console.manage.rename") })
      .click();
    await fac.getByRole("button", { name: en("console.roster.manage", { name: "Bea" }) }).waitFor();
    await expect.poll(() => roster.getByRole("alert").count()).toBe(0);
    const log = fac.getByRole("list", { name: en("console.log.title") });
    await log.getByText(en("console.log.renamePlayer", { from: "Bo", to: "Bea" })).waitFor();

    // Start; replace Cy with the pivot bot: Cy is told, the roster and the log say so.
    await fac.getByRole("button", { name: en("console.controls.start") }).click();
    await bo.getByRole("heading", { name: panelHeading(translator("en"), 1) }).waitFor();
    const manageCy = en("console.roster.manage", { name: "Cy" });
    await fac.getByRole("button", { name: manageCy }).click();
    const manageCyDialog = fac.getByRole("dialog", { name: manageCy });
    await manageCyDialog.getByLabel(en("console.manage.botStrategy")).selectOption("pivot");
    await manageCyDialog.getByRole("button", { name: en("console.manage.replace") }).click();
    await log.getByText(/^Replaced “Cy” in .*the pivot bot plays it from now on$/).waitFor();
    await expect.poll(() => fac.getByRole("button", { name: manageCy }).count()).toBe(0);
    await cy.getByText(/the facilitator removed you from this game/).waitFor();

    // Another browser, with the key pasted: the console opens (no key dialog) and acts on the same game.
    const other = await (await game.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await other.goto(`${BASE}/?console=${code}`);
    await expect.poll(() => other.getByRole("alert").textContent()).toBe(translate("en", "menu.facilitator.noKey", { code }));
    expect(await other.getByLabel(translate("en", "menu.facilitator.paste.code")).inputValue()).toBe(code);
    await other.getByLabel(translate("en", "menu.facilitator.paste.key")).fill(key);
    await other.getByRole("button", { name: translate("en", "menu.facilitator.paste.submit"), exact: true }).click();
    await other.getByRole("button", { name: en("console.roster.manage", { name: "Bea" }) }).waitFor();
    expect(await other.getByRole("dialog").count()).toBe(0);
    await other.getByRole("button", { name: en("console.controls.pause") }).click();
    await expect.poll(() => fac.getByRole("timer").textContent()).toMatch(/^Paused/);
    await other.screenshot({ path: path.join(RESULTS, "console-second-browser-1920x1080.png") });

    // A wrong key is refused plainly.
    const stranger = await (await game.browser.newContext()).newPage();
    await stranger.goto(`${BASE}/?console=${code}`);
    await stranger.getByLabel(translate("en", "menu.facilitator.paste.key")).fill("x".repeat(32));
    await stranger.getByRole("button", { name: translate("en", "menu.facilitator.paste.submit"), exact: true }).click();
    await expect.poll(() => stranger.getByRole("alert").textContent()).toBe(translate("en", "errors.console.wrongKey"));

    // Closing the console leaves the game running; the menu offers it again.
    await fac.getByRole("button", { name: en("console.close") }).click();
    await fac.getByRole("button", { name: translate("en", "menu.facilitator.openConsole", { code }) }).click();
    await expect.poll(() => fac.getByRole("timer").textContent()).toMatch(/^Paused/);
    expect(await fac.getByRole("dialog").count()).toBe(0);
  });

  test("a friends game's host gets the downloads on the game-over screen; a friend does not", async () => {
    const host = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await host.goto(BASE);
    await host.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await host.getByLabel(translate("en", "menu.create.firms")).fill("3");
    await host.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    const code = (await host.locator(".code strong").textContent())?.trim() ?? "";
    const friend = await join(game.browser, "Bo", code);
    await host.getByRole("button", { name: translate("en", "lobby.start") }).click();
    await host.getByRole("heading", { name: panelHeading(translator("en"), 1) }).waitFor();
    const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;
    room.command("endGame", {});

    await host.getByRole("heading", { name: "Final standings" }).waitFor();
    await friend.getByRole("heading", { name: "Final standings" }).waitFor();
    expect(await friend.getByRole("button", { name: "Download CSV" }).count()).toBe(0);
    const [download] = await Promise.all([host.waitForEvent("download"), host.getByRole("button", { name: "Download game record (JSON)" }).click()]);
    const record = JSON.parse(await readFile(await download.path(), "utf8")) as { code: string; firms: { id: string }[] };
    expect(record.code).toBe(code);
    expect(record.firms).toHaveLength(3);
    await host.screenshot({ path: path.join(RESULTS, "gameover-downloads-1280x720.png") });
  });
});
