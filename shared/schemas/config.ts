import { z } from "zod";
import { EVENT_KINDS, REGIMES, SECTOR_IDS } from "./vocabulary.js";

/**
 * The economy config: every constant of the model, validated. The default values, each
 * with the real-world figure it stands for, are in `config/ai2025.ts`.
 */

/** Annual interest rate bounds: the start rate and every rate change stay inside them. */
export const RATE_BOUNDS = [0.001, 0.25] as const;

const num = z.number();
const positive = z.number().positive();
const nonNegative = z.number().min(0);
const fraction = z.number().min(0).max(1);
const sectorMap = <T extends z.ZodType>(schema: T) =>
  z.strictObject(Object.fromEntries(SECTOR_IDS.map((id) => [id, schema])) as Record<(typeof SECTOR_IDS)[number], T>);

export const SectorConfigSchema = z.strictObject({
  name: z.string().min(1),
  tam: nonNegative, // $M of addressable revenue per quarter at the start
  growth: z.number().min(-0.5).max(1), // tam growth per quarter
  need: positive, // capability the sector needs for full fit
  servingCost: nonNegative, // serving cost as a fraction of revenue at compute price 1, efficiency 1
  latencyBound: z.boolean(), // needs an edge model for full quality
  regulated: z.boolean(), // draws incidents; compliance tiers under the application regime
  disclosureRule: z.boolean(), // synthetic media: needs disclosure compliance under a regime
});

export const EventDeckSchema = z.strictObject({
  probability: fraction, // chance that a quarter brings an event
  weights: z.strictObject(Object.fromEntries(EVENT_KINDS.map((k) => [k, nonNegative])) as Record<(typeof EVENT_KINDS)[number], typeof nonNegative>),
  gpuShockUp: z.tuple([positive, positive]), // range of the price factor of an upward shock
  gpuShockDown: z.tuple([positive, positive]), // range of the price factor of a downward shock
  vendorShare: fraction, // share of GPU shocks that hit the locked vendor only
  openReleaseJump: z.tuple([nonNegative, nonNegative]), // baseline points
  scalingWallFactor: z.tuple([positive, positive]), // multiplies alpha
  rateStep: nonNegative, // size of a rate hike or cut (annual)
  adoptionWaveFactor: z.tuple([positive, positive]), // multiplies a sector's tam
  scandalMoatLoss: fraction, // data moat lost by non-compliant firms
  scandalTrustLoss: fraction, // sector trust lost
  selloffDepth: z.tuple([fraction, fraction]), // sentiment cut of a sell-off
  selloffHazard: fraction, // extra correction hazard the quarter of a sell-off
  rateHikeHazard: fraction, // extra correction hazard the quarter of a rate hike
});

