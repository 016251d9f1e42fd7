import { describe, expect, it } from "vitest";
import {
  ACTION_ERROR_CODES,
  type Action,
  type ActionError,
  actionSpend,
  capabilityFromCompute,
  checkAction,
  createGame,
  firmRaiseCapacity,
  fitAction,
  type GameState,
  resolveQuarter,
  validateAction,
} from "../../shared/index.js";
import { act, configFor, firm, seats } from "../helpers/play.js";

const config = configFor("ai-2025", {
  quarters: 8,
  events: { probability: 0 },
  start: { cash: 1000, shares: 100, founderShares: 60, compute: 400, sentiment: 1 },
  capability: { capMax: 100, k0: 200, alpha: 0.34 },
  compute: { lockQuarters: 4 },
  apps: { edgeCost: 120 },
  valuation: { capabilityWeight: 10 },
  financing: { appetite: 0.2, appetiteFloor: 0.8, appetiteSpan: 1.7 },
});
const fresh = createGame(config, 1, seats(2));

/** Validates and returns the error, checking that nothing in the state changed. */
function rejected(state: GameState, firmId: string, raw: unknown): ActionError {
  const before = structuredClone(state);
  const json = JSON.stringify(state);
  const result = validateAction(state, firmId, raw);
  expect(state).toEqual(before);
  expect(JSON.stringify(state)).toBe(json);
  if (result.ok) throw new Error(`expected a rejection of ${JSON.stringify(raw)}`);
  return result.error;
}

/** The state after quarter 1 with f1 playing `action`. */
function afterQuarter1(action: Partial<Action>): GameState {
  return resolveQuarter(fresh, { f1: act(action) }).state;
}

describe("validateAction accepts", () => {
  it("a full legal action, filling in defaults and the firm's current settings", () => {
    const result = validateAction(fresh, "f1", { train: 100, apps: { support: 50 } });
    expect(result).toEqual({ ok: true, value: act({ train: 100, apps: { support: 50 } }) });
    // Spending exactly the cash is allowed.
    expect(validateAction(fresh, "f1", { train: 880, distill: true }).ok).toBe(true); // 880 + 120 = 1000
  });
});

