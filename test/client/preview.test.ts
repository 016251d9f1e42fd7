import { describe, expect, test } from "vitest";
import { preview, previewState, rivalsFrom } from "../../client/panel/preview.js";
import { measureEstimate } from "../../server/bench/estimate-measure.js";
import { resolveQuarter } from "../../shared/engine/resolve.js";
import type { FirmReport, GameState } from "../../shared/engine/types.js";
import { validateAction } from "../../shared/engine/validate.js";
import { viewFor } from "../../shared/engine/view.js";
import { DEFAULT_CONFIG, seedRng } from "../../shared/index.js";
import type { Action } from "../../shared/schemas/action.js";
import { playBots } from "../../shared/sim/play.js";

/** The preview state for firm `firmId` of a real game, built only from what that player sees. */
function previewFor(real: GameState, firmId: string): GameState {
  const view = viewFor(real, { kind: "firm", firmId });
  return previewState({ config: real.config, quarter: real.quarter, self: view.self, market: view.market, rivals: rivalsFrom(view.firms, firmId) });
}

const game = playBots(DEFAULT_CONFIG, "preview-test", [{ bot: "scaler" }, { bot: "builder" }, { bot: "pivot" }, { bot: "balanced" }]);
const real = game.states[5] as GameState;
const me = real.firms[1];
if (!me) throw new Error("no firm");

/** The same quarter resolved on 200 seeds of the run's luck: ~80% of `read` inside the 10th–90th percentile range shown. */
function expectLuckInside(at: GameState, firmId: string, action: Action, read: (report: FirmReport) => number, [low, high]: [number, number]): void {
  let inside = 0;
  for (let i = 0; i < 200; i++) {
    const report = resolveQuarter({ ...at, rng: seedRng(`luck-${i}`) }, { [firmId]: action }).report.firms[1];
    const c = report ? read(report) : 0;
    if (c >= low && c <= high) inside++;
  }
  expect(inside / 200).toBeGreaterThan(0.7);
  expect(inside / 200).toBeLessThan(0.9);
}

