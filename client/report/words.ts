import type { ValuationMove } from "../../shared/plans/quarter.js";
import { money, t } from "../i18n.js";

/** A signed amount of money in the report's words: "+$866M", "−$2,500M"; nothing is "$0", never "+$0" or "−$0". */
export function signedMoney(amount: number): string {
  const shown = money(Math.abs(amount));
  if (shown === money(0)) return shown;
  return t(amount >= 0 ? "report.money.plus" : "report.money.minus", { amount: shown });
}

/** A cost on the report's money lines: "−$109M"; a cost of nothing is "$0", not "−$0" (a firm that served no one). */
export function costMoney(amount: number): string {
  return signedMoney(-amount);
}

/**
 * "Why your valuation moved" in one line, to the $M the card's other figures and the final
 * standings use: "$1,475M → $2,837M (+$1,362M)". Short money here ("$1.5B → $2.8B (+$1.4B)")
 * read as wrong arithmetic, and as another figure than the standings' "$13,982M".
 */
export function valuationHeadline(v: ValuationMove): string {
  return t("report.moved.headline", { before: money(v.before), after: money(v.after), change: signedMoney(v.after - v.before) });
}