describe("validateAction rejects, naming the field and the number", () => {
  it("OVER_BUDGET: spending more than cash after the raise", () => {
    expect(rejected(fresh, "f1", { train: 1250 })).toEqual({
      code: "OVER_BUDGET",
      message: "spending $1,250M exceeds cash after raise $1,000M by $250M",
      value: 1250,
      limit: 1000,
    });
    // The edge model counts: 900 + 120 = 1020 > 1000 by 20.
    expect(rejected(fresh, "f1", { train: 900, distill: true }).message).toBe("spending $1,020M exceeds cash after raise $1,000M by $20.0M");
    // A raise adds to the budget: 1000 + 20 = 1020; spending 1000 + 50.5 = 1050.5 is over by 30.5
    // (amounts of $100M and more print without decimals).
    expect(rejected(fresh, "f1", { train: 1000, apps: { media: 50.5 }, raise: 20 }).message).toBe(
      "spending $1,051M exceeds cash after raise $1,020M by $30.5M",
    );
  });

  it("NEGATIVE", () => {
    expect(rejected(fresh, "f1", { train: -5 })).toEqual({ code: "NEGATIVE", message: "train must be ≥ 0, got -5", field: "train", value: -5 });
    expect(rejected(fresh, "f1", { apps: { medical: -1.5 } })).toEqual({
      code: "NEGATIVE",
      message: "apps.medical must be ≥ 0, got -1.5",
      field: "apps.medical",
      value: -1.5,
    });
  });

  it("NOT_FINITE for NaN and ±Infinity passed directly", () => {
    expect(rejected(fresh, "f1", { train: Number.NaN })).toEqual({
      code: "NOT_FINITE",
      message: "train must be a finite number, got NaN",
      field: "train",
      value: Number.NaN,
    });
    expect(rejected(fresh, "f1", { marketing: Number.POSITIVE_INFINITY })).toEqual({
      code: "NOT_FINITE",
      message: "marketing must be a finite number, got Infinity",
      field: "marketing",
      value: Number.POSITIVE_INFINITY,
    });
    expect(rejected(fresh, "f1", { raise: Number.NEGATIVE_INFINITY }).code).toBe("NOT_FINITE");
    expect(rejected(fresh, "f1", { apps: { support: Number.NaN } })).toEqual({
      code: "NOT_FINITE",
      message: "apps.support must be a finite number, got NaN",
      field: "apps.support",
      value: Number.NaN,
    });
  });

  it("UNKNOWN_SECTOR", () => {
    const error = rejected(fresh, "f1", { apps: { space: 10 } });
    expect(error.code).toBe("UNKNOWN_SECTOR");
    expect(error.field).toBe("apps.space");
    expect(error.message).toMatch(/^unknown sector space in apps/);
    expect(error.message).toContain("support, industrial, medical, finance, driving, media");
  });

  it("UNKNOWN_FIELD", () => {
    expect(rejected(fresh, "f1", { train: 1, bribe: 100 })).toEqual({ code: "UNKNOWN_FIELD", message: "unknown field bribe", field: "bribe" });
  });

  it("BAD_SHAPE for a wrong type", () => {
    const error = rejected(fresh, "f1", { train: "5" });
    expect(error.code).toBe("BAD_SHAPE");
    expect(error.field).toBe("train");
    expect(rejected(fresh, "f1", null).code).toBe("BAD_SHAPE");
    expect(rejected(fresh, "f1", { hardware: "rented" }).field).toBe("hardware");
  });

  it("OPEN_WEIGHTS_IRREVERSIBLE", () => {
    const opened = afterQuarter1({ openWeights: true });
    expect(firm(opened, 0).openWeights).toBe(true);
    expect(rejected(opened, "f1", { openWeights: false })).toEqual({
      code: "OPEN_WEIGHTS_IRREVERSIBLE",
      message: "Firm 1 has released its weights; openWeights cannot go back to false",
      field: "openWeights",
    });
    // Omitting the field keeps the weights open.
    expect(validateAction(opened, "f1", {})).toMatchObject({ ok: true, value: { openWeights: true } });
  });

  it("HARDWARE_LOCKED until the contract's last quarter is over", () => {
    // An 8-quarter game runs the 16-quarter clock twice as fast: a one-year contract (lockQuarters
    // 4) lasts 2 turns. Locked in quarter 1: quarters 1–2, lockedUntil = 1 + 2 − 1 = 2.
    let state = afterQuarter1({ hardware: "locked" });
    expect(firm(state, 0).lockedUntil).toBe(2);
    expect(rejected(state, "f1", { hardware: "flexible" })).toEqual({
      code: "HARDWARE_LOCKED",
      message: "hardware is locked until the end of quarter 2",
      field: "hardware",
      limit: 2,
    });
    // Quarter 2 repeats the locked action; from quarter 3 on the firm may switch.
    state = resolveQuarter(state, {}).state;
    expect(state.quarter).toBe(2);
    expect(validateAction(state, "f1", { hardware: "flexible" }).ok).toBe(true);
  });

  it("ALREADY_DISTILLED", () => {
    const distilled = afterQuarter1({ distill: true });
    expect(firm(distilled, 0).edge).toBe(true);
    expect(rejected(distilled, "f1", { distill: true })).toEqual({
      code: "ALREADY_DISTILLED",
      message: "Firm 1 already has an edge model; distill must be false",
      field: "distill",
    });
  });

  it("RAISE_OVER_APPETITE", () => {
    // V0 = 1000 + 1 × 10 × 31.17 = 1311.7; a turn of an 8-quarter game spans 2 quarters of appetite:
    // 1311.7 × (1 − (1 − 0.2)²) × (1 − 0.8)/1.7 = 1311.7 × 0.36 × 0.1176 = 55.55
    const capacity = firmRaiseCapacity(fresh, firm(fresh, 0));
    expect(capacity).toBeCloseTo(((1000 + 10 * capabilityFromCompute(config, 400)) * (1 - 0.8 ** 2) * 0.2) / 1.7, 9);
    expect(capacity).toBeCloseTo(55.55, 2);
    expect(rejected(fresh, "f1", { raise: 500 })).toEqual({
      code: "RAISE_OVER_APPETITE",
      message: "raise $500M exceeds the market's appetite of $55.6M by $444M",
      field: "raise",
      value: 500,
      limit: capacity,
    });
    expect(validateAction(fresh, "f1", { raise: capacity }).ok).toBe(true);
  });

  it("DELISTED", () => {
    const state = structuredClone(fresh);
    firm(state, 1).delisted = true;
    expect(rejected(state, "f2", {})).toEqual({ code: "DELISTED", message: "Firm 2 is delisted and can no longer act" });
    expect(validateAction(state, "f1", {}).ok).toBe(true);
  });

  it("GAME_OVER", () => {
    const state = structuredClone(fresh);
    state.quarter = config.quarters;
    expect(rejected(state, "f1", {})).toEqual({ code: "GAME_OVER", message: "the game ended after quarter 8", limit: 8 });
  });

  it("UNKNOWN_FIRM", () => {
    expect(rejected(fresh, "f9", {})).toEqual({ code: "UNKNOWN_FIRM", message: 'no firm "f9" in this game' });
  });

  it("every error code has a test above", () => {
    expect([...ACTION_ERROR_CODES].sort()).toEqual(
      [
        "BAD_SHAPE",
        "UNKNOWN_FIELD",
        "UNKNOWN_SECTOR",
        "NOT_FINITE",
        "NEGATIVE",
        "UNKNOWN_FIRM",
        "GAME_OVER",
        "DELISTED",
        "OPEN_WEIGHTS_IRREVERSIBLE",
        "HARDWARE_LOCKED",
        "ALREADY_DISTILLED",
        "RAISE_OVER_APPETITE",
        "OVER_BUDGET",
      ].sort(),
    );
  });
});

