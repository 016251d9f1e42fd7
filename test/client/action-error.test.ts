import { afterAll, describe, expect, test } from "vitest";
import { locale, setLocale } from "../../client/i18n.js";
import { actionErrorText, fieldLabel, rejectionText } from "../../client/ui/action-error.js";
import { ACTION_ERROR_CODES, type ActionErrorCode } from "../../shared/engine/validate.js";
import { translate } from "../../shared/i18n/catalog.js";
import { LOCALES } from "../../shared/i18n/core.js";
import { SECTOR_IDS } from "../../shared/schemas/vocabulary.js";
import { turnWordsFor } from "../../shared/words/turns.js";

/** What a person must never read: field paths, camelCase names, codes, placeholders left unfilled. */
const LEAK = /\bapps\.\w+|\b[a-z]+[A-Z]\w*\b|\b[A-Z]+_[A-Z_]+\b|\{\w+\}|undefined|NaN/;

/** Each code with the parameters the engine gives it (validate.ts). */
const WITH_PARAMS: Record<ActionErrorCode, { field?: string; value?: number; limit?: number }> = {
  BAD_SHAPE: { field: "train" },
  UNKNOWN_FIELD: { field: "bribe" },
  UNKNOWN_SECTOR: { field: "apps.moon" },
  NOT_FINITE: { field: "marketing", value: Number.NaN },
  NEGATIVE: { field: "apps.support", value: -100 },
  UNKNOWN_FIRM: {},
  GAME_OVER: { limit: 8 },
  DELISTED: {},
  OPEN_WEIGHTS_IRREVERSIBLE: { field: "openWeights" },
  HARDWARE_LOCKED: { field: "hardware", limit: 3 },
  ALREADY_DISTILLED: { field: "distill" },
  RAISE_OVER_APPETITE: { field: "raise", value: 1500, limit: 1000 },
  OVER_BUDGET: { value: 1250, limit: 1000 },
};

const start = locale();
afterAll(() => setLocale(start));

