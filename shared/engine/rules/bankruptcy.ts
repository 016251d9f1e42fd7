import type { Quarter } from "../quarter.js";
import { zeroPerSector } from "../sectors.js";
import { lastResortCapacity, raiseCapacity, sharesForRaise } from "./financing.js";

/**
 * Step 12. A firm whose cash is below zero makes an emergency raise (a deep discount,
 * within what is left of the market's appetite this turn, or what investors of last resort
 * buy, whichever is more) if that covers the hole; otherwise it is delisted: its
 * customers return to the market and its valuation is zero.
 */
export function bankruptcy(t: Quarter, valuations: number[]): void {
  const { config, market, firms, reports, q } = t;
  const f = config.financing;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    const report = reports[i];
    if (report === undefined || firm.delisted === true || firm.cash >= 0) continue;
    const hole = -firm.cash;
    const valuation = valuations[i] as number;
    const capacity = Math.max(
      0,
      raiseCapacity(config, market.sentiment, market.correction.quartersLeft > 0, valuation, report.operatingProfit, q === 1) - report.raised,
      lastResortCapacity(config, valuation),
    );
    const price = valuation / firm.shares;
    if (capacity >= hole && price > 0) {
      const amount = Math.min(capacity, hole + f.emergencyBuffer);
      firm.shares += sharesForRaise(amount, price, f.emergencyDiscount);
      firm.cash += amount;
      report.emergencyRaised = amount;
      t.log.push({ quarter: q, kind: "emergencyRaise", firmId: firm.id, amount });
      continue;
    }
    firm.delisted = true;
    // Written out (fill is a call into the runtime): every sector's share back to 0.
    zeroPerSector(firm.customers);
    t.log.push({ quarter: q, kind: "delisted", firmId: firm.id });
  }
}
