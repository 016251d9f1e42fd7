import path from "node:path";
import { matchMaker } from "colyseus";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, RESULTS, SKIP_REASON, serveGame } from "./harness.js";
import { decide as decideIn, panelHeading, words } from "./play-steps.js";

const PORT = 2593;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

interface DrawnBubble {
  firmId: string;
  radius: number;
  coreRadius: number;
  valuation: number;
  fundamentals: number;
}

/** What the Market scene has drawn, once its tweens have settled (read-only debug hook). */
async function drawnBubbles(page: Page): Promise<DrawnBubble[]> {
  await page.waitForFunction(() => {
    const sos = (globalThis as unknown as { __sos?: { animating: boolean; bubbles(): unknown[] } }).__sos;
    return sos && !sos.animating && sos.bubbles().length > 0;
  });
  return page.evaluate(() => (globalThis as unknown as { __sos: { bubbles(): DrawnBubble[] } }).__sos.bubbles());
}

const t = words("en");
const decide = (page: Page, quarter: number, train: string, support: string) => decideIn(page, "en", quarter, train, support);

describe.skipIf(!HAS_CHROMIUM)("two people play through the page", () => {
  const game = serveGame(PORT);

  test("a host and a friend who types the code play three quarters with two bots; the bubbles follow the reports", async () => {
    const host = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await host.goto(BASE);
    await host.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await host.getByLabel(translate("en", "menu.create.firms")).fill("4");
    await host.getByLabel(translate("en", "menu.timer.seconds")).fill("120");
    await host.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    const code = (await host.locator(".code strong").textContent())?.trim() ?? "";

    const friend = await (await game.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await friend.goto(BASE);
    await friend.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await friend.getByLabel(translate("en", "menu.join.code")).fill(code.toLowerCase());
    await friend.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
    await friend.getByText(translate("en", "lobby.waiting.host")).waitFor();
    await host
      .getByRole("list", { name: translate("en", "lobby.firms") })
      .getByText(/— Bo \((not )?ready\)$/)
      .waitFor();
    await host.getByRole("button", { name: translate("en", "lobby.start") }).click();

    const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;
    for (let q = 1; q <= 3; q++) {
      await decide(host, q, String(20 * q), "15");
      await decide(friend, q, "5", String(25 * q));
      await host.getByRole("heading", { name: panelHeading(t, q + 1) }).waitFor();
      await friend.getByRole("heading", { name: panelHeading(t, q + 1) }).waitFor();

      // What is drawn follows the report: area ∝ valuation, core area ∝ fundamentals.
      const state = room.match?.state;
      if (!state) throw new Error("no game");
      for (const page of [host, friend]) {
        const bubbles = await drawnBubbles(page);
        expect(bubbles).toHaveLength(4);
        const scale = (bubbles[0] as DrawnBubble).radius ** 2 / (bubbles[0] as DrawnBubble).valuation;
        for (const bubble of bubbles) {
          const firm = state.firms.find((f) => f.id === bubble.firmId);
          const report = firm?.history.at(-1);
          expect(bubble.valuation).toBe(Math.fround(report?.valuation ?? Number.NaN)); // the state carries float32
          expect(bubble.radius ** 2 / bubble.valuation).toBeCloseTo(scale, 6);
          const coreShare = Math.min(1, (report?.fundamentals ?? 0) / (report?.valuation ?? 1));
          expect((bubble.coreRadius / bubble.radius) ** 2).toBeCloseTo(coreShare, 3);
        }
      }
    }
    expect(room.match?.record.quarters[0]?.actions.f1).toMatchObject({ train: 20, apps: { support: 15 } });
    expect(room.match?.record.quarters[2]?.actions.f2).toMatchObject({ train: 5, apps: { support: 75 } });
    await host.screenshot({ path: path.join(RESULTS, "play-host-1280x720.png") });
    await friend.screenshot({ path: path.join(RESULTS, "play-friend-1920x1080.png") });
  });
});
