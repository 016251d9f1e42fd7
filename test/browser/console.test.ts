import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Download, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { translate } from "../../shared/i18n/catalog.js";
import { keyboardProblems, overlappingText } from "./checks.js";
import { HAS_CHROMIUM, RESULTS, SKIP_REASON, serveGame } from "./harness.js";

const PORT = 2599;
const BASE = `http://localhost:${PORT}`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

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
    const keyDialog = fac.getByRole("dialog", { name: "Your facilitator key" });
    await keyDialog.waitFor();
    await expect.poll(() => keyDialog.textContent()).toMatch(/saved in this browser and is needed to control the game/);
    const key = await keyDialog.getByLabel("Facilitator key").inputValue();
    expect(key.length).toBeGreaterThanOrEqual(16);
    const code = new URL(fac.url()).searchParams.get("console") ?? "";
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(
      await fac.evaluate(() =>
        (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem("scale-or-ship:facilitator-keys"),
      ),
    ).toContain(key);
    await fac.screenshot({ path: path.join(RESULTS, "console-key-dialog-1280x720.png") });
    await keyDialog.getByRole("button", { name: "Continue to the console" }).click();
    await expect.poll(() => keyDialog.count()).toBe(0);
    await expect.poll(() => fac.getByLabel(/^Join code /).textContent()).toBe(code);
    await expect.poll(() => fac.getByRole("textbox", { name: "Link to join" }).inputValue()).toBe(`${BASE}/?join=${code}`);
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
    await fac.getByRole("button", { name: "Manage Bo" }).waitFor();
    const roster = fac.getByRole("table", { name: "Firms and players" });
    const boFirm =
      (
        await roster
          .getByRole("row")
          .filter({ has: fac.getByRole("button", { name: "Manage Bo" }) })
          .getByRole("rowheader")
          .textContent()
      )?.trim() ?? "";
    expect(boFirm).not.toBe("");
    expect(await overlappingText(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-lobby-1280x720.png") });

    // Start; a student has no facilitator controls.
    await fac.getByRole("button", { name: translate("en", "lobby.start") }).click();
    await expect.poll(() => fac.getByText("Deciding", { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await student.getByRole("heading", { name: "Quarter 1: your decisions" }).waitFor();
    expect(await student.getByRole("button", { name: "Pause" }).count()).toBe(0);
    expect(await student.getByRole("button", { name: "End game" }).count()).toBe(0);

    // Pause: the countdown freezes and says so, for the facilitator and the student; resume.
    await fac.getByRole("button", { name: "Pause" }).click();
    await expect.poll(() => fac.getByRole("timer").textContent()).toMatch(/^Paused · \d+:\d\d$/);
    const frozen = await fac.getByRole("timer").textContent();
    await student.getByText("Paused", { exact: true }).waitFor();
    const log = fac.getByRole("list", { name: "Game log (newest first)" });
    await log.getByText(/paused the decision timer/).waitFor();
    await fac.screenshot({ path: path.join(RESULTS, "console-paused-1280x720.png") });
    expect(await fac.getByRole("timer").textContent()).toBe(frozen);
    await fac.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => fac.getByRole("timer").textContent()).toMatch(/^\d+:\d\d$/);
    await log.getByText(/resumed the decision timer/).waitFor();

    // Extend, then inject a sell-off of 40%: queued, and logged.
    await fac.getByRole("button", { name: "+60 s" }).click();
    await log.getByText(/extended the decision phase by 60 s/).waitFor();
    await fac.getByLabel("Event", { exact: true }).selectOption({ label: "Trillion-dollar sell-off" });
    await fac.getByLabel("Sentiment drop (%)").fill("95");
    await fac.getByRole("button", { name: "Queue event" }).click();
    await expect.poll(() => fac.locator("#inject-preview").textContent()).toBe("Sentiment drop (%): must be between 0 and 90.");
    await fac.getByLabel("Sentiment drop (%)").fill("40");
    await fac.getByRole("button", { name: "Queue event" }).click();
    const queued = fac.getByRole("list", { name: "Queued for the next resolution" });
    await queued.getByText("Trillion-dollar sell-off: market sentiment falls 40%, and a correction grows likelier.").waitFor();
    await log.getByText(/queued for quarter 1: Trillion-dollar sell-off: market sentiment falls 40%/).waitFor();
    expect(await overlappingText(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-injected-1280x720.png") });

    // Force the quarter: it resolves with the sell-off, which the student reads in the report.
    await fac.getByRole("button", { name: "Force next quarter" }).click();
    await log.getByText(/resolved quarter 1 now/).waitFor();
    // In the report's ticker (which pages items that do not fit in its line, so it may be on a later page).
    await student
      .locator(".market-ticker li", { hasText: "Trillion-dollar sell-off: market sentiment falls 40%, and a correction grows likelier." })
      .waitFor({ state: "attached" });
    await expect.poll(() => queued.textContent()).toBe("Nothing queued.");

    // End the game, with a confirmation.
    await fac.getByRole("button", { name: "End game" }).click();
    const confirm = fac.getByRole("dialog", { name: "End the game now?" });
    await confirm.getByRole("button", { name: "End the game" }).click();
    await fac.getByRole("heading", { name: "Final standings" }).waitFor();
    await expect.poll(() => fac.getByText("Game over", { exact: true }).count()).toBe(1);
    await log.getByText(/ended the game after quarter 1 of 6/).waitFor();
    await student.getByRole("heading", { name: "Final standings" }).waitFor();
    expect(await student.getByRole("button", { name: "Download CSV" }).count()).toBe(0);
    await expect.poll(() => fac.locator("#debrief .debrief").count()).toBe(1);
    expect(await overlappingText(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-over-1280x720.png") });

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
    await fac.getByRole("heading", { name: "Final standings" }).waitFor();
    expect(await fac.getByRole("dialog").count()).toBe(0);
    await fac.setViewportSize({ width: 1920, height: 1080 });
    await fac.getByRole("heading", { name: "Final standings" }).waitFor();
    expect(await overlappingText(fac, ".console")).toEqual([]);
    await fac.screenshot({ path: path.join(RESULTS, "console-over-1920x1080.png") });
  });
});
