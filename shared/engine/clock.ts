import type { EconomyConfig } from "../schemas/config.js";
import { perSectorOf } from "./sectors.js";

/**
 * The economy's clock. The model is calibrated on a 16-quarter cycle (a boom and a bust in
 * four years, like March 2000 → October 2002). A game of another length keeps the whole
 * cycle: one turn spans `tau = referenceQuarters / quarters` quarters of the calibrated
 * economy's *dynamics* — sentiment drift, the correction hazard and its length, adoption
 * lags, decays, growth of markets and of open models — so an 8-quarter game runs the same
 * story twice as fast and a 24-quarter game a third slower. Money keeps its value at every
 * length: a turn earns and pays `tau` quarters of flows (revenue, serving cost, opex and
 * upkeep, fines), while a dollar spent buys one dollar of work (compute, integration,
 * compliance, efficiency, hype, the market's credit for capex) — a turn's spending is the
 * spending of its `tau` quarters. Before engine 2.2.0 spending built `tau` quarters of stock
 * while flows stayed per turn, so short games made capability cheap and long ones made it dear.
 *
 * Every per-turn rate the rules use comes from here, memoised per config object.
 */
export interface Clock {
  /** Quarters of calibrated dynamics per turn. */
  tau: number;
  /** A per-quarter fraction `d` (decay, catch-up) as per turn: 1 − (1 − d)^tau. */
  integrationDecay: number;
  complianceDecay: number;
  hypeDecay: number;
  creditDepreciation: number;
  trustRecovery: number;
  ecosystemGrowth: number;
  openDiffusion: number;
  adoption: number;
  sentimentRecovery: number;
  sentimentReversion: number;
  /** vendorShockDecay^tau: what remains of a vendor shock after a turn. */
  vendorShockDecay: number;
  /**
   * How much of the last turn's valuation gain feeds sentiment this turn: sentiment.momentum^tau in games of 16 quarters
   * or fewer, sentiment.momentum itself in longer ones (tau < 1; issue 12, econ-v12). The term reads the gain over a
   * whole turn, which already spans tau quarters, so per quarter of the story a turn of any length feeds back
   * m_turn ÷ tau × tau: the boom's steady gain is 1 ÷ (1 − m_turn). momentum^tau gave a 24-quarter game
   * 1 ÷ (1 − 0.59) = 2.44 against the calibrated 1.83, so long games boomed faster and corrected early (the 24q
   * crowd at quarter 8 of 24, against 6 of 16). Short games keep momentum^tau (1.26 at 8 quarters): the same fix
   * there lifts the 8q `scaler`'s mean score from 2,570 to 4,042 against `builder`'s 4,386 (docs/balance.md).
   */
  momentum: number;
  /** Compounded per-turn growth: (1 + g)^tau − 1. */
  sectorGrowth: number[];
  computeDrift: number;
  /** The fastest sentiment can climb in a turn. */
  maxRise: number;
  apiVolumeGrowth: number;
  apiPriceDecline: number;
  /** The growth of spending a turn absorbs without a ramp cost: (1 + opex.rampAllowance)^tau. */
  rampFree: number;
  /** Linear per-turn amounts: x · tau. */
  baselineGrowth: number;
  moatGrowth: number;
  gravity: number;
  capex: number;
  apiHypeElasticity: number;
  /** Noise scales with √tau (a random walk over tau quarters). */
  sentimentNoise: number;
  computeNoise: number;
  /** The chance of a news event in a turn: `events.probability` × tau (at most 1), so a game of any length draws as many events per quarter of the story. */
  eventProbability: number;
  /** Lengths in turns (at least one). */
  correctionTurns: [number, number];
  cooldownTurns: number;
  lockTurns: number;
  /** The open baseline's lag behind the closed frontier, in turns: fractional (the frontier is read between two turns), at least one. */
  lagTurns: number;
  /**
   * Where a training run's capability gain ships (`capability.lagQuarters`): the share this turn,
   * then the next turns' shares. A turn's spend is spread evenly over its tau quarters and each
   * part ships `lagQuarters` later: with d = lagQuarters ÷ tau turns, the share shipped by the end
   * of the k-th turn from now is clamp(k + 1 − d, 0, 1). [1] when runs ship at once.
   */
  trainingShipShares: number[];
  /** `capability.lagQuarters` in turns (fractional; 0 when runs ship at once): how far back an open release's weights are (`releasedCapability`). */
  trainingLagTurns: number;
}

