import { describe, expect, test } from "vitest";
import { translator } from "../../shared/i18n/catalog.js";
import { EVENT_KINDS, REGIMES, SECTOR_IDS } from "../../shared/schemas/vocabulary.js";
import { eventSentence, injectionSentence, regimeName, sectorName } from "../../shared/words/events.js";
import { EXAMPLE_EVENTS } from "../helpers/events.js";

const en = translator("en");
const zh = translator("zh-CN");

const EXAMPLES = EXAMPLE_EVENTS;

describe("event and injection sentences in both languages", () => {
  test("every kind of the deck reads as one sentence in English and in Chinese, with no placeholder left", () => {
    for (const kind of EVENT_KINDS) {
      const english = eventSentence(EXAMPLES[kind], en);
      const chinese = eventSentence(EXAMPLES[kind], zh);
      expect(english, kind).toMatch(/^[A-Z"].+\.$/);
      expect(chinese, kind).toMatch(/[\u4e00-\u9fff].*。$/);
      expect(`${english}${chinese}`, kind).not.toMatch(/[{}]/);
    }
  });

  test("English is the default reader, so callers without `t` (the market ticker) still read English", () => {
    expect(eventSentence(EXAMPLES.gpuShock)).toBe("GPU shock: compute is 40% dearer for everyone.");
    expect(eventSentence({ kind: "gpuShock", scope: "vendor", factor: 0.7 })).toBe("GPU shock at a chip vendor: compute on locked contracts is 30% cheaper.");
    expect(eventSentence(EXAMPLES.adoptionWave)).toBe("Enterprise adoption wave: the medical diagnosis assistance market grows 30%.");
    expect(eventSentence(EXAMPLES.openRelease)).toContain("jumps 6 capability points");
  });

  test("plurals follow the number: 1 percentage point, 2 percentage points; Chinese has one form", () => {
    expect(eventSentence({ kind: "rateChange", delta: 0.01 }, en)).toMatch(/^Rate hike of 1 percentage point: /);
    expect(eventSentence({ kind: "rateChange", delta: 0.02 }, en)).toMatch(/^Rate hike of 2 percentage points: /);
    expect(eventSentence({ kind: "rateChange", delta: -0.0025 }, en)).toMatch(/^Rate cut of 0.25 percentage points: /);
    expect(eventSentence({ kind: "openRelease", jump: 1 }, en)).toContain("jumps 1 capability point,");
    expect(eventSentence({ kind: "rateChange", delta: 0.01 }, zh)).toBe("加息 1 个百分点：未来利润的现值下降，回调的可能性上升。");
    expect(eventSentence({ kind: "rateChange", delta: -0.02 }, zh)).toBe("降息 2 个百分点：未来利润的现值上升。");
  });

  test("Chinese uses the glossary's terms and the sector's Chinese name", () => {
    expect(eventSentence(EXAMPLES.selloff, zh)).toBe("万亿美元级抛售：市场情绪下跌 25%，回调的可能性上升。");
    expect(eventSentence(EXAMPLES.adoptionWave, zh)).toBe("企业采用浪潮：医疗辅助诊断市场规模增长 30%。");
    expect(injectionSentence({ kind: "disclosure", on: true }, zh)).toContain("单位经济效益");
    expect(injectionSentence({ kind: "regime", regime: "model" }, zh)).toBe("监管模式切换为：模型监管（许可证制度）。");
    expect(injectionSentence({ kind: "regime", regime: "model" })).toBe("Regime switch: model-level licences.");
  });

  test("every sector and regime has a name in both languages; an unknown id is shown as it is", () => {
    for (const id of SECTOR_IDS) {
      expect(sectorName(id, en)).not.toBe(id);
      expect(sectorName(id, zh)).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const regime of REGIMES) {
      expect(regimeName(regime, en)).not.toBe(regime);
      expect(regimeName(regime, zh)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(sectorName("mining", zh)).toBe("mining");
  });
});
