import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { LOCALES, type Locale } from "../../shared/i18n/core.js";
import { keyboardProblems, overlappingText, readability } from "./checks.js";
import { HAS_CHROMIUM, localeContext, RESULTS, SCREENS, SKIP_REASON, serveGame } from "./harness.js";
import { panelHeading, reportHeading, words } from "./play-steps.js";

const PORT = 2607;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

type Screen = keyof typeof SCREENS;
const CASES = LOCALES.flatMap((locale) => (Object.keys(SCREENS) as Screen[]).map((screen): [Locale, Screen] => [locale, screen]));

/** Text drawn over text, text under 12 px, a page that scrolls sideways; on a phone also touch targets under 44 px. */
async function expectLaidOut(page: Page, name: string, screen: Screen): Promise<void> {
  const { width, height } = SCREENS[screen].viewport;
  await page.screenshot({ path: path.join(RESULTS, `play-layout-${name}-${width}x${height}.png`) });
  expect(await overlappingText(page, "#screen"), `${name}: overlapping text`).toEqual([]);
  const found = await readability(page, "#screen");
  expect(found.text, `${name}: text under 12 px`).toEqual([]);
  expect(found.sideways, `${name}: the page scrolls sideways`).toBe(0);
  if (screen === "phone") expect(found.targets, `${name}: touch targets under 44 px`).toEqual([]);
}

/** In the page: how many bubble labels show, and how many of them under the open report card. */
const labelsUnderCard = () => {
  type DOMRect = { left: number; right: number; top: number; bottom: number };
  const doc = (
    globalThis as unknown as {
      document: {
        querySelector(s: string): { getBoundingClientRect(): DOMRect } | null;
        querySelectorAll(s: string): ArrayLike<{ hidden: boolean; getBoundingClientRect(): DOMRect }>;
      };
    }
  ).document;
  const style = globalThis as unknown as { getComputedStyle(e: unknown): { visibility: string } };
  const card = doc.querySelector(".report-card")?.getBoundingClientRect();
  let shown = 0;
  let underCard = 0;
  for (const label of Array.from(doc.querySelectorAll(".bubble-label"))) {
    if (label.hidden || style.getComputedStyle(label).visibility === "hidden") continue;
    shown++;
    const r = label.getBoundingClientRect();
    if (card && r.left < card.right && card.left < r.right && r.top < card.bottom && card.top < r.bottom) underCard++;
  }
  return { shown, underCard };
};

