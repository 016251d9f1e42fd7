import { nextLuck } from "../../rng.js";
import { SECTOR_IDS } from "../../schemas/vocabulary.js";
import type { Quarter } from "../quarter.js";
import { power } from "../sectors.js";
import type { FirmReport, FirmState, MarketReport } from "../types.js";
import { capabilityAfterTraining, releasedCapability } from "./capability.js";
import { raiseCapacity, repricedValuation, sharesForRaise } from "./financing.js";
import { sectorsWhileTraining, spanFactor } from "./growth.js";
import { appCapability } from "./market.js";
import { firmComputePrice, licenceFee } from "./prices.js";

/**
 * Step 1. Financing, after the turn's news and injections: new shares sell at the repriced
 * share price less a discount, within the market's appetite.
 */
export function financing(t: Quarter): void {
  const { config, market, firms, actions, reports, q } = t;
  const inCorrection = market.correction.quartersLeft > 0;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    const action = actions[i] as (typeof actions)[number];
    if (action === null || action.raise <= 0) continue;
    const last = firm.history[firm.history.length - 1];
    const valuation = repricedValuation(last, market.sentiment);
    const amount = Math.min(action.raise, raiseCapacity(config, market.sentiment, inCorrection, valuation, last?.operatingProfit ?? 0, q === 1));
    if (amount <= 0 || valuation <= 0) continue;
    firm.shares += sharesForRaise(amount, valuation / firm.shares, config.financing.discount);
    firm.cash += amount;
    (reports[i] as FirmReport).raised = amount;
  }
}

/**
 * Step 2. Spending and training: hardware contract, edge distillation, and compute bought at
 * the firm's price; capability saturates on cumulative compute. Every run has its own luck
 * (`luck.training`: one draw per firm that trains, in firm order), so the same compute buys
 * more or less capability. Under the model regime a licence fee on big runs is booked as an
 * operating cost.
 */
export function spendAndTrain(t: Quarter): void {
  const { config, market, firms, actions, reports, prices, appsTotals, q, clock, rng } = t;
  const trainingLuck = config.luck.training;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    const action = actions[i] as (typeof actions)[number];
    const report = reports[i];
    if (action === null || report === undefined) continue;
    // A locked contract fixes a discounted price for its term; then it ends, and locking
    // again signs a new contract at the spot price of the day.
    if (firm.hardware === "locked" && q > firm.lockedUntil) firm.hardware = "flexible";
    if (action.hardware === "locked" && firm.hardware === "flexible") {
      firm.hardware = "locked";
      firm.lockedUntil = q + clock.lockTurns - 1;
      firm.lockedPrice = market.computePrice * config.compute.lockedDiscount;
    }
    if (action.openWeights) firm.openWeights = true;
    const appsSpend = appsTotals[i] as number;
    const edgeSpend = action.distill && firm.edge !== true ? config.apps.edgeCost : 0;
    if (edgeSpend > 0) firm.edge = true;
    const spent = action.train + appsSpend + action.efficiency + action.compliance + action.marketing + edgeSpend;
    firm.cash -= spent;
    report.spent = spent;
    report.trainingSpend = action.train;

    const price = firmComputePrice(market, firm);
    prices[i] = price;
    const computeBefore = firm.compute;
    firm.compute += action.train / price;
    const luck = action.train > 0 ? nextLuck(rng, trainingLuck) : 1;
    const pending = firm.capabilityInTraining;
    if (pending.length === 0) firm.capability = capabilityAfterTraining(config, firm.capability, computeBefore, firm.compute, market.alpha, luck);
    else report.capabilityInTraining = trainAndShip(t, firm, computeBefore, luck);
    firm.trainingSpendTotal += action.train;
    report.licenceFees = licenceFee(config, market, action.train);
  }
}

/**
 * Time to build (`capability.lagQuarters`): the run trains on the model as trained so far
 * (shipped + in training) and its gain ships by `clock.trainingShipShares` — a share this turn,
 * the rest in the next turns; last turns' runs ship first. Returns the points still in training.
 */
