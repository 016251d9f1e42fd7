import { describe, expect, test } from "vitest";
import { joinErrorText } from "../../client/net/errors.js";
import { RESTART_DELAYS_MS, retryWithBackoff } from "../../client/net/rejoin.js";
import { BROWSER_SEAT, loadSeat, saveSeat } from "../../client/net/seat.js";
import { Session } from "../../client/net/session.js";
import { translate } from "../../shared/i18n/catalog.js";
import { ADDRESS_RATE_LIMITED, joinRefusalMessage } from "../../shared/schemas/protocol.js";
import { MemoryStore } from "../helpers/memory-store.js";

describe("getting back in after a server restart", () => {
  test("tries again after longer and longer waits until the game is back", async () => {
    const waits: number[] = [];
    let calls = 0;
    const back = await retryWithBackoff(
      async () => {
        calls++;
        if (calls < 4) throw new Error("game K7MXQA is not running right now");
        return "joined";
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(back).toBe("joined");
    expect(waits).toEqual(RESTART_DELAYS_MS.slice(0, 4));
  });

  test("gives up after the last attempt, the longest wait repeating", async () => {
    const waits: number[] = [];
    const back = await retryWithBackoff(
      async () => {
        throw new Error("down");
      },
      { delays: [10, 20], attempts: 4, sleep: async (ms) => void waits.push(ms) },
    );
    expect(back).toBeNull();
    expect(waits).toEqual([10, 20, 20, 20]);
  });

  test("a failed rejoin keeps the seat remembered for the next try", async () => {
    const store = new MemoryStore();
    const seat = { code: "K7MXQA", name: "Ada", reconnectionToken: "x:y", seatToken: "s".repeat(24) };
    saveSeat(store, seat);
    const session = new Session("ws://127.0.0.1:1", store); // nothing listens there
    await expect(session.rejoin()).rejects.toBeTruthy();
    expect(loadSeat(store)).toEqual(seat);
    await expect(new Session("ws://127.0.0.1:1", new MemoryStore()).rejoin()).rejects.toThrow(/no game to return to/);
  });

  test("a new tab on a game's link never takes the seat this browser last held there by itself: it is offered by name, and taken only when asked", async () => {
    const tab = new MemoryStore();
    const browser = new MemoryStore();
    const seat = { code: "K7MXQA", name: "Bo", reconnectionToken: "x:y", seatToken: "s".repeat(24) };
    saveSeat(browser, seat, BROWSER_SEAT);
    const session = new Session("ws://127.0.0.1:1", tab, browser); // nothing listens there
    // Its own game's link: not resumed (a second person on this browser would be put in Bo's seat), and still remembered.
    expect(await session.resume("K7MXQA")).toBeNull();
    expect(loadSeat(browser, BROWSER_SEAT)).toEqual(seat);
    // The page offers it by name on that link only; never on another game's link or the plain menu.
    expect(session.browserSeatFor("K7MXQA")).toEqual(seat);
    expect(session.browserSeatFor("ZZZZZZ")).toBeNull();
    expect(session.browserSeatFor(null)).toBeNull();
    // A tab with a seat of its own is offered nothing (a refresh goes back to the tab's seat).
    const own = new MemoryStore();
    saveSeat(own, { ...seat, code: "ZZZZZZ", name: "Cy" });
    expect(new Session("ws://127.0.0.1:1", own, browser).browserSeatFor("K7MXQA")).toBeNull();
    // Continue as Bo: the seat is tried (here the game is gone, so it is forgotten).
    expect(await session.resumeBrowserSeat("K7MXQA")).toBeNull();
    expect(loadSeat(browser, BROWSER_SEAT)).toBeNull();
    expect(session.browserSeatFor("K7MXQA")).toBeNull();
  });

  test("a paused game and a restarting server read as such", () => {
    expect(joinErrorText({ code: 503, message: joinRefusalMessage("GAME_OFFLINE", "game K7MXQA is not running right now") })).toBe(
      translate("en", "errors.join.gameOffline"),
    );
    expect(joinErrorText({ code: 503, message: "Service Unavailable" })).toBe(translate("en", "errors.join.restarting"));
    // Prose that merely looks like the reason is not the reason.
    expect(joinErrorText({ code: 503, message: "game K7MXQA is not running right now" })).toBe(translate("en", "errors.join.restarting"));
  });

  test("the restart's words promise the last finished turn, true at every length, in English and in Chinese", () => {
    // These banners know no game: a turn is a quarter only in a 16-quarter game, so they say turn.
    for (const key of ["errors.banner.restarting", "errors.join.gameOffline"] as const) {
      expect(translate("en", key), key).toContain("last finished turn");
      expect(translate("en", key), key).not.toMatch(/quarter/);
      expect(translate("zh-CN", key), key).toContain("最近完成的回合");
      expect(translate("zh-CN", key), key).not.toMatch(/季/);
    }
  });

  test("a refusal for too many attempts from one address is worded by its code, whatever the message", () => {
    expect(joinErrorText({ code: ADDRESS_RATE_LIMITED, message: "too many joins from your address: try again in 42 s" })).toBe(
      translate("en", "errors.join.rateLimited"),
    );
  });
});

describe("asking to be let back in from this device", () => {
  test("a join by name carries one ask id per game and name, kept across tries (and tabs) so the approval finds this device", async () => {
    const { askIdFor } = await import("../../client/net/session.js");
    const keys = new MemoryStore();
    const first = askIdFor(keys, "K7MXQA", "Ada");
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    // Pressing Join again after the teacher's click sends the same id; "ADA" is the same name.
    expect(askIdFor(keys, "K7MXQA", "Ada")).toBe(first);
    expect(askIdFor(keys, "K7MXQA", "ADA")).toBe(first);
    // Another game or another name is another ask.
    expect(askIdFor(keys, "QQ4TNB", "Ada")).not.toBe(first);
    expect(askIdFor(keys, "K7MXQA", "Bo")).not.toBe(first);
    // Another browser (its own storage) asks with its own id.
    expect(askIdFor(new MemoryStore(), "K7MXQA", "Ada")).not.toBe(first);
  });
});
