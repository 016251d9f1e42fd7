import { SECTOR_IDS, type SectorId } from "../../schemas/vocabulary.js";
import type { Quarter } from "../quarter.js";
import { sumPerSector } from "../sectors.js";
import { rampCost } from "./growth.js";

const SERVED_SHARE = 0.01; // a firm "serves" a sector once it holds 1% of its customers

/** The served sectors' ids for each set of sectors (bit s = SECTOR_IDS[s]), in SECTOR_IDS order; a report gets a copy. */
const servedLists: SectorId[][] = Array.from({ length: 1 << SECTOR_IDS.length }, (_, mask) => SECTOR_IDS.filter((_, s) => mask & (1 << s)));

/** A copy of a served list, as a literal of its length: optimised code allocates it inline, where `slice()` calls a builtin. */
function copyServed(list: SectorId[]): SectorId[] {
  const l = list as [SectorId, SectorId, SectorId, SectorId, SectorId, SectorId];
  switch (list.length) {
    case 1:
      return [l[0]];
    case 2:
      return [l[0], l[1]];
    case 3:
      return [l[0], l[1], l[2]];
    case 4:
      return [l[0], l[1], l[2], l[3]];
    case 5:
      return [l[0], l[1], l[2], l[3], l[4]];
    case 6:
      return [l[0], l[1], l[2], l[3], l[4], l[5]];
    default:
      return list.slice();
  }
}

/** Per sector, this quarter's tam × trust (reused by every resolution): the first product of every firm's revenue there, made once. */
const tamTrust = new Float64Array(SECTOR_IDS.length);

/**
 * Step 8. Income. Revenue per sector = tam × trust × customers, plus API revenue. Serving
 * cost = revenue × serving cost × compute price / efficiency, and can exceed revenue. Opex
 * grows with revenue and with cumulative training; fines fall on the sectors' revenue.
 *
 * `tam`, the API pool and opex are per quarter; a turn spans `tau` quarters, so it earns and
 * pays `tau` quarters of each (the report's flows are the turn's).
 */
export function income(t: Quarter): void {
  const { config, market, firms, reports, prices, fineRates } = t;
  const tau = t.clock.tau;
  const upkeep = config.opex.perTraining * tau;
  const fixed = config.opex.fixed * tau;
  // Read once per resolution, not per firm and sector (nothing below replaces them).
  const servingCostOf = t.columns.servingCost;
  // `× 1` makes a config field a double once (it holds a small integer or a heap number, checked and unboxed at every read otherwise).
  const apiServingCost = config.api.servingCost * 1;
  const perRevenue = config.opex.perRevenue * 1;
  const servedShare = SERVED_SHARE;
  const { sectorTam, sectorTrust } = market;
  // A local bound: the imported list is a module binding, loaded and checked again at every turn of a loop.
  const S = SECTOR_IDS.length;
  // tam × trust × share × tau is ((tam × trust) × share) × tau: its first product is the same for every firm.
  const marketSize = tamTrust;
  for (let s = 0; s < S; s++) marketSize[s] = (sectorTam[s] as number) * (sectorTrust[s] as number);
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    const report = reports[i];
    if (report === undefined || firm.delisted === true) continue;
    const costFactor = (prices[i] as number) / firm.efficiency;
    const apiRevenue = report.apiRevenue * tau;
    report.apiRevenue = apiRevenue;
    let revenue = apiRevenue;
    let serving = apiRevenue * apiServingCost * costFactor;
    let fines = 0;
    const rates = fineRates[i] as number[];
    let served = 0;
    const customers = firm.customers;
    const sectorRevenues = report.sectorRevenue;
    for (let s = 0; s < S; s++) {
      const share = customers[s] as number;
      const sectorRevenue = (marketSize[s] as number) * share * tau;
      sectorRevenues[s] = sectorRevenue;
      revenue += sectorRevenue;
      serving += sectorRevenue * (servingCostOf[s] as number) * costFactor;
      fines += sectorRevenue * (rates[s] as number);
      if (share >= servedShare) served |= 1 << s;
    }
    // A copy of exactly its length (pushing one by one grows the array's store on the first push).
    if (served !== 0) report.sectorsServed = copyServed(servedLists[served] as SectorId[]);
    const ramp = rampCost(config, t.clock, firm, report.spent);
    report.rampCost = ramp;
    const opex = fixed + upkeep * firm.trainingSpendTotal + perRevenue * revenue + report.licenceFees + ramp;
    report.revenue = revenue;
    report.servingCost = serving;
    report.opex = opex;
    report.operatingProfit = revenue - serving - opex;
    report.fines = fines;
    firm.cash += report.operatingProfit - fines;
    firm.valueCreated += report.operatingProfit;
  }
  for (let k = 0; k < t.incidentFines.length; k++) {
    const f = t.incidentFines[k] as (typeof t.incidentFines)[number];
    const report = reports[f.firm];
    const incident = t.incidents[k];
    if (report !== undefined && incident !== undefined) incident.fine = f.rate * (report.sectorRevenue[f.sector] as number);
  }
}

/**
 * Step 9. Ecosystem for open weights, data moat from customers served, hype, the market's
 * credit for training capex, and the book value of integration work.
 *
 * An open-weights ecosystem grows toward a level set by how far the firm's release lifts
 * the open frontier above what open models would be without it: developers gather around
 * the best open model, not around any release. A firm whose model trails the open baseline
 * gains nothing by releasing it (and a lead it gives away costs its API revenue).
 */
export function intangibles(t: Quarter): void {
  const { config, firms, actions, appsTotals, clock } = t;
  const a = config.apps;
  const v = config.valuation;
  const bookDecay = 1 - clock.integrationDecay;
  // Read once per resolution, not per firm (nothing below replaces them; the same values, so the same
  // bits). `× 1` makes a config field a double once (it holds a small integer or a heap number, checked
  // and unboxed at every read otherwise).
  const moatMax = a.moatMax * 1;
  const moatGrowth = clock.moatGrowth;
  const hypeKept = 1 - clock.hypeDecay;
  const trainingHype = v.trainingHype * 1;
  const creditKept = 1 - clock.creditDepreciation;
  const capitaliseApps = v.capitaliseApps * 1;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    const action = actions[i] as (typeof actions)[number];
    if (action === null) continue;
    if (firm.openWeights === true) {
      const lift = Math.max(0, (t.released[i] as number) - t.openBaselineWithoutReleases);
      const target = a.ecosystemMax * Math.min(1, lift / a.ecosystemLift);
      firm.ecosystem += clock.ecosystemGrowth * (target - firm.ecosystem);
    }
    // Summed in sector order from 0, written out (the loop's sum, without a loop's checks every turn).
    const served = sumPerSector(firm.customers);
    if (moatMax > 0) firm.dataMoat = Math.min(moatMax, firm.dataMoat + moatGrowth * served * (1 - firm.dataMoat / moatMax));
    firm.hype = firm.hype * hypeKept + (action.marketing + trainingHype * action.train);
    firm.trainingCredit = firm.trainingCredit * creditKept + action.train;
    firm.appsBook = firm.appsBook * bookDecay + capitaliseApps * (appsTotals[i] as number);
  }
}
