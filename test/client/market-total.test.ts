import { describe, expect, test } from "vitest";
import { totalAsShown } from "../../client/market/figures.js";
import { LOCALES } from "../../shared/i18n/core.js";
import { shortMoney, shortMoneyAmount } from "../../shared/i18n/format.js";
import { nextFloat, seedRng } from "../../shared/rng.js";

describe("the field's market total against its bubbles' figures", () => {
  test("three firms at $1,240M each read $1.2B each, and the total reads $3.6B, what a player adding them up gets (not $3.7B)", () => {
    const valuations = [1240, 1240, 1240];
    expect(valuations.map((v) => shortMoney("en", v))).toEqual(["$1.2B", "$1.2B", "$1.2B"]);
    expect(shortMoney("en", totalAsShown("en", valuations))).toBe("$3.6B");
    // In Chinese 144亿 three times is 432亿, not 433亿.
    const zh = [14_440, 14_440, 14_440];
    expect(zh.map((v) => shortMoney("zh-CN", v))).toEqual(["144亿美元", "144亿美元", "144亿美元"]);
    expect(shortMoney("zh-CN", totalAsShown("zh-CN", zh))).toBe("432亿美元");
  });
  test("over random markets, each figure's amount is written exactly as the figure, so the total is the sum a reader makes", () => {
    const rng = seedRng("market-total");
    for (const lang of LOCALES)
      for (let i = 0; i < 5000; i++) {
        const millions = 10 ** (nextFloat(rng) * 7 - 1) * (nextFloat(rng) < 0.1 ? -1 : 1);
        const amount = shortMoneyAmount(lang, millions);
        // "$1,000M" and "$1B" are one amount written two ways at the edge of the formats.
        expect(shortMoneyAmount(lang, amount), `${lang} ${millions}`).toBe(amount);
        if (Math.abs(millions) < 999 || Math.abs(millions) > 1001) expect(shortMoney(lang, amount), `${lang} ${millions}`).toBe(shortMoney(lang, millions));
      }
  });
  test("a trillion keeps its decimal in Chinese: $1.4T is 1.4万亿美元, not 1万亿美元", () => {
    expect(shortMoney("zh-CN", 1_400_000)).toBe("1.4万亿美元");
    expect(shortMoney("zh-CN", 15_000)).toBe("150亿美元");
  });
});
