import { describe, expect, it } from "vitest";
import { checkEconomy, economyChanges, economyKeyLabel, economyTextProblem, plainIssue } from "../../client/ui/economy-words.js";
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

describe("a designer's economy changes, as students and teachers read them", () => {
  it("each changed key is named in words (a sector's setting by the sector, else its group), never as a key path, in both languages", () => {
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(economyKeyLabel("sectors.media.servingCost", en)).toBe("Synthetic video and audio: serving cost");
    expect(economyKeyLabel("sectors.media.servingCost", zh)).toBe("合成音视频：服务成本");
    expect(economyKeyLabel("valuation.multiple", en)).toBe("Valuation");
    expect(economyKeyLabel("financing.appetite", zh)).toBe("融资");
    // A key outside the known groups (a typo the schema would refuse) is shown as written, for the designer.
    expect(economyKeyLabel("nonsense.key", en)).toBe("nonsense.key");
    const economy = JSON.stringify({ sectors: { media: { servingCost: 0.5 } }, valuation: { multiple: 30, riskPremium: 0.09 } });
    const changes = economyChanges("ai-2025", economy, en);
    expect(changes.count).toBe(3);
    expect(changes.labels).toEqual(["Synthetic video and audio: serving cost", "Valuation"]);
    for (const label of [...changes.labels, ...economyChanges("ai-2025", economy, zh).labels]) expect(label).not.toMatch(/\w\.\w|[a-z][A-Z]/);
  });
});
