import { describe, expect, test } from "vitest";
import { nobreakRuns } from "../../client/ui/nobreak-runs.js";

const kept = (text: string) =>
  nobreakRuns(text)
    .filter((r) => r.keep)
    .map((r) => r.text);

describe("what a line may not break inside", () => {
  test("a signed dollar amount stays whole: a phone's report card read '$2,114M → $2,005M (−' over '$109M)'", () => {
    expect(kept("$2,114M → $2,005M (−$109M)")).toEqual(["−$109M"]);
    expect(kept("+$91M")).toEqual(["+$91M"]);
    expect(kept("−$2.4B and +$0.5M")).toEqual(["−$2.4B", "+$0.5M"]);
    // Unsigned amounts and plain words are left to break as the browser likes; the text itself never changes.
    expect(kept("Revenue $387M")).toEqual([]);
    for (const text of ["$2,114M → $2,005M (−$109M)", "Revenue $387M", "", "14.7亿美元 → 9.9亿美元（−4.8亿美元）"])
      expect(
        nobreakRuns(text)
          .map((r) => r.text)
          .join(""),
      ).toBe(text);
  });
  test("a number keeps its Chinese unit, as before", () => {
    expect(kept("14.7亿美元 → 9.9亿美元（−4.8亿美元）")).toEqual(["14.7亿美元", "9.9亿美元", "−4.8亿美元"]);
    expect(kept("每回合相当于故事中的 6 个月。")).toEqual(["6 个月"]);
    expect(kept("第 3 回合")).toEqual(["第 3 回合"]);
  });
});
