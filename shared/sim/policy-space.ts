import { POLICY_DIALS, POLICY_FEATURES, type Policy, type PolicyRegime, SECTOR_ORDERS, SWITCH_SIGNALS } from "../bots/policy.js";
import { HARDWARE } from "../schemas/vocabulary.js";

/**
 * The search space: a policy as a vector of coordinates in [0, 1]. Reals map linearly onto
 * their search range, integers round, booleans are "≥ ½", choices split [0, 1] evenly. The
 * ranges are narrower than what the schema allows (a file may say more than the search tries).
 */

/** Search range of a dial's base and of its coefficients (features are normalised to ~−1…3). */
export const BASE_RANGE = [-2, 1.5] as const;
export const COEFFICIENT_RANGE = [-5, 5] as const;
/** Where a switch may fire, per signal. */
const SWITCH_RANGE: Record<(typeof SWITCH_SIGNALS)[number], readonly [number, number]> = { bubble: [1, 4], sentiment: [0.5, 4], progress: [0, 1] };
const CASH_MULTIPLE_RANGE = [0, 10] as const;
/** Points the open model may lead by before a switch on it fires. */
const OPEN_AHEAD_RANGE = [0, 20] as const;
const FIT_MARGIN_RANGE = [0.7, 1.2] as const;
const JITTER = 0.15;

const REGIMES = ["early", "late"] as const;

export interface Dimension {
  /** Where the coordinate lives in the policy, e.g. `early.train.sentiment`. */
  name: string;
  /** Initial spread of the search around a start policy, in unit coordinates. */
  spread: number;
}

function regimeDims(prefix: string): Dimension[] {
  return [
    ...POLICY_DIALS.flatMap((dial) => [
      { name: `${prefix}.${dial}.base`, spread: 0.08 },
      ...POLICY_FEATURES.map((f) => ({ name: `${prefix}.${dial}.${f}`, spread: 0.02 })),
      ...(dial === "raise" ? [{ name: `${prefix}.raise.max`, spread: 0.08 }] : []),
    ]),
    { name: `${prefix}.breadth`, spread: 0.08 },
    { name: `${prefix}.sectorOrder`, spread: 0.05 },
  ];
}

/** Every coordinate of the search space, in a fixed order. */
export const DIMENSIONS: readonly Dimension[] = [
  ...REGIMES.flatMap((r) => regimeDims(r)),
  { name: "switch.enabled", spread: 0.05 },
  { name: "switch.on", spread: 0.05 },
  { name: "switch.above", spread: 0.05 },
  { name: "switch.onCorrection", spread: 0.05 },
  { name: "switch.openAhead", spread: 0.05 },
  { name: "switch.openAheadBy", spread: 0.05 },
  { name: "openWeights.enabled", spread: 0.05 },
  { name: "openWeights.at", spread: 0.05 },
  { name: "hardware", spread: 0.05 },
  { name: "distill.enabled", spread: 0.05 },
  { name: "distill.cashMultiple", spread: 0.05 },
  { name: "fitMargin", spread: 0.05 },
];

const clip01 = (u: number) => Math.min(1, Math.max(0, u));
const toUnit = (value: number, [lo, hi]: readonly [number, number]) => clip01((value - lo) / (hi - lo));
const fromUnit = (u: number, [lo, hi]: readonly [number, number]) => lo + clip01(u) * (hi - lo);
/**
 * Coefficients have a dead zone around ½ that decodes to exactly 0, so a feature the search
 * has no reason to use drops out of the policy instead of drifting as noise.
 */
const DEAD_ZONE = 0.05;
const [, COEFFICIENT_MAX] = COEFFICIENT_RANGE;
function coefficientToUnit(c: number): number {
  if (c === 0) return 0.5;
  return clip01(0.5 + Math.sign(c) * (DEAD_ZONE + (Math.min(COEFFICIENT_MAX, Math.abs(c)) / COEFFICIENT_MAX) * (0.5 - DEAD_ZONE)));
}
function unitToCoefficient(u: number): number {
  const d = clip01(u) - 0.5;
  if (Math.abs(d) <= DEAD_ZONE) return 0;
  return (Math.sign(d) * (Math.abs(d) - DEAD_ZONE) * COEFFICIENT_MAX) / (0.5 - DEAD_ZONE);
}
const boolToUnit = (b: boolean) => (b ? 0.75 : 0.25);
const choiceToUnit = (index: number, count: number) => (index + 0.5) / count;
const unitToChoice = (u: number, count: number) => Math.min(count - 1, Math.floor(clip01(u) * count));
/** Rounded so that a written policy reads well and round-trips exactly. */
const tidy = (x: number) => Number(x.toPrecision(4));

