import { describe, expect, test } from "vitest";
import { setLocale } from "../../client/i18n.js";
import { preview, previewState, rivalsFrom } from "../../client/panel/preview.js";
import { guideTrainLine, inTrainingLast, inTrainingShips, inTrainingValue, showsTraining, trainHint, trainingNote } from "../../client/panel/words.js";
import { quarterCard } from "../../client/report/model.js";
import { inTrainingLine } from "../../client/report/words.js";
import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import { createGame } from "../../shared/engine/create.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import type { GameState } from "../../shared/engine/types.js";
import { viewFor } from "../../shared/engine/view.js";
import type { Action } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { turnWordsFor } from "../../shared/words/turns.js";

/** Time to build (`capability.lagQuarters`): a run's capability ships quarters after its spend. */
const lagged = (lagQuarters: number, quarters = 16): EconomyConfig => ({
  ...DEFAULT_CONFIG,
  quarters,
  capability: { ...DEFAULT_CONFIG.capability, lagQuarters },
});
const idle: Action = { train: 0, apps: {}, efficiency: 0, compliance: 0, marketing: 0, raise: 0, distill: false, openWeights: false, hardware: "flexible" };
const run: Action = { ...idle, train: 500 };
const start = (config: EconomyConfig): GameState =>
  createGame(config, "time-to-build", [
    { id: "f1", name: "Northwind" },
    { id: "f2", name: "Helios" },
  ]);

/** The state as the player's client rebuilds it from its private message and the rivals' published reports. */
function previewFor(real: GameState, firmId: string): GameState {
  const view = viewFor(real, { kind: "firm", firmId });
  return previewState({ config: real.config, quarter: real.quarter, self: view.self, market: view.market, rivals: rivalsFrom(view.firms, firmId) });
}

/** The private message the server sends a firm's players after the quarter that led to `state`. */
function privateMessage(state: GameState, firmId: string): PrivateView {
  const view = viewFor(state, { kind: "firm", firmId });
  return { quarter: state.quarter, firm: view.self, limits: view.limits, market: view.market, pending: null, submittedBy: null };
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error("the draft was refused");
  return result as Extract<T, { ok: true }>;
}

