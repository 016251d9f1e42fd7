import { describe, expect, test } from "vitest";
import { totalAsShown, totalText } from "../../client/market/figures.js";
import { LOCALES } from "../../shared/i18n/core.js";
import { amountTo, money, moneyAmount, moneyStep, moneyTo, shortMoney, shortMoneyStep, shortMoneyTo } from "../../shared/i18n/format.js";
import { nextFloat, seedRng } from "../../shared/rng.js";

describe("the field's market total against the figures beside it", () => {
  test("the total is the sum of the valuations as the leaderboard and the bubbles write them, to the $M: $18,112M + $8,175M + $2,026M + $999M is $29,312M", () => {
    const valuations = [18_112.4, 8175.2, 2026.3, 999.4];
    expect(valuations.map((v) => money("en", v))).toEqual(["$18,112M", "$8,175M", "$2,026M", "$999M"]);
    // Written short, the bubbles ($18.1B …) and this total ($29,299M, or $29.3B) each agreed with another list.
    expect(totalText("en", valuations)).toBe("$29,312M");
    // Three firms at $1,240.4M read $1,240M each: the total reads $3,720M, what a reader adding them gets (not $3,721M).
    expect(totalText("en", [1240.4, 1240.4, 1240.4])).toBe("$3,720M");
    // A firm under $100M writes to the $0.1M: the total keeps it; a firm written $0 adds nothing and does not make the total finer.
    expect(totalText("en", [7512, 45.34])).toBe("$7,557.3M");
    expect(totalText("en", [7512, 3311, 0.01])).toBe("$10,823M");
    // Chinese: 亿 to one decimal, as money() writes it.
    expect([17_068, 4630, 4390, 3590].map((v) => money("zh-CN", v))).toEqual(["170.7亿美元", "46.3亿美元", "43.9亿美元", "35.9亿美元"]);
    expect(totalText("zh-CN", [17_068, 4630, 4390, 3590])).toBe("296.8亿美元");
  });
  test("a short figure at a half step rounds away from zero as every figure does: $1.15B reads $1.2B (it read $1.1B)", () => {
    expect(shortMoney("en", 1150)).toBe("$1.2B");
    expect(shortMoney("en", -19_950)).toBe("−$20B");
    // Every half of $0.1B from $1B to $200B, both signs: the text read back is the amount.
    for (let k = 10; k < 2000; k++)
      for (const sign of [1, -1]) {
        const millions = sign * (k * 100 + 50);
        const text = shortMoney("en", millions);
        const read = Number(text.replace("−", "-").replace("$", "").replace("B", "")) * 1000;
        expect(read, `${millions} → ${text}`).toBeCloseTo(amountTo(millions, shortMoneyStep("en", millions)), 6);
      }
  });
  test("a trillion keeps its decimal in Chinese: $1.4T is 1.4万亿美元, not 1万亿美元", () => {
    expect(shortMoney("zh-CN", 1_400_000)).toBe("1.4万亿美元");
    expect(shortMoney("zh-CN", 15_000)).toBe("150亿美元");
  });
});

describe("figures written to a given step", () => {
  test("short money (charts' axes and scale) keeps $0.1B above $10B and 0.1亿 above 100亿", () => {
    expect(shortMoney("en", 20_183)).toBe("$20.2B");
    expect(shortMoney("zh-CN", 17_068)).toBe("170.7亿美元");
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
        const parts = [millions, millions / 3, millions / 7].map((m) => Math.abs(m)).filter((m) => moneyAmount(lang, m) !== 0);
        const text = totalText(lang, parts);
        const step = Math.min(...parts.map((m) => moneyStep(lang, moneyAmount(lang, m))));
        // The total as written is the sum of the parts as written, to the last digit it shows.
        expect(amountTo(totalAsShown(lang, parts), step), `${lang} ${parts.join(" + ")} = ${text}`).toBeCloseTo(totalAsShown(lang, parts), 6);
        expect(text).toBe(moneyTo(lang, totalAsShown(lang, parts), step));
      }
  });
});
