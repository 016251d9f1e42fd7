import { readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import type { Download, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { translate, translator } from "../../shared/i18n/catalog.js";
import { eventSentence } from "../../shared/words/events.js";
import { keyboardProblems, overlappingText } from "./checks.js";
import { HAS_CHROMIUM, localeContext, RESULTS, SKIP_REASON, serveGame } from "./harness.js";
import { panelHeading } from "./play-steps.js";

const PORT = 2599;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** The console's words, from the catalogs (the menu's and the student's screens are worded by their own areas). */
const en = translator("en");
const zh = translator("zh-CN");

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button, exact: true }).click()]);
  const file = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), text: await readFile(file, "utf8") };
}

describe.skipIf(!HAS_CHROMIUM)("the facilitator's console", () => {
  const game = serveGame(PORT);

  test("a facilitator creates a class market, a student joins, the facilitator starts, pauses, resumes, injects a sell-off, ends the game and downloads the data", async () => {
    const fac = await (await game.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await fac.goto(BASE);
    await fac.screenshot({ path: path.join(RESULTS, "console-menu-1280x720.png") });
    await fac.getByRole("button", { name: translate("en", "menu.class.runButton") }).click();
    await fac.getByRole("heading", { name: translate("en", "menu.class.title") }).waitFor();
    expect(await overlappingText(fac, ".panel")).toEqual([]);
    expect(await keyboardProblems(fac, ".panel")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-class-form-1280x720.png") });
    await fac.getByLabel(translate("en", "menu.class.name")).fill("Econ 101");
    await fac.getByLabel(translate("en", "menu.class.firms"), { exact: true }).fill("3");
    await fac.getByLabel(translate("en", "menu.class.quarters"), { exact: true }).fill("6");
    await fac.getByLabel(translate("en", "menu.timer.seconds")).fill("600");
    await fac.getByRole("button", { name: translate("en", "menu.class.submit") }).click();

    // The key, once: in a dialog over the console, and kept in this browser.
    const keyDialog = fac.getByRole("dialog", { name: en("console.key.title") });
    await keyDialog.waitFor();
    await expect.poll(() => keyDialog.textContent()).toContain(en("console.key.text"));
    const key = await keyDialog.getByLabel(en("console.key.label")).inputValue();
    expect(key.length).toBeGreaterThanOrEqual(16);
    const code = new URL(fac.url()).searchParams.get("console") ?? "";
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(
      await fac.evaluate(() =>
        (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem("scale-or-ship:facilitator-keys"),
      ),
    ).toContain(key);
    await fac.screenshot({ path: path.join(RESULTS, "console-key-dialog-1280x720.png") });
    await keyDialog.getByRole("button", { name: en("console.key.continue") }).click();
    await expect.poll(() => keyDialog.count()).toBe(0);
    await expect.poll(() => fac.getByLabel(en("console.header.joinCodeSpelled", { letters: code.split("").join(" ") })).textContent()).toBe(code);
    await expect.poll(() => fac.getByRole("textbox", { name: en("console.header.link") }).inputValue()).toBe(`${BASE}/?join=${code}`);
    await fac
      .getByRole("img", { name: /QR code of the link to join/ })
      .locator("svg")
      .waitFor();

    // A student joins by code in another browser; the roster shows them live.
    const student = await (await game.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await student.goto(BASE);
    await student.getByLabel(translate("en", "menu.name.label")).fill("Bo");
    await student.getByLabel(translate("en", "menu.join.code")).fill(code);
    await student.getByRole("button", { name: translate("en", "menu.join.submit"), exact: true }).click();
    await student.getByText(translate("en", "lobby.waiting.facilitator")).waitFor();
    const manageBo = en("console.roster.manage", { name: "Bo" });
    await fac.getByRole("button", { name: manageBo }).waitFor();
    const roster = fac.getByRole("table", { name: en("console.roster.title") });
    const boFirm =
      (
        await roster
          .getByRole("row")
          .filter({ has: fac.getByRole("button", { name: manageBo }) })
          .getByRole("rowheader")
          .textContent()
      )?.trim() ?? "";
    expect(boFirm).not.toBe("");
    expect(await overlappingText(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-lobby-1280x720.png") });

    // Start; a student has no facilitator controls.
    await fac.getByRole("button", { name: en("console.controls.start") }).click();
    await expect.poll(() => fac.getByText(en("console.phase.decide"), { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await student.getByRole("heading", { name: panelHeading(translator("en"), 1) }).waitFor();
    expect(await student.getByRole("button", { name: en("console.controls.pause") }).count()).toBe(0);
    expect(await student.getByRole("button", { name: en("console.controls.end") }).count()).toBe(0);

    // Pause: the countdown freezes and says so, for the facilitator and the student; resume.
    await fac.getByRole("button", { name: en("console.controls.pause") }).click();
    await expect.poll(() => fac.getByRole("timer").textContent()).toMatch(/^Paused · \d+:\d\d$/);
    const frozen = await fac.getByRole("timer").textContent();
    await student.getByText("Paused", { exact: true }).waitFor();
    const log = fac.getByRole("list", { name: en("console.log.title") });
    await log.getByText(/^Paused the decision timer with/).waitFor();
    await fac.screenshot({ path: path.join(RESULTS, "console-paused-1280x720.png") });
    expect(await fac.getByRole("timer").textContent()).toBe(frozen);
    await fac.getByRole("button", { name: en("console.controls.resume") }).click();
    await expect.poll(() => fac.getByRole("timer").textContent()).toMatch(/^\d+:\d\d$/);
    await log.getByText(/^Resumed the decision timer with/).waitFor();

    // Extend, then inject a sell-off of 40%: queued, and logged.
    await fac.getByRole("button", { name: en("console.controls.extendBy", { seconds: 60 }) }).click();
    await log.getByText(/^Extended the decision phase by 60 s/).waitFor();
    await fac.getByLabel(en("console.inject.kind"), { exact: true }).selectOption({ label: en("console.event.selloff") });
    const depth = en("console.param.selloff.depth");
    await fac.getByLabel(depth).fill("95");
    await fac.getByRole("button", { name: en("console.inject.submit") }).click();
    await expect.poll(() => fac.locator("#inject-preview").textContent()).toBe(en("console.inject.problem.between", { label: depth, low: 0, high: 90 }));
    await fac.getByLabel(depth).fill("40");
    await fac.getByRole("button", { name: en("console.inject.submit") }).click();
    const queued = fac.getByRole("list", { name: en("console.log.queued") });
    const selloff = eventSentence({ kind: "selloff", depth: 0.4 }, en);
    expect(selloff).toBe("Trillion-dollar sell-off: market sentiment falls 40%, and a correction grows likelier.");
    await queued.getByText(selloff).waitFor();
    await log.getByText(en("console.log.inject.turn", { quarter: 1, sentence: selloff })).waitFor();
    expect(await overlappingText(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-injected-1280x720.png") });

    // Force the quarter: it resolves with the sell-off, which the student reads in the report.
    await fac.getByRole("button", { name: en("console.controls.forceNext") }).click();
    await log.getByText(/^Resolved turn 1 now/).waitFor();
    // In the report's ticker (which pages items that do not fit in its line, so it may be on a later page).
    await student
      .locator(".market-ticker li", { hasText: "Trillion-dollar sell-off: market sentiment falls 40%, and a correction grows likelier." })
      .waitFor({ state: "attached" });
    await expect.poll(() => queued.textContent()).toBe(en("console.log.queued.empty"));

    // End the game, with a confirmation.
    await fac.getByRole("button", { name: en("console.controls.end") }).click();
    const confirm = fac.getByRole("dialog", { name: en("console.controls.end.title") });
    await confirm.getByRole("button", { name: en("console.controls.end.confirm") }).click();
    await fac.getByRole("heading", { name: en("console.final.title") }).waitFor();
    await expect.poll(() => fac.getByText(en("console.phase.over"), { exact: true }).count()).toBe(1);
    await log.getByText(en("console.log.endGame.turn", { quarter: 1, quarters: 6 })).waitFor();
    await student.getByRole("heading", { name: "Final standings" }).waitFor();
    expect(await student.getByRole("button", { name: "Download CSV" }).count()).toBe(0);
    await expect.poll(() => fac.locator("#debrief .debrief").count()).toBe(1);
    await fac.screenshot({ path: path.join(RESULTS, "console-over-1280x720.png") });
    expect(await overlappingText(fac, ".console")).toEqual([]);

    // Downloads: the CSV has a header row and a row per firm and quarter; the anonymised one
    // leaves the names out; the record parses.
    const csv = await downloaded(fac, "Download CSV");
    expect(csv.name).toBe(`scale-or-ship-${code}.csv`);
    const lines = csv.text.trim().split("\n");
    expect(lines[0]?.split(",").slice(0, 5)).toEqual(["code", "quarter", "firmId", "firm", "players"]);
    expect(lines).toHaveLength(1 + 3);
    expect(lines.some((line) => line.startsWith(`${code},1,`) && line.includes(boFirm) && line.includes("Bo"))).toBe(true);
    const anonymised = await downloaded(fac, "Download CSV (anonymised)");
    expect(anonymised.text.split("\n")[0]?.split(",").slice(0, 4)).toEqual(["code", "quarter", "firmId", "firm"]);
    expect(anonymised.text).not.toContain("Bo");
    expect(anonymised.text).not.toContain(boFirm);
    const record = await downloaded(fac, "Download game record (JSON)");
    expect(record.name).toBe(`scale-or-ship-${code}-record.json`);
    const parsed = JSON.parse(record.text) as { code: string; quarters: unknown[]; facilitatorLog: { command: string }[] };
    expect(parsed.code).toBe(code);
    expect(parsed.quarters).toHaveLength(1);
    expect(parsed.facilitatorLog.map((e) => e.command)).toEqual(["start", "pause", "resume", "extend", "inject", "forceNext", "endGame"]);

    // The console comes back after a refresh, from the key kept in this browser, without showing the key again.
    await fac.reload();
    await fac.getByRole("heading", { name: en("console.final.title") }).waitFor();
    expect(await fac.getByRole("dialog").count()).toBe(0);
    await fac.setViewportSize({ width: 1920, height: 1080 });
    await fac.getByRole("heading", { name: en("console.final.title") }).waitFor();
    expect(await overlappingText(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-over-1920x1080.png") });
  });

  test("in Chinese (a browser preferring zh-CN): create a class, start, pause and resume, inject an event, read the log in Chinese, switch to English and back without losing the typed form or the connection, end", async () => {
    const fac = await (await localeContext(game.browser, "zh-CN", "laptop")).newPage();
    await fac.goto(BASE);
    expect(await fac.locator("html").getAttribute("lang")).toBe("zh-CN");
    // The menu and class form are another area's: by element id.
    await fac.locator("#run-class").click();
    await fac.locator("#class-name").fill("经济学 101");
    await fac.locator("#class-firms").fill("3");
    await fac.locator("#class-quarters").fill("6");
    await fac.locator("#class-seconds").fill("600");
    await fac.locator("form:has(#class-name) button[type=submit]").click();

    const keyDialog = fac.getByRole("dialog", { name: zh("console.key.title") });
    await keyDialog.getByRole("button", { name: zh("console.key.continue") }).click();
    const code = new URL(fac.url()).searchParams.get("console") ?? "";
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await expect.poll(() => fac.getByLabel(zh("console.header.joinCodeSpelled", { letters: code.split("").join(" ") })).textContent()).toBe(code);

    // A student joins (through the protocol: the student's screens are another area's); the roster shows them in Chinese.
    const student = await new Client(`ws://localhost:${PORT}`).joinById(code, { name: "Bo" });
    await fac.getByRole("button", { name: zh("console.roster.manage", { name: "Bo" }) }).waitFor();
    await fac.getByRole("heading", { name: zh("console.roster.title") }).waitFor();
    await fac.screenshot({ path: path.join(RESULTS, "console-zh-lobby-1280x720.png") });
    expect(await overlappingText(fac, ".console")).toEqual([]);

    await fac.getByRole("button", { name: zh("console.controls.start") }).click();
    await expect.poll(() => fac.getByText(zh("console.phase.decide"), { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await fac
      .getByText(
        zh("console.quarter.decided", {
          line: zh("console.quarter.playing.turn", { quarter: 1, quarters: 6, span: zh("common.turn.span.months", { count: 8 }) }),
          decided: 2,
          playing: 3,
        }),
      )
      .waitFor();

    const log = fac.getByRole("list", { name: zh("console.log.title") });
    await fac.getByRole("button", { name: zh("console.controls.pause") }).click();
    await expect.poll(() => fac.getByRole("timer").textContent()).toMatch(/^已暂停 · \d+:\d\d$/);
    await log.getByText(/^暂停了决策计时，剩余 [\d.]+ 秒$/).waitFor();
    await fac.getByRole("button", { name: zh("console.controls.resume") }).click();
    await log.getByText(/^恢复了决策计时，剩余 [\d.]+ 秒$/).waitFor();

    // Inject a sell-off: the preview, the queue and the log in Chinese.
    await fac.getByLabel(zh("console.inject.kind"), { exact: true }).selectOption({ label: zh("console.event.selloff") });
    await fac.getByLabel(zh("console.param.selloff.depth")).fill("40");
    const selloff = eventSentence({ kind: "selloff", depth: 0.4 }, zh);
    await expect.poll(() => fac.locator("#inject-preview").textContent()).toBe(zh("console.inject.preview", { sentence: selloff }));
    await fac.getByRole("button", { name: zh("console.inject.submit") }).click();
    await fac
      .getByRole("list", { name: zh("console.log.queued") })
      .getByText(selloff)
      .waitFor();
    await log.getByText(zh("console.log.inject.turn", { quarter: 1, sentence: selloff })).waitFor();
    expect(await overlappingText(fac, ".console")).toEqual([]);
    expect(await keyboardProblems(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-zh-injected-1280x720.png") });

    // Half-typed: another event in the form. A switch to English keeps it, the log and the queue
    // come in English, and the same connection goes on (one log line per command: no listener twice).
    await fac.getByLabel(zh("console.inject.kind"), { exact: true }).selectOption("rateChange");
    await fac.getByLabel(zh("console.param.rateChange.delta")).fill("0.5");
    await fac.locator("#language").selectOption("en");
    expect(await fac.locator("html").getAttribute("lang")).toBe("en");
    await fac.getByRole("heading", { name: en("console.controls.title") }).waitFor();
    expect(await fac.getByLabel(en("console.inject.kind"), { exact: true }).inputValue()).toBe("rateChange");
    expect(await fac.getByLabel(en("console.param.rateChange.delta")).inputValue()).toBe("0.5");
    const logEn = fac.getByRole("list", { name: en("console.log.title") });
    await logEn.getByText(en("console.log.inject.turn", { quarter: 1, sentence: eventSentence({ kind: "selloff", depth: 0.4 }, en) })).waitFor();
    const before = await logEn.getByRole("listitem").count();
    await fac.getByRole("button", { name: en("console.controls.pause") }).click();
    await logEn
      .getByText(/^Paused the decision timer/)
      .first()
      .waitFor();
    await expect.poll(() => logEn.getByRole("listitem").count()).toBe(before + 1);
    await fac.screenshot({ path: path.join(RESULTS, "console-zh-switched-en-1280x720.png") });

    // And back to Chinese: the form still holds what was typed; queue it.
    await fac.locator("#language").selectOption("zh-CN");
    await log
      .getByText(/^暂停了决策计时/)
      .first()
      .waitFor();
    expect(await fac.getByLabel(zh("console.param.rateChange.delta")).inputValue()).toBe("0.5");
    await fac.getByRole("button", { name: zh("console.inject.submit") }).click();
    await log.getByText(zh("console.log.inject.turn", { quarter: 1, sentence: eventSentence({ kind: "rateChange", delta: 0.005 }, zh) })).waitFor();
    await fac.getByRole("button", { name: zh("console.controls.resume") }).click();
    await expect.poll(() => log.getByText(/^恢复了决策计时/).count()).toBe(2);

    // End, with the confirmation in Chinese.
    await fac.getByRole("button", { name: zh("console.controls.end") }).click();
    const confirm = fac.getByRole("dialog", { name: zh("console.controls.end.title") });
    await confirm.getByRole("button", { name: zh("console.controls.end.confirm") }).click();
    await fac.getByRole("heading", { name: zh("console.final.title") }).waitFor();
    await expect.poll(() => fac.getByText(zh("console.phase.over"), { exact: true }).count()).toBe(1);
    await log.getByText(zh("console.log.endGame.dropped.turn", { quarter: 0, quarters: 6, count: 2 })).waitFor();
    await fac.screenshot({ path: path.join(RESULTS, "console-zh-over-1280x720.png") });
    await student.leave();
  });
});