describe("the panel's estimate with time to build (a $500M run at L 3 read 'capability 31 → 31')", () => {
  const q16 = turnWordsFor(16);

  test("a first-quarter run ships nothing this quarter: the shipped model stays, the run's gain is in training and ships by Q4, with its luck's range", () => {
    const state = previewFor(start(lagged(3)), "f1");
    const result = ok(preview(state, "f1", run));
    // The shipped model does not move, and carries no luck range (nothing of the run ships now).
    expect(result.next.capability).toBeCloseTo(result.last.capability, 9);
    expect(result.range.capability[0]).toBeCloseTo(result.next.capability, 9);
    expect(result.range.capability[1]).toBeCloseTo(result.next.capability, 9);
    const training = result.training;
    if (!training) throw new Error("no training figures with a lag");
    expect(training.last).toBe(0);
    expect(training.next).toBeGreaterThan(9);
    expect(training.shipsBy).toBe(4);
    // The run's luck spans the trained gain: the same spread lag 0 shows on capability itself.
    const atOnce = ok(preview(previewFor(start(lagged(0)), "f1"), "f1", run));
    expect(training.next).toBeCloseTo(atOnce.next.capability - atOnce.last.capability, 9);
    expect(training.range[0]).toBeCloseTo(atOnce.range.capability[0] - atOnce.last.capability, 9);
    expect(training.range[1]).toBeCloseTo(atOnce.range.capability[1] - atOnce.last.capability, 9);
    expect(showsTraining(training)).toBe(true);
    setLocale("en");
    expect(inTrainingLast(training)).toBe("—");
    expect(inTrainingValue(training)).toBe("+10.7–15.1");
    expect(inTrainingShips(training, q16)).toBe("ships by Q4");
    expect(trainingNote(training, 3)).toBe(
      "A training run ships about 9 months after its spend. The market prices it at once; your API and apps earn on the shipped model until then.",
    );
    expect(trainHint(3)).toBe("Compute for a bigger frontier model. It ships about 9 months after the run: until then it is in training.");
    // The first quarter's guide says it too: a first-timer's Q2 model had not moved, and the guide's line on training did not say why.
    expect(guideTrainLine(3)).toBe(
      "Buys compute for a bigger model. It ships about 9 months later; the market prices it at once, but each doubling buys less.",
    );
    setLocale("zh-CN");
    expect(inTrainingShips(training, q16)).toBe("最晚第 4 季上线");
    expect(trainingNote(training, 3)).toContain("约 9 个月后才上线");
    expect(guideTrainLine(3)).toContain("约 9 个月后才上线");
    setLocale("en");
  });

  test("the next quarter, training nothing, it still says what is in training and when it ships; an 8-turn game says turns", () => {
    const real = resolveQuarter(start(lagged(3)), { f1: run }).state;
    const result = ok(preview(previewFor(real, "f1"), "f1", idle));
    const training = result.training;
    if (!training) throw new Error("no training figures with a lag");
    const inTraining = real.firms[0]?.capabilityInTraining.reduce((a, b) => a + b, 0) ?? 0;
    expect(training.last).toBeCloseTo(inTraining, 9);
    expect(training.next).toBeCloseTo(inTraining, 9);
    setLocale("en");
    expect(inTrainingLast(training)).toBe(`+${inTraining.toFixed(1)}`);
    expect(inTrainingValue(training)).toBe(`+${inTraining.toFixed(1)}`);
    expect(inTrainingShips(training, turnWordsFor(16))).toBe("ships by Q4");
    // 8 turns of six months: L 3 is half a turn and a turn; the run ships by turn 3.
    const short = ok(preview(previewFor(start(lagged(3, 8)), "f1"), "f1", run)).training;
    if (!short) throw new Error("no training figures with a lag");
    expect(inTrainingValue(short)).toMatch(/^\+\d+\.\d–\d+\.\d$/);
    expect(inTrainingShips(short, turnWordsFor(8))).toBe("ships by T3");
  });

  test("a run too late to ship before the game ends says so", () => {
    let real = start(lagged(3, 4));
    for (let q = 0; q < 3; q++) real = resolveQuarter(real, { f1: idle, f2: idle }).state;
    const training = ok(preview(previewFor(real, "f1"), "f1", run)).training;
    if (!training) throw new Error("no training figures with a lag");
    expect(training.shipsBy).toBe(5);
    setLocale("en");
    expect(inTrainingShips(training, turnWordsFor(4))).toBe("ships after the game ends");
    setLocale("zh-CN");
    expect(inTrainingShips(training, turnWordsFor(4))).toBe("游戏结束后才上线");
    setLocale("en");
  });

  test("rivals in the preview carry nothing in training (it is not published; they were cloned from the player's firm)", () => {
    const real = resolveQuarter(start(lagged(3)), { f1: run }).state;
    const state = previewFor(real, "f1");
    expect(state.firms.find((f) => f.id === "f1")?.capabilityInTraining.some((p) => p > 0)).toBe(true);
    expect(state.firms.find((f) => f.id === "f2")?.capabilityInTraining.every((p) => p === 0)).toBe(true);
  });

  test("at lag 0 (runs ship at once) nothing changes: no in-training figures, the range on capability itself, the plain hint", () => {
    const result = ok(preview(previewFor(start(lagged(0)), "f1"), "f1", run));
    expect(result.training).toBeNull();
    expect(showsTraining(result.training)).toBe(false);
    expect(trainingNote(result.training, 0)).toBeNull();
    expect(result.range.capability[0]).toBeLessThan(result.next.capability);
    setLocale("en");
    expect(trainHint(0)).toBe("Compute for a bigger frontier model.");
    expect(guideTrainLine(0)).toBe("Buys compute for a bigger model: the market loves it, but each doubling buys less.");
  });
});

