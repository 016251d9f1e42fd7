/** Formats a $M amount for messages and labels: 1234.5 → "$1,234.5M". */
export function formatMoney(millions: number): string {
  if (!Number.isFinite(millions)) return String(millions);
  const sign = millions < 0 ? "-" : "";
  const abs = Math.abs(millions);
  const digits = abs >= 100 ? 0 : 1;
  return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}M`;
}

/** Money in few characters, for axes, lists and captions: "$0", "$500M", "$1.5B", "$12B" (not "$1,500M"). */
export function formatShortMoney(millions: number): string {
  if (millions === 0) return "$0";
  const abs = Math.abs(millions);
  const sign = millions < 0 ? "-" : "";
  if (abs >= 1000) {
    const billions = abs / 1000;
    return `${sign}$${Number(billions.toFixed(billions >= 10 ? 0 : 1))}B`;
  }
  return abs >= 1 ? formatMoney(millions).replace(".0M", "M") : formatMoney(millions);
}
