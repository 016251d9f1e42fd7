import { matchMaker } from "colyseus";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, localeContext, SKIP_REASON, serveGame } from "./harness.js";
import { moneyLabel, panelHeading, reportHeading, words } from "./play-steps.js";

const PORT = 2606;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const t = words("en");

describe.skipIf(!HAS_CHROMIUM)("a first-time player's first quarter", () => {
  const game = serveGame(PORT);

  test("with a plan preset, a new player in a friends game against bots submits a legal quarter 1 quickly, then sees their own report", async () => {
    const page = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(BASE);
    await page.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await page.getByLabel(translate("en", "menu.create.firms")).fill("4");
    await page.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await page.getByRole("button", { name: translate("en", "lobby.start") }).click();

    await page.getByRole("heading", { name: panelHeading(t, 1) }).waitFor();
    const shownAt = Date.now();
    // The panel opens during the news, says so, and opens on a legal plan: no error, a budget left.
    await expect
      .poll(async () => [t("panel.phase.news"), t("panel.phase.open")].includes((await page.locator(".decision .phase-note").textContent()) ?? ""))
      .toBe(true);
    expect(await page.locator(".decision .error").textContent()).toBe("");
    const budget = t("panel.budget", { left: "LEFT", total: "TOTAL" })
      .replace(/[$()]/g, "\\$&")
      .replace(/LEFT|TOTAL/g, "\\$[\\d,.]+M");
    expect(await page.locator(".decision .budget").textContent()).toMatch(new RegExp(`^${budget}$`));
    await page.getByText(t("panel.guide.title.turn")).waitFor();
    await page.getByText(t("panel.guide.submit.line.turn")).waitFor(); // a friends game has 12 turns of 4 months
    // The raise field says what the market takes now: the most, or none when the quarter's news
    // (drawn from the game's random seed) leaves investors cold.
    const raiseField =
      (await page
        .locator(".decision .field.money")
        .filter({ hasText: moneyLabel("en", t("panel.field.raise")) })
        .textContent()) ?? "";
    expect([String(t("panel.hint.raiseMost", { amount: "$" }).split("$")[0]), t("panel.hint.raiseNone")].some((hint) => raiseField.includes(hint))).toBe(true);

    // Custom keeps a plan's amounts, and a spending slider reaches the whole budget as the server
    // counts it (cash plus the raise), so an amount paid partly by the raise sits inside its slider.
    await page.getByRole("button", { name: t("panel.preset.custom"), exact: true }).click();
    await page.getByRole("button", { name: t("panel.raiseMost") }).click();
    const total = Number(/of \$([\d,.]+)M/.exec((await page.locator(".decision .budget").textContent()) ?? "")?.[1]?.replace(/,/g, ""));
    const trainField = page.locator(".decision .field.money").filter({ hasText: moneyLabel("en", t("panel.field.train")) });
    // (The budget line rounds to the million, the slider's end is the budget rounded down.)
    expect(Math.abs(Number(await trainField.locator("input[type=range]").getAttribute("max")) - total)).toBeLessThanOrEqual(1);
    // Raising nothing leaves a plan that spends more than the cash: the panel says what to lower at once.
    // (One more than the budget: when the news left no raise, the budget is the cash itself.)
    await page.getByLabel(moneyLabel("en", t("panel.field.raise")), { exact: true }).fill("0");
    await page.getByLabel(moneyLabel("en", t("panel.field.train")), { exact: true }).fill(String(Math.floor(total) + 1));
    expect(await page.locator(".decision .error").textContent()).toContain(t("panel.draft.overBudget", { over: "\u0000" }).split("\u0000")[1]);
    expect(await page.locator(".decision form button[type=submit]").isDisabled()).toBe(true);

    await page.getByRole("button", { name: t("panel.preset.ship"), exact: true }).click();
    expect(await page.getByRole("button", { name: t("panel.preset.ship"), exact: true }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(".decision .error").textContent()).toBe("");
    await page.locator(".decision form button[type=submit]").click();
    // The bots are in at once, so the quarter resolves as soon as the server accepts the plan: its report opens.
    await page.getByRole("heading", { name: reportHeading(t, 1) }).waitFor();
    const seconds = (Date.now() - shownAt) / 1000;
    console.log(`first-time quarter 1: ${seconds.toFixed(1)} s from the panel to a legal submission (Ship preset)`);
    expect(seconds).toBeLessThan(60);
    expect(await page.getByText(/that firm|f\d+ /).count()).toBe(0);

    // The personal report stays until closed.
    await page.getByText(t("report.moved.title")).waitFor();
    await page.getByRole("heading", { name: panelHeading(t, 2) }).waitFor();
    expect(await page.getByRole("heading", { name: reportHeading(t, 1) }).isVisible()).toBe(true);
    await page
      .locator(".report-card")
      .getByRole("button", { name: t("report.close") })
      .click();
    await page.getByRole("button", { name: t("report.reopen.turn", { quarter: 1 }) }).waitFor();

    // The guide, once dismissed, stays dismissed in this browser.
    await page.getByRole("button", { name: t("panel.guide.dismiss") }).click();
    expect(await page.evaluate('localStorage.getItem("sos.guide.firstQuarter")')).toBe("done");
    expect(await page.getByText(t("panel.guide.title.turn")).count()).toBe(0);
  });

  test("Practice against bots starts a game in one click, with no timer: the quarter waits for the player", async () => {
    const page = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(BASE);
    await page.getByRole("button", { name: translate("en", "menu.practice.button") }).click();
    await page.getByRole("heading", { name: panelHeading(t, 1) }).waitFor();
    await page.getByText(t("panel.phase.untimed.turn")).waitFor(); // a practice game has 12 turns of 4 months
    const rooms = await matchMaker.query({ name: "market" });
    const room = rooms.map((r) => matchMaker.getLocalRoomById(r.roomId) as unknown as MarketRoom).find((r) => r?.flow.settings.decisionSeconds === 0);
    expect(room?.flow.phase.name).toBe("decide");
    expect(room?.state.deadline).toBe(0);
    expect(room?.flow.roster.seats.length).toBe(4);
    // No title stored in the creator's language: every reader sees the room named in theirs.
    expect(room?.flow.settings.name).toBe("");
    await page.locator(".decision form button[type=submit]").click();
    await page.getByRole("heading", { name: panelHeading(t, 2) }).waitFor();
  });

  test("Quick play in Chinese, with no open game, starts a game against bots that stores no title in the creator's language", async () => {
    const zh = words("zh-CN");
    const page = await (await localeContext(game.browser, "zh-CN")).newPage();
    await page.goto(BASE);
    await page.getByLabel(zh("menu.name.label")).fill("Mei");
    await page.getByRole("button", { name: zh("menu.open.quickPlay") }).click();
    await page.getByRole("heading", { name: panelHeading(zh, 1) }).waitFor();
    const rooms = await matchMaker.query({ name: "market" });
    const room = rooms.map((r) => matchMaker.getLocalRoomById(r.roomId) as unknown as MarketRoom).find((r) => r?.flow.settings.quarters === 8);
    expect(room?.flow.phase.name).not.toBe("lobby");
    expect(room?.flow.settings.name).toBe("");
    expect(room?.state.title).toBe("");
  });
});
