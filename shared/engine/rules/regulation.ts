import { SECTOR_IDS } from "../../schemas/vocabulary.js";
import { overTurns } from "../clock.js";
import type { Quarter } from "../quarter.js";
import type { FirmReport } from "../types.js";
import { complianceLevel } from "./compliance.js";

/**
 * Step 6. Incidents in regulated sectors happen under every regime: the firm loses
 * customers, the market's sentiment takes a hit, and the sector's shared trust falls for
 * everyone. Under the application regime compliance lowers the odds and firms below the
 * compliance tier are fined on that sector's revenue. Synthetic media needs disclosure
 * compliance once a regime or a disclosure law is in force.
 *
 * One uniform is drawn per firm and sector whatever the regime, so policies compared on the
 * same seed see the same luck.
 */
export function regulation(t: Quarter): void {
  const { config, market, firms, rng, fineRates } = t;
  const r = config.regulation;
  const applicationRegime = market.regime === "application";
  const disclosureEnforced = market.regime !== "none" || market.mediaLaw;
  const tau = t.clock.tau;
  // No incident's odds exceed the full rate's (a share above the reference counts as the
  // reference, compliance only lowers them): a draw at or above it needs no odds computed.
  // Over several quarters a margin covers the power's rounding; NaN odds (never in a valid game) still take the long way.
  const oddsBound = tau === 1 ? r.incidentRate : overTurns(r.incidentRate, tau) + 1e-9;
  const regulated = market.sectorRegulated;
  const disclosureRule = t.columns.disclosureRule;
  const disclosureFineRate = r.disclosureFineRate;
  // A local bound: the imported list is a module binding, loaded and checked again at every turn of a loop.
  const S = SECTOR_IDS.length;
  // The generator's four words held in locals for the whole loop and written back once at its end: each draw
  // below is `nextFloat(rng)` written out (sfc32, shared/rng.ts's `nextUint32` step by step, the same words in the
  // same order, so the same bits), without a load and a store of the state object's four fields per draw.
  // Nothing else draws from `rng` inside the loop.
  let ra = rng.a;
  let rb = rng.b;
  let rc = rng.c;
  let rd = rng.d;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as (typeof firms)[number];
    // Flags compared, not tested for truth (a field V8 has not typed as boolean costs a full ToBoolean).
    const listed = firm.delisted !== true;
    const level = listed ? complianceLevel(firm) : 0;
    const compliant = level >= r.complianceTier;
    const disclosureFined = disclosureEnforced && !compliant;
    const rates = fineRates[i] as number[];
    const customers = firm.customers;
    for (let s = 0; s < S; s++) {
      const w = (((ra + rb) | 0) + rd) | 0;
      rd = (rd + 1) | 0;
      ra = rb ^ (rb >>> 9);
      rb = (rc + (rc << 3)) | 0;
      rc = (rc << 21) | (rc >>> 11);
      rc = (rc + w) | 0;
      // A delisted firm's draws are still made (one per sector), so every other firm sees the same luck.
      if (!listed) continue;
      const u = (w >>> 0) / 4294967296;
      if (disclosureFined && disclosureRule[s] === true) rates[s] = (rates[s] as number) + disclosureFineRate;
      if (regulated[s] !== true) continue;
      const share = customers[s] as number;
      if (u >= oddsBound && !Number.isNaN(share) && !Number.isNaN(level)) continue;
      let p = overTurns(r.incidentRate * Math.min(1, share / r.incidentShareRef), tau);
      if (applicationRegime) p /= 1 + level / r.complianceScale;
      if (u >= p) continue;
      customers[s] = share * (1 - r.customerLoss);
      firm.incidents += 1;
      (t.reports[i] as FirmReport).incidents += 1;
      market.sectorTrust[s] = (market.sectorTrust[s] as number) * (1 - r.trustLoss);
      market.sentiment = Math.max(config.sentiment.floor, market.sentiment * (1 - r.sentimentHit));
      // A fine is a share of one quarter's revenue in the sector; the turn's revenue spans tau quarters.
      const fineRate = applicationRegime && !compliant ? r.fineRate / tau : 0;
      rates[s] = (rates[s] as number) + fineRate;
      t.incidents.push({ firmId: firm.id, sector: SECTOR_IDS[s] as (typeof SECTOR_IDS)[number], fine: 0 });
      t.incidentFines.push({ firm: i, sector: s, rate: fineRate });
    }
  }
  rng.a = ra;
  rng.b = rb;
  rng.c = rc;
  rng.d = rd;
}
