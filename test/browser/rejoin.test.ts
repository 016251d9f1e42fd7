import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { translate } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, RESULTS, SKIP_REASON, serveGame } from "./harness.js";

const PORT = 2591;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)("joining through the page", () => {
  const game = serveGame(PORT);

  /** Ada's friends game of 3 firms on a laptop, in its lobby: her page and the game's code. */
  async function hostGame(): Promise<{ host: Page; code: string }> {
    const host = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await host.goto(BASE);
    await host.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await host.getByLabel(translate("en", "menu.create.firms")).fill("3");
    await host.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    return { host, code: (await host.locator(".code strong").textContent())?.trim() ?? "" };
  }

  test("a link joins by code, and a refreshed page gets back into its seat in the lobby and in the game", async () => {
    const { host, code } = await hostGame();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(host.url()).toBe(`${BASE}/?join=${code}`);

    const guest = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await guest.goto(`${BASE}/?join=${code}`);
    await expect.poll(() => guest.getByLabel(translate("en", "menu.join.code")).inputValue()).toBe(code);
    await guest.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await guest.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
    await guest.getByText(translate("en", "lobby.waiting.host")).waitFor();
    await host
      .getByRole("list", { name: translate("en", "lobby.firms") })
      .getByText(/— Bo \((not )?ready\)$/)
      .waitFor();

    await guest.reload();
    await guest.getByText(translate("en", "lobby.waiting.host")).waitFor();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).click();
    // "Quarter 1 of …" or "Turn 1 of …", whatever the game's length.
    const first = (key: "common.quarter.of" | "common.turn.of") => translate("en", key, { current: 1, total: 0 }).replace(/\s*0$/, "");
    const quarter1 = new RegExp(`^(${first("common.quarter.of")}|${first("common.turn.of")})`);
    await host.getByText(quarter1).waitFor();
    await guest.reload();
    await guest.getByText(quarter1).waitFor();
    await guest.screenshot({ path: path.join(RESULTS, "rejoin-after-refresh.png") });

    // A second name taken, plainly said where the player looks.
    const late = await (await game.browser.newContext()).newPage();
    await late.goto(`${BASE}/?join=${code}`);
    await late.getByLabel(translate("en", "menu.name.label")).fill("Cy");
    await late.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
    // Beside the Join button, in the form the player used (at 1280×720 it sat under both forms, a column's height below).
    const joinForm = late.getByRole("form", { name: translate("en", "menu.join.title") });
    await expect.poll(() => joinForm.getByRole("alert").textContent()).toMatch(/already started/);
  });

  test("a host who closed the game's tab joins again by name from the link in the same browser and is back in the game (the tab's seat token is gone; the game's key lets the name back in)", async () => {
    const context = await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const host = await context.newPage();
    await host.goto(BASE);
    await host.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await host.getByLabel(translate("en", "menu.create.firms")).fill("3");
    await host.getByRole("button", { name: translate("en", "menu.create.submit") }).tap();
    const code = (await host.locator(".code strong").textContent())?.trim() ?? "";
    await host.getByRole("button", { name: translate("en", "lobby.start") }).tap();
    await host.getByRole("tab", { name: translate("en", "market.tabs.decide") }).waitFor();
    await host.close();

    const again = await context.newPage();
    // This browser's last seat forgotten too (see the next test): the name and the game's key are what is left.
    await again.goto(BASE);
    await again.evaluate(() => (globalThis as unknown as { localStorage: { removeItem(k: string): void } }).localStorage.removeItem("scale-or-ship:last-seat"));
    await again.goto(`${BASE}/?join=${code}`);
    await again.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await again.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).tap();
    // Back in the market as Ada's firm, not on the menu with "ask your teacher (or the host)".
    await again.getByRole("tab", { name: translate("en", "market.tabs.decide") }).waitFor();
    expect(await again.getByText(translate("en", "errors.join.seatHeld")).count()).toBe(0);
    await again.screenshot({ path: path.join(RESULTS, "rejoin-host-closed-tab.png") });
    await context.close();
  });

  test("a student who closed the game's tab opens its link again in the same browser and is offered their seat by name: one tap, no name typed, no teacher", async () => {
    const { host, code } = await hostGame();

    const phone = await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const student = await phone.newPage();
    await student.goto(`${BASE}/?join=${code}`);
    await student.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await student.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).tap();
    await student.getByText(translate("en", "lobby.waiting.host")).waitFor();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).click();
    await student.getByRole("tab", { name: translate("en", "market.tabs.decide") }).waitFor();
    await student.close();

    const again = await phone.newPage();
    await again.goto(`${BASE}/?join=${code}`);
    // Not put in Bo's seat by itself: the menu says whose seat this browser holds and offers it back.
    await again.getByText(translate("en", "menu.seatOffer.line", { name: "Bo" })).waitFor();
    expect(await again.getByRole("tab", { name: translate("en", "market.tabs.decide") }).count()).toBe(0);
    await again.screenshot({ path: path.join(RESULTS, "rejoin-seat-offer-390x844.png") });
    await again.getByRole("button", { name: translate("en", "menu.seatOffer.button", { name: "Bo" }) }).tap();
    await again.getByRole("tab", { name: translate("en", "market.tabs.decide") }).waitFor();
    await again.screenshot({ path: path.join(RESULTS, "rejoin-student-closed-tab.png") });
    // Still Bo's firm: the panel is there to decide for it.
    await again.getByRole("tab", { name: translate("en", "market.tabs.decide") }).tap();
    await again.getByRole("button", { name: translate("en", "panel.button.submit") }).waitFor();
    await phone.close();
  });

  test("a second person on the same browser (a shared computer, a second tab) who opens the link is not put in the first player's seat: they join under their own name", async () => {
    const { host, code } = await hostGame();
    const shared = await game.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const bo = await shared.newPage();
    await bo.goto(`${BASE}/?join=${code}`);
    await bo.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await bo.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
    await bo.getByText(translate("en", "lobby.waiting.host")).waitFor();

    // Cy opens the same link in another tab of the same browser while Bo's tab is still open.
    const cy = await shared.newPage();
    await cy.goto(`${BASE}/?join=${code}`);
    await cy.getByText(translate("en", "menu.seatOffer.line", { name: "Bo" })).waitFor();
    // The name field is empty for whoever is not Bo (not prefilled with the browser's last name).
    expect(await cy.getByLabel(translate("en", "menu.name.label")).inputValue()).toBe("");
    await cy.getByLabel(translate("en", "menu.name.label")).fill("Cy");
    await cy.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
    await cy.getByText(translate("en", "lobby.waiting.host")).waitFor();
    // Two players, each in a seat of their own; Bo's tab still holds Bo's firm.
    const seats = host.getByRole("list", { name: translate("en", "lobby.firms") });
    await seats.getByText(/— Bo \((not )?ready\)$/).waitFor();
    await seats.getByText(/— Cy \((not )?ready\)$/).waitFor();
    expect(await cy.locator("ul.seats li.mine").textContent()).toContain("Cy");
    expect(await bo.locator("ul.seats li.mine").textContent()).toContain("Bo");
    await shared.close();
  });
  test("a player who lost the seat link asks back in, is let in from one device and asks again from another: the host's notice says so, and a refused join is not logged as an unexpected close", async () => {
    const { host, code } = await hostGame();
    const phone = await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const bo = await phone.newPage();
    await bo.goto(`${BASE}/?join=${code}`);
    await bo.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await bo.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).tap();
    await bo.getByText(translate("en", "lobby.waiting.host")).waitFor();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).click();
    await bo.getByRole("tab", { name: translate("en", "market.tabs.decide") }).waitFor();
    // Bo's phone is gone with the seat link; Bo asks by name from another phone, then from a third.
    await phone.close();
    const warnings: string[] = [];
    const ask = async () => {
      const page = await (await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
      page.on("console", (m) => {
        if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
      });
      await page.goto(`${BASE}/?join=${code}`);
      await page.getByLabel(translate("en", "menu.name.label")).fill("Bo");
      await page.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).tap();
      await page.getByText(translate("en", "errors.join.seatHeld")).waitFor();
      return page;
    };
    await ask();
    await host.getByText(translate("en", "market.returns.asks", { name: "Bo" })).waitFor();
    await host.getByRole("button", { name: translate("en", "market.returns.letIn", { name: "Bo" }) }).click();
    await ask();
    // Let back in from the second phone, Bo now asks from a third: the host is told it is another device, in the console's words.
    await host.getByText(translate("en", "market.returns.asksAgain", { name: "Bo" })).waitFor();
    await host.screenshot({ path: path.join(RESULTS, "rejoin-host-asked-again.png") });
    // The page said why in its own words; the SDK's "Room connection was closed unexpectedly (4002)" is not written beside it.
    expect(warnings.filter((w) => /closed unexpectedly/.test(w))).toEqual([]);
  });
});
