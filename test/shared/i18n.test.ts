import { describe, expect, it } from "vitest";
import { CATALOG, translate } from "../../shared/i18n/catalog.js";
import { fill, localeFromPreferences, type Message, placeholdersOf } from "../../shared/i18n/core.js";
import { list, money, number, percent, sharePercent, shortMoney, tableAmount } from "../../shared/i18n/format.js";

const areas = Object.entries(CATALOG) as [string, { en: Record<string, Message>; "zh-CN": Record<string, Message> }][];

describe("catalogs", () => {
  it("give every key in both languages", () => {
    for (const [area, { en, "zh-CN": zh }] of areas) {
      expect(Object.keys(zh).sort(), `${area}: keys in zh-CN`).toEqual(Object.keys(en).sort());
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const [area, { en, "zh-CN": zh }] of areas) {
      for (const [key, message] of Object.entries(en)) {
        const other = zh[key] as Message;
        expect([...placeholdersOf(other)].sort(), `${area}.${key}`).toEqual([...placeholdersOf(message)].sort());
        expect(typeof other, `${area}.${key}: a plural in one language is a plural in the other`).toBe(typeof message);
      }
    }
  });

  it("have no empty texts, and plurals give English both forms", () => {
    for (const [area, { en, "zh-CN": zh }] of areas) {
      for (const [key, message] of [...Object.entries(en), ...Object.entries(zh)]) {
        const texts = typeof message === "string" ? [message] : Object.values(message);
        for (const text of texts) expect(text.trim(), `${area}.${key}`).not.toBe("");
      }
      for (const [key, message] of Object.entries(en)) {
        if (typeof message !== "string") expect(message.one, `${area}.${key}: English singular`).toBeDefined();
      }
    }
  });

  it("give every line a player reads with a quarter in it a variant for games whose turn is not a quarter, which says turn", () => {
    // Lines read during a game of any length (shared/words/turns.ts picks the ".turn" variant).
    const turned = ["report.sectors.none", "panel.guide.submit.line", "panel.error.HARDWARE_LOCKED", "panel.error.RAISE_OVER_APPETITE", "console.log.endGame"];
    const keys = new Set(areas.flatMap(([area, { en }]) => Object.keys(en).map((key) => `${area}.${key}`)));
    for (const key of turned) expect(keys.has(`${key}.turn`), `${key}.turn`).toBe(true);
    for (const [area, { en, "zh-CN": zh }] of areas) {
      for (const key of Object.keys(en).filter((k) => k.endsWith(".turn"))) {
        // The words, without their placeholders ("{quarter}" is a number).
        const texts = (m: Message | undefined) => (m === undefined ? [] : typeof m === "string" ? [m] : Object.values(m)).map((x) => x.replace(/\{\w+\}/g, ""));
        for (const text of texts(en[key])) expect(text, `${area}.${key}`).not.toMatch(/quarter/i);
        for (const text of texts(zh[key])) expect(text, `${area}.${key} (zh-CN)`).not.toMatch(/季/);
      }
    }
  });

  it("write a name (a firm's, a player's, a room's) against Chinese text without a space, as most lines do: 由{name}提交, {firm}的估值", () => {
    const named = /[\u4e00-\u9fff] \{(firm|name|names|host|title|by)\}|\{(firm|name|names|host|title|by)\} [\u4e00-\u9fff]/;
    for (const [area, { "zh-CN": zh }] of areas) {
      for (const [key, message] of Object.entries(zh)) {
        for (const text of typeof message === "string" ? [message] : Object.values(message)) expect(text, `${area}.${key}`).not.toMatch(named);
      }
    }
  });

  it("fill placeholders and choose plural forms per language", () => {
    expect(translate("en", "common.quarters.count", { count: 1 })).toBe("1 quarter");
    expect(translate("en", "common.quarters.count", { count: 12 })).toBe("12 quarters");
    expect(translate("zh-CN", "common.quarters.count", { count: 12 })).toBe("12 个季度");
    expect(translate("zh-CN", "common.term.valuation")).toBe("估值");
  });
});

describe("language from the browser", () => {
  it("reads Simplified Chinese from zh, zh-CN and zh-Hans, else English", () => {
    expect(localeFromPreferences(["zh-CN", "en"])).toBe("zh-CN");
    expect(localeFromPreferences(["zh"])).toBe("zh-CN");
    expect(localeFromPreferences(["zh-Hans-HK"])).toBe("zh-CN");
    expect(localeFromPreferences(["en-US", "zh-CN"])).toBe("en");
    expect(localeFromPreferences(["fr-FR"])).toBe("en");
    expect(localeFromPreferences([])).toBe("en");
  });
});

