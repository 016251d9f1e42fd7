import { describe, expect, test } from "vitest";
import { setLocale } from "../../client/i18n.js";
import { change, draftProblem, guideTitle, repeatWarning } from "../../client/panel/words.js";
import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import { translator } from "../../shared/i18n/catalog.js";
import { turnWordsFor } from "../../shared/words/turns.js";

describe("the panel's guide, which stays until dismissed", () => {
  test("it says 'your first turn' only on the first turn; later it says what it is (read on turn 20)", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const tr = translator(locale);
      for (const turns of [turnWordsFor(8), turnWordsFor(16)]) {
        const first = guideTitle(0, turns, tr);
        expect(first).toMatch(/first|第一/);
        for (const quarter of [1, 19]) {
          const later = guideTitle(quarter, turns, tr);
          expect(later).not.toMatch(/first|第一/);
          expect(later).not.toBe(first);
        }
      }
    }
  });
});

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

describe("what happens without a submission, in the panel's words", () => {
  const start = createGame(DEFAULT_CONFIG, "panel-words", [
    { id: "f1", name: "Northwind" },
    { id: "f2", name: "Helios" },
  ]);
  const firm = (state: typeof start) => {
    const f = state.firms.find((x) => x.id === "f1");
    if (!f) throw new Error("no firm f1");
    return f;
  };

  test("before the first quarter there is no last plan: the firm spends nothing (it said 'last turn's plan repeats')", () => {
    setLocale("en");
    expect(repeatWarning(start, firm(start), turnWordsFor(8))).toBe("Not submitted yet: without a submission, your firm spends nothing this turn.");
    expect(repeatWarning(start, firm(start), turnWordsFor(16))).toBe("Not submitted yet: without a submission, your firm spends nothing this quarter.");
    setLocale("zh-CN");
    expect(repeatWarning(start, firm(start), turnWordsFor(8))).toBe("尚未提交：如不提交，你的公司本回合不做任何投入。");
    setLocale("en");
  });

  test("after a quarter with a plan, that plan repeats", () => {
    setLocale("en");
    const { state } = resolveQuarter(
      start,
      { f1: { train: 10, apps: {}, efficiency: 0, compliance: 0, marketing: 0, raise: 0, distill: false, openWeights: false, hardware: "flexible" } },
      [],
    );
    expect(repeatWarning(state, firm(state), turnWordsFor(16))).toBe("Not submitted yet: without a submission, last quarter's plan repeats.");
  });
});

describe("a refused draft's words", () => {
  test('a negative amount asks for $0 or more (it read "$0M")', () => {
    setLocale("en");
    const text = draftProblem(
      { code: "NEGATIVE", field: "train", message: "" } as Parameters<typeof draftProblem>[0],
      () => "Train the model",
      { maxRaise: 10 },
      0,
      turnWordsFor(8),
    );
    expect(text).toBe("Train the model: enter an amount of $0 or more.");
  });
});
