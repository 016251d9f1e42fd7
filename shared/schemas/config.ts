import { z } from "zod";
import { EVENT_KINDS, REGIMES, SECTOR_IDS } from "./vocabulary.js";

/**
 * The economy config: every constant of the model, validated. The default values, each
 * with the real-world figure it stands for, are in `config/ai2025.ts`.
 */

/** Annual interest rate bounds: the start rate and every rate change stay inside them. */
export const RATE_BOUNDS = [0.001, 0.25] as const;

/**
 * Every numeric dial has a range. The ranges are not the model's calibration: they stand far
 * outside every tuned value (10–1,000× most of them) and only keep out what no game can play
 * (1e300 multipliers, a negative market, a year-long correction of a 16-quarter game), so an
 * error names the key and the range. A game at either end of any one range, every other dial at
 * a scenario's value, plays the room's 12-quarter trial with finite figures
 * (test/server/config-bounds.test.ts); dials can still break the model together, which the
 * room's trial and its per-quarter check catch.
 */
const rangeWords = (min: number, max: number, above: boolean) => `must be ${above ? "more than" : "at least"} ${min} and at most ${max}`;
/** From `min` to `max`, both included. */
const between = (min: number, max: number) =>
  z
    .number()
    .min(min, rangeWords(min, max, false))
    .max(max, rangeWords(min, max, false));
/** More than `min` (a divisor, a scale: 0 is not allowed), at most `max`. */
const above = (min: number, max: number) =>
  z
    .number()
    .gt(min, rangeWords(min, max, true))
    .max(max, rangeWords(min, max, true));
/** A whole number from `min` to `max`. */
const count = (min: number, max: number) => between(min, max).int();
const fraction = between(0, 1);
const sectorMap = <T extends z.ZodType>(schema: T) =>
  z.strictObject(Object.fromEntries(SECTOR_IDS.map((id) => [id, schema])) as Record<(typeof SECTOR_IDS)[number], T>);

export const SectorConfigSchema = z.strictObject({
  name: z.string().min(1),
  tam: between(0, 1e6), // $M of addressable revenue per quarter at the start
  growth: between(-0.5, 1), // tam growth per quarter
  need: above(0, 1000), // capability the sector needs for full fit
  servingCost: between(0, 20), // serving cost as a fraction of revenue at compute price 1, efficiency 1
  latencyBound: z.boolean(), // needs an edge model for full quality
  regulated: z.boolean(), // draws incidents; compliance tiers under the application regime
  disclosureRule: z.boolean(), // synthetic media: needs disclosure compliance under a regime
});

const weight = between(0, 1000);
/** A multiplying factor of an event (a GPU shock, a scaling wall, an adoption wave). */
const factor = above(0, 10);

export const EventDeckSchema = z.strictObject({
  probability: fraction, // chance that a quarter brings an event
  weights: z.strictObject(Object.fromEntries(EVENT_KINDS.map((k) => [k, weight])) as Record<(typeof EVENT_KINDS)[number], typeof weight>),
  gpuShockUp: z.tuple([factor, factor]), // range of the price factor of an upward shock
  gpuShockDown: z.tuple([factor, factor]), // range of the price factor of a downward shock
  vendorShare: fraction, // share of GPU shocks that hit the locked vendor only
  openReleaseJump: z.tuple([between(0, 100), between(0, 100)]), // baseline points
  scalingWallFactor: z.tuple([factor, factor]), // multiplies alpha
  rateStep: between(0, RATE_BOUNDS[1]), // size of a rate hike or cut (annual)
  adoptionWaveFactor: z.tuple([factor, factor]), // multiplies a sector's tam
  scandalMoatLoss: fraction, // data moat lost by non-compliant firms
  scandalTrustLoss: fraction, // sector trust lost
  selloffDepth: z.tuple([fraction, fraction]), // sentiment cut of a sell-off
  selloffHazard: fraction, // extra correction hazard the quarter of a sell-off
  rateHikeHazard: fraction, // extra correction hazard the quarter of a rate hike
});