export const EconomyConfigSchema = z.strictObject({
  quarters: z.number().int().min(4).max(40),
  clock: z.strictObject({
    referenceQuarters: z.number().int().min(4).max(40), // the length the dynamics are calibrated on
    scaleWithLength: z.boolean(), // a turn spans referenceQuarters / quarters quarters of dynamics
  }),
  start: z.strictObject({
    cash: positive,
    shares: positive,
    founderShares: positive,
    compute: nonNegative,
    rate: z.number().min(RATE_BOUNDS[0]).max(RATE_BOUNDS[1]),
    sentiment: z.number().min(0.3).max(6),
    regime: z.enum(REGIMES),
    disclosure: z.boolean(),
  }),
  capability: z.strictObject({ capMax: positive, k0: positive, alpha: z.number().positive().max(2) }),
  compute: z.strictObject({
    drift: z.number().min(-0.5).max(0.5),
    noise: nonNegative,
    floor: positive,
    lockedDiscount: z.number().positive().max(1),
    lockQuarters: z.number().int().min(1).max(40),
    vendorShockDecay: fraction,
    modelLicenceThreshold: nonNegative,
    modelLicenceRate: fraction,
  }),
  openBaseline: z.strictObject({
    start: nonNegative,
    growth: nonNegative,
    lagQuarters: z.number().int().min(0).max(8),
    lagGap: nonNegative,
    appGap: nonNegative,
    diffusion: fraction,
  }),
  api: z.strictObject({
    pool: nonNegative,
    priceDecline: fraction,
    volumeGrowth: num,
    hypeElasticity: num,
    leadForFullCapture: positive,
    splitExponent: positive,
    servingCost: nonNegative,
    rivalry: fraction,
    openShare: fraction,
  }),
  sectors: sectorMap(SectorConfigSchema),
  apps: z.strictObject({
    integrationDecay: fraction,
    fitExponent: positive,
    integrationFitExponent: nonNegative,
    latencyPenalty: fraction,
    edgeCost: nonNegative,
    ecosystemGrowth: fraction,
    ecosystemMax: nonNegative,
    ecosystemLift: positive,
    moatGrowth: nonNegative,
    moatMax: nonNegative,
    sharpness: positive,
    outsideQuality: positive,
    adoption: fraction,
    spanSectors: z.number().int().min(1).max(6),
    spanPenalty: nonNegative,
  }),
  efficiency: z.strictObject({ max: nonNegative, scale: positive }),
  // A firm's own fortunes: σ of the log of a mean-one lognormal draw (0 = no luck, the same outcome every seed).
  luck: z.strictObject({ training: z.number().min(0).max(2), productFit: z.number().min(0).max(2) }),
  regulation: z.strictObject({
    incidentRate: fraction,
    incidentShareRef: positive,
    complianceScale: positive,
    complianceDecay: fraction,
    complianceTier: nonNegative,
    fineRate: fraction,
    disclosureFineRate: fraction,
    customerLoss: fraction,
    sentimentHit: fraction,
    trustLoss: fraction,
    trustRecovery: fraction,
  }),
  opex: z.strictObject({
    fixed: nonNegative,
    perTraining: nonNegative,
    perRevenue: fraction,
    rampCost: nonNegative,
    rampAllowance: nonNegative,
    rampBase: positive,
    rampCap: nonNegative,
  }),
  valuation: z.strictObject({
    multiple: positive,
    referenceRate: positive,
    riskPremium: positive,
    growthPremium: nonNegative,
    rampRecurring: fraction,
    capitaliseApps: fraction,
    capabilityWeight: nonNegative,
    hypeDecay: fraction,
    trainingHype: nonNegative,
    creditWeight: nonNegative,
    creditDepreciation: fraction,
    creditWritedown: fraction,
    disclosureNarrative: fraction,
    disclosureMultiple: positive,
  }),
  sentiment: z.strictObject({
    momentum: num,
    hypeGrowth: num,
    capex: num,
    maxRise: positive,
    gravity: nonNegative,
    gravityThreshold: positive,
    gravityMoodReference: nonNegative,
    noise: nonNegative,
    scarredMomentum: fraction,
    recovery: fraction,
    reversion: fraction,
    floor: positive,
    ceiling: positive,
    disclosureDamping: fraction,
  }),
  correction: z.strictObject({
    hazardMax: fraction,
    hazardMidpoint: positive,
    hazardWidth: positive,
    depth: z.tuple([fraction, fraction]),
    quarters: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    cooldown: z.number().int().min(0),
    demandHit: fraction,
    moodReference: nonNegative,
    // 0 (off) or a B_neutral above 1: the story's size beyond it does not raise the hazard.
    storyCap: z.number().refine((x) => x === 0 || x > 1, {
      message: "must be 0 (off) or more than 1",
      params: { problem: "tooSmall", min: 1, inclusive: false },
    }),
  }),
  financing: z.strictObject({
    appetite: fraction,
    appetiteFloor: num,
    appetiteSpan: positive,
    correctionAppetite: fraction,
    profitAppetite: nonNegative,
    seedAppetite: fraction,
    lastResort: fraction,
    pool: nonNegative,
    discount: fraction,
    emergencyDiscount: fraction,
    emergencyBuffer: nonNegative,
  }),
  events: EventDeckSchema,
});

export type EconomyConfig = z.infer<typeof EconomyConfigSchema>;
export type SectorConfig = z.infer<typeof SectorConfigSchema>;
