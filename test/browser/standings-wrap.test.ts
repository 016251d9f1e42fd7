import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "./env.js";
import { HAS_CHROMIUM, launch } from "./harness.js";

type Browser = Awaited<ReturnType<typeof launch>>;

/** The final standings' rows as client/ui/standings.ts builds them, styled by the game's own style.css. */
function standings(width: number): string {
  const css = readFileSync(path.join(ROOT, "client/ui/style.css"), "utf8");
  const row = (rank: number, name: string, by: string) =>
    `<tr><td>${rank}</td><th scope="row"><span>${name}</span><span class="played-by">${by}</span></th><td>4.2亿美元</td><td>28.9亿美元</td><td>−9560万美元</td></tr>`;
  return `<html lang="zh-CN"><style>${css}</style><body><div style="width:${width}px;font-size:15px"><table class="standings">
    <thead><tr><th>名次</th><th>公司</th><th>得分</th><th>估值</th><th>创造的价值</th></tr></thead>
    <tbody>${row(1, "Northwind（你）", "Ada")}${row(4, "Cobalt — 已退市", "规模派机器人玩家")}</tbody></table></div></body></html>`;
}

describe.skipIf(!HAS_CHROMIUM)("a firm's name in the final standings", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  test("breaks only at its spaces in Chinese: 'Cobalt — 已退市' read 'Cobalt — 已退' over '市' at 1920×1080", async () => {
    const page = await browser.newPage();
    // The column's width follows the panel's: a range of panel widths, some of which squeezed the name mid-word.
    for (let width = 440; width <= 540; width += 10) {
      await page.setContent(standings(width));
      const split = await page.locator("th[scope=row] > span:first-child").evaluateAll((spans) =>
        spans.flatMap((span) => {
          const text = span.firstChild;
          if (!text) return [];
          // The line each character sits on; a word split across lines is two tops within one word.
          const tops = [...(span.textContent ?? "")].map((_, i) => {
            const range = (
              globalThis as unknown as {
                document: {
                  createRange(): { setStart(n: unknown, i: number): void; setEnd(n: unknown, i: number): void; getBoundingClientRect(): { top: number } };
                };
              }
            ).document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            return Math.round(range.getBoundingClientRect().top);
          });
          // Each run of letters or of Chinese characters is a word; a line may break between them ("Northwind" over "（你）").
          const broken: string[] = [];
          for (const word of (span.textContent ?? "").matchAll(/[A-Za-z]+|\p{Script=Han}+/gu))
            if (new Set(tops.slice(word.index, word.index + word[0].length)).size > 1) broken.push(word[0]);
          return broken;
        }),
      );
      expect(split, `at a panel ${width} px wide`).toEqual([]);
    }
    await page.close();
  });
});
