import path from "node:path";
import { describe, expect, test } from "vitest";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { overlappingText } from "./checks.js";
import { HAS_CHROMIUM, localeContext, RESULTS, SKIP_REASON, serveGame } from "./harness.js";
import { around, createGame, decide, moneyLabel, panelHeading, reportHeading, startGame, words } from "./play-steps.js";

const PORT = 2609;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** Latin words of three letters or more: English left on a Chinese screen (the unit "B" of the bubble ratio is one letter). */
const ENGLISH = /[A-Za-z]{3,}/;

describe.skipIf(!HAS_CHROMIUM)("a whole friends game in Chinese", () => {
  const game = serveGame(PORT);

  test("a browser set to zh-CN plays every quarter to the final standings by the catalogs' Chinese names", async () => {
    const t = words("zh-CN");
    const page = await (await localeContext(game.browser, "zh-CN", "laptop")).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(BASE);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const code = await createGame(page, { name: "Ada", firms: 4, quarters: 4, seconds: 600 });
    await startGame(page, code);

    // The room's screen (?watch=CODE) on a projector, in Chinese too: the join card, the market, no overlaps.
    const projector = await (await localeContext(game.browser, "zh-CN", "hd")).newPage();
    await projector.goto(`${BASE}/?watch=${code}`);
    const card = projector.getByRole("complementary", { name: t("market.join.label") });
    await card.getByText(t("market.join.note")).waitFor();
    expect(await card.locator(".join-card-label").textContent()).toBe(t("market.join.code"));
    // A game nobody named is called "Market" in the reader's language.
    expect(await card.getByRole("heading").textContent()).toBe(t("market.join.title"));
    expect(await projector.locator(".join-card-code").getAttribute("aria-label")).toBe(t("market.join.codeSpelled", { letters: code.split("").join(" ") }));
    await projector.getByRole("navigation", { name: t("market.board.title") }).waitFor();
    expect(await projector.locator(".market-status").textContent()).not.toMatch(ENGLISH);
    expect(await overlappingText(projector, "#screen")).toEqual([]);
    await projector.screenshot({ path: path.join(RESULTS, "play-zh-room-screen-1920x1080.png") });

    for (let q = 1; q <= 4; q++) {
      await page.getByRole("heading", { name: panelHeading(t, q) }).waitFor();
      // The market and the panel speak Chinese: the status bar, the tabs' panes, the panel's words.
      await page.getByText(t("common.turn.of", { current: q, total: 4 })).waitFor();
      await page.getByRole("navigation", { name: t("market.board.title") }).waitFor();
      const panelText = ((await page.locator(".decision").textContent()) ?? "").replace(/Ada/g, "");
      expect(panelText, `quarter ${q}: English in the panel`).not.toMatch(ENGLISH);
      expect(await page.locator(".market-status").textContent(), `quarter ${q}: English in the status bar`).not.toMatch(ENGLISH);
      await decide(page, "zh-CN", q, String(10 * q), "10"); // A turn of a four-quarter game is a year of the story: amounts the firm can pay every turn.
      if (q < 4) {
        // The quarter resolves at once (the bots are in): its personal report opens, in Chinese.
        await page.getByRole("heading", { name: reportHeading(t, q) }).waitFor();
        await page.getByText(t("report.moved.title")).waitFor();
        expect(await page.locator(".report-card").textContent()).not.toMatch(/\b(Revenue|Cash|Runway|Capability)\b/);
        if (q === 1) await page.screenshot({ path: path.join(RESULTS, "play-zh-quarter-1-report-1280x720.png") });
        await page
          .locator(".report-card")
          .getByRole("button", { name: t("report.close") })
          .click();
        await page.getByRole("button", { name: t("report.reopen.turn", { quarter: q }) }).waitFor();
      }
    }

    await page.getByRole("heading", { name: t("report.over.title") }).waitFor();
    const table = page.locator("table.standings");
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      t("report.standings.rank"),
      t("report.standings.firm"),
      t("report.standings.score"),
      t("report.standings.valuation"),
      t("report.standings.valueCreated"),
    ]);
    await table.getByText(around((name) => t("report.standings.mine", { name }))).waitFor();
    expect(await table.textContent()).toMatch(/美元/);
    // The narrow standings column may wrap who played a firm, but between words: "规模派 / 机器人玩家", never "规模派机器 / 人玩家".
    const unbroken = [t("console.roster.playedBy.bot", { bot: "" }), ...BOT_NAMES.map((bot) => t(`common.bot.${bot}`))];
    const splitWords = await table.locator(".played-by").evaluateAll(
      (lines, wordsKept) =>
        lines.flatMap((line) => {
          const text = line.textContent ?? "";
          return wordsKept.flatMap((word) => {
            const at = text.indexOf(word);
            if (at < 0 || word === "") return [];
            // The word's characters, wherever the line's spans put them: one line box means one top.
            const range = line.ownerDocument.createRange();
            const walker = line.ownerDocument.createTreeWalker(line, 4);
            let seen = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.textContent?.length ?? 0;
              if (seen <= at && at < seen + length) range.setStart(node, at - seen);
              if (seen < at + word.length && at + word.length <= seen + length) range.setEnd(node, at + word.length - seen);
              seen += length;
            }
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return tops.size > 1 ? [`${text}: ${word}`] : [];
          });
        }),
      unbroken,
    );
    expect(splitWords).toEqual([]);
    await page.getByRole("button", { name: t("report.over.playAgain") }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, "play-zh-game-over-1280x720.png") });
    await projector.getByRole("heading", { name: t("report.over.title") }).waitFor();
    expect(await projector.getByRole("button", { name: t("report.over.playAgain") }).count()).toBe(0);
    expect(errors).toEqual([]);
    // The names used above are the catalog's, not English by accident.
    expect(moneyLabel("zh-CN", t("panel.field.train"))).toBe("训练模型（百万美元）");
  }, 180_000);
});
