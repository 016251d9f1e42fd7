import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { translator } from "../../shared/i18n/catalog.js";
import { LOCALES, type Locale } from "../../shared/i18n/core.js";
import { keyboardProblems, overlappingText, readability } from "./checks.js";
import { clientDir, HAS_CHROMIUM, launch, localeContext, RESULTS, SKIP_REASON } from "./harness.js";

/**
 * The console's layout with a full class (40 firms, 60 students, long names) on the preview
 * page (client/console/preview/: the Console scene on a synthetic market, no server), at the
 * projector's common sizes, in every language: no text overlaps or leaves the page;
 * screenshots for a look.
 */
const PORT = 2598;
let server: http.Server;
let browser: Browser;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const TYPES: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html" };

describe.skipIf(!HAS_CHROMIUM)("the console's layout", () => {
  beforeAll(async () => {
    const root = clientDir(); // the test build has the preview page as a second entry
    server = http.createServer(async (req, res) => {
      const file = path.join(root, path.normalize(new URL(req.url ?? "/", "http://x").pathname));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return void res.writeHead(404).end();
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(PORT, resolve));
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const preview = (locale: Locale, query: string) => `http://localhost:${PORT}/console/preview/console.html?lang=${locale}&${query}`;
  /** The preview with 40 firms in a phase, once its QR code and main heading are drawn. */
  const openPhase = async (page: Page, locale: Locale, phase: { name: string; query: string }) => {
    const t = translator(locale);
    await page.goto(preview(locale, `firms=40&${phase.query}`));
    await page.locator(".console-head svg").waitFor();
    await page.getByRole("heading", { name: phase.name === "over" ? t("console.final.title") : t("console.roster.title") }).waitFor();
  };
  const phases = [
    { name: "lobby", query: "phase=lobby" },
    { name: "decide", query: "phase=decide" },
    { name: "paused", query: "phase=decide&paused=1" },
    { name: "over", query: "phase=over" },
  ];
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const screen of ["laptop", "hd"] as const) {
      test(`${locale}, ${screen === "laptop" ? "1280×720" : "1920×1080"}, 40 firms: no text overlaps in the lobby, in play, paused and at the end; every control named, reachable by Tab and ringed when focused`, async () => {
        const context = await localeContext(browser, locale, screen);
        const page = await context.newPage();
        const size = screen === "laptop" ? "1280x720" : "1920x1080";
        for (const phase of phases) {
          await openPhase(page, locale, phase);
          if (phase.name === "paused") await expect.poll(() => page.getByRole("timer").textContent()).toBe(t("console.countdown.paused", { time: "0:42" }));
          await page.screenshot({ path: path.join(RESULTS, `console-preview-${locale}-${phase.name}-${size}.png`) });
          expect(await overlappingText(page, ".console"), phase.name).toEqual([]);
        }
        // Every control: a name, reachable by Tab, a visible focus ring (the canvas scales nothing of that).
        await page.goto(preview(locale, "firms=6&phase=decide"));
        await page.getByRole("heading", { name: t("console.roster.title") }).waitFor();
        // The log: new entries in the reader's language, an entry stored in the old shape (English words) as stored.
        const log = page.getByRole("list", { name: t("console.log.title") });
        await log.getByText(t("console.log.extend", { phase: t("console.log.timer.decide"), added: 30, seconds: 60 })).waitFor();
        await log.getByText("started the game (an entry stored in the old shape)").waitFor({ state: "attached" });
        expect(await keyboardProblems(page, ".console")).toEqual([]);
        // The check can fail: a control whose focus ring is taken away is reported.
        const force = t("console.controls.forceNext");
        await page.getByRole("button", { name: force }).evaluate((el) => {
          el.style.setProperty("outline", "none", "important");
          el.style.setProperty("box-shadow", "none", "important");
        });
        expect(await keyboardProblems(page, ".console")).toEqual([`"${force}" shows no focus outline`]);
        // The key dialog, over the console.
        await page.goto(preview(locale, "firms=40&phase=lobby&key=1"));
        const dialog = page.getByRole("dialog", { name: t("console.key.title") });
        await dialog.waitFor();
        await page.screenshot({ path: path.join(RESULTS, `console-preview-${locale}-key-${size}.png`) });
        expect(await overlappingText(page, "dialog")).toEqual([]);
        await context.close();
      });
    }

    test(`${locale}, on a phone (390×844, touch), 40 firms: the join code, QR code and link readable, every phase stacked in one column, no sideways scroll, no text under 12 px or control under 44 px`, async () => {
      const context = await localeContext(browser, locale, "phone");
      const page = await context.newPage();
      for (const phase of phases) {
        await openPhase(page, locale, phase);
        await page.screenshot({ path: path.join(RESULTS, `console-preview-${locale}-${phase.name}-390x844.png`) });
        const found = await readability(page, ".console");
        expect(found.text, `${phase.name}: text under 12 px`).toEqual([]);
        expect(found.targets, `${phase.name}: controls under 44 px`).toEqual([]);
        expect(found.sideways, `${phase.name}: sideways scroll`).toBe(0);
        // At the end the debrief's charts keep their drawn size and scroll inside their panels.
        if (phase.name !== "over") expect(await overlappingText(page, ".console"), phase.name).toEqual([]);
      }
      await context.close();
    });
  }
});
