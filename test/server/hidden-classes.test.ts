import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/**
 * What a room keeps for the whole game (every quarter's actions in the record, the firms' last
 * actions, the roster's players) shares V8 hidden classes once the code that makes them is
 * optimised. A spread followed by a field (`{ ...input, openWeights }`) gave each such object a
 * hidden class of its own: ~0.5 KB of old space per action, ~22 KB a room at quarter 8
 * (server/bench/room-heap.ts), and more work for every full garbage collection of the server.
 * V8 answers only with natives syntax, so the check runs in a child process.
 */
test("the actions and players a room keeps share their hidden classes", () => {
  const script = fileURLToPath(new URL("../fixtures/hidden-classes.ts", import.meta.url));
  const out = execFileSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", script], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  const shapes = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
  expect(shapes).toEqual({ submitted: true, fitted: true, lastAction: true, players: true });
}, 60_000);
