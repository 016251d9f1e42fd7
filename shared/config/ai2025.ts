import type { EconomyConfig } from "../schemas/config.js";

/**
 * The default economy, `ai-2025`. Money is $M, a turn is a quarter. Each constant names the
 * real-world figure it stands for (see docs/model.md for the sources table).
 */
export const AI_2025: EconomyConfig = {
  quarters: 16, // a 4-year boom-and-bust cycle, like Mar 2000 → Oct 2002 compressed
  clock: {
    referenceQuarters: 16, // the dynamics below are per quarter of a 16-quarter cycle
    scaleWithLength: true, // shorter games run the same cycle faster (see engine/clock.ts)
  },
  start: {
    cash: 1000, // a well-funded AI start-up's war chest (~$1B)
    shares: 100, // million shares outstanding
    founderShares: 60, // founders keep 60% after early rounds
    compute: 400, // compute units already trained (a GPT-3-class run)
    rate: 0.04, // ~4% policy rate, 2025
    sentiment: 1, // investors start neutral
    regime: "none", // no AI-specific regulation in force at the start
    disclosure: false, // investors price narrative; workload metrics are not disclosed
  },
  capability: {
    capMax: 100, // benchmark ceiling
    k0: 200, // compute scale where returns begin to bend
    alpha: 0.34, // Chinchilla's N^-0.34 term: 10× compute closes ~54% of the remaining gap
    lagQuarters: 3, // engine 2.13.0: a run ships 3 quarters after its spend (Epoch AI: median notable run ~3 months of training; GPT-4 trained by August 2022, shipped March 2023). 0: at once, as before
  },
  compute: {
    drift: -0.06, // GPU rental fell ~$8/h (2023) → <$2/h (late 2024): ~6% a quarter
    noise: 0.04, // quarter-to-quarter volatility of GPU rental prices
    floor: 0.05, // compute never becomes free
    lockedDiscount: 0.8, // reserved-capacity contracts run ~20% under spot
    lockQuarters: 4, // a one-year reserved contract
    vendorShockDecay: 0.5, // a vendor's supply shock halves each quarter
    modelLicenceThreshold: 150, // model regime: runs above ~$150M/q need a licence (EU AI Act GPAI systemic-risk threshold, 10^25 FLOP)
    modelLicenceRate: 0.15, // licence fee on training spend above the threshold
  },
  openBaseline: {
    start: 28, // open-weight models start just behind the closed frontier
    growth: 2, // open models improve every quarter
    lagQuarters: 3, // a floor: open weights are never more than 3 quarters behind the closed frontier (Epoch AI: ~3.5 months on average)
    lagGap: 5.6, // ... less a few benchmark points
    appGap: 3.3, // building apps on an open model costs a little capability
    diffusion: 0.5, // a released model becomes the open baseline over quarters: half the gap closes each quarter (Llama 2 → its fine-tunes took months to lead)
  },
  api: {
    pool: 1240, // frontier API revenue per quarter at the start (~$5B a year, 2024)
    priceDecline: 0.2, // ~10× a year at equal capability (a16z "LLMflation"): we use a gentler −20%/q
    volumeGrowth: 0.08, // token volume grows ~8% a quarter
    hypeElasticity: 0.13, // demand rises with hype (S − 1)
    leadForFullCapture: 14, // a 14-point lead over open models captures the whole API market (GPT-4's lead over open models in 2023; customers switch only for a clear gap)
    splitExponent: 1, // models split API revenue in proportion to their lead (>1 favours the leader)
    servingCost: 0.45, // inference cost ~45% of API revenue
    rivalry: 0.3, // frontier labs at a similar lead compete on price (2024: GPT-4o, Claude 3.5, DeepSeek-V2 price cuts): the captured pool × (1 − rivalry × runner-up's lead ÷ leader's)
    openShare: 0.62, // an open-weights firm keeps ~60% of the API revenue its model earns: other hosts serve the same weights (Llama via AWS Bedrock, Azure, Together; Mistral's own API and Azure's)
  },
  // Per sector: tam = $M of revenue per quarter if one firm held every customer; growth = tam growth per
  // quarter; need = capability for full fit; servingCost = serving cost ÷ revenue at compute price 1.
  // Sizes are the design prototype's calibration (DESIGN.md, calibration notes); each sector's own
  // comment names the real activity it stands for.
  sectors: {
    support: {
      name: "Customer support agents",
      tam: 250,
      growth: 0.06,
      need: 30,
      servingCost: 0.35,
      latencyBound: false,
      regulated: false,
      disclosureRule: false,
    }, // contact-centre automation
    industrial: {
      name: "Industrial quality inspection",
      tam: 200,
      growth: 0.05,
      need: 48,
      servingCost: 0.3,
      latencyBound: true,
      regulated: false,
      disclosureRule: false,
    }, // machine vision on the line: real time, on-prem
    medical: {
      name: "Medical diagnosis assistance",
      tam: 250,
      growth: 0.06,
      need: 66,
      servingCost: 0.35,
      latencyBound: false,
      regulated: true,
      disclosureRule: false,
    }, // high-risk under the EU AI Act
    finance: {
      name: "Credit and risk scoring",
      tam: 250,
      growth: 0.04,
      need: 50,
      servingCost: 0.25,
      latencyBound: false,
      regulated: true,
      disclosureRule: false,
    }, // high-risk (creditworthiness) under the EU AI Act
    driving: { name: "Driver assistance", tam: 300, growth: 0.07, need: 72, servingCost: 0.45, latencyBound: true, regulated: true, disclosureRule: false }, // real-time and safety-critical
    media: {
      name: "Synthetic video and audio",
      tam: 250,
      growth: 0.08,
      need: 45,
      servingCost: 1.6,
      latencyBound: false,
      regulated: false,
      disclosureRule: true,
    }, // the Pets.com trap: serving costs exceed revenue until efficiency catches up
  },
  apps: {
    integrationDecay: 0.05, // integrations rot ~5% a quarter without upkeep
    fitExponent: 3, // below the sector's need, quality falls off fast
    integrationFitExponent: 0.55, // integration work is only as good as the model it integrates (0 = fit does not matter)
    latencyPenalty: 0.3, // a remote API is 30% as good for real-time uses
    edgeCost: 120, // distilling an edge model (~1/10 of a frontier run)
    ecosystemGrowth: 0.15, // open-weight ecosystems grow ~15% of the way to saturation each quarter
    ecosystemMax: 0.8, // a full ecosystem speeds integration by 80% (tuned on engine 2.2.0's bots: at 1, a release from quarter 1 gained `balanced` +25% at 16 quarters)
    ecosystemLift: 6, // a release must lift the open frontier ~6 points for a full ecosystem (Llama, DeepSeek-R1 led open models by a few points)
    moatGrowth: 0.04, // proprietary data accumulates with customers served
    moatMax: 0.5, // a data moat adds at most 50% quality
    sharpness: 1.12, // logit weight on log quality
    outsideQuality: 63, // incumbents without AI
    adoption: 0.35, // enterprise adoption lag: 35% of the gap closes each quarter
    // Span of control (Penrose 1959; Teece 1982): a firm that trains a model and integrates into more than spanSectors sectors in a turn
    // gets 1 ÷ (1 + spanPenalty × the sectors beyond) of each sector's integration work
    spanSectors: 3,
    spanPenalty: 3, // engine 2.10.0: with four sectors while training each gets a quarter of its integration work, with five a seventh
  },
  efficiency: {
    max: 2.5, // serving efficiency can improve 3.5× (distillation, quantisation, batching)
    scale: 400, // $M of cumulative efficiency work for ~63% of that
  },
  luck: {
    // A training run buys more or less capability than its compute promised: each run's gain is scaled by a
    // mean-one lognormal draw (GPT-4.5 "Orion" and Llama 4 fell short of their compute; DeepSeek-V3 far exceeded its own)
    training: 0.15,
    // A product finds or misses its market: a firm's fit in a sector, drawn when it first ships there, multiplies
    // its product's quality there for the rest of the game (Copilot and Cursor found theirs; Inflection Pi and the Humane pin did not).
    // 0.9 (2.7.0; 0.6 before) once the bots read their own fit: it spreads the wins without delisting the shippers (docs/balance.md);
    // 1.2 (2.13.0) with time to build: a shipper's fortune is its markets' (most products miss, a few find theirs at scale)
    productFit: 1.2,
  },
  regulation: {
    incidentRate: 0.1, // chance of an incident per regulated sector per quarter at a large share
    incidentShareRef: 0.15, // share at which the incident rate is full
    complianceScale: 5, // compliance level that halves the incident rate (application regime)
    complianceDecay: 0.1, // compliance lapses ~10% a quarter without upkeep
    complianceTier: 5, // level a firm needs to be compliant in a regulated sector
    fineRate: 0.28, // fine as a share of the sector's quarterly revenue (EU AI Act: up to 7% of annual turnover ≈ 28% of a quarter)
    disclosureFineRate: 0.1, // synthetic media without disclosure compliance, per quarter of media revenue
    customerLoss: 0.35, // customers lost after an incident
    sentimentHit: 0.03, // sentiment lost to an incident's headlines
    trustLoss: 0.15, // shared sector trust lost to an incident
    trustRecovery: 0.1, // trust recovers 10% of its gap each quarter
  },
  opex: {
    fixed: 40, // staff and offices, $M per quarter
    perTraining: 0.0091, // cluster upkeep per $M of cumulative training
    perRevenue: 0.3, // sales and staff grow with revenue (~30%)
    // Growing fast costs more than growing steadily (the Penrose effect; Hayashi 1982's adjustment cost against the firm's own size):
    // spending x above (1 + rampAllowance)^tau times the firm's last turn K pays rampCost × (x/K − that)² × K in hiring and integration overhead
    rampCost: 3, // engine 2.10.0: the search's "raise hard, spend at once on everything" plan met no cost of growing fast (docs/balance.md)
    rampAllowance: 0.25, // a firm's staff absorbs ~25% more spending a quarter without strain
    rampBase: 400, // K is at least $400M a quarter: a $1B start-up puts half its war chest (400 × 1.25) to work in its first quarter without strain
    rampCap: 0.33, // engine 2.11.0: the overhead is at most a third of the spending above the free amount (it was 3×: $900M in a first quarter paid $1.2B and delisted the firm)
  },
  valuation: {
    multiple: 10, // a fair 10× annual operating profit at a 4% rate
    referenceRate: 0.04, // the rate at which the multiple is 10
    riskPremium: 0.05, // equity risk premium (Damodaran's implied ERP ~4–5%): the multiple is ∝ 1/(rate + premium), so it stays bounded at any rate
    growthPremium: 0.74, // up to +74% on the multiple for a firm doubling its revenue (growth stocks' premium)
    rampRecurring: 0, // engine 2.12.0: the ramp cost is a one-off, stripped from the run-rate profit fundamentals annualise (analysts strip non-recurring charges); its cash is gone once. 1: 2.11.0, which annualised it like a recurring cost
    capitaliseApps: 1, // integration work is capitalised and amortised (software development costs, IAS 38 / ASC 350-40)
    capitaliseRuns: 0, // the share of a training run still in training (capability.lagQuarters) counted at cost in fundamentals, until it ships (development costs, IAS 38; docs/balance.md "Time to build")
    capabilityWeight: 15, // $M of narrative per benchmark point (the market prices parameter counts)
    hypeDecay: 0.3, // hype fades ~30% a quarter
    trainingHype: 0.085, // training spend feeds hype
    creditWeight: 3, // $ of narrative per $ of past training the market still credits: in a boom capex is priced at a multiple (the "$600B question": AI capex far ahead of revenue)
    creditDepreciation: 0.14, // the market's credit for capex depreciates
    creditWritedown: 0.5, // and is written down in a correction ("$600B question")
    disclosureNarrative: 0.485, // disclosure on: narrative weighed about half
    disclosureMultiple: 1.1, // and fundamentals 10% more (a higher multiple lifted V and, through appetite, funded more narrative)
  },
  sentiment: {
    momentum: 0.455, // investors chase last quarter's gains
    hypeGrowth: 0.15, // the industry's hype feeds sentiment
    capex: 3, // industry capex relative to market value feeds it too (the "$600B question"): the main engine of the boom
    maxRise: 0.2, // enthusiasm builds over quarters: sentiment climbs at most 20% a quarter (Nasdaq's best quarter of 1999: +48% in prices)
    gravity: 0.035, // pull down when valuations outrun fundamentals
    gravityThreshold: 1.3, // bubble ratio above which gravity acts
    gravityMoodReference: 1.25, // gravity reads B ÷ max(1, B_neutral ÷ 1.25): the part of B that mood makes, not a crowd's credited capex at neutral sentiment (0: B itself)
    noise: 0.03, // quarterly noise
    scarredMomentum: 0.3, // after a correction, momentum terms count 30%
    recovery: 0.08, // and sentiment recovers 8% of its gap to neutral a quarter
    reversion: 0, // anchored expectations: a pull toward neutral every quarter, correction or not (the soft-landing preset uses it)
    floor: 0.3, // sentiment never falls below 0.3
    ceiling: 4, // nor rises above 4 (caps the runaway bubbles of games without a correction)
    disclosureDamping: 0.4, // investors who see unit economics chase momentum, hype and capex 60% less
  },
  correction: {
    hazardMax: 0.5, // at most a 50% chance a quarter
    hazardMidpoint: 2.35, // bubble ratio at which the hazard is half its maximum (Cisco at ~63× sales)
    // How sharply the hazard rises with the bubble ratio: a correction needs a bubble. 2% a quarter at B 1.8 (the boom's
    // first quarters), 6% at B 2, 28% at B 2.4; 0.32 gave 7% at B 1.8, so a third of first corrections came before B reached 2.
    hazardWidth: 0.18,
    depth: [0.33, 0.67], // a correction cuts sentiment by a third to two thirds (Nasdaq −78% 2000–02; −$1T in a month, 2025)
    quarters: [1, 3], // over one to three quarters
    cooldown: 4, // quarters before the next can start
    moodReference: 1.7, // the hazard reads B ÷ max(1, B_neutral ÷ 1.7): manias end in a crash, many firms telling one story at calm prices do not (0: B itself)
    storyCap: 1.67, // and counts a story at most 0.67× fundamentals at neutral sentiment: at the same mood a crowd telling one story is no nearer its crash than one leader (0: off)
    demandHit: 0, // share of every sector's market lost when a correction starts (0: the AI bust leaves customers' budgets alone; dotcom-1999 sets it)
  },
  financing: {
    appetite: 0.23, // at most 23% of valuation can be raised in a quarter, in a hot market
    appetiteFloor: 0.8, // below this sentiment nobody buys new shares
    appetiteSpan: 1.7, // appetite is full at sentiment 2.5
    correctionAppetite: 0.3, // during a correction appetite falls to 30%
    profitAppetite: 0.5, // whatever the sentiment, a profitable firm can still raise half its last turn's operating profit (funding fell ~2/3 in 2000–02, not to nothing)
    seedAppetite: 1, // engine 2.12.0: in the first turn a cold news item shrinks appetite in proportion to the sentiment it takes (committed venture money, "dry powder", is still there), instead of closing the market below appetiteFloor
    lastResort: 0.02, // a listed firm can always sell up to 2% of its valuation a quarter in a rescue round: investors of last resort (PIPEs, hedge funds) fund distressed firms that still have a market value
    pool: 500, // capital is finite: investors put at most ~$500M per listed firm a quarter into the sector, shared equally (AI venture funding ~$100B in 2024)
    discount: 0.15, // new shares sell 15% under the market price
    emergencyDiscount: 0.3, // a rescue round sells 30% under
    emergencyBuffer: 40, // a rescue raises a quarter of fixed costs beyond the hole
  },
  // A central bank that leans against a slowdown (docs/model.md, step 13): off here, the rate moves only with the event deck
  monetary: {
    easeMax: 0, // the most it cuts after a fall (annual); soft-landing 0.0075: the Fed's 75 bp, 6.00% → 5.25%, July 1995 – January 1996
    easeFrom: 0.1, // it starts easing once total valuation is 10% below its peak (what markets call a correction)
    easeSpan: 0.2, // and has eased all of easeMax by a 30% fall (past a bear market's 20%)
  },
  events: {
    probability: 0.4, // an event in 40% of quarters
    // Relative odds of each event kind when a quarter brings one: a design choice, not a measured frequency.
    weights: {
      gpuShock: 2,
      openRelease: 2,
      scalingWall: 1,
      rateChange: 2,
      adoptionWave: 2,
      provenanceScandal: 1,
      mediaLaw: 1,
      sectorRegulation: 1,
      selloff: 1,
    },
    gpuShockUp: [1.3, 1.6], // H100 rental rebounded from <$2 to ~$2.35 (2026)
    gpuShockDown: [0.6, 0.8], // ... after halving in 2024
    vendorShare: 0.5, // half of GPU shocks hit one vendor only
    openReleaseJump: [4, 8], // an open frontier release (e.g. DeepSeek-R1, Jan 2025)
    scalingWallFactor: [0.75, 0.9], // a "scaling wall" paper: returns to compute fall
    rateStep: 0.01, // a 100 bp hike or cut
    adoptionWaveFactor: [1.2, 1.4], // an enterprise adoption wave in one sector
    scandalMoatLoss: 0.5, // a data-provenance scandal halves the moat of non-compliant firms
    scandalTrustLoss: 0.2, // and dents trust in a sector
    selloffDepth: [0.15, 0.3], // the 2025 sell-off: over $1T in under a month
    selloffHazard: 0.3, // a sell-off can start a correction
    rateHikeHazard: 0.1, // so can a rate hike
  },
};
