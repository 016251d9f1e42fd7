/** Formats a $M amount for messages and labels: 1234.5 → "$1,234.5M". */
export function formatMoney(millions: number): string {
  if (!Number.isFinite(millions)) return String(millions);
  const sign = millions < 0 ? "-" : "";
  const abs = Math.abs(millions);
  const digits = abs >= 100 ? 0 : 1;
  return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}M`;
}
