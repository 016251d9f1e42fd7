import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/**
 * A game made by `createGame` once TurboFan has optimised it has packed arrays, like every game
 * before it: a holey one (what an inlined `Array.prototype.map` makes) has another hidden class,
 * and every rule that reads it was deoptimised and compiled again (a cascade that cost a
 * simulator worker about half a second of compiling). V8 answers only with natives syntax, so
 * the check runs in a child process.
 */
test("a game and a clock made by optimised code keep their arrays packed", () => {
  const script = fileURLToPath(new URL("../fixtures/packed-state.ts", import.meta.url));
  const out = execFileSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", script], { encoding: "utf8" });
  const packed = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
  expect(packed).toEqual({
    firms: true,
    sectorTam: true,
    sectorTrust: true,
    sectorRegulated: true,
    integration: true,
    customers: true,
    productFit: true,
    sectorRevenue: true,
    sectorGrowth: true,
  });
}, 60_000);