function trainAndShip(t: Quarter, firm: FirmState, computeBefore: number, luck: number): number {
  const pending = firm.capabilityInTraining;
  const shares = t.clock.trainingShipShares;
  firm.capability += pending[0] as number;
  for (let k = 1; k < pending.length; k++) pending[k - 1] = pending[k] as number;
  pending[pending.length - 1] = 0;
  let inTraining = 0;
  for (let k = 0; k < pending.length; k++) inTraining += pending[k] as number;
  const trained = firm.capability + inTraining;
  const gain = capabilityAfterTraining(t.config, trained, computeBefore, firm.compute, t.market.alpha, luck) - trained;
  if (gain <= 0) return inTraining;
  firm.capability += gain * (shares[0] as number);
  for (let k = 0; k < pending.length; k++) pending[k] = (pending[k] as number) + gain * (shares[k + 1] as number);
  return inTraining + gain * (1 - (shares[0] as number));
}

/** `t.released`'s row, reused from one resolution to the next (read only within one). */
const publishedScratch: number[] = [];

/**
 * Step 3. The open baseline rises every quarter, follows the closed frontier of a few
 * quarters ago, and includes every released open-weight model (with time to build, the
 * generation a lab shipped before its current one: `releasedCapability`).
 */
export function openBaseline(t: Quarter): void {
  const { config, market, firms, q, clock } = t;
  const ob = config.openBaseline;
  let outside = market.outsideOpenBaseline + clock.baselineGrowth;
  const lagged = frontierAt(market.history, q - clock.lagTurns);
  if (lagged !== null) outside = Math.max(outside, lagged - ob.lagGap);
  outside = Math.min(config.capability.capMax, outside);
  market.outsideOpenBaseline = outside;
  t.openBaselineWithoutReleases = outside;
  // Released models spread: developers move to a better open model over a few quarters.
  let released = outside;
  // An open-weights lab publishes its previous generation once the next has shipped (`releasedCapability`); kept for the
  // API market and the ecosystem (`t.released`).
  const lag = clock.trainingLagTurns;
  const published = publishedScratch;
  // Cut only when longer (setting a length, even the same one, goes through the runtime); a shorter row grows packed below.
  if (published.length > firms.length) published.length = firms.length;
  t.released = published;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as FirmState;
    const model = firm.openWeights === true ? releasedCapability(firm.capability, firm.history, lag) : 0;
    published[i] = model;
    if (firm.openWeights === true && firm.delisted !== true) released = Math.max(released, model);
  }
  const baseline = Math.max(outside, market.openBaseline);
  market.openBaseline = Math.min(config.capability.capMax, baseline + clock.openDiffusion * Math.max(0, released - baseline));
}

/**
 * The best closed capability reported at turn `at` of the history, read linearly between two
 * turns when `at` falls between them (a lag of 3 quarters is 1.5 turns of an 8-turn game), or
 * null before the game began.
 */
function frontierAt(history: readonly MarketReport[], at: number): number | null {
  if (at < 0) return null;
  const lo = Math.floor(at);
  const a = history[lo];
  if (!a) return null;
  const b = history[lo + 1];
  const w = at - lo;
  return b && w > 0 ? a.bestClosedCapability + w * (b.bestClosedCapability - a.bestClosedCapability) : a.bestClosedCapability;
}

/**
 * The last integration fit computed per sector, keyed by its exact inputs (ratio and
 * exponent): power is a pure function of them, so a hit gives the same bits. Firms whose
 * usable model is the open baseline share one ratio per sector in a quarter (over 40% of
 * the bench's fits). Kept from one resolution to the next; NaN matches nothing. Read and
 * written by `efficiencyAndIntegration`'s loop (1 for a full fit without a look-up). Every
 * entry holds a fit at `exponent`: a resolution at another exponent empties the ratios first
 * (so the loop compares the ratio alone).
 */
const fitMemo = {
  ratio: new Float64Array(SECTOR_IDS.length).fill(Number.NaN),
  exponent: Number.NaN,
  fit: new Float64Array(SECTOR_IDS.length),
};