describe("checkAction on actions given directly", () => {
  it("catches non-finite and negative numbers the schema never saw", () => {
    const f1 = firm(fresh, 0);
    expect(checkAction(fresh, f1, act({ train: Number.NaN }))).toEqual({
      code: "NOT_FINITE",
      message: "train must be a finite number, got NaN",
      field: "train",
      value: Number.NaN,
    });
    expect(checkAction(fresh, f1, act({ apps: { driving: Number.POSITIVE_INFINITY } }))?.field).toBe("apps.driving");
    expect(checkAction(fresh, f1, act({ compliance: -1 }))?.code).toBe("NEGATIVE");
    expect(checkAction(fresh, f1, act({ apps: { moon: 1 } as Action["apps"] }))?.code).toBe("UNKNOWN_SECTOR");
    // Several bad entries: the first in the object's own key order is the one reported.
    expect(checkAction(fresh, f1, act({ apps: { media: -1, moon: 1 } as Action["apps"] }))?.field).toBe("apps.media");
    expect(checkAction(fresh, f1, act({ apps: { moon: 1, media: -1 } as Action["apps"] }))?.code).toBe("UNKNOWN_SECTOR");
    expect(checkAction(fresh, f1, act({ apps: { media: -1, support: Number.NaN } }))?.field).toBe("apps.media");
    expect(checkAction(fresh, f1, act({ train: 1000 }))).toBeNull();
  });
});

describe("fitAction", () => {
  it("scales an unaffordable previous action down to the budget, keeping its proportions and the edge model", () => {
    const f1 = firm(fresh, 0);
    const previous = act({ train: 1500, apps: { support: 300, medical: 200 }, marketing: 100, distill: true });
    // spend = 1500 + 500 + 100 + 120 = 2220 > 1000; the edge costs 120, the rest (2100) scales by (1000 − 120)/2100 = 0.41905
    expect(actionSpend(fresh, f1, previous)).toBe(2220);
    const fitted = fitAction(fresh, f1, previous);
    const k = 880 / 2100;
    expect(fitted.distill).toBe(true);
    expect(fitted.train).toBeCloseTo(1500 * k, 6); // 628.57
    expect(fitted.apps.support).toBeCloseTo(300 * k, 6); // 125.71
    expect(fitted.apps.medical).toBeCloseTo(200 * k, 6); // 83.81
    expect(fitted.marketing).toBeCloseTo(100 * k, 6); // 41.90
    expect(actionSpend(fresh, f1, fitted)).toBeLessThanOrEqual(1000);
    expect(actionSpend(fresh, f1, fitted)).toBeCloseTo(1000, 6);
    expect(checkAction(fresh, f1, fitted)).toBeNull();
  });

  it("caps the raise at the appetite and drops a repeat distillation", () => {
    const distilled = afterQuarter1({ distill: true });
    const f1 = firm(distilled, 0);
    const fitted = fitAction(distilled, f1, act({ distill: true, raise: 1e6, train: 10 }));
    expect(fitted.distill).toBe(false);
    expect(fitted.raise).toBeCloseTo(firmRaiseCapacity(distilled, f1), 9);
    expect(fitted.train).toBe(10);
    expect(checkAction(distilled, f1, fitted)).toBeNull();
  });

  it("is what a silent firm plays: its previous action, scaled, spends its whole cash", () => {
    const state = structuredClone(fresh);
    firm(state, 0).lastAction = act({ train: 3000, apps: { support: 1000 } });
    const { report } = resolveQuarter(state, {});
    // budget 1000: train 750, support 250
    expect(report.firms[0]?.spent).toBeCloseTo(1000, 6);
    expect(report.firms[0]?.trainingSpend).toBeCloseTo(750, 6);
  });
});
