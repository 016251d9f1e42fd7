import { z } from "zod";
import type { FirmView } from "../engine/view.js";
import { nextFloat, type RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import { HARDWARE, SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";
import { fitApps, fittingSectors, marketMood, needsCompliance, toAction } from "./plan.js";

/**
 * A parameterised policy: the exploit search's genome, and a seat the simulator can play
 * (`--firms …,policy:best.json`). Plain JSON. Every dial is a clipped linear function of what
 * a player sees, so one shape expresses every bot of strategies.ts and the strategies the
 * economy must not reward (open-weights shipper, pure scaler, cash-share shipper…).
 */

/**
 * What a player sees, normalised to about −1…3 so that coefficients are comparable:
 * - `sentiment`: S − 1 (0 = neutral investors)
 * - `bubble`: B − 1, the bubble ratio last reported
 * - `cash`: log10(cash ÷ starting cash)
 * - `lead`: (own capability − what the open model offers to build on) ÷ 10 benchmark points
 * - `fit`: share of the sectors the usable capability fits (at the policy's `fitMargin`)
 * - `progress`: quarters played ÷ game length (0 before quarter 1)
 * - `correction`: 1 while a correction is under way
 * - `regulated`: 1 when the firm serves a regulated sector under a regime without enough compliance
 * - `media`: 1 when synthetic media is among the sectors it ships into
 */
export const POLICY_FEATURES = ["sentiment", "bubble", "cash", "lead", "fit", "progress", "correction", "regulated", "media"] as const;
export type PolicyFeature = (typeof POLICY_FEATURES)[number];
export type Features = Record<PolicyFeature, number>;

/** The dials a regime sets: spending, raising, and the relative weights of the five levers. */
export const POLICY_DIALS = ["spend", "raise", "train", "apps", "efficiency", "compliance", "marketing"] as const;
export type PolicyDial = (typeof POLICY_DIALS)[number];

/** Coefficients are bounded so a policy file cannot hide an absurd number. */
const coefficient = z.number().min(-10).max(10);

/** A dial: clip(base + Σ coefficient × feature, min, max); missing coefficients are 0. */
export const LinearSchema = z.strictObject({
  base: coefficient,
  ...(Object.fromEntries(POLICY_FEATURES.map((f) => [f, coefficient.optional()])) as Record<PolicyFeature, z.ZodOptional<typeof coefficient>>),
  min: z.number().min(0).max(1).optional().describe("lower clip, default 0"),
  max: z.number().min(0).max(1).optional().describe("upper clip, default 1"),
});
export type Linear = z.infer<typeof LinearSchema>;

export const SECTOR_ORDERS = ["appeal", "need"] as const;

export const RegimeSchema = z.strictObject({
  spend: LinearSchema.describe("share of the budget (cash + raise) spent this quarter"),
  raise: LinearSchema.describe("share of the market's appetite raised"),
  train: LinearSchema,
  apps: LinearSchema.describe("weight of apps, spread over the fitting sectors by appeal"),
  efficiency: LinearSchema,
  compliance: LinearSchema,
  marketing: LinearSchema,
  breadth: z.int().min(0).max(SECTOR_IDS.length).describe("how many fitting sectors to ship into"),
  sectorOrder: z.enum(SECTOR_ORDERS).describe("which fitting sectors first: best-paying (appeal) or most demanding (need)"),
});
export type PolicyRegime = z.infer<typeof RegimeSchema>;

export const SWITCH_SIGNALS = ["bubble", "sentiment", "progress"] as const;

export const PolicySchema = z
  .strictObject({
    early: RegimeSchema.describe("the regime played until the switch"),
    late: RegimeSchema.optional().describe("the regime played for good once the switch has fired"),
    switch: z
      .strictObject({
        on: z.enum(SWITCH_SIGNALS).describe("B, S (their highest value so far) or quarter progress"),
        above: z.number().min(0).max(40),
        onCorrection: z.boolean().describe("also switch once a correction has begun"),
        openAheadBy: z.number().min(0).max(50).optional().describe("also switch once the open model leads the firm's own by more than this many points"),
      })
      .optional(),
    openWeightsAt: z.number().min(0).max(1).nullable().describe("release the weights once progress reaches this (0 = quarter 1); null = never"),
    hardware: z.enum(HARDWARE),
    distill: z.strictObject({
      enabled: z.boolean(),
      cashMultiple: z.number().min(0).max(100).describe("distill only with cash above this many edge-model costs"),
    }),
    fitMargin: z.number().min(0.5).max(1.5).describe("a sector fits when usable capability ≥ its need × this"),
    jitter: z.number().min(0).max(0.5).describe("± share of random jitter on the spend share, from the seat's generator"),
  })
  .refine((p) => (p.late === undefined) === (p.switch === undefined), { message: "late and switch go together: give both or neither", path: ["switch"] });
export type Policy = z.infer<typeof PolicySchema>;

/** Validates a policy (e.g. a parsed file), with an error that names the field and the rule. */
export function parsePolicy(raw: unknown): { ok: true; value: Policy } | { ok: false; message: string } {
  const parsed = PolicySchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, message: "not a policy" };
  const path = issue.path.join(".");
  if (issue.code === "unrecognized_keys") return { ok: false, message: `unknown key ${issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(", ")}` };
  return { ok: false, message: `${path || "policy"}: ${issue.message}` };
}

/** The features in the order `evalLinear` sums them: a feature added to POLICY_FEATURES without its term there fails to compile. */
const SUMMED: readonly ["sentiment", "bubble", "cash", "lead", "fit", "progress", "correction", "regulated", "media"] = POLICY_FEATURES;
void SUMMED;

export function evalLinear(dial: Linear, features: Features): number {
  // base + Σ coefficient × feature, in POLICY_FEATURES order, read by name: a keyed load per feature is several times slower (the search's hot path).
  const x =
    dial.base +
    (dial.sentiment ?? 0) * features.sentiment +
    (dial.bubble ?? 0) * features.bubble +
    (dial.cash ?? 0) * features.cash +
    (dial.lead ?? 0) * features.lead +
    (dial.fit ?? 0) * features.fit +
    (dial.progress ?? 0) * features.progress +
    (dial.correction ?? 0) * features.correction +
    (dial.regulated ?? 0) * features.regulated +
    (dial.media ?? 0) * features.media;
  return Math.min(dial.max ?? 1, Math.max(dial.min ?? 0, x));
}

/** Points by which the open model (less the cost of building on it) leads the firm's own model. */
export function openLead(view: FirmView): number {
  return view.market.openBaseline - view.config.openBaseline.appGap - view.self.capability;
}

/** Has the switch fired by now? It looks at the whole public history, so a switch is for good. */
export function switched(policy: Policy, view: FirmView): boolean {
  const sw = policy.switch;
  if (!sw) return false;
  if (sw.onCorrection && marketMood(view).correction) return true;
  if (sw.openAheadBy !== undefined && openLead(view) > sw.openAheadBy) return true;
  if (sw.on === "progress") return view.quarter / view.quarters >= sw.above;
  let peak = sw.on === "bubble" ? 0 : view.market.sentiment;
  for (const m of view.market.history) peak = Math.max(peak, sw.on === "bubble" ? m.bubbleRatio : m.sentiment);
  return peak >= sw.above;
}

function sectorsFor(view: FirmView, regime: PolicyRegime, fitting: readonly SectorId[]): SectorId[] {
  const ordered = regime.sectorOrder === "need" ? [...fitting].sort((a, b) => view.config.sectors[b].need - view.config.sectors[a].need) : [...fitting];
  return ordered.slice(0, regime.breadth);
}

/** The features a policy reads from a firm's view (see POLICY_FEATURES). */
export function policyFeatures(view: FirmView, fitting: readonly SectorId[], sectors: readonly SectorId[]): Features {
  const mood = marketMood(view);
  const startCash = view.self.history[0]?.cash ?? view.self.cash;
  return {
    sentiment: mood.sentiment - 1,
    bubble: mood.bubbleRatio - 1,
    cash: Math.log10(Math.max(1, view.self.cash) / Math.max(1, startCash)),
    lead: -openLead(view) / 10,
    fit: fitting.length / SECTOR_IDS.length,
    progress: view.quarter / view.quarters,
    correction: view.market.correction.active ? 1 : 0,
    regulated: needsCompliance(view) ? 1 : 0,
    media: sectors.includes("media") ? 1 : 0,
  };
}

/** The policy's action for a firm's view; `rng` (the seat's generator) only jitters the spend. */
export function policyAction(policy: Policy, view: FirmView, rng: RngState): Action {
  const regime = policy.late && switched(policy, view) ? policy.late : policy.early;
  const fitting = fittingSectors(view, policy.fitMargin);
  const sectors = sectorsFor(view, regime, fitting);
  const x = policyFeatures(view, fitting, sectors);
  const dial = (name: PolicyDial) => evalLinear(regime[name], x);
  const jitter = 1 + policy.jitter * (2 * nextFloat(rng) - 1);
  const latencyFits = sectors.some((id) => view.config.sectors[id].latencyBound);
  return toAction(view, {
    spendShare: Math.min(1, dial("spend") * jitter),
    raiseShare: dial("raise"),
    train: dial("train"),
    ...fitApps(view, sectors, dial("apps")),
    efficiency: dial("efficiency"),
    compliance: dial("compliance"),
    marketing: dial("marketing"),
    distill: policy.distill.enabled && latencyFits && view.self.cash > policy.distill.cashMultiple * view.limits.edgeCost,
    openWeights: policy.openWeightsAt !== null && view.quarter / view.quarters >= policy.openWeightsAt,
    hardware: policy.hardware,
  });
}

const num = (x: number) => `${Number(x.toPrecision(3))}`;

/** A dial as a formula a designer can read, e.g. "−1.05 + 5×sentiment, in [0, 1]". */
export function linearText(dial: Linear): string {
  const terms = POLICY_FEATURES.filter((f) => (dial[f] ?? 0) !== 0).map(
    (f) => `${(dial[f] as number) < 0 ? "− " : "+ "}${num(Math.abs(dial[f] as number))}×${f}`,
  );
  const lo = dial.min ?? 0;
  const hi = dial.max ?? 1;
  if (terms.length === 0) return num(Math.min(hi, Math.max(lo, dial.base)));
  return `${num(dial.base)} ${terms.join(" ")}, in [${num(lo)}, ${num(hi)}]`;
}

function regimeLines(regime: PolicyRegime): string[] {
  return [
    ...POLICY_DIALS.map((d) => `${d}: ${linearText(regime[d])}`),
    `apps into the ${regime.breadth} ${regime.sectorOrder === "need" ? "most demanding" : "best-paying"} fitting sectors`,
  ];
}

/** The policy's parameters as lines of text (the CLI prints them; the report shows them). */
export function describePolicy(policy: Policy): string[] {
  const lines: string[] = [];
  if (policy.late && policy.switch) {
    const sw = policy.switch;
    const signal = sw.on === "progress" ? `quarter progress ≥ ${num(sw.above)}` : `${sw.on === "bubble" ? "B" : "S"} has reached ${num(sw.above)}`;
    const also = [
      ...(sw.onCorrection ? ["a correction has begun"] : []),
      ...(sw.openAheadBy !== undefined ? [`the open model leads its own by more than ${num(sw.openAheadBy)} points`] : []),
    ];
    lines.push(`until ${[signal, ...also].join(" or ")}:`, ...regimeLines(policy.early).map((l) => `  ${l}`));
    lines.push("then, for good:", ...regimeLines(policy.late).map((l) => `  ${l}`));
  } else {
    lines.push(...regimeLines(policy.early));
  }
  lines.push(
    `open weights: ${policy.openWeightsAt === null ? "never" : policy.openWeightsAt === 0 ? "from quarter 1" : `once ${Math.round(100 * policy.openWeightsAt)}% of the game has been played`}`,
    `hardware: ${policy.hardware}`,
    `distill an edge model: ${policy.distill.enabled ? `when a latency-bound sector fits and cash > ${num(policy.distill.cashMultiple)}× its cost` : "never"}`,
    `a sector fits at ${Math.round(100 * policy.fitMargin)}% of its need; spend jitter ±${Math.round(100 * policy.jitter)}%`,
  );
  return lines;
}