/**
 * Steps 4–5. Serving efficiency (diminishing returns) and integration per sector: √spend,
 * faster with an ecosystem, and scaled by how well the firm's usable model fits the sector.
 * The first quarter a firm ships into a sector, its product's fit with that market is drawn
 * (`luck.productFit`; firm order, then sector order) and kept for the game.
 */
export function efficiencyAndIntegration(t: Quarter): void {
  const { config, firms, actions, appSpend, clock, rng } = t;
  const fitLuck = config.luck.productFit;
  const decay = 1 - clock.integrationDecay;
  // Made a double once (× 1 leaves every number as it is): read at every power below, unboxed once.
  const fitExponent = config.apps.integrationFitExponent * 1;
  // Read once, not per firm and sector (nothing below replaces them).
  const { tau, complianceDecay } = clock;
  const openBaseline = t.market.openBaseline;
  const appGap = config.openBaseline.appGap;
  const reports = t.reports;
  const need = t.columns.need;
  // `× 1` makes a config field a double once (a small integer or a heap number, checked and unboxed at every read otherwise).
  const efficiencyMax = config.efficiency.max * 1;
  const efficiencyScale = config.efficiency.scale * 1;
  // A local bound: the imported list is a module binding, loaded and checked again at every turn of a loop.
  const S = SECTOR_IDS.length;
  // The fit memo's rows and `power`'s choice of method read once, not at every sector (a module
  // binding and its object are loaded and checked again at every use; `power` is chosen by its exponent).
  const memoRatio = fitMemo.ratio;
  const memoFit = fitMemo.fit;
  if (!(fitMemo.exponent === fitExponent)) {
    memoRatio.fill(Number.NaN);
    fitMemo.exponent = fitExponent;
  }
  const fitByLog = fitExponent !== 1 && fitExponent !== 2 && fitExponent !== 3;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    const action = actions[i] as (typeof actions)[number];
    if (action === null) continue;
    firm.efficiencySpendTotal += action.efficiency;
    // Without new spend the total, and so the efficiency it gives, is what it was (at 0: exactly 1, the start's).
    if (action.efficiency !== 0) firm.efficiency = 1 + efficiencyMax * (1 - Math.exp(-firm.efficiencySpendTotal / efficiencyScale));
    const spendBySector = appSpend[i] as number[];
    const sectorsTraining = sectorsWhileTraining(action.train, spendBySector);
    const span = spanFactor(config, sectorsTraining);
    const report = reports[i];
    if (report !== undefined && span < 1) {
      report.spanSectors = sectorsTraining;
      report.spanFactor = span;
    }
    const speed = (1 + firm.ecosystem) * span;
    const capability = appCapability(firm.capability, openBaseline, appGap);
    const { integration, productFit } = firm;
    for (let s = 0; s < S; s++) {
      const spend = spendBySector[s] as number;
      if (spend <= 0) {
        integration[s] = (integration[s] as number) * decay;
        continue;
      }
      if ((productFit[s] as number) === 0) productFit[s] = nextLuck(rng, fitLuck);
      // Integration work is only as good as the model it integrates (a model that fits fully: 1, as power gives).
      const ratio = Math.min(1, capability / (need[s] as number));
      // 1 for a full fit, the memo's value for its last inputs, else the power (remembered).
      let fit: number;
      if (ratio === 1) fit = 1;
      else if (memoRatio[s] === ratio) fit = memoFit[s] as number;
      else {
        fit = fitByLog && ratio > 0 ? Math.exp(fitExponent * Math.log(ratio)) : power(ratio, fitExponent);
        memoRatio[s] = ratio;
        memoFit[s] = fit;
      }
      // A turn's spend is spread over its tau quarters of work: tau × √(spend ÷ tau) = √(spend × tau).
      integration[s] = (integration[s] as number) * decay + Math.sqrt(spend * tau) * speed * fit;
    }
    firm.complianceStock = firm.complianceStock * (1 - complianceDecay) + action.compliance;
  }
}