describe("the preview's open-weights rival under time to build (engine 2.13.0: its published model lags the one it ships)", () => {
  test("a rival that released its weights and shipped a bigger model 1–2 turns ago: the preview's API split and open baseline are the resolved quarter's", () => {
    // f2 releases its weights and trains two turns; at L 3 its runs ship in turns 4 and 5, and
    // the model it has published stays its starting one until turn 7 (three turns after each ships).
    let real = start(lagged(3));
    for (let q = 0; q < 5; q++) {
      const f2 = real.firms[1] as GameState["firms"][number];
      real = resolveQuarter(real, { f1: idle, f2: { ...idle, openWeights: true, train: q < 2 ? Math.floor(f2.cash * 0.6) : 0 } }).state;
    }
    // Turn 6: both runs have shipped, nothing is in training, and its published model is still its starting one.
    const rival = real.firms[1] as GameState["firms"][number];
    expect(rival.capabilityInTraining.every((p) => p === 0)).toBe(true);
    const estimate = resolveQuarter({ ...previewFor(real, "f1"), config: { ...real.config, luck: { training: 0, productFit: 0 } } }, { f1: idle });
    const resolved = resolveQuarter(real, { f1: idle, f2: { ...idle, openWeights: true } });
    const [estimated, actual] = [estimate.report.firms[1], resolved.report.firms[1]];
    if (!estimated || !actual) throw new Error("no rival report");
    // The rival keeps all of the lead its published weights do not cover (the preview said 57.6 of 93.0).
    expect(actual.apiRevenue).toBeGreaterThan(50);
    expect(estimated.apiRevenue).toBeCloseTo(actual.apiRevenue, 6);
    // The open models from outside catch up with what it has published, not with what it ships (the preview said 48.7, not 47.9).
    expect(estimate.state.market.openBaseline).toBeCloseTo(resolved.state.market.openBaseline, 9);
  });
});

describe("the report card's model with time to build", () => {
  test("'your model' is the shipped capability; the points in training follow, with when they ship", () => {
    const after = resolveQuarter(start(lagged(3)), { f1: run, f2: idle }).state;
    const card = quarterCard(privateMessage(after, "f1"));
    if (!card) throw new Error("no card");
    const firm = after.firms[0];
    expect(card.capability).toBe(firm?.capability);
    expect(card.capabilityInTraining).toBe(firm?.history.at(-1)?.capabilityInTraining);
    expect(card.capabilityInTraining).toBeGreaterThan(9);
    expect(card.shipsBy).toBe(4);
    const points = card.capabilityInTraining.toFixed(1);
    setLocale("en");
    const q16 = turnWordsFor(16);
    expect(inTrainingLine(card, q16, 16)).toBe(
      `Another ${points} points are in training and ship by Q4: the market already prices them; your API and apps get them then.`,
    );
    expect(inTrainingLine(card, q16, 3)).toContain("ship after the game ends");
    expect(inTrainingLine(card, q16, null)).toBe(
      `Another ${points} points are in training: the market already prices them; your API and apps get them when they ship.`,
    );
    setLocale("zh-CN");
    expect(inTrainingLine(card, q16, 16)).toBe(`另有 ${points} 点仍在训练中，最晚第 4 季上线：市场已为其定价；届时你的模型调用和应用才能用上。`);
    setLocale("en");
    // A rival's card has nothing in training: it did not train.
    const rival = quarterCard(privateMessage(after, "f2"));
    expect(rival && inTrainingLine(rival, q16, 16)).toBeNull();
  });

  test("at lag 0 the card has nothing in training and no extra line", () => {
    const after = resolveQuarter(start(lagged(0)), { f1: run, f2: idle }).state;
    const card = quarterCard(privateMessage(after, "f1"));
    if (!card) throw new Error("no card");
    expect(card.capabilityInTraining).toBe(0);
    expect(inTrainingLine(card, turnWordsFor(16), 16)).toBeNull();
  });
});
