import { matchMaker } from "colyseus";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, SKIP_REASON, serveGame } from "./harness.js";

const PORT = 2606;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)("a first-time player's first quarter", () => {
  const game = serveGame(PORT);

  test("with a plan preset, a new player in a friends game against bots submits a legal quarter 1 quickly, then sees their own report", async () => {
    const page = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(BASE);
    await page.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await page.getByLabel(translate("en", "menu.create.firms")).fill("4");
    await page.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await page.getByRole("button", { name: translate("en", "lobby.start") }).click();

    await page.getByRole("heading", { name: "Quarter 1: your decisions" }).waitFor();
    const shownAt = Date.now();
    // The panel opens during the news, says so, and opens on a legal plan: no error, a budget left.
    await expect.poll(() => page.locator(".decision .phase-note").textContent()).toMatch(/fill this in now|Decisions are open/);
    expect(await page.locator(".decision .error").textContent()).toBe("");
    expect(await page.locator(".decision .budget").textContent()).toMatch(/^Budget left: \$[\d,.]+M of \$[\d,.]+M$/);
    await page.getByText("Your first quarter, in one line each").waitFor();
    expect(await page.locator(".decision .field.money").filter({ hasText: "Raise equity" }).textContent()).toMatch(/The most the market takes now: \$/);

    await page.getByRole("button", { name: "Ship", exact: true }).click();
    expect(await page.getByRole("button", { name: "Ship", exact: true }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(".decision .error").textContent()).toBe("");
    await page.locator(".decision form button[type=submit]").click();
    // The bots are in at once, so the quarter resolves as soon as the server accepts the plan: its report opens.
    await page.getByRole("heading", { name: /^Your quarter 1: / }).waitFor();
    const seconds = (Date.now() - shownAt) / 1000;
    console.log(`first-time quarter 1: ${seconds.toFixed(1)} s from the panel to a legal submission (Ship preset)`);
    expect(seconds).toBeLessThan(60);
    expect(await page.getByText(/that firm|f\d+ /).count()).toBe(0);

    // The personal report stays until closed.
    await page.getByText("Why your valuation moved").waitFor();
    await page.getByRole("heading", { name: "Quarter 2: your decisions" }).waitFor();
    expect(await page.getByRole("heading", { name: /^Your quarter 1: / }).isVisible()).toBe(true);
    await page.locator(".report-card").getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: "Your quarter 1 report" }).waitFor();

    // The guide, once dismissed, stays dismissed in this browser.
    await page.getByRole("button", { name: "Got it" }).click();
    expect(await page.evaluate('localStorage.getItem("sos.guide.firstQuarter")')).toBe("done");
    expect(await page.getByText("Your first quarter, in one line each").count()).toBe(0);
  });

  test("Practice against bots starts a game in one click, with no timer: the quarter waits for the player", async () => {
    const page = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(BASE);
    await page.getByRole("button", { name: translate("en", "menu.practice.button") }).click();
    await page.getByRole("heading", { name: "Quarter 1: your decisions" }).waitFor();
    await page.getByText("No timer: the quarter resolves when every firm has submitted.").waitFor();
    const rooms = await matchMaker.query({ name: "market" });
    const room = rooms.map((r) => matchMaker.getLocalRoomById(r.roomId) as unknown as MarketRoom).find((r) => r?.flow.settings.decisionSeconds === 0);
    expect(room?.flow.phase.name).toBe("decide");
    expect(room?.state.deadline).toBe(0);
    expect(room?.flow.roster.seats.length).toBe(4);
    await page.locator(".decision form button[type=submit]").click();
    await page.getByRole("heading", { name: "Quarter 2: your decisions" }).waitFor();
  });
});
