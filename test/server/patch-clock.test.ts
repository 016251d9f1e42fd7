import { afterEach, describe, expect, test, vi } from "vitest";
import { PatchClock, type PatchTicked } from "../../server/rooms/patch-clock.js";
import { FAST, host, join, testServer, waitFor } from "./helpers.js";

afterEach(() => {
  vi.useRealTimers();
});

function rooms(n: number): { rooms: PatchTicked[]; ticks: number[] } {
  const ticks = Array.from({ length: n }, () => 0);
  const tick = (i: number) => {
    ticks[i] = (ticks[i] ?? 0) + 1;
  };
  return { ticks, rooms: ticks.map((_, i) => ({ patchTick: () => tick(i) })) };
}

describe("the process-wide patch clock (server/rooms/patch-clock.ts)", () => {
  test("ticks every room once per interval, a slot's share of them at each fifth", () => {
    vi.useFakeTimers();
    const clock = new PatchClock(50, 5);
    const { rooms: all, ticks } = rooms(12);
    for (const room of all) clock.add(room);
    expect(clock.sizes).toEqual([3, 3, 2, 2, 2]);
    expect(vi.getTimerCount()).toBe(1); // one interval for every room
    vi.advanceTimersByTime(10);
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(3); // the first slot only
    vi.advanceTimersByTime(40);
    expect(ticks).toEqual(Array.from({ length: 12 }, () => 1));
    vi.advanceTimersByTime(500);
    expect(ticks).toEqual(Array.from({ length: 12 }, () => 11));
  });

  test("a room removed is no longer ticked, a new one takes the emptiest slot, and the interval stops with the last room", () => {
    vi.useFakeTimers();
    const clock = new PatchClock(50, 4);
    const { rooms: all, ticks } = rooms(8);
    for (const room of all) clock.add(room);
    clock.remove(all[1] as PatchTicked);
    clock.remove(all[5] as PatchTicked);
    expect(clock.sizes).toEqual([2, 0, 2, 2]);
    vi.advanceTimersByTime(50);
    expect(ticks).toEqual([1, 0, 1, 1, 1, 0, 1, 1]);
    expect(clock.add(all[1] as PatchTicked)).toBe(1);
    for (const room of all) clock.remove(room);
    expect(clock.sizes).toEqual([0, 0, 0, 0]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("on the process-wide patch clock (limits.patchSlots, experimental)", () => {
  const server = testServer(undefined, { patchSlots: 5 });

  test("the room has no patch interval of its own; its changes and its phase timers still reach the players", async () => {
    const { player, server: room } = await host(server.colyseus, "Ada", { ...FAST, firms: 2, decisionSeconds: 1 });
    expect(room.patchRate).toBeNull();
    await waitFor(() => player.room.state.players.length === 1);
    const ada = room.flow.roster.players[0]?.id ?? null;
    expect(room.command("ready", { ready: true }, { playerId: ada, facilitator: false })).toBeUndefined();
    await waitFor(() => player.room.state.players[0]?.ready === true);
    const bo = await join(server.colyseus, room.roomId, { name: "Bo" });
    player.room.send("start");
    // Nobody submits: the decision's one second runs out on the room's clock and the quarter resolves.
    await waitFor(() => player.room.state.quarter === 1 && bo.room.state.quarter === 1);
  });
});
