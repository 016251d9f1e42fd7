import { describe, expect, it } from "vitest";
import { checkEconomy, economyTextProblem, plainIssue } from "../../client/ui/economy-words.js";
import { parseEconomyText } from "../../shared/config/override.js";
import { translator } from "../../shared/i18n/catalog.js";

const HAN = /[\u4e00-\u9fff]/;

describe("an economy override's problems in words, from codes", () => {
  it("words a value's limit from the schema's code, in English and in Chinese", () => {
    expect(checkEconomy("ai-2025", 12, { sectors: { media: { servingCost: -1 } } })).toEqual(["sectors.media.servingCost: too small: it must be at least 0"]);
    expect(plainIssue({ problem: "tooSmall", min: 0, inclusive: true }, translator("zh-CN"))).toBe("太小：至少应为 0");
    expect(plainIssue({ problem: "unknownKey" }, translator("zh-CN"))).toMatch(HAN);
    expect(plainIssue({ problem: "founderShares", founderShares: 9, shares: 5 }, translator("en"))).toBe(
      "founder shares (9) exceed the shares outstanding (5)",
    );
  });

  it("words a text that is not an override, in both languages", () => {
    for (const text of ["{api: 1}", "[1, 2]", "x".repeat(17 * 1024)]) {
      const parsed = parseEconomyText(text);
      if (parsed.ok) throw new Error(`${text.slice(0, 10)} was read`);
      expect(economyTextProblem(parsed.error, translator("en"))).toMatch(/^it /);
      expect(economyTextProblem(parsed.error, translator("zh-CN"))).toMatch(HAN);
    }
  });
});
