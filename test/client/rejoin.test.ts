import { describe, expect, test } from "vitest";
import { joinErrorText } from "../../client/net/errors.js";
import { RESTART_DELAYS_MS, retryWithBackoff } from "../../client/net/rejoin.js";
import { loadSeat, saveSeat } from "../../client/net/seat.js";
import { Session } from "../../client/net/session.js";
import { ADDRESS_RATE_LIMITED } from "../../shared/schemas/protocol.js";
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

  test("a paused game and a restarting server read as such", () => {
    expect(joinErrorText({ code: 503, message: "game K7MXQA is not running right now: the server that holds it (a) is down or restarting" })).toMatch(
      /paused.*resumes at its last finished quarter/,
    );
    expect(joinErrorText({ code: 503, message: "Service Unavailable" })).toMatch(/restarting/);
  });

  test("a refusal for too many attempts from one address says how long to wait", () => {
    expect(joinErrorText({ code: ADDRESS_RATE_LIMITED, message: "too many joins from your address: try again in 42 s" })).toBe(
      "Too many attempts from your network. Try again in 42 seconds.",
    );
    expect(joinErrorText({ code: ADDRESS_RATE_LIMITED, message: "too many new games from your address: try again in 586 s" })).toBe(
      "Too many attempts from your network. Try again in 10 minutes.",
    );
  });
});