describe.each(LOCALES)("every engine refusal worded in %s", (lang) => {
  test("each code, with and without its parameters, reads as a sentence without ids, paths or codes", () => {
    setLocale(lang);
    for (const code of ACTION_ERROR_CODES) {
      for (const params of [WITH_PARAMS[code], {}]) {
        const text = actionErrorText({ code, ...params });
        expect(text, `${code} ${JSON.stringify(params)}`).not.toMatch(LEAK);
        expect(text.length, code).toBeGreaterThan(8);
        expect(text, code).not.toBe(translate(lang, "panel.error.other"));
      }
    }
  });

  test("the parameters appear in the words: the field's label, the amount typed, the limits", () => {
    setLocale(lang);
    const negative = actionErrorText({ code: "NEGATIVE", field: "apps.support", value: -100 });
    expect(negative).toContain(translate(lang, "sectors.support"));
    expect(negative).toContain("−100");
    const raise = actionErrorText({ code: "RAISE_OVER_APPETITE", field: "raise", value: 1500, limit: 1000 });
    const over = actionErrorText({ code: "OVER_BUDGET", value: 1250, limit: 1000 });
    if (lang === "en") {
      expect(raise).toBe("Investors take at most $1,000M of new shares this quarter: lower Raise equity by $500M.");
      expect(over).toBe("This plan spends $1,250M, but you have $1,000M (cash plus what you raise): $250M too much.");
      expect(actionErrorText({ code: "HARDWARE_LOCKED", field: "hardware", limit: 3 })).toContain("quarter 3");
    } else {
      expect(raise).toBe("本季度投资者最多认购 10亿美元的新股：请将股权融资减少 5亿美元。");
      expect(over).toContain("12.5亿美元");
      expect(actionErrorText({ code: "HARDWARE_LOCKED", field: "hardware", limit: 3 })).toContain("第 3 季度");
      // Chinese words, not English left over.
      for (const code of ACTION_ERROR_CODES) expect(actionErrorText({ code, ...WITH_PARAMS[code] }), code).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  test("in a game whose turn is not a quarter of the story (8 quarters), the lock and the investors' limit name the turn", () => {
    setLocale(lang);
    const eight = turnWordsFor(8);
    const locked = actionErrorText({ code: "HARDWARE_LOCKED", field: "hardware", limit: 3 }, eight);
    const raise = actionErrorText({ code: "RAISE_OVER_APPETITE", field: "raise", value: 1500, limit: 1000 }, eight);
    const bare = actionErrorText({ code: "RAISE_OVER_APPETITE", field: "raise" }, eight);
    const refused = rejectionText(
      { code: "ILLEGAL_ACTION", message: "hardware locked", engineCode: "HARDWARE_LOCKED", issues: [{ path: "hardware", message: "" }], params: { limit: 3 } },
      eight,
    );
    expect(refused).toBe(locked);
    if (lang === "en") {
      expect(locked).toBe("Your compute contract is locked until the end of turn 3: it cannot go back to flexible yet.");
      expect(raise).toBe("Investors take at most $1,000M of new shares this turn: lower Raise equity by $500M.");
      expect(bare).toBe("Investors will not buy that many new shares this turn: lower Raise equity.");
    } else {
      expect(locked).toBe("你的算力合约锁定至第 3 回合末：目前还不能改回灵活。");
      expect(raise).toBe("本回合投资者最多认购 10亿美元的新股：请将股权融资减少 5亿美元。");
      expect(bare).toBe("本回合投资者不会认购这么多新股：请减少股权融资。");
    }
    for (const text of [locked, raise, bare]) expect(text).not.toMatch(/quarter|季/);
    // A 16-quarter game plays a quarter a turn and says so.
    expect(actionErrorText({ code: "HARDWARE_LOCKED", field: "hardware", limit: 3 }, turnWordsFor(16))).toContain(lang === "en" ? "quarter 3" : "第 3 季度");
  });

  test("every field is named by its label, every sector by its name; an unknown one in general words", () => {
    setLocale(lang);
    for (const field of ["train", "efficiency", "compliance", "marketing", "raise", "distill", "openWeights", "hardware"])
      expect(fieldLabel(field)).not.toMatch(LEAK);
    for (const id of SECTOR_IDS) expect(fieldLabel(`apps.${id}`)).toBe(translate(lang, `sectors.${id}`));
    expect(fieldLabel("apps.moon")).toBe(translate(lang, "panel.field.someSector"));
    expect(fieldLabel("bribe")).toBe(translate(lang, "panel.field.some"));
  });

  test("a server refusal is worded from its codes, never from the server's English message", () => {
    setLocale(lang);
    const message = "apps.support must be ≥ 0, got -100";
    const illegal = rejectionText({ code: "ILLEGAL_ACTION", message, engineCode: "NEGATIVE", issues: [{ path: "apps.support", message }] });
    expect(illegal).toBe(translate(lang, "panel.error.NEGATIVE.bare", { label: translate(lang, "sectors.support") }));
    // With the engine's numbers (the rejection's params), the refusal says them.
    const over = rejectionText({
      code: "ILLEGAL_ACTION",
      message: "",
      engineCode: "OVER_BUDGET",
      issues: [{ path: "", message: "" }],
      params: { value: 1250, limit: 1000 },
    });
    expect(over).toBe(actionErrorText({ code: "OVER_BUDGET", value: 1250, limit: 1000 }));
    for (const code of ["WRONG_PHASE", "NO_FIRM", "NOT_YOUR_FIRM", "RATE_LIMITED", "TOO_LARGE"] as const) {
      const text = rejectionText({ code, message: "you can submit an action only in the decide phase", issues: [] });
      expect(text).not.toContain("decide phase");
      expect(text).not.toMatch(LEAK);
    }
  });
});
