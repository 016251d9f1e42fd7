import { describe, expect, test } from "vitest";
import { CATALOG } from "../../shared/i18n/catalog.js";
import type { Message } from "../../shared/i18n/core.js";

/** Every Chinese text of the catalogs, each plural form on its own, with its key. */
function chineseTexts(): [string, string][] {
  return Object.entries(CATALOG).flatMap(([area, messages]) =>
    Object.entries(messages["zh-CN"] as Record<string, Message>).flatMap(([key, message]) =>
      typeof message === "string"
        ? [[`${area}.${key}`, message] as [string, string]]
        : Object.values(message).map((text) => [`${area}.${key}`, text] as [string, string]),
    ),
  );
}

describe("the Chinese catalog's wording", () => {
  test("a count of quarters or turns that describes something takes its measure word (16 个季度的游戏, not 16 季度的游戏); an ordinal (第 3 季度的) needs none", () => {
    // A number or a placeholder, then 季度的 / 回合的, once ordinals (第 3 …) are set aside; "共 8 回合" in a status line is fine.
    const bare = /(?:\d+|\{\w+\}) ?(?:季度|回合)的/u;
    expect(chineseTexts().filter(([, text]) => bare.test(text.replace(/第 ?(?:\d+|\{\w+\}) ?/gu, "第")))).toEqual([]);
  });
});
