import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batchParts, writeParts } from "../../server/sim/write-parts.js";

const work = mkdtempSync(join(tmpdir(), "sim-write-"));

/** Rows like runs.csv's, one per game, with non-ASCII text so characters and bytes differ. */
function rows(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i},seed-${i},报告 é,${"x".repeat(i % 7)}\n`);
}

describe("sim output files are written in bounded batches (runs.csv at 1,000 games per --check batch outgrows one string)", () => {
  it("never builds a string longer than the bound, and the batches concatenate to the parts in order", () => {
    const parts = rows(5_000);
    const batches = [...batchParts(parts, 100)];
    expect(batches.length).toBeGreaterThan(1_000);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(100);
    expect(batches.join("")).toBe(parts.join(""));
  });

  it("yields a part longer than the bound alone, whole, between its neighbours", () => {
    const long = "y".repeat(250);
    expect([...batchParts(["a\n", "b\n", long, "c\n"], 100)]).toEqual(["a\nb\n", long, "c\n"]);
    expect([...batchParts([], 100)]).toEqual([]);
  });

  it("writes a file many times the bound, byte for byte what one joined string would write, from a lazy iterable", () => {
    const parts = rows(20_000);
    const path = join(work, "runs.csv");
    function* lazy() {
      yield "run,seed,variant,note\n";
      yield* parts;
    }
    writeParts(path, lazy(), 1_000);
    const expected = Buffer.from(`run,seed,variant,note\n${parts.join("")}`, "utf8");
    expect(expected.length).toBeGreaterThan(400_000);
    const written = readFileSync(path);
    expect(written.length).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
  });

  it("replaces an existing file rather than appending to it", () => {
    const path = join(work, "again.csv");
    writeParts(path, rows(50));
    writeParts(path, ["only\n"]);
    expect(readFileSync(path, "utf8")).toBe("only\n");
  });
});