function encodeRegime(regime: PolicyRegime): number[] {
  return [
    ...POLICY_DIALS.flatMap((dial) => {
      const linear = regime[dial];
      return [
        toUnit(linear.base, BASE_RANGE),
        ...POLICY_FEATURES.map((f) => coefficientToUnit(linear[f] ?? 0)),
        ...(dial === "raise" ? [linear.max ?? 1] : []),
      ];
    }),
    regime.breadth / 6,
    choiceToUnit(SECTOR_ORDERS.indexOf(regime.sectorOrder), SECTOR_ORDERS.length),
  ];
}

/** A policy as unit coordinates (a policy without a late regime reuses its early one there). */
export function encodePolicy(policy: Policy): number[] {
  const sw = policy.switch;
  const signal = sw?.on ?? "bubble";
  return [
    ...encodeRegime(policy.early),
    ...encodeRegime(policy.late ?? policy.early),
    boolToUnit(sw !== undefined),
    choiceToUnit(SWITCH_SIGNALS.indexOf(signal), SWITCH_SIGNALS.length),
    toUnit(sw?.above ?? SWITCH_RANGE[signal][1], SWITCH_RANGE[signal]),
    boolToUnit(sw?.onCorrection ?? false),
    boolToUnit(sw?.openAheadBy !== undefined),
    toUnit(sw?.openAheadBy ?? OPEN_AHEAD_RANGE[1], OPEN_AHEAD_RANGE),
    boolToUnit(policy.openWeightsAt !== null),
    policy.openWeightsAt ?? 0.5,
    choiceToUnit(HARDWARE.indexOf(policy.hardware), HARDWARE.length),
    boolToUnit(policy.distill.enabled),
    toUnit(policy.distill.cashMultiple, CASH_MULTIPLE_RANGE),
    toUnit(policy.fitMargin, FIT_MARGIN_RANGE),
  ];
}

function decodeRegime(u: readonly number[], at: number): { regime: PolicyRegime; next: number } {
  let i = at;
  const take = () => u[i++] ?? 0;
  const dials = {} as Record<(typeof POLICY_DIALS)[number], PolicyRegime["train"]>;
  for (const dial of POLICY_DIALS) {
    const linear: PolicyRegime["train"] = { base: tidy(fromUnit(take(), BASE_RANGE)) };
    for (const f of POLICY_FEATURES) {
      const c = tidy(unitToCoefficient(take()));
      if (c !== 0) linear[f] = c;
    }
    if (dial === "raise") linear.max = tidy(clip01(take()));
    dials[dial] = linear;
  }
  const breadth = Math.round(clip01(take()) * 6);
  const sectorOrder = SECTOR_ORDERS[unitToChoice(take(), SECTOR_ORDERS.length)] ?? "appeal";
  return { regime: { ...dials, breadth, sectorOrder }, next: i };
}

/** Unit coordinates back to a valid policy (coordinates outside [0, 1] are clipped). */
export function decodePolicy(u: readonly number[]): Policy {
  if (u.length !== DIMENSIONS.length) throw new Error(`a policy vector has ${DIMENSIONS.length} coordinates, got ${u.length}`);
  const early = decodeRegime(u, 0);
  const late = decodeRegime(u, early.next);
  let i = late.next;
  const take = () => u[i++] ?? 0;
  const switchOn = take() >= 0.5;
  const signal = SWITCH_SIGNALS[unitToChoice(take(), SWITCH_SIGNALS.length)] ?? "bubble";
  const above = tidy(fromUnit(take(), SWITCH_RANGE[signal]));
  const onCorrection = take() >= 0.5;
  const openAhead = take() >= 0.5;
  const openAheadBy = tidy(fromUnit(take(), OPEN_AHEAD_RANGE));
  const openOn = take() >= 0.5;
  const openAt = tidy(clip01(take()));
  const hardware = HARDWARE[unitToChoice(take(), HARDWARE.length)] ?? "flexible";
  const distill = { enabled: take() >= 0.5, cashMultiple: tidy(fromUnit(take(), CASH_MULTIPLE_RANGE)) };
  const fitMargin = tidy(fromUnit(take(), FIT_MARGIN_RANGE));
  return {
    early: early.regime,
    ...(switchOn ? { late: late.regime, switch: { on: signal, above, onCorrection, ...(openAhead ? { openAheadBy } : {}) } } : {}),
    openWeightsAt: openOn ? openAt : null,
    hardware,
    distill,
    fitMargin,
    jitter: JITTER,
  };
}
