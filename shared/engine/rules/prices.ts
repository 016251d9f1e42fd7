import type { EconomyConfig } from "../../schemas/config.js";
import type { FirmState, MarketState } from "../types.js";

/** The price a firm pays per compute unit: spot, or its contract's fixed price times the locked vendor's shock. */
export function firmComputePrice(market: MarketState, firm: FirmState): number {
  if (firm.hardware === "locked") return firm.lockedPrice * market.vendorShock;
  return market.computePrice;
}

/** Fee a training run pays under the model regime (an operating cost). */
export function licenceFee(config: EconomyConfig, market: MarketState, trainingSpend: number): number {
  if (market.regime !== "model") return 0;
  return config.compute.modelLicenceRate * Math.max(0, trainingSpend - config.compute.modelLicenceThreshold);
}
