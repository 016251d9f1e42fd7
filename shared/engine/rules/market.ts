import type { EconomyConfig } from "../../schemas/config.js";
import { SECTOR_IDS } from "../../schemas/vocabulary.js";
import type { Quarter } from "../quarter.js";
import { power, zeroPerSector } from "../sectors.js";
import type { FirmState } from "../types.js";

/** A firm's capability for building apps: its own, or the open baseline less a small gap. */
export function appCapability(ownCapability: number, openBaseline: number, appGap: number): number {
  return Math.max(ownCapability, openBaseline - appGap);
}

/**
 * Per firm × sector weights, per sector totals and adoption speeds, and the API split (reused; see `marketShares`).
 * Doubles in typed arrays: an element read or written behind no map check (`weights` is replaced by a larger one when a game has more firms).
 */
const scratch = {
  weights: new Float64Array(8 * SECTOR_IDS.length),
  totals: new Float64Array(SECTOR_IDS.length),
  speeds: new Float64Array(SECTOR_IDS.length),
  api: [] as number[],
};

const outsideWeights = new WeakMap<EconomyConfig["apps"], number>();
/** The last apps config asked for and its weight: a simulator asks for the same one every quarter (no weak-map lookup then). */
let lastApps: EconomyConfig["apps"] | null = null;
let lastOutsideWeight = 0;

/** The outside option's weight, outsideQuality^sharpness, memoised per config (the same power, computed once). */
function outsideWeight(a: EconomyConfig["apps"]): number {
  if (a === lastApps) return lastOutsideWeight;
  let w = outsideWeights.get(a);
  if (w === undefined) {
    w = power(a.outsideQuality, a.sharpness);
    outsideWeights.set(a, w);
  }
  lastApps = a;
  lastOutsideWeight = w;
  return w;
}

/**
 * Step 7. Market shares. Per sector, quality = integration × fit³ × (1 + moat) × latency
 * penalty × the product's fit with that market (drawn when the firm first shipped there; 1
 * before); the target share is a logit on log quality against an outside option
 * (incumbents without AI); customers move part of the way each quarter, slower where trust
 * is low. API revenue goes to every model by its lead over the open models from outside the
 * game; an open-weights firm keeps a share (`api.openShare`) of what its model earns.
 */
export function marketShares(t: Quarter): void {
  const { config, market, firms } = t;
  const a = config.apps;
  const n = firms.length;
  const S = SECTOR_IDS.length;
  // Working rows reused by every resolution (synchronous, never nested; entries beyond n × S are never read).
  // Firm by firm, not sector by sector: each firm's fields are read once, and each sector's total
  // still adds the firms' weights in firm order (the same sums, bit for bit).
  if (scratch.weights.length < n * S) scratch.weights = new Float64Array(n * S);
  const { weights, totals, speeds } = scratch;
  const outside = outsideWeight(a);
  for (let s = 0; s < S; s++) totals[s] = outside;
  const openBaseline = market.openBaseline;
  const appGap = config.openBaseline.appGap;
  // Made doubles once (× 1 leaves every number as it is): a config's field holds a small integer or a
  // heap number, and the loop below otherwise checked which and unboxed it at every power.
  const fitExponent = a.fitExponent * 1;
  const sharpness = a.sharpness * 1;
  const latencyPenalty = a.latencyPenalty * 1;
  // `power`'s choice of method made once per resolution, not twice per firm and sector: the fit's
  // cube (the default exponent) multiplied out as `power` does; a weight's power, whose base is
  // > 0 where it is taken, as `power`'s exp(e·ln x) when the exponent is not 1, 2 or 3 (the same
  // operations, so the same bits; another exponent still goes through `power`).
  const fitCubed = fitExponent === 3;
  const sharpnessByLog = sharpness !== 1 && sharpness !== 2 && sharpness !== 3;
  const { need, latencyBound } = t.columns;
  for (let i = 0; i < n; i++) {
    const firm = firms[i] as FirmState;
    const row = i * S;
    // Flags compared, not tested for truth (a field V8 has not typed as boolean costs a full ToBoolean).
    // A delisted firm's row is left as it is: the customers' loop below skips it, and nothing else reads it.
    if (firm.delisted === true) continue;
    const fit = appCapability(firm.capability, openBaseline, appGap);
    const moat = 1 + firm.dataMoat;
    const edge = firm.edge === true;
    const { integration, productFit } = firm;
    for (let s = 0; s < S; s++) {
      const level = integration[s] as number;
      if (level <= 0) {
        weights[row + s] = 0;
        continue;
      }
      const fitRatio = Math.min(1, fit / (need[s] as number));
      const latency = latencyBound[s] === true && !edge ? latencyPenalty : 1;
      const pf = productFit[s] as number;
      const fitPower = fitCubed ? fitRatio * fitRatio * fitRatio : power(fitRatio, fitExponent);
      const q = level * fitPower * moat * latency * (pf > 0 ? pf : 1);
      const weight = q > 0 ? (sharpnessByLog ? Math.exp(sharpness * Math.log(q)) : power(q, sharpness)) : 0;
      weights[row + s] = weight;
      totals[s] = (totals[s] as number) + weight;
    }
  }
  const adoption = t.clock.adoption;
  for (let s = 0; s < S; s++) speeds[s] = adoption * (market.sectorTrust[s] as number);
  for (let i = 0; i < n; i++) {
    const firm = firms[i] as FirmState;
    const customers = firm.customers;
    if (firm.delisted === true) {
      zeroPerSector(customers);
      continue;
    }
    const row = i * S;
    for (let s = 0; s < S; s++) {
      const current = customers[s] as number;
      customers[s] = current + (speeds[s] as number) * ((weights[row + s] as number) / (totals[s] as number) - current);
    }
  }
  apiMarket(t);
}

