import { money, shortMoney } from "./i18n/format.js";

/** Formats a $M amount in English (the CLI, logs): 1234.5 → "$1,235M". Screens use client/i18n.ts. */
export function formatMoney(millions: number): string {
  return money("en", millions);
}

/** Short English money for the CLI and logs: "$0", "$500M", "$1.5B", "$12B". Screens use client/i18n.ts. */
export function formatShortMoney(millions: number): string {
  return shortMoney("en", millions);
}
