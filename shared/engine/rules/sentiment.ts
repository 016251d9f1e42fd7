import { nextFloat, nextInt, nextNormal, nextRange } from "../../rng.js";
import type { EconomyConfig } from "../../schemas/config.js";
import { overTurns } from "../clock.js";
import { clamp } from "../math.js";
import type { Quarter } from "../quarter.js";
import type { MarketState } from "../types.js";

/** Per-quarter chance of a correction at bubble ratio B: a logistic in B. */
export function correctionHazard(config: EconomyConfig, bubbleRatio: number): number {
  const c = config.correction;
  return c.hazardMax / (1 + Math.exp(-(bubbleRatio - c.hazardMidpoint) / c.hazardWidth));
}

/**
 * The bubble ratio as the hazard or gravity reads it. With `reference` 0, B itself. Otherwise the
 * part of B that mood makes: B ÷ max(1, B_neutral ÷ reference), where B_neutral = (ΣF + ΣN) ÷ ΣF is
 * the ratio the same firms would have at neutral sentiment. A crowd of firms telling the same story
 * lifts B_neutral (more credited capex per dollar of fundamentals) without anyone being euphoric;
 * above `reference` that lift is divided out, below it B reads as it always did.
 */
export function moodPressure(bubbleRatio: number, neutralRatio: number, reference: number): number {
  return reference > 0 ? bubbleRatio / Math.max(1, neutralRatio / reference) : bubbleRatio;
}

/**
 * The bubble ratio with the story's size capped, as the hazard reads it: B − 1 = S × (B_neutral − 1),
 * and once B_neutral passes `cap` the excess counts (cap − 1) of fundamentals at neutral sentiment,
 * i.e. 1 + (B − 1) × (cap − 1) ÷ (B_neutral − 1). Above the cap the hazard then reads mood alone:
 * two firms telling one story at the same sentiment are no nearer their crash than one. With
 * `cap` 0, or a story within it, B itself.
 */
export function storyPressure(bubbleRatio: number, neutralRatio: number, cap: number): number {
  if (cap <= 0 || neutralRatio <= cap) return bubbleRatio;
  return 1 + ((bubbleRatio - 1) * (cap - 1)) / (neutralRatio - 1);
}

/** What the correction hazard reads: the story capped (`storyCap`), then the part of it mood makes (`moodReference`). */
export function hazardReading(config: EconomyConfig, bubbleRatio: number, neutralRatio: number): number {
  const c = config.correction;
  const capped = storyPressure(bubbleRatio, neutralRatio, c.storyCap);
  return moodPressure(capped, c.storyCap > 0 ? Math.min(neutralRatio, c.storyCap) : neutralRatio, c.moodReference);
}

export interface SentimentInputs {
  /** Provisional ΣV / ΣF this quarter, at the sentiment investors came in with. */
  bubbleRatio: number;
  /** (ΣF + ΣN) / ΣF: the ratio at neutral sentiment (1 when ΣF is 0). */
  neutralRatio: number;
  /** This quarter's industry hype stock and the last quarter's. */
  totalHype: number;
  previousTotalHype: number;
  /** Industry training spend this quarter. */
  totalTraining: number;
}

export interface SentimentOutcome {
  hazard: number;
  correctionStarted: boolean;
}

/**
 * Step 11. Sentiment moves with momentum (last quarter's market value change net of new
 * shares), industry hype and capex, and is pulled down by gravity when the bubble ratio is
 * high (under disclosure the chasing terms count `disclosureDamping` as much). A correction hazard grows with B; a correction cuts S by a third to two thirds over
 * one to three quarters, writes down the market's credit for capex, and leaves the market
 * scarred: momentum counts less and S recovers slowly toward neutral.
 *
 * Always draws one normal and one uniform (plus the correction's shape when one starts).
 */
export function updateSentiment(t: Quarter, inputs: SentimentInputs): SentimentOutcome {
  const { config, market, q, rng, clock } = t;
  const cfg = config.sentiment;
  const c = market.correction;
  const scarred = c.count > 0;
  const last = market.history[q - 1];
  // Not history[-1] in the first quarter: a negative index is a property name, and one such load turns the site megamorphic for good.
  const before = q >= 2 ? market.history[q - 2] : undefined;
  const reference = last?.totalValuation ?? 0;
  const momentum = last && before && before.totalValuation > 0 ? (last.totalValuation - last.totalRaised - before.totalValuation) / before.totalValuation : 0;
  const hypeGrowth = reference > 0 ? (inputs.totalHype - inputs.previousTotalHype) / reference : 0;
  const capex = reference > 0 ? inputs.totalTraining / reference : 0;
  const damping = market.disclosure ? cfg.disclosureDamping : 1;
  const momentumWeight = scarred ? cfg.scarredMomentum : 1;
  let change =
    momentumWeight * damping * (clock.momentum * momentum + cfg.hypeGrowth * hypeGrowth + clock.capex * capex) -
    clock.gravity * Math.max(0, moodPressure(inputs.bubbleRatio, inputs.neutralRatio, cfg.gravityMoodReference) - cfg.gravityThreshold) +
    clock.sentimentNoise * nextNormal(rng);
  if (scarred && c.quartersLeft === 0) change += (clock.sentimentRecovery * (1 - market.sentiment)) / market.sentiment;
  change += (clock.sentimentReversion * (1 - market.sentiment)) / market.sentiment;
  market.sentiment *= 1 + clamp(change, -0.9, clock.maxRise);

  const hazard = Math.min(1, overTurns(correctionHazard(config, hazardReading(config, inputs.bubbleRatio, inputs.neutralRatio)), clock.tau) + t.hazardBoost);
  const u = nextFloat(rng);
  let correctionStarted = false;
  if (c.quartersLeft > 0) {
    market.sentiment *= c.stepFactor;
    c.quartersLeft -= 1;
    if (c.quartersLeft === 0) c.cooldown = clock.cooldownTurns;
  } else if (c.cooldown > 0) {
    c.cooldown -= 1;
  } else if (u < hazard) {
    correctionStarted = true;
    startCorrection(t, market);
  }
  market.sentiment = clamp(market.sentiment, cfg.floor, cfg.ceiling);
  market.sentimentPeak = Math.max(market.sentimentPeak, market.sentiment);
  return { hazard, correctionStarted };
}

function startCorrection(t: Quarter, market: MarketState): void {
  const { config, rng, q, clock } = t;
  const c = market.correction;
  const depth = nextRange(rng, config.correction.depth[0], config.correction.depth[1]);
  const quarters = nextInt(rng, clock.correctionTurns[0], clock.correctionTurns[1]);
  c.stepFactor = (1 - depth) ** (1 / quarters);
  c.count += 1;
  c.firstQuarter ??= q;
  market.sentiment *= c.stepFactor;
  c.quartersLeft = quarters - 1;
  if (c.quartersLeft === 0) c.cooldown = clock.cooldownTurns;
  for (const firm of t.firms) firm.trainingCredit *= 1 - config.valuation.creditWritedown;
  // A bust cuts customers' budgets too (IT spending fell in 2001 as the dot-com customers vanished).
  if (config.correction.demandHit > 0)
    for (let s = 0; s < market.sectorTam.length; s++) market.sectorTam[s] = (market.sectorTam[s] as number) * (1 - config.correction.demandHit);
  t.log.push({ quarter: q, kind: "correction" });
}
