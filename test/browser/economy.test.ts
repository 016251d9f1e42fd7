import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../shared/config/load.js";
import { translate } from "../../shared/i18n/catalog.js";
import { list } from "../../shared/i18n/format.js";
import { keyboardProblems, overlappingText } from "./checks.js";
import { HAS_CHROMIUM, RESULTS, SKIP_REASON, serveGame } from "./harness.js";

const PORT = 2604;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** A designer's file: two values changed (the length is the form's own field). */
const FILE = JSON.stringify({ sectors: { media: { servingCost: 0.61 } }, api: { pool: 2000 } }, null, 2);

describe.skipIf(!HAS_CHROMIUM)("a custom economy in the class form", () => {
  const game = serveGame(PORT);

  test("a pasted override with a bad value is refused next to the field, naming the key; an uploaded file is summarised, sent, and shown in the console", async () => {
    const page = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(BASE);
    await page.getByRole("button", { name: translate("en", "menu.class.runButton") }).click();
    await page.getByRole("heading", { name: translate("en", "menu.class.title") }).waitFor();
    await page.getByLabel(translate("en", "menu.class.firms"), { exact: true }).fill("3");
    await page.getByLabel(translate("en", "menu.class.quarters"), { exact: true }).fill("6");

    const pasted = page.getByLabel(translate("en", "lobby.economy.paste"));
    await pasted.fill('{ "sectors": { "media": { "servingCost": -1 } } }');
    const fieldProblem = page.locator("fieldset.economy [role=alert]");
    await expect.poll(() => fieldProblem.textContent()).toBe("The economy JSON cannot be used: sectors.media.servingCost: too small: it must be at least 0.");
    expect(await pasted.getAttribute("aria-invalid")).toBe("true");
    // Creating is refused in the form; nothing is sent.
    await page.getByRole("button", { name: translate("en", "menu.class.submit") }).click();
    await expect.poll(() => page.locator(".class-form > [role=alert]").textContent()).toBe(translate("en", "menu.class.seeEconomy"));
    await pasted.fill('{ "sectors": { "medai": {} } }');
    await expect.poll(() => fieldProblem.textContent()).toMatch(/^The economy JSON cannot be used: sectors\.medai: there is no such setting/);
    await pasted.fill("{ sectors: 1 }");
    await expect.poll(() => fieldProblem.textContent()).toMatch(/^The economy JSON cannot be used: it is not valid JSON/);
    // The length is the form's own field: an override that sets it is refused, naming the field to use.
    await pasted.fill('{ "quarters": 1000 }');
    await expect
      .poll(() => fieldProblem.textContent())
      .toMatch(/^The economy JSON cannot be used: quarters: the game's length is not part of the economy: set it with the Turns field/);
    await page.screenshot({ path: path.join(RESULTS, "economy-class-form-error-1280x720.png"), fullPage: true });

    // Too big a file is refused before it is read.
    await page
      .getByLabel(translate("en", "lobby.economy.upload"))
      .setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(20 * 1024, " ") });
    await expect.poll(() => fieldProblem.textContent()).toMatch(/^The file huge\.json is 20 KB; an economy file may have at most 16 KB/);

    await page
      .getByLabel(translate("en", "lobby.economy.upload"))
      .setInputFiles({ name: "tuned.json", mimeType: "application/json", buffer: Buffer.from(FILE) });
    await expect.poll(() => pasted.inputValue()).toBe(FILE);
    await expect.poll(() => fieldProblem.textContent()).toBe("");
    const note = page.locator("fieldset.economy .economy-note");
    await expect.poll(() => note.textContent()).toMatch(/^Custom economy: 2 values changed from the scenario/);
    const scenario = loadConfig("ai-2025");
    if (!scenario.ok) throw new Error("no scenario");
    expect(await note.locator("li").allTextContents()).toEqual([
      `Synthetic video and audio: serving cost: ${scenario.value.sectors.media.servingCost} → 0.61`,
      `Model access (API) market: ${scenario.value.api.pool.toLocaleString("en-US")} → 2,000`,
    ]);
    // The key path is left for the designer in each line's tooltip.
    expect(await note.locator("li").first().getAttribute("title")).toBe("sectors.media.servingCost");
    expect(await overlappingText(page, ".panel")).toEqual([]);
    expect(await keyboardProblems(page, ".panel")).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, "economy-class-form-1280x720.png"), fullPage: true });

    await page.getByRole("button", { name: translate("en", "menu.class.submit") }).click();
    const keyDialog = page.getByRole("dialog", { name: "Your facilitator key" });
    await keyDialog.waitFor();
    await keyDialog.getByRole("button", { name: "Continue to the console" }).click();
    const line = page.locator(".console-economy");
    await expect
      .poll(() => line.textContent())
      .toBe(
        `${translate("en", "console.economy.label")} ${translate("en", "console.economy.changed", { count: 2, names: list("en", ["Synthetic video and audio: serving cost", "Model access (API) market"]) })} ${translate("en", "console.economy.view")}`,
      );
    await page.screenshot({ path: path.join(RESULTS, "economy-console-1280x720.png") });
    await line.getByRole("button", { name: "View" }).click();
    const dialog = page.getByRole("dialog", { name: "Custom economy" });
    await dialog.waitFor();
    await dialog.getByText(translate("en", "lobby.economy.viewJson")).click();
    expect(JSON.parse((await dialog.locator("pre").textContent()) ?? "")).toEqual(JSON.parse(FILE));
    await page.screenshot({ path: path.join(RESULTS, "economy-console-dialog-1280x720.png") });
    await expect.poll(() => page.locator(".console-quarter").textContent()).toMatch(/6/);
  });

  test("the file picker speaks the game's language, not the browser's: a browser in English playing in Chinese sees 选择文件… and 未选择文件, and the button opens the picker", async () => {
    const page = await (
      await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: "en-US" })
    ).newPage();
    await page.goto(`${BASE}/?lang=zh-CN`);
    await page.getByRole("button", { name: translate("zh-CN", "menu.class.runButton") }).tap();
    await page.getByRole("heading", { name: translate("zh-CN", "menu.class.title") }).waitFor();
    const field = page.locator("fieldset.economy");
    const choose = field.getByRole("button", { name: translate("zh-CN", "lobby.economy.choose") });
    await choose.scrollIntoViewIfNeeded();
    // Chromium draws its own input's button and status ("Choose File", "No file chosen") in the browser's language: not shown.
    expect(await field.locator("input[type=file]").isVisible()).toBe(false);
    expect(await field.locator(".file-name").textContent()).toBe(translate("zh-CN", "lobby.economy.noFile"));
    const box = await choose.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), choose.tap()]);
    await chooser.setFiles({ name: "tuned.json", mimeType: "application/json", buffer: Buffer.from(FILE) });
    await expect.poll(() => page.getByLabel(translate("zh-CN", "lobby.economy.paste")).inputValue()).toBe(FILE);
    expect(await field.locator(".file-name").textContent()).toBe("tuned.json");
    expect(await overlappingText(page, ".panel")).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, "economy-file-picker-zh-CN-390x844.png") });
  });

  test("on a phone the field and its problem fit the screen", async () => {
    const page = await (
      await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    ).newPage();
    await page.goto(BASE);
    await page.getByRole("button", { name: translate("en", "menu.class.runButton") }).click();
    await page.getByRole("heading", { name: translate("en", "menu.class.title") }).waitFor();
    // No blank under the empty field: its reset button follows it at a button's own margin (a problem line's room and a text line's descender left ~73 px).
    const gap = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { top: number; bottom: number } } } }).document;
      return (
        doc.querySelector("fieldset.economy .row button").getBoundingClientRect().top -
        doc.querySelector("fieldset.economy textarea").getBoundingClientRect().bottom
      );
    });
    expect(gap).toBeLessThanOrEqual(16);
    await page.getByLabel(translate("en", "lobby.economy.paste")).fill('{ "sectors": { "media": { "servingCost": -1 } } }');
    await expect.poll(() => page.locator("fieldset.economy [role=alert]").textContent()).toMatch(/sectors\.media\.servingCost/);
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await overlappingText(page, ".panel")).toEqual([]);
    await page.locator("fieldset.economy").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "economy-class-form-error-390x844.png") });
    await page.getByLabel(translate("en", "lobby.economy.paste")).fill(FILE);
    await page.locator("fieldset.economy .economy-note").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "economy-class-form-390x844.png") });
  });

  test("a friends host loads an economy in the lobby; the other players see what it changes", async () => {
    const host = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await host.goto(BASE);
    await host.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await host.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    const code = (await host.locator("p.code strong").textContent()) ?? "";
    const pasted = host.getByLabel(translate("en", "lobby.economy.paste"));
    // The JSON field looks like the form's other fields (it was the browser's grey box).
    type Style = { backgroundColor: string; color: string; borderTopColor: string; borderTopLeftRadius: string };
    const look = (el: unknown) => {
      const s = (globalThis as unknown as { getComputedStyle(e: unknown): Style }).getComputedStyle(el);
      return [s.backgroundColor, s.color, s.borderTopColor, s.borderTopLeftRadius];
    };
    expect(await pasted.evaluate(look)).toEqual(await host.locator("fieldset.settings select").first().evaluate(look));
    await pasted.fill('{ "api": { "pool": -5 } }');
    await expect.poll(() => host.locator("fieldset.economy [role=alert]").textContent()).toMatch(/^The economy JSON cannot be used: api\.pool: too small/);
    await pasted.fill(FILE);
    await pasted.blur();
    // Sent, applied and synced: the field comes back from the room's state with its summary.
    await expect.poll(() => host.locator("fieldset.economy .economy-note").textContent()).toMatch(/^Custom economy: 2 values changed/);
    await host.screenshot({ path: path.join(RESULTS, "economy-lobby-host-1280x720.png"), fullPage: true });

    const friend = await (
      await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    ).newPage();
    await friend.goto(BASE);
    await friend.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await friend.getByLabel(translate("en", "menu.join.code")).fill(code);
    await friend.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
    const note = friend.locator(".economy-note");
    await expect.poll(() => note.textContent()).toMatch(/^Custom economy: 2 values changed/);
    expect(await note.locator("li").count()).toBe(2);
    await note.scrollIntoViewIfNeeded();
    await friend.screenshot({ path: path.join(RESULTS, "economy-lobby-player-390x844.png") });

    // Back to the scenario's economy: the note goes away for everyone.
    await host.getByRole("button", { name: translate("en", "lobby.economy.reset") }).click();
    await expect.poll(() => note.count()).toBe(0);
  });
});
