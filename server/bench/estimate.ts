/**
 * How far to trust the decision panel's estimate: on simulated games of bots, each firm's
 * preview (the client's own code, built only from what that player sees) is run with the
 * action the firm then took, and compared with the quarter as the engine resolved it.
 *
 *   npm run bench:estimate -- --games 40 --firms scaler,builder,balanced,pivot,scaler,builder
 */
import { parseArgs } from "node:util";
import { type BotName, isBotName } from "../../shared/bots/index.js";
import { loadConfig } from "../../shared/config/load.js";
import { SCENARIOS, type ScenarioId } from "../../shared/schemas/vocabulary.js";
import { measureEstimate } from "./estimate-measure.js";

const { values } = parseArgs({
  options: {
    games: { type: "string", default: "40" },
    firms: { type: "string", default: "scaler,builder,balanced,pivot,scaler,builder" },
    quarters: { type: "string", default: "12" },
    scenario: { type: "string", default: "ai-2025" },
    seed: { type: "string", default: "estimate" },
    tolerance: { type: "string", default: "0.25" },
  },
});
const games = Number(values.games);
const tolerance = Number(values.tolerance);
const bots = values.firms.split(",");
for (const bot of bots) if (!isBotName(bot)) throw new Error(`unknown bot "${bot}" (expected one of scaler, builder, open, balanced, pivot, random)`);
if (!(SCENARIOS as readonly string[]).includes(values.scenario)) throw new Error(`unknown scenario "${values.scenario}"`);
const config = loadConfig(values.scenario as ScenarioId, { quarters: Number(values.quarters) });
if (!config.ok) throw new Error(config.error.message);
const tally = measureEstimate(config.value, bots as BotName[], games, values.seed, tolerance);

const pct = (k: number) => `${((100 * k) / Math.max(1, tally.n)).toFixed(1)}%`;
const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(p * s.length))] as number) : Number.NaN;
};
const spread = (xs: number[]) =>
  `resolved/estimate p10 ${quantile(xs, 0.1).toFixed(2)}, median ${quantile(xs, 0.5).toFixed(2)}, p90 ${quantile(xs, 0.9).toFixed(2)}`;
console.log(`estimate accuracy: ${games} games × ${values.quarters} quarters, firms ${values.firms}, ${tally.n} firm-quarters`);
console.log(
  `  revenue   within ±${tolerance * 100}%: ${pct(tally.revenue)}   inside the shown range: ${pct(tally.revenueRange)}   ${spread(tally.ratios.revenue)}`,
);
console.log(
  `  valuation within ±${tolerance * 100}%: ${pct(tally.valuation)}   inside the shown range: ${pct(tally.valuationRange)}   ${spread(tally.ratios.valuation)}`,
);
