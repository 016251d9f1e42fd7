import type { SectorConfig } from "../../schemas/config.js";
import { SECTOR_IDS } from "../../schemas/vocabulary.js";
import type { Quarter } from "../quarter.js";
import { power, sectorList } from "../sectors.js";
import type { FirmReport } from "../types.js";
import { capabilityAfterTraining } from "./capability.js";
import { raiseCapacity, sharesForRaise } from "./financing.js";
import { appCapability } from "./market.js";
import { firmComputePrice, licenceFee } from "./prices.js";

/** Step 1. Financing: sell new shares at the last price less a discount, within appetite. */
export function financing(t: Quarter): void {
  const { config, market, firms, actions, reports } = t;
  firms.forEach((firm, i) => {
    const action = actions[i];
    if (!action || action.raise <= 0) return;
    const last = firm.history[firm.history.length - 1];
    const valuation = last?.valuation ?? 0;
    const amount = Math.min(action.raise, raiseCapacity(config, market, valuation));
    if (amount <= 0 || !last || last.sharePrice <= 0) return;
    firm.shares += sharesForRaise(amount, last.sharePrice, config.financing.discount);
    firm.cash += amount;
    (reports[i] as FirmReport).raised = amount;
  });
}

/**
 * Step 2. Spending and training: hardware contract, edge distillation, and compute bought at
 * the firm's price; capability saturates on cumulative compute. Under the model regime a
 * licence fee on big runs is booked as an operating cost.
 */
export function spendAndTrain(t: Quarter): void {
  const { config, market, firms, actions, reports, prices, appSpend, q } = t;
  firms.forEach((firm, i) => {
    const action = actions[i];
    const report = reports[i];
    if (!action || !report) return;
    if (action.hardware !== firm.hardware) {
      firm.hardware = action.hardware;
      if (action.hardware === "locked") firm.lockedUntil = q + config.compute.lockQuarters - 1;
    }
    if (action.openWeights) firm.openWeights = true;
    let appsSpend = 0;
    for (const spend of appSpend[i] as number[]) appsSpend += spend;
    const edgeSpend = action.distill && !firm.edge ? config.apps.edgeCost : 0;
    if (edgeSpend > 0) firm.edge = true;
    const spent = action.train + appsSpend + action.efficiency + action.compliance + action.marketing + edgeSpend;
    firm.cash -= spent;
    report.spent = spent;
    report.trainingSpend = action.train;

    const price = firmComputePrice(config, market, firm);
    prices[i] = price;
    const computeBefore = firm.compute;
    firm.compute += action.train / price;
    firm.capability = capabilityAfterTraining(config, firm.capability, computeBefore, firm.compute, market.alpha);
    firm.trainingSpendTotal += action.train;
    report.licenceFees = licenceFee(config, market, action.train);
  });
}

/**
 * Step 3. The open baseline rises every quarter, follows the closed frontier of a few
 * quarters ago, and includes every released open-weight model.
 */
export function openBaseline(t: Quarter): void {
  const { config, market, firms, q } = t;
  const ob = config.openBaseline;
  let baseline = market.openBaseline + ob.growth;
  const lagged = market.history[q - ob.lagQuarters];
  if (lagged && q - ob.lagQuarters >= 0) baseline = Math.max(baseline, lagged.bestClosedCapability - ob.lagGap);
  for (const firm of firms) if (firm.openWeights && !firm.delisted) baseline = Math.max(baseline, firm.capability);
  market.openBaseline = Math.min(config.capability.capMax, baseline);
}

/**
 * Steps 4–5. Serving efficiency (diminishing returns) and integration per sector: √spend,
 * faster with an ecosystem, and scaled by how well the firm's usable model fits the sector.
 */
export function efficiencyAndIntegration(t: Quarter): void {
  const { config, firms, actions, appSpend } = t;
  const decay = 1 - config.apps.integrationDecay;
  const sectors = sectorList(config);
  firms.forEach((firm, i) => {
    const action = actions[i];
    if (!action) return;
    firm.efficiencySpendTotal += action.efficiency;
    firm.efficiency = 1 + config.efficiency.max * (1 - Math.exp(-firm.efficiencySpendTotal / config.efficiency.scale));
    const speed = 1 + firm.ecosystem;
    const spendBySector = appSpend[i] as number[];
    const capability = appCapability(firm.capability, t.market.openBaseline, config.openBaseline.appGap);
    for (let s = 0; s < SECTOR_IDS.length; s++) {
      const spend = spendBySector[s] as number;
      if (spend <= 0) {
        firm.integration[s] = (firm.integration[s] as number) * decay;
        continue;
      }
      // Integration work is only as good as the model it integrates.
      const fit = power(Math.min(1, capability / (sectors[s] as SectorConfig).need), config.apps.integrationFitExponent);
      firm.integration[s] = (firm.integration[s] as number) * decay + Math.sqrt(spend) * speed * fit;
    }
    firm.complianceStock = firm.complianceStock * (1 - config.regulation.complianceDecay) + action.compliance;
  });
}