describe("formats", () => {
  it("write money in dollars for English and with 万/亿 for Chinese", () => {
    expect(money("en", 1234.5)).toBe("$1,235M");
    expect(money("en", 12.34)).toBe("$12.3M");
    // Nothing is "$0", not "$0.0M" (a delisted firm's score and valuation in the final standings).
    expect(money("en", 0)).toBe("$0");
    expect(money("en", -0.01)).toBe("$0");
    expect(money("en", 0.06)).toBe("$0.1M");
    expect(shortMoney("en", 1500)).toBe("$1.5B");
    expect(money("zh-CN", 1234.5)).toBe("12.3亿美元");
    expect(money("zh-CN", 1.5)).toBe("150万美元");
    // Below 1亿, to $0.1M as English ("$84.8M"): not "8479.3万美元".
    expect(money("zh-CN", 84.793)).toBe("8480万美元");
    expect(money("zh-CN", -0.5)).toBe("\u221250万美元");
    expect(shortMoney("zh-CN", 12000)).toBe("120亿美元");
  });

  it('write a tiny amount by one rule in both languages: to $0.1M, and what rounds to nothing is 0 (was "$0" in English, "4000美元" in Chinese)', () => {
    for (const tiny of [0.004, -0.004, 0.03, -0.049]) {
      expect(money("en", tiny)).toBe("$0");
      expect(money("zh-CN", tiny)).toBe("0美元");
      expect(shortMoney("en", tiny)).toBe("$0");
      expect(shortMoney("zh-CN", tiny)).toBe("0美元");
    }
    expect([money("en", 0.06), money("zh-CN", 0.06)]).toEqual(["$0.1M", "10万美元"]);
    expect([money("en", 12.34), money("zh-CN", 12.34), shortMoney("zh-CN", 12.34)]).toEqual(["$12.3M", "1230万美元", "1230万美元"]);
    expect([money("en", 99.96), money("zh-CN", 99.96)]).toEqual(["$100M", "1亿美元"]);
  });

  it("write a negative figure the same way in both languages: the minus sign first, before the currency", () => {
    expect(money("en", -12.34)).toBe("\u2212$12.3M");
    expect(money("zh-CN", -123)).toBe("\u22121.2亿美元");
    expect(shortMoney("en", -1500)).toBe("\u2212$1.5B");
    expect(shortMoney("en", -250)).toBe("\u2212$250M");
    expect(shortMoney("zh-CN", -12000)).toBe("\u2212120亿美元");
    expect(percent("en", -0.25)).toBe("\u221225%");
    expect(percent("zh-CN", -0.25)).toBe("\u221225%");
    expect(number("zh-CN", -3.5)).toBe("\u22123.5");
    for (const locale of ["en", "zh-CN"] as const) {
      for (const text of [money(locale, -5), shortMoney(locale, -5), percent(locale, -0.1), number(locale, -1)]) expect(text).not.toContain("-");
    }
  });

  it("write a range's two ends with the same decimals: the panel's capability 40.9–45.0, not 40.9–45", () => {
    expect(number("en", 45, 1, true)).toBe("45.0");
    expect(number("zh-CN", 40.94, 1, true)).toBe("40.9");
    expect(number("en", 45)).toBe("45");
  });

  it("write percentages and lists for the language", () => {
    expect(percent("en", 0.25)).toBe("25%");
    expect(list("en", ["a", "b", "c"])).toBe("a, b and c");
    expect(list("zh-CN", ["甲", "乙", "丙"])).toBe("甲、乙和丙");
  });

  it("write a share that is not zero never as '0%' (the report card showed 0% customers beside $0.5M revenue)", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      expect(sharePercent(locale, 0.0004, 1)).toBe("<0.1%");
      expect(sharePercent(locale, 0.004, 0)).toBe("<1%");
      expect(sharePercent(locale, 0.0006, 1)).toBe("0.1%");
      expect(sharePercent(locale, 0, 1)).toBe("0%");
      expect(sharePercent(locale, 0.25)).toBe("25%");
    }
  });
});

describe("Chinese spacing where a value meets its sentence", () => {
  it("one rule, the catalog's own (第 3 回合, 有 73% 来自): a space between Chinese and a Latin letter or digit, none between two Chinese characters — the debrief read 'Cobalt的估值中有 73%…（660亿美元 中的…）'", () => {
    const peak = translate("zh-CN", "debrief.caption.valuation.peakEnd", {
      peak: "第 6 回合",
      firm: "Cobalt",
      share: "73%",
      valuation: money("zh-CN", 66000),
      narrative: money("zh-CN", 48330),
      end: "第 8 回合",
      endShare: "67%",
    });
    expect(peak).toBe("在市场峰值（第 6 回合），Cobalt 的估值中有 73% 来自叙事（660亿美元中的 483.3亿美元）；到期末（第 8 回合），叙事占 Cobalt 估值的 67%。");
    // A Chinese name takes no space; English is untouched.
    expect(fill("zh-CN", "{firm}的估值为 {value}。", { firm: "北风", value: money("zh-CN", 120) })).toBe("北风的估值为 1.2亿美元。");
    expect(fill("zh-CN", "（{firm}）{n} 家", { firm: "Helios", n: 3 })).toBe("（Helios）3 家");
    expect(fill("en", "{firm}'s value", { firm: "Cobalt" })).toBe("Cobalt's value");
    // A missing value stays visible, as before.
    expect(fill("zh-CN", "{firm}的估值", {})).toBe("{firm}的估值");
    // Lists of names follow the same rule.
    expect(list("zh-CN", ["Helios", "Cobalt"])).toBe("Helios 和 Cobalt");
    expect(list("zh-CN", ["Helios", "北风", "Cobalt"])).toBe("Helios、北风和 Cobalt");
  });

  it("the debrief's data table names the unit its figures use: 亿美元 in Chinese (it said 百万美元 beside charts in 亿美元), $M in English", () => {
    for (const key of ["debrief.figures.valuation", "debrief.figures.valuation.turn"] as const) {
      expect(translate("zh-CN", key, {})).toContain("（亿美元）");
      expect(translate("en", key, {})).toContain("($M)");
    }
    // The figure is the money as the rest of the page writes it, without its unit.
    expect(money("zh-CN", 24990)).toBe("249.9亿美元");
    expect(tableAmount("zh-CN", 24990)).toBe("249.9");
    expect(tableAmount("zh-CN", 84.79)).toBe("0.85");
    expect(tableAmount("en", 24990.4)).toBe("24,990");
  });
});
