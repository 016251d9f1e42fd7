import path from "node:path";
import { Client } from "@colyseus/sdk";
import { matchMaker } from "colyseus";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { facilitatorKeyFor } from "../../client/net/keys.js";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate, translator } from "../../shared/i18n/catalog.js";
import { EVENT_KINDS } from "../../shared/schemas/vocabulary.js";
import { lengthWords, turnWordsFor } from "../../shared/words/turns.js";
import { MemoryStore } from "../helpers/memory-store.js";
import { HAS_CHROMIUM, RESULTS, SKIP_REASON, serveGame } from "./harness.js";
import { moneyLabel, panelHeading, words } from "./play-steps.js";

const PORT = 2602;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const t = words("en");

/** Internal names that must never reach a person: firm ids, field paths, raw event kinds, camelCase field names. */
const LEAKS: [string, RegExp][] = [
  ["a firm id", /\bf\d+\b/],
  ["a field path", /\bapps\.\w+/],
  ["an event kind", new RegExp(`\\b(${[...EVENT_KINDS, "rateHike"].join("|")})\\b`)],
  ["a camelCase name", /\b[a-z]+[A-Z][A-Za-z]*\b/],
];

/** The leaks in what the page shows (its visible text), each with the line it is in. */
async function leaks(page: Page): Promise<string[]> {
  // Each visible text node on its own (innerText would glue a label to the button after it).
  const texts = await page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the page's DOM, typed where the test runs (Node)
    const doc = (globalThis as any).document;
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const out: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent?.checkVisibility() && node.textContent?.trim()) out.push(node.textContent.trim());
    }
    return out;
  });
  const found: string[] = [];
  for (const line of texts)
    for (const [what, pattern] of LEAKS) {
      const hit = line.match(pattern);
      if (hit) found.push(`${what} "${hit[0]}" in: ${line.trim().slice(0, 160)}`);
    }
  return found;
}

/** The facilitator key a page's browser holds for game `code` (a friends game's host gets one). */
async function keyOf(page: Page, code: string): Promise<string> {
  const stored = await page.evaluate(() => {
    const ls = (globalThis as unknown as { localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null } }).localStorage;
    const all: Record<string, string> = {};
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i);
      if (k) all[k] = ls.getItem(k) ?? "";
    }
    return all;
  });
  const keys = new MemoryStore();
  for (const [k, v] of Object.entries(stored)) keys.setItem(k, v);
  return facilitatorKeyFor(keys, code)?.key ?? "";
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `room-${name}.png`) });