describe("the decision panel's preview", () => {
  test("validates exactly as the server: same verdicts, same codes, same messages", () => {
    const state = previewFor(real, me.id);
    const drafts: unknown[] = [
      {},
      { train: me.cash * 2 },
      { train: me.cash / 2, apps: { support: me.cash / 4 } },
      { raise: 1e9 },
      { raise: 10, train: me.cash + 5 },
      { apps: { nowhere: 1 } },
      { train: -1 },
      { marketing: Number.NaN },
      { distill: true },
      { hardware: "locked", efficiency: 1 },
      { openWeights: true },
      { bogus: 1 },
    ];
    for (const draft of drafts) expect(validateAction(state, me.id, draft)).toEqual(validateAction(real, me.id, draft));
  });

  test("what depends on the firm alone matches the real resolution exactly: capability (for an average run) and cash spent", () => {
    const action = { train: me.cash * 0.3, efficiency: 5 };
    const result = preview(previewFor(real, me.id), me.id, action);
    if (!result.ok) throw new Error(result.error.message);
    // The estimate is the average run (luck 1): the real resolution without the run's luck.
    const average = { ...real, config: { ...real.config, luck: { ...real.config.luck, training: 0 } } };
    const truth = resolveQuarter(average, { [me.id]: result.action }).report.firms[1];
    expect(result.next.capability).toBe(truth?.capability);
    expect(result.spend).toBeCloseTo(me.cash * 0.3 + 5, 6);
    expect(result.budget).toBe(me.cash);
  });

  test("at lagQuarters 0 capability is shown as the range a run's luck spans: the real run lands inside it on most seeds", () => {
    // Runs that ship at once (engine 2.12.0's rule, a designer's setting since 2.13.0): the luck range is on the shipped model.
    const now = { ...DEFAULT_CONFIG, capability: { ...DEFAULT_CONFIG.capability, lagQuarters: 0 } };
    const played = playBots(now, "preview-test", [{ bot: "scaler" }, { bot: "builder" }, { bot: "pivot" }, { bot: "balanced" }]);
    const at = played.states[5] as GameState;
    const firm = at.firms[1];
    if (!firm) throw new Error("no firm");
    const action = { train: firm.cash * 0.3 };
    const result = preview(previewFor(at, firm.id), firm.id, action);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.training).toBeNull();
    const [low, high] = result.range.capability;
    expect(low).toBeLessThan(result.next.capability);
    expect(high).toBeGreaterThan(result.next.capability);
    expectLuckInside(at, firm.id, result.action, (r) => r.capability, [low, high]);
    // A draft that trains nothing has no spread.
    const idle = preview(previewFor(at, firm.id), firm.id, {});
    if (!idle.ok) throw new Error(idle.error.message);
    expect(idle.range.capability).toEqual([idle.next.capability, idle.next.capability]);
  });

  test("with time to build (the default) the luck range is on the points in training: the real run's land inside it on most seeds", () => {
    const action = { train: me.cash * 0.3 };
    const result = preview(previewFor(real, me.id), me.id, action);
    if (!result.ok) throw new Error(result.error.message);
    const training = result.training;
    if (!training) throw new Error("expected points in training");
    const [low, high] = training.range;
    expect(low).toBeLessThan(training.next);
    expect(high).toBeGreaterThan(training.next);
    expectLuckInside(real, me.id, result.action, (r) => r.capabilityInTraining, [low, high]);
  });

  test("a rival holding its course pays no cost for growing fast: it spent as much last quarter (engine 2.10.0)", () => {
    const view = viewFor(real, { kind: "firm", firmId: me.id });
    // A big rival: it trained $900M last quarter and can again (above the $500M a firm with no past may spend free).
    const rivals = rivalsFrom(view.firms, me.id).map((r, i) => (i === 0 ? { ...r, trainingSpend: 900, cash: 3000 } : r));
    const state = previewState({ config: real.config, quarter: real.quarter, self: view.self, market: view.market, rivals });
    const { report } = resolveQuarter(state, {});
    const big = report.firms[state.firms.findIndex((f) => f.id === rivals[0]?.id)];
    expect(big?.trainingSpend).toBe(900);
    expect(big?.rampCost).toBe(0);
  });

  test("the preview is deterministic and reads the estimate against the firm's own last report, whatever the draft", () => {
    const state = previewFor(real, me.id);
    const a = preview(state, me.id, { train: 10 });
    const b = preview(state, me.id, { train: 10 });
    expect(a).toEqual(b);
    const other = preview(state, me.id, { train: 200, apps: { support: 50 } });
    const report = me.history.at(-1);
    if (!a.ok || !other.ok || !report) throw new Error("expected legal drafts and a report");
    const { quarter, revenue, operatingProfit, cash, capability, fundamentals, valuation, rampCost } = report;
    expect(a.last).toEqual({ quarter, revenue, operatingProfit, cash, capability, fundamentals, valuation, rampCost });
    expect(other.last).toEqual(a.last);
    // Before the first quarter: the firm as the game started (quarter 0).
    const first = game.states[0] as GameState;
    const start = preview(previewFor(first, me.id), me.id, {});
    expect(start.ok && start.last).toMatchObject({ quarter: 0, revenue: 0, cash: first.firms[1]?.cash });
  });

  test("recent history, as the server sends it, previews exactly like the full history", () => {
    const later = game.states[14] as GameState;
    const firmId = "builder-2";
    const full = previewFor(later, firmId);
    const view = viewFor(later, { kind: "firm", firmId });
    expect(view.market.history.length).toBeGreaterThan(9);
    const trimmed = previewState({
      config: later.config,
      quarter: later.quarter,
      self: { ...view.self, history: view.self.history.slice(-9) },
      market: { ...view.market, history: view.market.history.slice(-9) },
      rivals: rivalsFrom(view.firms, firmId),
    });
    const draft = { train: 30, apps: { support: 20 } };
    expect(preview(trimmed, firmId, draft)).toEqual(preview(full, firmId, draft));
  });

  test("rivals' figures as the synced state carries them (float32) preview what the engine's float64 would, to far below a displayed digit", () => {
    const later = game.states[10] as GameState;
    const firmId = "builder-2";
    const view = viewFor(later, { kind: "firm", firmId });
    const exact = rivalsFrom(view.firms, firmId);
    const float32 = exact.map((r) => ({
      ...r,
      cash: Math.fround(r.cash),
      capability: Math.fround(r.capability),
      shares: Math.fround(r.shares),
      revenue: Math.fround(r.revenue),
      fundamentals: Math.fround(r.fundamentals),
      valuation: Math.fround(r.valuation),
      trainingSpend: Math.fround(r.trainingSpend),
      operatingProfit: Math.fround(r.operatingProfit),
      previousRevenue: Math.fround(r.previousRevenue),
    }));
    expect(float32).not.toEqual(exact);
    const input = { config: later.config, quarter: later.quarter, self: view.self, market: view.market };
    const draft = { train: 30, apps: { support: 20 } };
    const a = preview(previewState({ ...input, rivals: exact }), firmId, draft);
    const b = preview(previewState({ ...input, rivals: float32 }), firmId, draft);
    if (!a.ok || !b.ok) throw new Error("expected a legal draft");
    // Screens show $M to 0.1 below $100M and whole $M above: a difference of 0.001 $M never shows unless a figure sits on a rounding edge.
    for (const key of ["revenue", "operatingProfit", "cash", "fundamentals", "valuation"] as const) {
      expect(Math.abs(a.next[key] - b.next[key]), key).toBeLessThan(1e-3);
    }
    expect(b.spend).toBe(a.spend);
    expect(b.budget).toBe(a.budget);
  });

  test("an illegal draft gives the engine's error, not a preview", () => {
    const result = preview(previewFor(real, me.id), me.id, { train: me.cash * 10 });
    expect(result).toMatchObject({ ok: false, error: { code: "OVER_BUDGET" } });
  });
});

describe("the estimate's accuracy (npm run bench:estimate measures it on more games)", () => {
  test("on games of six bots, most estimates land within ±25% of the resolved revenue and valuation, and most resolved figures inside the range shown", () => {
    const tally = measureEstimate(DEFAULT_CONFIG, ["scaler", "builder", "balanced", "pivot", "scaler", "builder"], 3, "preview-accuracy");
    expect(tally.n).toBeGreaterThan(100);
    // 16 quarters (the default length); npm run bench:estimate: ~77% within ±25%, ~80% inside the range.
    expect(tally.revenue / tally.n).toBeGreaterThan(0.6);
    expect(tally.valuation / tally.n).toBeGreaterThan(0.6);
    expect(tally.revenueRange / tally.n).toBeGreaterThan(0.7);
    expect(tally.valuationRange / tally.n).toBeGreaterThan(0.7);
  });
});
