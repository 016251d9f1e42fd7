import path from "node:path";
import { matchMaker } from "colyseus";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate, translator } from "../../shared/i18n/catalog.js";
import type { Locale } from "../../shared/i18n/core.js";
import { overlappingText, readability } from "./checks.js";
import { HAS_CHROMIUM, localeContext, RESULTS, SCREENS, SKIP_REASON, serveGame } from "./harness.js";
import { panelHeading } from "./play-steps.js";

const PORT = 2597;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A string matched literally inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every pair of SVG texts in the debrief whose boxes overlap (by more than a pixel). */
async function overlappingTexts(page: Page): Promise<string[]> {
  const charts: Box[][] = await page.evaluate(() => {
    // The test's tsconfig has no DOM library: just the shape used here.
    interface Node {
      textContent: string | null;
      querySelectorAll(selector: string): Iterable<Node>;
      getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
    }
    const page = (globalThis as unknown as { document: Node }).document;
    return [...page.querySelectorAll(".debrief svg.debrief-chart")].map((svg) =>
      [...svg.querySelectorAll("text")].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
  });
  const clashes: string[] = [];
  for (const texts of charts)
    texts.forEach((a, i) => {
      for (const b of texts.slice(i + 1)) {
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) clashes.push(`"${a.text}" × "${b.text}"`);
      }
    });
  return clashes;
}

/** The debrief's panel titles in `lang`, from the catalogs. */
function titles(lang: Locale): string[] {
  return [
    translate(lang, "debrief.title.valuation"),
    translate(lang, "debrief.title.market.turn"), // the game is four quarters long: its turns are years
    translate(lang, "debrief.title.value"),
    translate(lang, "debrief.title.fan", { count: 200 }),
  ];
}

/** The layout checks of checks.ts on the debrief as it is on screen: no overlapping text, nothing under 12 px, no sideways page. */
async function debriefLayout(page: Page, label: string): Promise<void> {
  expect(await overlappingTexts(page), `${label}: chart texts overlap`).toEqual([]);
  expect(await overlappingText(page, ".over-debrief"), `${label}: texts overlap`).toEqual([]);
  const found = await readability(page, ".over-debrief");
  expect(found.text, `${label}: text under 12 px`).toEqual([]);
  expect(found.sideways, `${label}: sideways scroll`).toBe(0);
  // Each firm's small chart labels a regular step of turns with both ends (T0, T2, T4), not only its first and last (T0 … T4);
  // in Chinese by bare numbers (0, 2, 4): "第 0 回合" is four times "T0", and at 240 px only the ends fitted.
  const turns = await page
    .locator(".debrief-multiples svg.debrief-chart")
    .evaluateAll((charts) =>
      charts.map((chart) => [...chart.querySelectorAll("text.tick")].map((el) => el.textContent ?? "").filter((text) => /^T\d+$|^\d+$|回合/.test(text))),
    );
  expect(turns.length, `${label}: small charts`).toBeGreaterThan(0);
  for (const labels of turns) {
    expect(labels.length, `${label}: a small chart's turn labels ${labels.join(", ")}`).toBeGreaterThanOrEqual(3);
    expect(
      [labels[0], labels.at(-1)].map((l) => l?.replace(/\D/g, "")),
      `${label}: its ends`,
    ).toEqual(["0", "4"]);
  }
}

