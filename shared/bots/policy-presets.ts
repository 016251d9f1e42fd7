import type { Linear, Policy, PolicyFeature, PolicyRegime } from "./policy.js";
import { DIALS } from "./strategies.js";

/**
 * Policies that imitate known strategies: the bots (from their own dials, so they follow a
 * retune) and the plain plans issue 12 found to break the economy. The exploit search starts
 * from these, so it never reports less than what a known strategy already gets.
 */

const constant = (value: number): Linear => ({ base: value });
const off = constant(0);

/** ≈ `value` once `feature` ≥ `threshold`, 0 below: a steep ramp (width `value` ÷ 5). */
function step(feature: PolicyFeature, threshold: number, value: number): Linear {
  return { base: -5 * threshold, [feature]: 5, max: value };
}

/** `value`, plus `extra` while `feature` is 1. */
function plus(value: number, feature: PolicyFeature, extra: number): Linear {
  return { base: value, [feature]: extra };
}

function regime(dials: Partial<Omit<PolicyRegime, "breadth" | "sectorOrder">> & Pick<PolicyRegime, "breadth" | "sectorOrder">): PolicyRegime {
  return { spend: off, raise: off, train: off, apps: off, efficiency: off, compliance: off, marketing: off, ...dials };
}

const BASE = {
  openWeightsAt: null,
  hardware: "flexible",
  distill: { enabled: false, cashMultiple: 0 },
  fitMargin: 0.9,
  jitter: 0.15,
} as const satisfies Partial<Policy>;

/** Builder's shipping plan at a given spend share and breadth. */
function ship(spend: number, breadth: number): PolicyRegime {
  const s = DIALS.ship;
  return regime({
    spend: constant(spend),
    apps: constant(s.apps),
    efficiency: plus(s.efficiency, "media", s.mediaEfficiency - s.efficiency),
    compliance: plus(0.02, "regulated", s.compliance - 0.02),
    breadth,
    sectorOrder: "appeal",
  });
}

const shipDistill = { enabled: true, cashMultiple: DIALS.ship.distillCash };
// A bot raises once sentiment has risen `raiseWarmth` over its start; a policy's `sentiment` feature is S − 1, and
// ai-2025 starts at S 1, so the step sits at `raiseWarmth` itself.

const scaler: Policy = {
  ...BASE,
  early: regime({
    spend: constant(DIALS.scaler.spend),
    raise: step("sentiment", DIALS.scaler.raiseWarmth, DIALS.scaler.raise),
    train: constant(DIALS.scaler.train),
    marketing: constant(DIALS.scaler.marketing),
    breadth: 0,
    sectorOrder: "appeal",
  }),
  hardware: "locked",
};

const builder: Policy = {
  ...BASE,
  early: { ...ship(DIALS.builder.spend, DIALS.builder.breadth), raise: step("sentiment", DIALS.builder.raiseWarmth, DIALS.builder.raise) },
  distill: shipDistill,
};

const balancedDials = DIALS.balanced;
const balanced: Policy = {
  ...BASE,
  early: regime({
    spend: constant(balancedDials.spend),
    raise: step("sentiment", balancedDials.raiseWarmth, balancedDials.raise),
    // d.train, falling to a third once an open model leads its own by `openAheadBy` points (lead < −openAheadBy ÷ 10).
    train: { base: balancedDials.train + 5 * (DIALS.openAheadBy / 10), lead: 5, min: balancedDials.train / 3, max: balancedDials.train },
    apps: constant(balancedDials.apps),
    efficiency: plus(balancedDials.efficiency, "media", balancedDials.efficiency),
    compliance: plus(0, "regulated", 0.08),
    marketing: constant(balancedDials.marketing),
    breadth: balancedDials.breadth,
    sectorOrder: "need",
  }),
  distill: shipDistill,
};

/** The bubble ratio ai-2025 starts at (its quarter-0 report, before any firm acts). */
const AI_2025_START_BUBBLE = 1.4675;

const p = DIALS.pivot;
const pivot: Policy = {
  ...BASE,
  early: regime({
    spend: constant(p.spend),
    raise: step("sentiment", p.raiseWarmth, p.raise),
    train: constant(p.train),
    apps: constant(p.apps),
    marketing: constant(p.marketing),
    breadth: p.appsBreadth,
    sectorOrder: "appeal",
  }),
  late: ship(p.shipSpend, p.shipBreadth),
  // A switch reads B itself, not against its start: the preset turns where the bot does in ai-2025 (the search's default
  // preset, whose B starts at AI_2025_START_BUBBLE), on a correction or an open model ahead. The bot's other signals
  // (sentiment cooling from its peak, 60% of the game played) have no switch signal.
  switch: { on: "bubble", above: 1 + p.turnExcess * (AI_2025_START_BUBBLE - 1), onCorrection: true, openAheadBy: DIALS.openAheadBy },
  distill: shipDistill,
};

const open: Policy = {
  ...BASE,
  early: { ...ship(DIALS.open.spend, 3), train: constant(DIALS.open.train), raise: step("sentiment", DIALS.builder.raiseWarmth, DIALS.open.raise) },
  openWeightsAt: 0,
  distill: shipDistill,
};

/** Issue 12's "one checkbox": builder with its weights released from quarter 1. */
const openBuilder: Policy = { ...builder, openWeightsAt: 0 };

/** Issue 12's plain rule: 25% of cash into fitting sectors and efficiency, open weights, never raise. */
const openCashShipper: Policy = {
  ...BASE,
  early: regime({ spend: constant(0.25), apps: constant(0.7), efficiency: constant(0.3), breadth: 6, sectorOrder: "appeal" }),
  openWeightsAt: 0,
};

/** Share of cash the plain rules spend each quarter. */
const PLAIN_SHARE = 0.35;

/** The balance targets' `plain-ship` rule: a fixed share of cash into the sectors it fits, plus efficiency. */
const plainShip: Policy = {
  ...BASE,
  early: regime({ spend: constant(PLAIN_SHARE), apps: constant(0.8), efficiency: constant(0.2), breadth: 6, sectorOrder: "appeal" }),
  jitter: 0.05,
};

/** The balance targets' `plain-scale` rule: the same share into training. */
const plainScale: Policy = { ...plainShip, early: regime({ spend: constant(PLAIN_SHARE), train: constant(1), breadth: 0, sectorOrder: "appeal" }) };

/** The pure scaler: everything into training, as much stock as the market takes whenever it takes any. */
const pureScaler: Policy = {
  ...scaler,
  early: { ...scaler.early, spend: constant(0.6), train: constant(1), marketing: off, raise: constant(1) },
};

export const POLICY_PRESETS = {
  scaler,
  builder,
  balanced,
  pivot,
  open,
  "open-builder": openBuilder,
  "open-cash-shipper": openCashShipper,
  "plain-ship": plainShip,
  "plain-scale": plainScale,
  "pure-scaler": pureScaler,
} as const satisfies Record<string, Policy>;
export type PolicyPresetName = keyof typeof POLICY_PRESETS;

export function isPolicyPreset(name: string): name is PolicyPresetName {
  return Object.hasOwn(POLICY_PRESETS, name);
}
