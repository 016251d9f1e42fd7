import { describe, expect, test } from "vitest";
import { setLocale } from "../../client/i18n.js";
import { rampFigures, rampWarning, spanWarning } from "../../client/panel/growth.js";
import { preview } from "../../client/panel/preview.js";
import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import type { FirmState, GameState } from "../../shared/engine/types.js";
import type { Action } from "../../shared/schemas/action.js";
import { turnWordsFor } from "../../shared/words/turns.js";

const idle: Action = { train: 0, apps: {}, efficiency: 0, compliance: 0, marketing: 0, raise: 0, distill: false, openWeights: false, hardware: "flexible" };
const act = (a: Partial<Action>): Action => ({ ...idle, ...a });

function game(quarters: number): GameState {
  return createGame({ ...DEFAULT_CONFIG, quarters }, "panel-growth", [
    { id: "f1", name: "Northwind" },
    { id: "f2", name: "Helios" },
  ]);
}
const f1 = (state: GameState): FirmState => {
  const f = state.firms.find((x) => x.id === "f1");
  if (!f) throw new Error("no firm f1");
  return f;
};

describe("the panel warns of the cost of growing fast before the player pays it", () => {
  const q16 = turnWordsFor(16);

  test("a first quarter within $500M has no warning; $800M at once says what is free and what the rest costs ($99M: a third of the $300M above it)", () => {
    setLocale("en");
    const start = game(16);
    expect(rampWarning(start, f1(start), act({ train: 350, marketing: 150 }), q16)).toBeNull();
    const big = act({ train: 500, efficiency: 300 });
    expect(rampFigures(start, f1(start), big)).toMatchObject({ spend: 800, free: 500, cost: 99, last: null });
    expect(rampWarning(start, f1(start), big, q16)).toBe(
      "Spending above $500M this quarter — more than a young firm's organisation takes on at once — costs more in hiring and integration: this plan spends $800M and pays $99.0M more in operating costs.",
    );
    setLocale("zh-CN");
    expect(rampWarning(start, f1(start), big, q16)).toBe(
      "本季度投入超过 5亿美元（超出初创公司一次能消化的规模）会额外产生招聘和整合成本：此方案投入 8亿美元，运营成本将多出 9900万美元。",
    );
    setLocale("en");
  });

  test("after a $600M quarter, spending is free up to 25% more ($750M) and $900M pays $49.5M (a third of the $150M above it)", () => {
    setLocale("en");
    const { state } = resolveQuarter(game(16), { f1: act({ train: 600 }) }, []);
    expect(rampWarning(state, f1(state), act({ train: 750 }), q16)).toBeNull();
    expect(rampWarning(state, f1(state), act({ train: 600, efficiency: 300 }), q16)).toBe(
      "Spending above $750M this quarter — 25% more than last quarter's $600M — costs more in hiring and integration: this plan spends $900M and pays $49.5M more in operating costs.",
    );
  });

  test("an 8-quarter game speaks of turns, and a turn absorbs 56% more", () => {
    setLocale("en");
    const { state } = resolveQuarter(game(8), { f1: act({ train: 1000 }) }, []);
    expect(rampWarning(state, f1(state), act({ train: 1000, efficiency: 1000 }), turnWordsFor(8))).toMatch(
      /^Spending above \$1,563M this turn — 56% more than last turn's \$1,000M — costs more .* pays \$\d/,
    );
  });

  test("the estimate's growth overhead is the same figure the warning names (one formula: the engine's)", () => {
    const start = game(16);
    const big = act({ train: 500, efficiency: 300 });
    const result = preview(start, "f1", big);
    if (!result.ok) throw new Error("draft refused");
    expect(result.next.rampCost).toBeCloseTo(rampFigures(start, f1(start), big).cost, 9);
    const steady = preview(start, "f1", act({ train: 400 }));
    expect(steady.ok && steady.next.rampCost).toBe(0);
  });

  test("training while integrating into more than three sectors: integration runs at 1/(1 + 3k) of its speed", () => {
    setLocale("en");
    const apps = { support: 20, industrial: 20, finance: 20 };
    expect(spanWarning(DEFAULT_CONFIG, act({ train: 100, apps }))).toBeNull();
    expect(spanWarning(DEFAULT_CONFIG, act({ apps: { ...apps, media: 20, driving: 20 } }))).toBeNull();
    expect(spanWarning(DEFAULT_CONFIG, act({ train: 100, apps: { ...apps, media: 20 } }))).toBe(
      "Training while integrating into 4 sectors: integration runs at 25% of its speed in each (more than 3 sectors at once spread your managers thin).",
    );
    expect(spanWarning(DEFAULT_CONFIG, act({ train: 100, apps: { ...apps, media: 20, driving: 20 } }))).toContain("5 sectors: integration runs at 14%");
    setLocale("zh-CN");
    expect(spanWarning(DEFAULT_CONFIG, act({ train: 100, apps: { ...apps, media: 20 } }))).toBe(
      "一边训练模型一边进入 4 个行业：每个行业的整合只能以正常速度的 25% 推进（同时超过 3 个行业，管理层会分身乏术）。",
    );
    setLocale("en");
  });
});
