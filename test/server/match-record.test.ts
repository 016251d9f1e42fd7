import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, test } from "vitest";
import { Match } from "../../server/game/match.js";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { loadConfig } from "../../shared/config/load.js";
import { firstDifference, replay } from "../../shared/sim/record.js";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

function match(): Match {
  const config = loadConfig("ai-2025");
  if (!config.ok) throw new Error("no config");
  const firms = BOT_NAMES.slice(0, 6).map((bot, i) => ({ id: `f${i + 1}`, name: `Firm ${i + 1}`, bot }));
  return new Match({ ...config.value, quarters: 12 }, "kept as JSON", firms);
}

/**
 * A room keeps its game's record for the whole game. As objects, each action was ~6 heap objects
 * (itself, its apps, its boxed figures) that every full collection of the server visits, for
 * every action of every quarter; the record keeps each quarter as the JSON the store writes.
 */
test("a match keeps past quarters' actions only as the record's JSON, and the record read from it replays to the game", async () => {
  const game = match();
  const { firstActions, recorded } = (() => {
    const first = game.resolve();
    expect(first.recorded.actions).toBe(JSON.stringify(first.actions));
    return { firstActions: new WeakRef(first.actions), recorded: first.recorded };
  })();
  // The firms' last actions are the first quarter's until the second replaces them.
  for (let q = 0; q < 3; q++) game.resolve();
  // A WeakRef's target lives at least until the current job ends.
  await new Promise((done) => setTimeout(done, 0));
  collect();
  expect(firstActions.deref()).toBeUndefined();
  const record = game.record;
  expect(record.quarters).toHaveLength(4);
  expect(JSON.stringify(record.quarters[0]?.actions)).toBe(recorded.actions);
  expect(firstDifference(replay(record).states.at(-1), game.state)).toBeNull();
});
