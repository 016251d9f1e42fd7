import { describe, expect, test } from "vitest";
import type { Locale } from "../../shared/i18n/core.js";
import { FACILITATOR_MESSAGE_TYPES, type LogEntry, type LogParams } from "../../shared/schemas/protocol.js";
import { logSentence } from "../../shared/words/log.js";
import { turnWordsFor } from "../../shared/words/turns.js";

const at = Date.UTC(2026, 0, 1);
const entry = (command: string, params: LogParams): LogEntry => ({ at, quarter: 1, phase: "decide", command, params });

/** One logged example per command the log holds (the facilitator's controls and the host's lobby powers), with its English words. */
const EXAMPLES: Record<string, [LogParams, string]> = {
  pause: [{ phase: "decide", seconds: 250 }, "Paused the decision timer with 250 s left"],
  resume: [{ phase: "news", seconds: 12.5 }, "Resumed the news timer with 12.5 s left"],
  extend: [{ phase: "decide", added: 60, seconds: 260, paused: true }, "Extended the decision phase by 60 s (260 s left, paused)"],
  forceNext: [{ from: "decide", quarter: 2, missing: ["Helios", "Cobalt"] }, "Resolved quarter 2 now; Helios and Cobalt repeat their last action"],
  inject: [{ quarter: 3, injection: { kind: "regime", regime: "model" } }, "Queued for quarter 3: Regime switch: model-level licences."],
  renamePlayer: [{ from: "Ada", to: "Ada L." }, "Renamed player “Ada” to “Ada L.”"],
  removePlayer: [{ player: "Cy", firm: "Helios", teammates: 1 }, "Removed “Cy” from Helios; 1 teammate still plays it"],
  replaceWithBot: [{ player: "Ada", firm: "Northwind", bot: "scaler", open: false }, "Replaced “Ada” in Northwind; the scaler bot plays it from now on"],
  endGame: [{ quarter: 2, quarters: 8, dropped: 1 }, "Ended the game after quarter 2 of 8; 1 queued injection dropped"],
  start: [{ firms: 5, humans: 1, bots: 4, quarters: 6 }, "Started the game: 5 firms (1 played by people, 4 by bots), 6 quarters"],
  addBot: [{ bot: "open", firm: "Cobalt" }, "Added a seat played by the open bot (Cobalt)"],
  setBot: [{ firm: "Cobalt", bot: "pivot" }, "Cobalt is played by the pivot bot when no player holds it"],
  removeBot: [{ firms: 4 }, "Removed a bot seat: 4 firms now"],
  letBackIn: [{ player: "Ada", minutes: 5 }, "Let “Ada” back in: the device that asked may join for 5 minutes"],
  configure: [
    { settings: { quarters: 6, private: true, bots: ["scaler", "open"], economy: ["rates.hype", "sectors.media.servingCost"] } },
    "Changed the settings: 6 turns, not listed publicly, bots scaler and open and custom economy (2 values changed: rates.hype and sectors.media.servingCost)",
  ],
};

