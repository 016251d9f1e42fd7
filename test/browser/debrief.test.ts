import path from "node:path";
import { matchMaker } from "colyseus";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { translate } from "../../shared/i18n/catalog.js";
import { HAS_CHROMIUM, RESULTS, SKIP_REASON, serveGame } from "./harness.js";

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
      await page.getByRole("heading", { name: `Quarter ${q}: your decisions` }).waitFor();
      await page.getByRole("button", { name: "Custom", exact: true }).click();
      await page.getByLabel("Train the model ($M)").fill(String(40 * q));
      await page.getByLabel("Customer support agents ($M)").fill("20");
      await page.getByRole("button", { name: "Submit decisions" }).click();
    }

    await page.getByRole("heading", { name: "Final standings" }).waitFor();
    const overAt = Date.now();
    await expect.poll(() => page.getByRole("button", { name: "Play again" }).count()).toBe(1);
    for (const title of [
      "Valuation vs fundamentals, by firm",
      "Bubble ratio and sentiment by quarter",
      "Value created vs value captured, by firm",
      "Your market vs 200 simulated markets",
    ])
      await page.getByRole("heading", { name: title }).waitFor();
    await page.getByRole("img", { name: "Bubble ratio and sentiment by quarter" }).waitFor();
    await page.getByRole("img", { name: "Value created vs value captured, by firm" }).waitFor();
    await page.getByRole("img", { name: /\(you\): valuation and fundamentals by quarter$/ }).waitFor();
    expect(await page.getByRole("img", { name: /: valuation and fundamentals by quarter$/ }).count()).toBe(2);

    // Captions carry the game's own numbers: the peak bubble ratio as the server computed it.
    const history = room.match?.state.market.history ?? [];
    expect(history).toHaveLength(5);
    const start = history[0]?.bubbleRatio ?? 0;
    const peak = Math.max(...history.slice(1).map((m) => m.bubbleRatio));
    const peakQuarter = history.find((m) => m.quarter > 0 && m.bubbleRatio === peak)?.quarter;
    const words =
      peak > start ? `peaked at ${peak.toFixed(2)} in Q${peakQuarter}` : `never rose above it (its highest since was ${peak.toFixed(2)} in Q${peakQuarter})`;
    await page.getByText(`started at ${start.toFixed(2)}, ${words}`).waitFor();

    // The fan chart appears once the simulations (in a Web Worker) are done.
    await page.getByRole("img", { name: "Bubble ratio: this market vs 200 simulated markets" }).waitFor({ timeout: 60_000 });
    console.info(
      `debrief: 200 simulated markets (2 firms × 4 quarters) drawn ${((Date.now() - overAt) / 1000).toFixed(1)} s after the game-over screen appeared`,
    );
    await expect.poll(() => page.getByText(/this market's peak of \d+\.\d\d was (higher|lower) than \d+% of them/).count()).toBe(1);
    await page.getByText("Seats played by people here are played by bots in the simulations:").waitFor();
    expect(
      workers.some((url) => /worker/.test(url)),
      `workers started: ${workers.join(", ")}`,
    ).toBe(true);

    await page.screenshot({ path: path.join(RESULTS, "debrief-1280x720.png") });
    expect(await overlappingTexts(page)).toEqual([]);
    await page.locator(".over-debrief").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: path.join(RESULTS, "debrief-fan-1280x720.png") });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator(".over-debrief").evaluate((el) => el.scrollTo(0, 0));
    await expect.poll(() => overlappingTexts(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, "debrief-1920x1080.png") });
  }, 180_000);
});