const clocks = new WeakMap<EconomyConfig, Clock>();

/** tau for a config: 1 when the clock is fixed or the game has the reference length. */
export function turnSpan(config: EconomyConfig): number {
  return config.clock.scaleWithLength ? config.clock.referenceQuarters / config.quarters : 1;
}

/** A per-quarter probability or fraction `p` over `tau` quarters. */
export function overTurns(p: number, tau: number): number {
  return tau === 1 ? p : 1 - (1 - p) ** tau;
}

function turns(quarters: number, tau: number, min = 1): number {
  return Math.max(min, Math.round(quarters / tau));
}

/** A run's gain shipped per turn when it ships `lagTurns` turns after its spend, spread over the turn: shares summing to 1. */
export function shipShares(lagTurns: number): number[] {
  if (!(lagTurns > 0)) return [1];
  const shippedBy = (k: number) => Math.min(1, Math.max(0, k + 1 - lagTurns));
  const shares: number[] = [];
  for (let k = 0; k <= Math.ceil(lagTurns); k++) shares.push(shippedBy(k) - (k > 0 ? shippedBy(k - 1) : 0));
  while (shares.length > 1 && shares[shares.length - 1] === 0) shares.pop();
  return shares;
}

/** The last config asked for and its clock: a simulator asks for the same config every quarter (no weak-map lookup then). */
let lastConfig: EconomyConfig | null = null;
let lastClock: Clock | null = null;

export function clockOf(config: EconomyConfig): Clock {
  if (config === lastConfig) return lastClock as Clock;
  let clock = clocks.get(config);
  if (clock) {
    lastConfig = config;
    lastClock = clock;
    return clock;
  }
  const tau = turnSpan(config);
  const grow = (g: number) => (1 + g) ** tau - 1;
  const c = config.correction;
  clock = {
    tau,
    integrationDecay: overTurns(config.apps.integrationDecay, tau),
    complianceDecay: overTurns(config.regulation.complianceDecay, tau),
    hypeDecay: overTurns(config.valuation.hypeDecay, tau),
    creditDepreciation: overTurns(config.valuation.creditDepreciation, tau),
    trustRecovery: overTurns(config.regulation.trustRecovery, tau),
    ecosystemGrowth: overTurns(config.apps.ecosystemGrowth, tau),
    openDiffusion: overTurns(config.openBaseline.diffusion, tau),
    adoption: overTurns(config.apps.adoption, tau),
    sentimentRecovery: overTurns(config.sentiment.recovery, tau),
    sentimentReversion: overTurns(config.sentiment.reversion, tau),
    vendorShockDecay: config.compute.vendorShockDecay ** tau,
    momentum: config.sentiment.momentum ** Math.max(1, tau),
    sectorGrowth: perSectorOf((id) => grow(config.sectors[id].growth)),
    computeDrift: grow(config.compute.drift),
    maxRise: grow(config.sentiment.maxRise),
    apiVolumeGrowth: grow(config.api.volumeGrowth),
    apiPriceDecline: overTurns(config.api.priceDecline, tau),
    rampFree: (1 + config.opex.rampAllowance) ** tau,
    baselineGrowth: config.openBaseline.growth * tau,
    moatGrowth: config.apps.moatGrowth * tau,
    gravity: config.sentiment.gravity * tau,
    // Industry capex in a turn is already `tau` quarters of spending.
    capex: config.sentiment.capex,
    apiHypeElasticity: config.api.hypeElasticity * tau,
    sentimentNoise: config.sentiment.noise * Math.sqrt(tau),
    eventProbability: Math.min(1, config.events.probability * tau),
    computeNoise: config.compute.noise * Math.sqrt(tau),
    correctionTurns: [turns(c.quarters[0], tau), Math.max(turns(c.quarters[0], tau), turns(c.quarters[1], tau))],
    cooldownTurns: turns(c.cooldown, tau, 0),
    lockTurns: turns(config.compute.lockQuarters, tau),
    lagTurns: config.openBaseline.lagQuarters > 0 ? Math.max(1, config.openBaseline.lagQuarters / tau) : 0,
    trainingShipShares: shipShares(config.capability.lagQuarters / tau),
    trainingLagTurns: config.capability.lagQuarters / tau,
  };
  clocks.set(config, clock);
  lastConfig = config;
  lastClock = clock;
  return clock;
}