describe("the facilitator's log in words, from its codes and parameters", () => {
  test("every command the log holds has words in English and in Chinese, with no placeholder or code left", () => {
    for (const command of [...FACILITATOR_MESSAGE_TYPES, "start", "addBot", "setBot", "removeBot", "letBackIn", "configure"]) {
      const example = EXAMPLES[command];
      expect(example, command).toBeDefined();
      if (!example) continue;
      const [params, english] = example;
      expect(logSentence(entry(command, params), "en"), command).toBe(english);
      const chinese = logSentence(entry(command, params), "zh-CN");
      expect(chinese, command).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese, command).not.toMatch(/[{}]|console\./);
    }
  });

  test("Chinese reads as Chinese: the timer, the firms listed with 、/和, the bot's name", () => {
    const zh = (command: string) => logSentence(entry(command, EXAMPLES[command]?.[0] ?? {}), "zh-CN" satisfies Locale);
    expect(zh("pause")).toBe("暂停了决策计时，剩余 250 秒");
    expect(zh("forceNext")).toBe("立即结算了第 2 季；Helios 和 Cobalt 重复上一季度的操作");
    expect(zh("replaceWithBot")).toBe("替换了 Northwind 的“Ada”；此后由规模派机器人玩家操作");
    expect(zh("inject")).toBe("已排入第 3 季：监管模式切换为：模型监管（许可证制度）。");
  });

  test("the variants: a decision forced with every firm in, a removal in the lobby, a game ended with nothing queued, the news and the report forced", () => {
    expect(logSentence(entry("forceNext", { from: "decide", quarter: 1, missing: [] }))).toBe("Resolved quarter 1 now");
    // The first quarter has no earlier action: a firm that did not decide made no move (it did not "repeat" anything).
    expect(logSentence(entry("forceNext", { from: "decide", quarter: 1, missing: ["Helios"] }))).toBe(
      "Resolved quarter 1 now; Helios made no move (nothing to repeat yet)",
    );
    expect(logSentence(entry("forceNext", { from: "decide", quarter: 1, missing: ["Helios"] }), "zh-CN")).toBe(
      "立即结算了第 1 季；Helios 本季没有行动（还没有可重复的操作）",
    );
    expect(logSentence(entry("forceNext", { from: "news", quarter: 1 }))).toBe("Ended the news of quarter 1 early: decisions are open");
    expect(logSentence(entry("forceNext", { from: "report", quarter: 2 }))).toBe("Ended the report of quarter 1 early: quarter 2 begins");
    expect(logSentence(entry("removePlayer", { player: "Ada", firm: "Northwind", bot: "balanced", open: true }))).toBe(
      "Removed “Ada” from Northwind; the seat is open again (bot: balanced)",
    );
    expect(logSentence(entry("removePlayer", { player: "Ada", firm: null }))).toBe("Removed “Ada” from no firm");
    expect(logSentence(entry("endGame", { quarter: 3, quarters: 8, dropped: 0 }))).toBe("Ended the game after quarter 3 of 8");
    expect(logSentence(entry("configure", { settings: { economy: [] } }))).toBe("Changed the settings: the scenario's own economy");
  });

  test("a game whose turn is not a quarter of the story says turn, in English and in Chinese; a 16-quarter game says quarter", () => {
    const eight = turnWordsFor(8);
    const en = (command: string, params: LogParams) => logSentence(entry(command, params), "en", eight);
    const zh = (command: string, params: LogParams) => logSentence(entry(command, params), "zh-CN", eight);
    expect(en("forceNext", { from: "decide", quarter: 2, missing: ["Helios"] })).toBe("Resolved turn 2 now; Helios repeats its last action");
    expect(en("forceNext", { from: "decide", quarter: 2, missing: [] })).toBe("Resolved turn 2 now");
    expect(en("forceNext", { from: "news", quarter: 1 })).toBe("Ended the news of turn 1 early: decisions are open");
    expect(en("forceNext", { from: "report", quarter: 2 })).toBe("Ended the report of turn 1 early: turn 2 begins");
    expect(en("inject", { quarter: 3, injection: { kind: "regime", regime: "model" } })).toBe("Queued for turn 3: Regime switch: model-level licences.");
    expect(en("endGame", { quarter: 2, quarters: 8, dropped: 1 })).toBe("Ended the game after turn 2 of 8; 1 queued injection dropped");
    expect(en("endGame", { quarter: 3, quarters: 8, dropped: 0 })).toBe("Ended the game after turn 3 of 8");
    expect(en("start", { firms: 5, humans: 1, bots: 4, quarters: 8 })).toBe("Started the game: 5 firms (1 played by people, 4 by bots), 8 turns");
    expect(en("configure", { settings: { quarters: 4 } })).toBe("Changed the settings: 4 turns");
    expect(zh("forceNext", { from: "decide", quarter: 2, missing: ["Helios", "Cobalt"] })).toBe("立即结算了第 2 回合；Helios 和 Cobalt 重复上一回合的操作");
    expect(zh("forceNext", { from: "report", quarter: 2 })).toBe("提前结束第 1 回合的报告：第 2 回合开始");
    expect(zh("endGame", { quarter: 3, quarters: 8, dropped: 0 })).toBe("在第 3 回合（共 8 回合）后结束了游戏");
    expect(zh("start", { firms: 5, humans: 1, bots: 4, quarters: 8 })).toBe("开始游戏：5 家公司（1 家由学生操作，4 家由机器人玩家操作），共 8 回合");
    const sixteen = turnWordsFor(16);
    expect(logSentence(entry("endGame", { quarter: 3, quarters: 16, dropped: 0 }), "en", sixteen)).toBe("Ended the game after quarter 3 of 16");
    expect(logSentence(entry("configure", { settings: { quarters: 16 } }), "en", sixteen)).toBe("Changed the settings: 16 quarters");
  });

  test("an entry stored before the log spoke in codes is shown as stored, in any language; an unknown command is named, not dropped", () => {
    const old: LogEntry = { at, quarter: 0, phase: "lobby", command: "pause", effect: "paused the news timer with 28 s left" };
    expect(logSentence(old, "en")).toBe("paused the news timer with 28 s left");
    expect(logSentence(old, "zh-CN")).toBe("paused the news timer with 28 s left");
    expect(logSentence(entry("teleport", {}), "en")).toBe("Facilitator action: teleport");
  });
});
