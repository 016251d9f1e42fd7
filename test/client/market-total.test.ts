import { describe, expect, test } from "vitest";
import { totalAsShown, totalText } from "../../client/market/figures.js";
import { LOCALES } from "../../shared/i18n/core.js";
import { amountTo, money, moneyStep, moneyTo, shortMoney, shortMoneyAmount, shortMoneyStep, shortMoneyTo } from "../../shared/i18n/format.js";
import { nextFloat, seedRng } from "../../shared/rng.js";

describe("the field's market total against its bubbles' figures", () => {
  test("three firms at $1,240M each read $1.2B each, and the total reads $3.6B, what a player adding them up gets (not $3.7B)", () => {
    const valuations = [1240, 1240, 1240];
    expect(valuations.map((v) => shortMoney("en", v))).toEqual(["$1.2B", "$1.2B", "$1.2B"]);
    expect(shortMoney("en", totalAsShown("en", valuations))).toBe("$3.6B");
    // In Chinese 144.4亿 three times is 433.2亿 (亿 to one decimal, as the leaderboard writes them).
    const zh = [14_440, 14_440, 14_440];
    expect(zh.map((v) => shortMoney("zh-CN", v))).toEqual(["144.4亿美元", "144.4亿美元", "144.4亿美元"]);
    expect(shortMoney("zh-CN", totalAsShown("zh-CN", zh))).toBe("433.2亿美元");
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

describe("figures written to a given step", () => {
  test("the market total is written to its parts' finest step: $7.5B + $3.3B + $3B + $1.7B is $15.5B (it read $16B), in both languages", () => {
    const valuations = [7512, 3311, 2991, 1688];
    expect(valuations.map((v) => shortMoney("en", v))).toEqual(["$7.5B", "$3.3B", "$3B", "$1.7B"]);
    expect(totalText("en", valuations)).toBe("$15.5B");
    // A firm under $1B writes to the $1M: the total keeps it ($7.5B + $850M is $8,350M, not $8.4B).
    expect(totalText("en", [7512, 850.2])).toBe("$8,350M");
    // A firm written $0 adds nothing and does not make the total finer.
    expect(totalText("en", [7512, 3311, 0.01])).toBe("$10.8B");
    expect(valuations.map((v) => shortMoney("zh-CN", v))).toEqual(["75.1亿美元", "33.1亿美元", "29.9亿美元", "16.9亿美元"]);
    expect(totalText("zh-CN", valuations)).toBe("155亿美元");
    // 144.4亿 + 9.8亿 is 154.2亿; and 170.7亿 + 46.3亿 + 43.9亿 + 35.9亿 is 296.8亿, what a leaderboard in 亿 adds up to (with 171亿 it read 297.1亿).
    expect(totalText("zh-CN", [14_440, 980])).toBe("154.2亿美元");
    expect(totalText("zh-CN", [17_068, 4630, 4390, 3590])).toBe("296.8亿美元");
  });
  test("above $10B a bubble keeps its $0.1B, so the total under the field agrees with the leaderboard's $M beside it: $20.2B, not $20B", () => {
    const valuations = [20_183, 3790, 3700, 3212];
    expect(valuations.map((v) => shortMoney("en", v))).toEqual(["$20.2B", "$3.8B", "$3.7B", "$3.2B"]);
    // The leaderboard writes $20,183M + $3,790M + $3,700M + $3,212M = $30,885M; the bubbles added read $30.9B (with "$20B" they read $30.7B).
    expect(totalText("en", valuations)).toBe("$30.9B");
    expect(shortMoney("en", 123_456)).toBe("$123.5B");
    expect(shortMoney("en", 20_000)).toBe("$20B");
  });
  test("written to the step its size picks, moneyTo and shortMoneyTo are money and shortMoney; a sum of written amounts reads exactly", () => {
    const rng = seedRng("written-to-a-step");
    for (const lang of LOCALES)
      for (let i = 0; i < 5000; i++) {
        const millions = 10 ** (nextFloat(rng) * 7 - 1) * (nextFloat(rng) < 0.1 ? -1 : 1);
        expect(moneyTo(lang, millions, moneyStep(lang, millions)), `${lang} ${millions}`).toBe(money(lang, millions));
        if (Math.abs(Math.abs(millions) - 1000) > 1)
          expect(shortMoneyTo(lang, millions, shortMoneyStep(lang, millions)), `${lang} ${millions}`).toBe(shortMoney(lang, millions));
        const parts = [millions, millions / 3, millions / 7].map((m) => Math.abs(m)).filter((m) => shortMoneyAmount(lang, m) !== 0);
        const text = totalText(lang, parts);
        const step = Math.min(...parts.map((m) => shortMoneyStep(lang, shortMoneyAmount(lang, m))));
        // The total as written is the sum of the parts as written, to the last digit it shows.
        expect(amountTo(totalAsShown(lang, parts), step), `${lang} ${parts.join(" + ")} = ${text}`).toBeCloseTo(totalAsShown(lang, parts), 6);
      }
  });
});