describe.skipIf(!HAS_CHROMIUM)("the room's screens", () => {
  const game = serveGame(PORT);

  test("open games on the menu, a market screen for the room, the console's log and final table, in plain words throughout", async () => {
    const host = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await host.goto(BASE);
    expect(await leaks(host)).toEqual([]);
    await host.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await host.getByLabel(translate("en", "menu.create.firms")).fill("3");
    await host.getByLabel(translate("en", "menu.create.quarters")).fill("4");
    await host.getByLabel(translate("en", "menu.timer.seconds")).fill("600");
    await host.getByLabel(translate("en", "menu.create.listed")).check();
    await host.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    const code = (await host.locator(".code strong").textContent())?.trim() ?? "";
    const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;

    // A phone finds the game in the menu's open games and joins it in one tap.
    const phone = await (
      await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    ).newPage();
    await phone.goto(BASE);
    const listed = phone
      .getByRole("list", { name: translate("en", "menu.open.title") })
      .getByRole("listitem")
      .filter({
        has: phone.getByRole("button", { name: translate("en", "menu.open.joinHosted", { title: translate("en", "market.join.title"), host: "Ada" }) }),
      });
    await expect
      .poll(() => listed.textContent())
      .toContain(
        translate("en", "menu.open.lineHosted", {
          host: "Ada",
          seats: translate("en", "menu.open.seats", { count: 2 }),
          quarters: lengthWords(translator("en"), 4, turnWordsFor(4)),
        }),
      );
    await shot(phone, "menu-open-games-390x844");
    await phone.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await listed.getByRole("button", { name: translate("en", "menu.open.joinHosted", { title: translate("en", "market.join.title"), host: "Ada" }) }).click();
    await phone.getByText(translate("en", "lobby.waiting.host")).waitFor();

    // The host sees who is ready.
    await host.getByText(translate("en", "lobby.player.notReady", { name: "Bo" })).waitFor();
    await phone.getByLabel(translate("en", "lobby.ready")).check();
    await host.getByText(translate("en", "lobby.player.ready", { name: "Bo" })).waitFor();
    await expect.poll(() => host.locator(".ready-count").textContent()).toBe(translate("en", "lobby.readyCount", { ready: 1, count: 2 }));
    expect(await leaks(host)).toEqual([]);

    // The big screen: opened from the lobby's link, no seat.
    const screenLink = await host.getByRole("link", { name: translate("en", "lobby.bigScreen") }).getAttribute("href");
    expect(screenLink).toBe(`${BASE}/?watch=${code}`);
    const screen = await (await game.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await screen.goto(screenLink ?? "");
    await screen.getByText(translate("en", "lobby.waiting.host")).waitFor();
    expect(room.flow.roster.players.map((p) => p.name)).toEqual(["Ada", "Bo"]);

    // The host's key (a friends game's host holds one) drives the facilitator's controls below.
    const key = await keyOf(host, code);
    expect(key).not.toBe("");

    await host.getByRole("button", { name: translate("en", "lobby.start") }).click();
    await host.getByRole("heading", { name: panelHeading(t, 1) }).waitFor();
    await screen.locator(".join-card-code").waitFor();
    expect(await screen.locator(".join-card-code").textContent()).toBe(code);
    expect(await screen.getByRole("button", { name: t("panel.button.submit") }).count()).toBe(0);

    // An invalid amount: the error names the field as the player sees it.
    await host.getByRole("button", { name: t("panel.preset.custom"), exact: true }).click();
    await host.getByLabel(moneyLabel("en", t("sectors.support")), { exact: true }).fill("-100");
    // The decision panel (play-panel's wording) names the field by its label.
    await expect.poll(async () => (await host.locator(".decision [role=alert]").allTextContents()).join(" ")).toContain(t("sectors.support"));
    await shot(host, "market-error-1280x720");
    expect(await leaks(host)).toEqual([]);
    await host.getByLabel(moneyLabel("en", t("sectors.support")), { exact: true }).fill("10");

    // The facilitator's controls, with the host's key: three events, then the quarter resolves.
    const facilitator = await new Client(`ws://localhost:${PORT}`).joinById(code, { facilitatorKey: key });
    await expect.poll(() => room.flow.phaseName, { timeout: 15_000 }).toBe("decide");
    for (const event of [
      { kind: "selloff", depth: 0.6 },
      { kind: "rateChange", delta: 0.02 },
      { kind: "adoptionWave", sector: "medical", factor: 1.5 },
    ])
      facilitator.send("inject", { injection: { kind: "event", event } });
    await expect.poll(() => room.flow.match?.injections.length).toBe(3);
    facilitator.send("forceNext");
    await expect.poll(() => room.flow.phaseName, { timeout: 15_000 }).toBe("report");
    facilitator.send("pause");
    await expect.poll(() => room.flow.timer.paused).toBe(true);

    // The report's ticker holds the three events and cuts none of them off.
    const ticker = screen.locator(".market-ticker");
    await expect.poll(() => ticker.locator("li").count()).toBeGreaterThanOrEqual(3);
    await expect
      .poll(() => ticker.evaluate((el) => ({ fits: el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1 })))
      .toEqual({ fits: true });
    // Either every item shows, or they page ("1 of 4 ›") where the line is too short for them.
    const pager = (await ticker.locator(".ticker-next").isVisible()) ? await ticker.locator(".ticker-next").textContent() : null;
    if (pager === null) expect(await ticker.locator("li:visible").count()).toBe(await ticker.locator("li").count());
    else expect(pager).toMatch(/^1 of \d+ ›$/);
    await shot(screen, "screen-report-1920x1080");
    expect(await leaks(screen)).toEqual([]);

    // A long game log: the console says there is more below.
    for (let i = 0; i < 12; i++) {
      facilitator.send("resume");
      facilitator.send("pause");
    }
    const console_ = await host.context().newPage();
    await console_.setViewportSize({ width: 1280, height: 720 });
    await console_.goto(`${BASE}/?console=${code}`);
    await console_.getByRole("heading", { name: "Game log (newest first)" }).waitFor();
    await expect.poll(() => console_.locator(".log li").count()).toBeGreaterThanOrEqual(20);
    await console_
      .getByText(translate("en", "console.log.inject.turn", { quarter: 1, sentence: "" }).trim())
      .first()
      .waitFor();
    await expect.poll(() => console_.getByRole("button", { name: translate("en", "errors.scroll.more") }).isVisible()).toBe(true);
    expect(await console_.getByRole("link", { name: "Show the market on the projector" }).getAttribute("href")).toBe(`${BASE}/?watch=${code}`);
    await shot(console_, "console-log-1280x720");
    expect(await leaks(console_)).toEqual([]);

    // The end: the console's final table has the valuation; every page in plain words.
    facilitator.send("endGame");
    await console_.getByRole("heading", { name: "Final standings" }).waitFor();
    expect(await console_.getByRole("table", { name: "Final standings" }).getByRole("columnheader").allTextContents()).toEqual([
      "Rank",
      "Firm",
      "Score",
      "Valuation",
      "Value created",
    ]);
    // A page opened after another in the same browser context can sit in the background, where
    // Chromium stops animation frames (and with them Phaser's scene changes): bring each to the front.
    await host.bringToFront();
    await host.getByRole("heading", { name: t("report.over.title") }).waitFor();
    await screen.bringToFront();
    await screen.getByRole("heading", { name: t("report.over.title") }).waitFor();
    expect(await screen.getByRole("button", { name: t("report.over.playAgain") }).count()).toBe(0);
    await expect.poll(async () => ((await host.locator(".over-debrief").textContent()) ?? "").length).toBeGreaterThan(100);
    for (const page of [console_, host, screen, phone]) expect(await leaks(page)).toEqual([]);
    await shot(screen, "screen-over-1920x1080");
    await facilitator.leave(true);

    // Play again keeps the name and the settings.
    await host.getByRole("button", { name: t("report.over.playAgain") }).click();
    await expect.poll(() => host.getByLabel(translate("en", "menu.name.label")).inputValue()).toBe("Ada");
    expect(await host.getByLabel(translate("en", "menu.create.firms")).inputValue()).toBe("3");
    expect(await host.getByLabel(translate("en", "menu.create.quarters")).inputValue()).toBe("4");
    expect(await host.getByLabel(translate("en", "menu.create.listed")).isChecked()).toBe(true);
  });

  test("a new join link in a tab that played an ended game opens that game, not the old standings", async () => {
    const tab = await (await game.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await tab.goto(BASE);
    await tab.getByLabel(translate("en", "menu.name.label")).fill("Cy");
    await tab.getByLabel(translate("en", "menu.create.firms")).fill("2");
    await tab.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await tab.getByRole("button", { name: translate("en", "lobby.start") }).click();
    const old = new URL(tab.url()).searchParams.get("join") ?? "";
    await expect.poll(() => (matchMaker.getLocalRoomById(old) as unknown as MarketRoom | undefined)?.flow.phaseName).toMatch(/news|decide/);
    const ender = await new Client(`ws://localhost:${PORT}`).joinById(old, { facilitatorKey: await keyOf(tab, old) });
    ender.send("endGame");
    await tab.getByRole("heading", { name: t("report.over.title") }).waitFor();

    // The next round: a new game, and its link opened in the same tab.
    const next = await new Client(`ws://localhost:${PORT}`).create("market", { name: "Dee", settings: { firms: 2 } });
    await tab.goto(`${BASE}/?join=${next.roomId}`);
    await expect.poll(() => tab.getByLabel(translate("en", "menu.join.code")).inputValue()).toBe(next.roomId);
    expect(new URL(tab.url()).searchParams.get("join")).toBe(next.roomId);
    expect(await tab.getByRole("heading", { name: t("report.over.title") }).count()).toBe(0);
    await next.leave(true);
    await ender.leave(true);
  });
});
