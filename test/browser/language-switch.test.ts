import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { HAS_CHROMIUM, localeContext, RESULTS, SKIP_REASON, serveGame } from "./harness.js";
import { moneyLabel, panelHeading, reportHeading, words } from "./play-steps.js";

const PORT = 2608;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const en = words("en");
const zh = words("zh-CN");

/** A practice game (one click, bots, no timer): the panel of quarter 1 open. */
async function practice(page: Page): Promise<void> {
  await page.goto(BASE);
  await page.locator("#name").fill("Ada");
  await page.locator("#practice").click();
  await page.getByRole("heading", { name: panelHeading(en, 1) }).waitFor();
}

const inboxListeners = (page: Page) => page.evaluate(() => (globalThis as unknown as { __sos: { inboxListeners(): number } }).__sos.inboxListeners());

describe.skipIf(!HAS_CHROMIUM)("the language switch and the draft during play", () => {
  const game = serveGame(PORT);

  test("switching to Chinese mid-quarter redraws the market in Chinese, keeping the typed draft, the open report and firm, once-registered listeners", async () => {
    const page = await (await localeContext(game.browser, "en", "laptop")).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await practice(page);
    await page.locator(".decision form button[type=submit]").click();
    // Quarter 1 resolves at once: its report opens; quarter 2's panel follows.
    await page.getByRole("heading", { name: reportHeading(en, 1) }).waitFor();
    await page.getByRole("heading", { name: panelHeading(en, 2) }).waitFor();
    const listeners = await inboxListeners(page);

    // A draft being typed, a rival's history open.
    await page.getByRole("button", { name: en("panel.preset.custom"), exact: true }).click();
    await page.getByLabel(moneyLabel("en", en("panel.field.train")), { exact: true }).fill("123.4");
    await page.getByLabel(moneyLabel("en", en("sectors.support")), { exact: true }).fill("-5");
    await page
      .getByRole("alert")
      .filter({ hasText: en("panel.draft.amount", { label: en("sectors.support") }) })
      .waitFor();
    await page
      .getByRole("navigation", { name: en("market.board.title") })
      .getByRole("button")
      .first()
      .click();
    await page.locator(".firm-detail:not([hidden])").waitFor();
    const firmTitle = (await page.locator("#firm-detail-title").textContent()) ?? "";

    await page.locator("#language").selectOption("zh-CN");

    // The words are Chinese …
    await page.getByRole("heading", { name: panelHeading(zh, 2) }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator(".market-status h1").textContent()).toMatch(/^第 \d+ (季度|回合) \/ 共 \d+ \1$/);
    await page.getByRole("navigation", { name: zh("market.board.title") }).waitFor();
    await page.getByRole("button", { name: zh("panel.button.submit") }).waitFor();
    // … the draft is as typed, its refusal now in Chinese …
    expect(await page.getByLabel(moneyLabel("zh-CN", zh("panel.field.train")), { exact: true }).inputValue()).toBe("123.4");
    expect(await page.getByLabel(moneyLabel("zh-CN", zh("sectors.support")), { exact: true }).inputValue()).toBe("-5");
    expect(await page.getByRole("button", { name: zh("panel.preset.custom"), exact: true }).getAttribute("aria-pressed")).toBe("true");
    await page
      .getByRole("alert")
      .filter({ hasText: zh("panel.draft.amount", { label: zh("sectors.support") }) })
      .waitFor();
    // … the firm's history is still open, in Chinese, and the report under it …
    await page.locator(".firm-detail:not([hidden])").getByText(zh("market.detail.lede")).waitFor();
    expect(firmTitle.length).toBeGreaterThan(0);
    await page
      .locator(".firm-detail")
      .getByRole("button", { name: zh("market.detail.close") })
      .click();
    await page.getByRole("heading", { name: reportHeading(zh, 1) }).waitFor();
    await page.locator(".report-card").getByText(zh("report.moved.title")).waitFor();
    // … nothing is there twice, and no listener was added.
    for (const part of [".decision", ".report-card", ".market-ticker", ".market-tabs", ".market-board", ".firm-detail", "#stage canvas"])
      expect(await page.locator(part).count(), part).toBe(1);
    expect(await inboxListeners(page)).toBe(listeners);
    await page.screenshot({ path: path.join(RESULTS, "language-switch-zh-1280x720.png") });

    // Back to English and on with the game: the fixed draft submits once, quarter 3 opens.
    await page.locator("#language").selectOption("en");
    await page.getByRole("heading", { name: panelHeading(en, 2) }).waitFor();
    expect(await inboxListeners(page)).toBe(listeners);
    await page.getByLabel(moneyLabel("en", en("sectors.support")), { exact: true }).fill("5");
    await page.getByRole("button", { name: en("panel.button.submit") }).click();
    await page.getByRole("heading", { name: reportHeading(en, 2) }).waitFor();
    await page.getByRole("heading", { name: panelHeading(en, 3) }).waitFor();
    expect(await page.locator(".report-card").count()).toBe(1);
    expect(errors).toEqual([]);
  }, 120_000);

  test("a reload brings back what the player was typing for this quarter; a submission forgets it", async () => {
    const page = await (await localeContext(game.browser, "en", "laptop")).newPage();
    await practice(page);
    await page.getByRole("button", { name: en("panel.preset.custom"), exact: true }).click();
    await page.getByLabel(moneyLabel("en", en("panel.field.train")), { exact: true }).fill("77.7");
    await page.getByLabel(moneyLabel("en", en("sectors.medical")), { exact: true }).fill("12");
    await page.getByLabel(en("panel.field.distill")).check();

    await page.reload();
    await page.getByRole("heading", { name: panelHeading(en, 1) }).waitFor();
    expect(await page.getByLabel(moneyLabel("en", en("panel.field.train")), { exact: true }).inputValue()).toBe("77.7");
    expect(await page.getByLabel(moneyLabel("en", en("sectors.medical")), { exact: true }).inputValue()).toBe("12");
    expect(await page.getByLabel(en("panel.field.distill")).isChecked()).toBe(true);
    expect(await page.getByRole("button", { name: en("panel.preset.custom"), exact: true }).getAttribute("aria-pressed")).toBe("true");
    await page.getByText(en("panel.origin.restored")).waitFor();

    // Submitted: the next quarter opens on its own plan, not on the old draft, and so does a reload.
    await page.getByRole("button", { name: en("panel.button.submit") }).click();
    await page.getByRole("heading", { name: panelHeading(en, 2) }).waitFor();
    expect(await page.getByText(en("panel.origin.restored")).count()).toBe(0);
    await page.reload();
    await page.getByRole("heading", { name: panelHeading(en, 2) }).waitFor();
    expect(await page.getByText(en("panel.origin.restored")).count()).toBe(0);
    const kept = await page.evaluate(() => {
      const store = (globalThis as unknown as { sessionStorage: { length: number; key(i: number): string | null } }).sessionStorage;
      return Array.from({ length: store.length }, (_, i) => store.key(i) ?? "").filter((key) => key.startsWith("sos.draft."));
    });
    expect(kept).toEqual([]);
  }, 120_000);
});