describe.skipIf(!HAS_CHROMIUM)("the debrief at game over", () => {
  const game = serveGame(PORT);

  test("a four-quarter game against a bot ends on standings, the four debrief charts with captions, and the fan of 200 simulated markets", async () => {
    const page = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(BASE);
    await page.getByLabel(translate("en", "menu.name.label")).fill("Ada");
    await page.getByLabel(translate("en", "menu.create.firms")).fill("2");
    await page.getByLabel(translate("en", "menu.create.quarters")).fill("4");
    await page.getByLabel(translate("en", "menu.timer.seconds")).fill("120");
    await page.getByRole("button", { name: translate("en", "menu.create.submit") }).click();
    await page.getByRole("button", { name: translate("en", "lobby.start") }).waitFor();
    const code = (await page.locator(".code strong").textContent())?.trim() ?? "";
    const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;
    // Short pauses between quarters: the debrief is what is under test, not the pacing.
    room.flow.settings = { ...room.flow.settings, newsSeconds: 0.2, reportSeconds: 0.5, seed: "debrief-browser" };
    await page.getByRole("button", { name: translate("en", "lobby.start") }).click();

    for (let q = 1; q <= 4; q++) {
      await page.getByRole("heading", { name: panelHeading(translator("en"), q) }).waitFor();
      await page.getByRole("button", { name: "Custom", exact: true }).click();
      await page.getByLabel("Train the model ($M)").fill(String(10 * q)); // a turn of a four-quarter game is a year of costs: amounts the firm can pay every turn
      await page.getByLabel("Customer support agents ($M)").fill("10");
      await page.getByLabel("Serving efficiency ($M)").fill("10");
      await page.getByRole("button", { name: "Submit decisions" }).click();
    }

    await page.getByRole("heading", { name: "Final standings" }).waitFor();
    const overAt = Date.now();
    await expect.poll(() => page.getByRole("button", { name: "Play again" }).count()).toBe(1);
    // The host's downloads: their status line takes no room until a download says something (it left a gap above Play again).
    expect(await page.locator(".panel.over .downloads > p.status").evaluate((p) => [p.textContent, p.getBoundingClientRect().height])).toEqual(["", 0]);
    for (const title of titles("en")) await page.getByRole("heading", { name: title }).waitFor();
    await page.getByRole("img", { name: translate("en", "debrief.title.market.turn") }).waitFor();
    await page.getByRole("img", { name: translate("en", "debrief.title.value") }).waitFor();
    // "Helios (you): valuation and fundamentals by quarter", and one chart per firm.
    const mineChart = translate("en", "debrief.firm.chart.turn", { firm: translate("en", "debrief.firm.you", { name: "" }) });
    await page.getByRole("img", { name: new RegExp(`${literal(mineChart)}$`) }).waitFor();
    expect(await page.getByRole("img", { name: new RegExp(`${literal(translate("en", "debrief.firm.chart.turn", { firm: "" }))}$`) }).count()).toBe(2);

    // Captions carry the game's own numbers: the peak bubble ratio as the server computed it.
    const history = room.match?.state.market.history ?? [];
    expect(history).toHaveLength(5);
    const start = history[0]?.bubbleRatio ?? 0;
    const peak = Math.max(...history.slice(1).map((m) => m.bubbleRatio));
    const peakQuarter = history.find((m) => m.quarter > 0 && m.bubbleRatio === peak)?.quarter;
    const last = history.at(-1);
    const figures = {
      start: start.toFixed(2),
      peak: peak.toFixed(2),
      peakQuarter: `T${peakQuarter}`,
      end: (last?.bubbleRatio ?? 0).toFixed(2),
      endQuarter: `T${last?.quarter}`,
    };
    await page.getByText(translate("en", peak > start ? "debrief.caption.market.rose" : "debrief.caption.market.flat", figures)).waitFor();

    // The fan chart appears once the simulations (in a Web Worker) are done.
    await page.getByRole("img", { name: translate("en", "debrief.fan.chart.bubble", { count: 200 }) }).waitFor({ timeout: 60_000 });
    console.info(
      `debrief: 200 simulated markets (2 firms × 4 quarters) drawn ${((Date.now() - overAt) / 1000).toFixed(1)} s after the game-over screen appeared`,
    );
    await expect.poll(() => page.getByText(/this market's peak of \d+\.\d\d was (higher|lower) than \d+% of them/).count()).toBe(1);
    const standIns = translate("en", "debrief.caption.fan.standIns", { seats: "" }).replace(/\.$/, "").trim();
    await page.getByText(standIns).waitFor();
    expect(
      workers.some((url) => /worker/.test(url)),
      `workers started: ${workers.join(", ")}`,
    ).toBe(true);

    // Both languages at the laptop's and the projector's size; the switch redraws the debrief
    // from the figures it has: the simulated markets are not played again (no second worker).
    const startedWorkers = workers.length;
    for (const lang of ["en", "zh-CN"] as const) {
      if (lang !== "en") {
        await page.setViewportSize(SCREENS.laptop.viewport);
        await page.locator("select#language").selectOption(lang);
        for (const title of titles(lang)) await page.getByRole("heading", { name: title }).waitFor();
        await page.getByRole("img", { name: translate(lang, "debrief.fan.chart.bubble", { count: 200 }) }).waitFor();
        expect(workers.length, "no simulation started again on a language switch").toBe(startedWorkers);
        // Chinese words throughout: the captions, the legends, the turn ticks (a four-quarter game: turns of a year).
        await page.getByText(translate(lang, "debrief.correction.legend")).first().waitFor();
        expect(await page.locator(".over-debrief").textContent()).toContain("第 1 回合");
        expect(await page.locator(".over-debrief").textContent()).not.toContain("Bubble ratio");
        // No x-axis title under tick labels that already say it (回合 under 第 2 回合 read as that label's second line).
        const titled = await page.locator(".over-debrief svg.debrief-chart").evaluateAll((charts) =>
          charts.flatMap((chart) => {
            const texts = (selector: string) => [...chart.querySelectorAll(selector)].map((el) => el.textContent ?? "");
            return texts("text.axis-title").filter((title) => texts("text.tick").some((tick) => tick.includes(title)));
          }),
        );
        expect(titled).toEqual([]);
      }
      for (const screen of ["laptop", "hd"] as const) {
        const { width, height } = SCREENS[screen].viewport;
        await page.setViewportSize(SCREENS[screen].viewport);
        await page.locator(".over-debrief").evaluate((el) => el.scrollTo(0, 0));
        await page.screenshot({ path: path.join(RESULTS, `debrief-${lang}-${width}x${height}.png`) });
        await debriefLayout(page, `${lang} at ${width}×${height}`);
        await page.locator(".over-debrief").evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await page.screenshot({ path: path.join(RESULTS, `debrief-fan-${lang}-${width}x${height}.png`) });
      }
    }

    // A phone in each language: the game's screen (`/?watch=CODE`) shows the debrief too.
    for (const lang of ["en", "zh-CN"] as const) {
      const phone = await (await localeContext(game.browser, lang, "phone")).newPage();
      await phone.goto(`${BASE}/?watch=${code}`);
      for (const title of titles(lang)) await phone.getByRole("heading", { name: title }).waitFor({ timeout: 60_000 });
      await phone.getByRole("img", { name: translate(lang, "debrief.fan.chart.bubble", { count: 200 }) }).waitFor({ timeout: 60_000 });
      await phone.screenshot({ path: path.join(RESULTS, `debrief-${lang}-390x844.png`), fullPage: true });
      await debriefLayout(phone, `${lang} at 390×844`);
      // Each firm's small chart uses its card's width (drawn at 240 px, it took 68% of a phone's card); the card's padding and border are the rest.
      const fill = await phone.locator(".debrief-multiples li").evaluateAll((cards) =>
        cards.map((card) => {
          const chart = card.querySelector("svg.debrief-chart");
          return chart ? Math.round((chart.getBoundingClientRect().width / card.getBoundingClientRect().width) * 100) : 0;
        }),
      );
      expect(fill.length, `${lang}: small multiples on the phone`).toBeGreaterThan(0);
      for (const share of fill) expect(share, `${lang}: a small chart's width, % of its card`).toBeGreaterThanOrEqual(90);
      await phone.context().close();
    }
  }, 300_000);
});
