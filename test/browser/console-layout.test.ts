import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { keyboardProblems, overlappingText } from "./checks.js";
import { clientDir, HAS_CHROMIUM, launch, RESULTS, SKIP_REASON } from "./harness.js";

/**
 * The console's layout with a full class (40 firms, 60 students, long names) on the preview
 * page (client/console/preview/: the Console scene on a synthetic market, no server), at the
 * projector's common sizes: no text overlaps or leaves the page; screenshots for a look.
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

  const phases = [
    { name: "lobby", query: "phase=lobby" },
    { name: "decide", query: "phase=decide" },
    { name: "paused", query: "phase=decide&paused=1" },
    { name: "over", query: "phase=over" },
  ];
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    test(`at ${width}×${height}, 40 firms: no text overlaps in the lobby, in play, paused and at the end; every control named, reachable by Tab and ringed when focused`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      for (const phase of phases) {
        await page.goto(`http://localhost:${PORT}/console/preview/console.html?firms=40&${phase.query}`);
        await page
          .getByRole("img", { name: /QR code/ })
          .locator("svg")
          .waitFor();
        await page.getByRole("heading", { name: phase.name === "over" ? "Final standings" : "Firms and players" }).waitFor();
        if (phase.name === "paused") await expect.poll(() => page.getByRole("timer").textContent()).toBe("Paused · 0:42");
        await page.screenshot({ path: path.join(RESULTS, `console-preview-${phase.name}-${width}x${height}.png`) });
        expect(await overlappingText(page, ".console"), phase.name).toEqual([]);
      }
      // Every control: a name, reachable by Tab, a visible focus ring (the canvas scales nothing of that).
      await page.goto(`http://localhost:${PORT}/console/preview/console.html?firms=6&phase=decide`);
      await page.getByRole("heading", { name: "Firms and players" }).waitFor();
      expect(await keyboardProblems(page, ".console")).toEqual([]);
      // The check can fail: a control taken out of the tab order is reported.
      await page.getByRole("button", { name: "Force next quarter" }).evaluate((el) => el.setAttribute("tabindex", "-1"));
      expect(await keyboardProblems(page, ".console")).toEqual(['"Force next quarter" is not reachable by keyboard']);
      // The key dialog, over the console.
      await page.goto(`http://localhost:${PORT}/console/preview/console.html?firms=40&phase=lobby&key=1`);
      const dialog = page.getByRole("dialog", { name: "Your facilitator key" });
      await dialog.waitFor();
      await page.screenshot({ path: path.join(RESULTS, `console-preview-key-${width}x${height}.png`) });
      expect(await overlappingText(page, "dialog")).toEqual([]);
      await page.close();
    });
  }
});