describe.skipIf(!HAS_CHROMIUM)("the market, the decision panel and the report laid out in both languages", () => {
  const game = serveGame(PORT);

  test.each(CASES)(
    "%s at %s: nothing overlaps, nothing too small, every control reachable",
    async (locale, screen) => {
      const t = words(locale);
      const page = await (await localeContext(game.browser, locale, screen)).newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(BASE);
      await page.locator("#name").fill("Ada");
      await page.locator("#practice").click();
      await page.waitForFunction(() => ((globalThis as unknown as { __sos?: { bubbles(): unknown[] } }).__sos?.bubbles().length ?? 0) === 4);
      const phone = screen === "phone";

      // The market (on a phone its own tab), then the panel.
      if (phone) await expectLaidOut(page, `${locale}-market`, screen);
      if (phone) await page.getByRole("tab", { name: t("market.tabs.decide") }).tap();
      await page.getByRole("heading", { name: panelHeading(t, 1) }).waitFor();
      // Each plan's name on one line, the pressed (bold) Balanced too: it broke as "Balance|d" at 1280×720.
      await page.locator(".decision .preset[aria-pressed=true]").waitFor();
      const presetLines = await page.locator(".decision .preset").evaluateAll((buttons) =>
        buttons.map((b) => {
          const range = (
            globalThis as unknown as {
              document: { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { length: number; [i: number]: { top: number } } } };
            }
          ).document.createRange();
          range.selectNodeContents(b);
          const rects = range.getClientRects();
          return new Set(Array.from({ length: rects.length }, (_, i) => Math.round(rects[i]?.top ?? 0))).size;
        }),
      );
      expect(presetLines, `${locale}: each plan's name on one line`).toEqual(presetLines.map(() => 1));
      await page.getByRole("button", { name: t("panel.preset.custom"), exact: true }).click();
      await expectLaidOut(page, `${locale}-panel`, screen);
      if (screen === "laptop") expect(await keyboardProblems(page, ".decision"), `${locale}: the panel by keyboard`).toEqual([]);

      // An over-budget draft: the refusal's words fit too.
      await page.getByRole("button", { name: t("panel.preset.scale"), exact: true }).click();
      // More training than the firm's staff absorbs at once: the report names a growth overhead.
      await page.locator(".decision input[type=number]").first().fill("650");
      await page.getByRole("button", { name: t("panel.button.submit") }).click();
      // The quarter resolves at once: the report opens over the field.
      if (phone) await page.getByRole("tab", { name: t("market.tabs.field") }).tap();
      await page.getByRole("heading", { name: reportHeading(t, 1) }).waitFor();
      await page.getByText(t("report.moved.title")).waitFor();
      await page.waitForFunction(() => (globalThis as unknown as { __sos?: { animating: boolean } }).__sos?.animating === false);
      await expectLaidOut(page, `${locale}-report`, screen);
      // The bubble labels under the card step aside; the others stay (all of them hid while the report was open).
      const labels = await page.evaluate(labelsUnderCard);
      expect(labels.underCard, `${locale}: no bubble label shows under the report`).toBe(0);
      if (!phone) expect(labels.shown, `${locale}: the labels beside the report stay`).toBeGreaterThan(0);
      if (screen === "laptop") {
        // The window changes shape with the report open: the field lays its labels out again, measuring the card again
        // (the card's box was measured only when it resized itself).
        for (const viewport of [{ width: 1600, height: 900 }, { width: 1000, height: 720 }, SCREENS.laptop.viewport]) {
          await page.setViewportSize(viewport);
          await page.waitForTimeout(400);
          await page.waitForFunction(() => (globalThis as unknown as { __sos?: { animating: boolean } }).__sos?.animating === false);
          const again = await page.evaluate(labelsUnderCard);
          expect(again.underCard, `${locale} at ${viewport.width}×${viewport.height}: no bubble label under the report`).toBe(0);
          expect(again.shown, `${locale} at ${viewport.width}×${viewport.height}: the labels beside the report stay`).toBeGreaterThan(0);
        }
      }
      // One valuation, one way on the screen: the headline's new valuation reads as the leaderboard's (it read "$2,991M" beside "$3B").
      const headline = (await page.locator(".report-card p.headline").textContent()) ?? "";
      const after = headline.split("→")[1]?.split(/[（(]/)[0]?.trim();
      const board = (await page.locator(".market-board button:has(.you) .valuation").textContent())?.trim();
      expect(after, `${locale}: the report's "${headline}" against the leaderboard's ${board}`).toBe(board);
      // The growth overhead's name reads on one line (its long label wrapped over five at 1920×1080).
      const overhead = page.locator(".report-card tr.part th");
      await overhead.getByText(t("report.money.rampCost"), { exact: true }).waitFor();
      const lines = await overhead.evaluate((th) => {
        const style = (globalThis as unknown as { getComputedStyle(e: unknown): { lineHeight: string } }).getComputedStyle(th);
        return th.getBoundingClientRect().height / Number.parseFloat(style.lineHeight);
      });
      expect(lines, `${locale}: the growth overhead's label on one line`).toBeLessThan(1.6);
      if (screen === "laptop") expect(await keyboardProblems(page, ".report-card"), `${locale}: the report by keyboard`).toEqual([]);

      // A firm's history, from the leaderboard: its chart's axis and legend, its table.
      await page
        .locator(".report-card")
        .getByRole("button", { name: t("report.close") })
        .click();
      if (phone) await page.getByRole("tab", { name: t("market.tabs.board") }).tap();
      await page
        .getByRole("navigation", { name: t("market.board.title") })
        .getByRole("button")
        .first()
        .click();
      await page.getByText(t("market.detail.lede")).waitFor();
      if (phone) {
        // On a phone the history takes the whole window over the leaderboard: checked on its own; its table scrolls sideways inside it by design.
        await page.screenshot({ path: path.join(RESULTS, `play-layout-${locale}-firm-390x844.png`) });
        const problems = (await overlappingText(page, ".firm-detail")).filter((p) => !/^div\.history is \d+px too narrow/.test(p));
        expect(problems, `${locale}-firm: overlapping text`).toEqual([]);
        const found = await readability(page, ".firm-detail");
        expect(found.text, `${locale}-firm: text under 12 px`).toEqual([]);
        expect(found.targets, `${locale}-firm: touch targets under 44 px`).toEqual([]);
      } else {
        // The history's own box (the columns around it were checked above).
        const { width, height } = SCREENS[screen].viewport;
        await page.screenshot({ path: path.join(RESULTS, `play-layout-${locale}-firm-${width}x${height}.png`) });
        expect(await overlappingText(page, ".firm-detail"), `${locale}-firm: overlapping text`).toEqual([]);
        expect((await readability(page, ".firm-detail")).text, `${locale}-firm: text under 12 px`).toEqual([]);
      }
      // The chart's amounts stay inside it (its axis labels are the widest in Chinese).
      const chart = await page.locator(".firm-detail svg.chart").boundingBox();
      for (const tick of await page.locator(".firm-detail svg.chart text").all()) {
        const box = await tick.boundingBox();
        if (box && chart) expect(box.x, `${await tick.textContent()}: inside the chart`).toBeGreaterThanOrEqual(chart.x - 1);
      }
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
