import type { FirmState } from "../types.js";

/** A firm's compliance level: the square root of its compliance stock ($M, decaying). */
export function complianceLevel(firm: FirmState): number {
  return Math.sqrt(firm.complianceStock);
}
