import type { FirmReport, MarketReport } from "../engine/types.js";
import { SECTOR_IDS } from "../schemas/vocabulary.js";
import type { PlayedGame } from "./play.js";

const REPORT_FIELDS = [
  "revenue",
  "apiRevenue",
  "servingCost",
  "opex",
  "licenceFees",
  "rampCost",
  "spanSectors",
  "spanFactor",
  "fines",
  "operatingProfit",
  "raised",
  "emergencyRaised",
  "spent",
  "trainingSpend",
  "cash",
  "capability",
  "lead",
  "incidents",
  "openWeights",
  "fundamentals",
  "narrative",
  "valuation",
  "sharePrice",
  "shares",
  "founderStake",
  "delisted",
] as const satisfies readonly (keyof FirmReport)[];

const MARKET_FIELDS = [
  "sentiment",
  "bubbleRatio",
  "computePrice",
  "openBaseline",
  "rate",
  "regime",
  "disclosure",
  "correction",
] as const satisfies readonly (keyof MarketReport)[];

const ACTION_FIELDS = [
  "train",
  ...SECTOR_IDS.map((id) => `apps_${id}`),
  "efficiency",
  "compliance",
  "marketing",
  "distill",
  "openWeights",
  "hardware",
  "raise",
];

/** Header of the tidy CSV: one row per (run, quarter, firm). */
export const CSV_HEADER = [
  "run",
  "seed",
  "variant",
  "quarter",
  "firm",
  "strategy",
  ...REPORT_FIELDS,
  "sectorsServed",
  ...SECTOR_IDS.map((id) => `revenue_${id}`),
  ...SECTOR_IDS.map((id) => `customers_${id}`),
  ...ACTION_FIELDS.map((f) => `action_${f}`),
  ...MARKET_FIELDS.map((f) => `market_${f}`),
].join(",");

/** A number at a fixed precision (6 decimals), so files are compact and byte-stable. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function cell(value: unknown): string {
  if (typeof value === "number") return csvNumber(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  const text = String(value ?? "");
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The game's rows, quarter 0 (the start, no action) first. */
export function csvRows(run: number, variant: string, strategies: readonly string[], game: PlayedGame): string {
  const final = game.states[game.states.length - 1];
  if (!final) return "";
  const lines: string[] = [];
  const seed = game.record.seed;
  for (let q = 0; q <= final.quarter; q++) {
    const market = final.market.history[q] as MarketReport;
    const actions = q > 0 ? game.record.quarters[q - 1]?.actions : undefined;
    final.firms.forEach((firm, i) => {
      const report = firm.history[q] as FirmReport;
      const action = actions?.[firm.id];
      const actionCells = action
        ? [
            action.train,
            ...SECTOR_IDS.map((id) => action.apps[id] ?? 0),
            action.efficiency,
            action.compliance,
            action.marketing,
            action.distill,
            action.openWeights,
            action.hardware,
            action.raise,
          ]
        : ACTION_FIELDS.map(() => "");
      lines.push(
        [
          run,
          seed,
          variant,
          q,
          firm.id,
          strategies[i],
          ...REPORT_FIELDS.map((f) => report[f]),
          report.sectorsServed.join("|"),
          ...report.sectorRevenue,
          ...report.customers,
          ...actionCells,
          ...MARKET_FIELDS.map((f) => market[f]),
        ]
          .map(cell)
          .join(","),
      );
    });
  }
  return `${lines.join("\n")}\n`;
}
