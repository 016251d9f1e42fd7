import { describe, expect, test } from "vitest";
import { countBytes } from "../../server/bench/load/player.js";
import { FAST, host, join, type Player, testServer, waitFor } from "./helpers.js";

const served = testServer();
const FIRMS = 6;
const QUARTERS = 12;
/** Issue 15's goal for a player's data plan: at most 2 KB per quarter. */
const GOAL = 2_000;

describe("what a player's connection carries", () => {
  test(`six players play ${QUARTERS} quarters: each receives under 2 KB a quarter, the lobby, the start and the end included`, async () => {
    const { player: first, server } = await host(served.colyseus, "P1", { ...FAST, firms: FIRMS, quarters: QUARTERS, seed: "bytes" });
    const players: Player[] = [first];
    for (let i = 2; i <= FIRMS; i++) players.push(await join(served.colyseus, server.roomId, { name: `P${i}` }));
    // Every frame each connection receives from its welcome on.
    const received = players.map((p) => {
      const bytes: Record<string, number> = {};
      countBytes(p.room, bytes);
      return bytes;
    });
    await waitFor(() => first.room.state.players.length === FIRMS);

    first.room.send("start");
    let afterFirst: Record<string, number>[] = [];
    for (let q = 0; q < QUARTERS; q++) {
      await waitFor(() => players.every((p) => p.room.state.phase === "decide" && p.room.state.quarter === q && p.privateView()?.quarter === q));
      if (q === 1) afterFirst = received.map((bytes) => ({ ...bytes }));
      for (const [i, p] of players.entries()) {
        const view = p.privateView();
        if (view?.firm.delisted) continue;
        const budget = Math.max(0, (view?.firm.cash ?? 0) * (0.05 + 0.02 * i));
        p.room.send("submit", { action: { train: budget * 0.5, marketing: budget * 0.2, apps: { support: budget * 0.3 } } });
      }
      await waitFor(() => players.every((p) => p.room.state.quarter === q + 1));
    }
    await waitFor(() => players.every((p) => p.room.state.phase === "over" && p.room.state.standings.length === FIRMS));

    const sum = (bytes: Record<string, number>) => Object.values(bytes).reduce((a, b) => a + b, 0);
    for (const [i, bytes] of received.entries()) {
      // Everything, spread over the game: the lobby, the whole first view, every quarter, the standings (~1,450–1,490 bytes here; 2,788 before private went positional and the state float32).
      expect(sum(bytes) / QUARTERS, JSON.stringify(bytes)).toBeLessThan(GOAL);
      // A quarter once the game is under way (what a longer game adds per quarter): 1,287–1,322 bytes here since
      // the sectors served went into the reports' flags and `private` (actions too) and `accepted`'s action
      // travel as lists; 1,641–1,646 before.
      const steady = (sum(bytes) - sum(afterFirst[i] ?? {})) / (QUARTERS - 1);
      expect(steady, JSON.stringify(bytes)).toBeLessThan(1_380);
    }
  });
});