function apiMarket(t: Quarter): void {
  const { config, market, firms, reports } = t;
  // With time to build a release covers the model published `lagQuarters` ago (the open-baseline step's `t.released`).
  const released = t.clock.trainingLagTurns > 0 ? t.released : undefined;
  const revenues = splitApiPool(config.api, market.apiPool, market.outsideOpenBaseline, firms, scratch.api, released);
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    const report = reports[i];
    if (report === undefined) continue;
    report.lead = firm.openWeights === true ? 0 : Math.max(0, firm.capability - market.openBaseline);
    report.apiRevenue = revenues[i] as number;
  }
}

/**
 * The API market's split of one quarter's pool, by firm. Every model's lead is its capability
 * over the open models from outside the game: a rival's release competes for API customers in
 * the split, as it did closed, instead of erasing every closed lead at once. The best lead
 * captures part of the pool (all of it at `leadForFullCapture`), less a price war between the
 * two best (`rivalry` × the runner-up's lead ÷ the leader's), shared by lead^`splitExponent`;
 * an open-weights firm keeps `openShare` of what its model earns (other hosts serve its
 * weights for the rest). The engine and the panel's preview (rivals' API revenue from what
 * they publish) both call this. `out` (a reused array, resized to the firms) receives the
 * split instead of a new array.
 *
 * `released` (engine 2.13.0, with time to build; per firm, read for open-weights firms): the
 * model the firm has published (`releasedCapability`). Other hosts serve only those weights, so
 * the firm gives up `1 − openShare` of the part of its lead its release covers and keeps all of
 * the part its newest, unpublished model adds. Without it a release covers the whole lead.
 */
export function splitApiPool(
  api: EconomyConfig["api"],
  pool: number,
  outsideOpenBaseline: number,
  firms: readonly { capability: number; openWeights: boolean; delisted: boolean }[],
  out: number[] = [],
  released?: readonly number[],
): number[] {
  let bestLead = 0;
  let secondLead = 0;
  let weightTotal = 0;
  const shares = out;
  // Written in firm order from index 0, so a fresh array grows packed; a longer reused one is cut to size.
  if (shares.length > firms.length) shares.length = firms.length;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    if (firm.delisted === true) {
      shares[i] = 0;
      continue;
    }
    const lead = Math.max(0, firm.capability - outsideOpenBaseline);
    if (lead > bestLead) {
      secondLead = bestLead;
      bestLead = lead;
    } else if (lead > secondLead) secondLead = lead;
    const w = api.splitExponent === 1 ? lead : lead ** api.splitExponent;
    weightTotal += w;
    shares[i] = w;
  }
  // Rivals at the frontier compete on price: the closer the runner-up's lead to the leader's,
  // the less of the pool the frontier models can charge for (a price war, not a shared monopoly).
  const priceWar = bestLead > 0 ? 1 - api.rivalry * (secondLead / bestLead) : 1;
  const captured = pool * Math.min(1, bestLead / api.leadForFullCapture) * priceWar;
  for (let i = 0; i < shares.length; i++) {
    const firm = firms[i];
    const kept = firm?.openWeights === true ? openKept(api.openShare, firm.capability, outsideOpenBaseline, released?.[i]) : 1;
    shares[i] = weightTotal > 0 ? (kept * captured * (shares[i] as number)) / weightTotal : 0;
  }
  return shares;
}

/**
 * The share of its API earnings an open-weights firm keeps: `openShare` on the part of its lead
 * over the outside open models its published weights cover, all of the rest (`splitApiPool`).
 */
function openKept(openShare: number, capability: number, outside: number, released: number | undefined): number {
  if (released === undefined || released >= capability) return openShare;
  const lead = capability - outside;
  if (!(lead > 0)) return openShare;
  const covered = Math.max(0, released - outside);
  return 1 - ((1 - openShare) * covered) / lead;
}
