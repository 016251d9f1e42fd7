import { expect, test } from "vitest";
import { runChaos } from "../../server/bench/chaos/run.js";

// `npm run chaos` at CI size: a real server process SIGKILLed three times and starved of disk
// once at seeded moments (counted in submissions, not in time), while three games play on.
test("games survive SIGKILLs and a disk-full episode: every game ends equal to its replay, no seat lost or taken, no quarter lost", async () => {
  const result = await runChaos({ games: 3, quarters: 8, kills: 3, diskFaults: 1, seed: "ci" });
  expect(result.seatProblems).toEqual([]);
  expect(result.replayMismatches).toEqual([]);
  expect(result).toMatchObject({ games: 3, ended: 3, kills: 3, diskFaults: 1, quartersLost: 0 });
  expect(result.pausedRooms).toBeGreaterThanOrEqual(1);
  // Every kill brought back at least one game in play.
  expect(result.restored.length).toBeGreaterThanOrEqual(3);
}, 240_000);
