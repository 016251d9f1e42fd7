import path from "node:path";
import { matchMaker } from "colyseus";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import type { Locale } from "../../shared/i18n/core.js";
import { overlappingText, readability } from "./checks.js";
import { HAS_CHROMIUM, localeContext, RESULTS, SCREENS, SKIP_REASON, serveGame } from "./harness.js";
import { around, createGame, moneyLabel, panelHeading, reportHeading, startGame, words } from "./play-steps.js";

const PORT = 4900;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** A designer's override: a training run's capability ships three quarters after its spend (time to build). */
const LAG = JSON.stringify({ capability: { lagQuarters: 3 } });

const CASES: { locale: Locale; screen: keyof typeof SCREENS }[] = [
  { locale: "en", screen: "laptop" },
  { locale: "zh-CN", screen: "phone" },
  { locale: "zh-CN", screen: "laptop" },
  { locale: "en", screen: "phone" },
];

describe.skipIf(!HAS_CHROMIUM)("time to build in a friends game: what a training run has bought while it is still in training", () => {
  const game = serveGame(PORT);

  test.each(CASES)(
    "$locale at $screen: with the override lagQuarters 3, a 500M run in quarter 1 shows on the panel and the report card as in training, shipping by Q4",
    async ({ locale, screen }) => {
      const t = words(locale);
      const { width, height } = SCREENS[screen].viewport;
      const size = `${width}x${height}`;
      const phone = screen === "phone";
      const page = await (await localeContext(game.browser, locale, screen)).newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(BASE);
      const code = await createGame(page, { name: "Ada", firms: 3, quarters: 16, seconds: 600 });

      // The host sets the designer's override in the lobby; the room takes it.
      const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;
      const field = page.locator("#lobby-economy-text");
      await field.fill(LAG);
      await field.dispatchEvent("change");
      await expect.poll(() => room.state.settings.economy).toContain("lagQuarters");
      await startGame(page, code);

      if (phone) await page.getByRole("tab", { name: t("market.tabs.decide") }).click();
      await page.getByRole("heading", { name: panelHeading(t, 1) }).waitFor();
      await page.getByRole("button", { name: t("panel.preset.custom"), exact: true }).click();
      // The field's help says when a run ships.
      const trainField = page.locator(".decision .field.money").filter({ hasText: moneyLabel(locale, t("panel.field.train")) });
      await expect.poll(() => trainField.locator(".hint").textContent()).toBe(t("panel.hint.train.lag", { months: "9" }));
      await page.getByLabel(moneyLabel(locale, t("panel.field.train")), { exact: true }).fill("500");

      // The estimate: the shipped model beside what is in training, and when it ships.
      const estimate = page.locator(".decision table.estimate");
      const row = estimate.locator("tr.in-training");
      await row.waitFor();
      expect(await row.locator("th").textContent()).toBe(t("panel.estimate.inTraining"));
      expect(await row.locator("td.last").textContent()).toBe(t("panel.estimate.none"));
      const value = row.locator("td:not(.last)");
      expect(await value.locator(".ships").textContent()).toBe(t("panel.estimate.inTraining.shipsBy", { turn: t("common.quarterShort", { quarter: 4 }) }));
      expect(await value.textContent()).toMatch(/^\+\d+\.\d–\d+\.\d/);
      await estimate.getByRole("rowheader", { name: t("panel.estimate.capabilityShipped") }).waitFor();
      expect(await page.locator(".decision .in-training-note").textContent()).toBe(t("panel.estimate.inTraining.note", { months: "9" }));
      expect(await overlappingText(page, ".decision")).toEqual([]);
      if (phone) {
        // The new lines are readable on a phone and the page does not scroll sideways.
        const found = await readability(page, ".decision");
        expect(found.text).toEqual([]);
        expect(found.sideways).toBe(0);
      }
      await estimate.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, `time-to-build-panel-${locale}-${size}.png`) });

      await page.getByRole("button", { name: t("panel.button.submit") }).click();
      // The quarter resolves at once (the bots are in): the report card says what is in training.
      await page.getByRole("heading", { name: reportHeading(t, 1) }).waitFor();
      const line = page.locator(".report-card p.in-training");
      const shipsLine = around((points) => t("report.model.inTraining.shipsBy", { points, turn: t("common.quarterShort", { quarter: 4 }) }));
      await expect.poll(() => line.textContent()).toMatch(shipsLine);
      expect(await overlappingText(page, ".report-card")).toEqual([]);
      await line.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, `time-to-build-report-${locale}-${size}.png`) });
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
