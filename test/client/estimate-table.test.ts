import { describe, expect, test } from "vitest";
import { setLocale } from "../../client/i18n.js";
import { change } from "../../client/panel/words.js";

describe("the estimate's 'vs repeating' column", () => {
  test("a difference that rounds to nothing reads ±0, not −0 or +$0.0M (seen on turn 2 at 390×844)", () => {
    setLocale("en");
    expect(change(41.6, 41.62, false)).toBe("±0");
    expect(change(350.04, 350, true)).toBe("±0");
    expect(change(350, 350, true)).toBe("±0");
    expect(change(350, 350.2, true)).toBe("−$0.2M");
    expect(change(48.9, 41.5, false)).toBe("+7.4");
    setLocale("zh-CN");
    expect(change(41.6, 41.62, false)).toBe("±0");
    expect(change(350, 351, true)).toBe("−100万美元");
    setLocale("en");
  });
});