export const EconomyConfigSchema = z.strictObject({
  quarters: count(4, 40),
  clock: z.strictObject({
    referenceQuarters: count(4, 40), // the length the dynamics are calibrated on
    scaleWithLength: z.boolean(), // a turn spans referenceQuarters / quarters quarters of dynamics
  }),
  start: z.strictObject({
    cash: above(0, 1e6),
    shares: above(0, 1e6),
    founderShares: above(0, 1e6),
    compute: between(0, 1e7),
    rate: between(RATE_BOUNDS[0], RATE_BOUNDS[1]),
    sentiment: between(0.3, 6),
    regime: z.enum(REGIMES),
    disclosure: z.boolean(),
  }),
  capability: z.strictObject({ capMax: above(0, 1000), k0: above(0, 1e7), alpha: above(0, 2), lagQuarters: between(0, 8) }),
  compute: z.strictObject({
    drift: between(-0.5, 0.5),
    noise: between(0, 1),
    floor: above(0, 10),
    lockedDiscount: above(0, 1),
    lockQuarters: count(1, 40),
    vendorShockDecay: fraction,
    modelLicenceThreshold: between(0, 1e6),
    modelLicenceRate: fraction,
  }),
  openBaseline: z.strictObject({
    start: between(0, 1000),
    growth: between(0, 100),
    lagQuarters: count(0, 8),
    lagGap: between(0, 1000),
    appGap: between(0, 1000),
    diffusion: fraction,
  }),
  api: z.strictObject({
    pool: between(0, 1e6),
    priceDecline: fraction,
    volumeGrowth: between(-0.5, 1),
    hypeElasticity: between(-10, 10),
    leadForFullCapture: above(0, 1000),
    splitExponent: above(0, 20),
    servingCost: between(0, 20),
    rivalry: fraction,
    openShare: fraction,
  }),
  sectors: sectorMap(SectorConfigSchema),
  apps: z.strictObject({
    integrationDecay: fraction,
    fitExponent: above(0, 20),
    integrationFitExponent: between(0, 20),
    latencyPenalty: fraction,
    edgeCost: between(0, 1e6),
    ecosystemGrowth: fraction,
    ecosystemMax: between(0, 100),
    ecosystemLift: above(0, 1000),
    moatGrowth: between(0, 10),
    moatMax: between(0, 100),
    sharpness: above(0, 20),
    outsideQuality: above(0, 1000),
    adoption: fraction,
    spanSectors: count(1, 6),
    spanPenalty: between(0, 1000),
  }),
  efficiency: z.strictObject({ max: between(0, 100), scale: above(0, 1e7) }),
  // A firm's own fortunes: σ of the log of a mean-one lognormal draw (0 = no luck, the same outcome every seed).
  luck: z.strictObject({ training: between(0, 2), productFit: between(0, 2) }),
  regulation: z.strictObject({
    incidentRate: fraction,
    incidentShareRef: above(0, 1),
    complianceScale: above(0, 1e4),
    complianceDecay: fraction,
    complianceTier: between(0, 1e4),
    fineRate: fraction,
    disclosureFineRate: fraction,
    customerLoss: fraction,
    sentimentHit: fraction,
    trustLoss: fraction,
    trustRecovery: fraction,
  }),
  opex: z.strictObject({
    fixed: between(0, 1e5),
    perTraining: between(0, 10),
    perRevenue: fraction,
    rampCost: between(0, 1000),
    rampAllowance: between(0, 100),
    rampBase: above(0, 1e7),
    rampCap: between(0, 1e9), // 1e9: no cap in effect (docs/balance.md measures 2.10.0's rule so)
  }),
  valuation: z.strictObject({
    multiple: above(0, 1000),
    referenceRate: above(0, 1),
    riskPremium: above(0, 1),
    growthPremium: between(0, 100),
    rampRecurring: fraction,
    capitaliseApps: fraction,
    capitaliseRuns: fraction,
    capabilityWeight: between(0, 1e5),
    hypeDecay: fraction,
    trainingHype: between(0, 100),
    creditWeight: between(0, 1000),
    creditDepreciation: fraction,
    creditWritedown: fraction,
    disclosureNarrative: fraction,
    disclosureMultiple: above(0, 100),
  }),
  sentiment: z.strictObject({
    momentum: between(0, 10), // a short game's turn echoes momentum^tau: a negative one has no fractional power
    hypeGrowth: between(-10, 10),
    capex: between(-100, 100),
    maxRise: above(0, 10),
    gravity: between(0, 10),
    gravityThreshold: above(0, 100),
    gravityMoodReference: between(0, 100),
    noise: between(0, 1),
    scarredMomentum: fraction,
    recovery: fraction,
    reversion: fraction,
    floor: above(0, 6),
    ceiling: above(0, 100),
    disclosureDamping: fraction,
  }),
  correction: z.strictObject({
    hazardMax: fraction,
    hazardMidpoint: above(0, 100),
    hazardWidth: above(0, 100),
    depth: z.tuple([fraction, fraction]),
    quarters: z.tuple([count(1, 40), count(1, 40)]),
    cooldown: count(0, 40),
    demandHit: fraction,
    moodReference: between(0, 100),
    // 0 (off) or a B_neutral above 1: the story's size beyond it does not raise the hazard.
    storyCap: z
      .number()
      .max(100, "must be 0 (off), or more than 1 and at most 100")
      .refine((x) => x === 0 || x > 1, {
        message: "must be 0 (off), or more than 1 and at most 100",
        params: { problem: "tooSmall", min: 1, inclusive: false },
      }),
  }),
  financing: z.strictObject({
    appetite: fraction,
    appetiteFloor: between(-10, 10),
    appetiteSpan: above(0, 100),
    correctionAppetite: fraction,
    profitAppetite: between(0, 100),
    seedAppetite: fraction,
    lastResort: fraction,
    pool: between(0, 1e6),
    discount: between(0, 0.9), // at 1 new shares sell for nothing: a raise issues infinitely many
    emergencyDiscount: between(0, 0.9),
    emergencyBuffer: between(0, 1e5),
  }),
  monetary: z.strictObject({
    easeMax: between(0, RATE_BOUNDS[1]), // the most the central bank cuts after a fall (annual); 0: off
    easeFrom: fraction, // the fall of total valuation from its peak where easing begins
    easeSpan: above(0, 1), // the further fall over which it reaches easeMax
  }),
  events: EventDeckSchema,
});

export type EconomyConfig = z.infer<typeof EconomyConfigSchema>;
export type SectorConfig = z.infer<typeof SectorConfigSchema>;
