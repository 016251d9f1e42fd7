import type { DeepPartial } from "../config/scenarios.js";
import type { EconomyConfig } from "../schemas/config.js";
import { aggregate, type BatchStats } from "./aggregate.js";
import type { GameSummary } from "./metrics.js";
import type { Seat } from "./play.js";
import { share } from "./stats.js";

const BASE: Seat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];

/** A batch of games the balance check plays, on the same seeds as every other batch. */
export interface CheckBatch {
  id: string;
  lineup: Seat[];
  override: DeepPartial<EconomyConfig>;
}

/** Everything `--check` plays: the base line-up and the variants the targets compare. */
export const CHECK_BATCHES: readonly CheckBatch[] = [
  { id: "base", lineup: BASE, override: {} },
  { id: "pivot-raises-like-builder", lineup: [BASE[0], BASE[1], BASE[2], { bot: "pivot", options: { raiseLikeBuilder: true } }] as Seat[], override: {} },
  { id: "disclosure-on", lineup: BASE, override: { start: { disclosure: true } } },
  { id: "regime-application", lineup: BASE, override: { start: { regime: "application" } } },
  { id: "regime-model", lineup: BASE, override: { start: { regime: "model" } } },
  { id: "regime-none", lineup: BASE, override: { start: { regime: "none" } } },
  { id: "five-bots", lineup: [...BASE, { bot: "random" }], override: {} },
];

export interface TargetResult {
  id: string;
  target: string;
  threshold: string;
  measured: string;
  pass: boolean;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, digits = 2) => x.toFixed(digits);

function strategy(stats: BatchStats, name: string) {
  const found = stats.strategies.find((s) => s.strategy === name);
  if (!found) throw new Error(`no ${name} in batch ${stats.variant}`);
  return found;
}

/** Evaluates DESIGN.md's balance targets on the batches of `CHECK_BATCHES`. */
export function evaluateBalance(batches: Readonly<Record<string, readonly GameSummary[]>>): TargetResult[] {
  const games = (id: string) => {
    const found = batches[id];
    if (!found) throw new Error(`missing batch ${id}`);
    return found;
  };
  const stats = (id: string) => aggregate(id, games(id));
  const base = stats("base");
  const quarters = games("base")[0]?.quarters ?? 16;
  const results: TargetResult[] = [];
  const add = (id: string, target: string, threshold: string, measured: string, pass: boolean) => results.push({ id, target, threshold, measured, pass });

  add("bubble-forms", "peak bubble ratio B ≥ 2", "≥ 70% of games", pct(base.peakBubble.atLeast2), base.peakBubble.atLeast2 >= 0.7);
  add("correction-happens", "a correction (S falls ≥ 40% from its peak)", "≥ 80% of games", pct(base.correction.rate), base.correction.rate >= 0.8);
  const mq = base.correction.medianQuarter;
  const third = quarters / 3;
  add(
    "correction-midgame",
    "median correction quarter in the middle third",
    `${num(third, 1)} < q ≤ ${num(2 * third, 1)}`,
    mq === null ? "none" : num(mq, 1),
    mq !== null && mq > third && mq <= 2 * third,
  );

  const peaks = base.strategies.map((s) => [s.strategy, s.peakValuation.p50] as const).sort((a, b) => b[1] - a[1]);
  add(
    "scaler-peaks",
    "scaler has the highest median peak valuation",
    "rank 1",
    `${peaks[0]?.[0]} (${num(peaks[0]?.[1] ?? 0, 0)} $M)`,
    peaks[0]?.[0] === "scaler",
  );

  const beaten = share(games("base"), (g) => {
    const scoreOf = (name: string) => Math.max(...g.firms.filter((f) => f.strategy === name).map((f) => f.score));
    return Math.max(scoreOf("builder"), scoreOf("balanced")) > scoreOf("scaler");
  });
  add("scaler-loses-bust", "builder or balanced beat scaler on final score", "≥ 60% of games", pct(beaten), beaten >= 0.6);

  const means = base.strategies.map((s) => [s.strategy, s.meanScore] as const).sort((a, b) => b[1] - a[1]);
  add("pivot-best-mean", "pivot has the best mean final score", "rank 1", `${means[0]?.[0]} (${num(means[0]?.[1] ?? 0, 0)} $M)`, means[0]?.[0] === "pivot");

  const topWin = [...base.strategies].sort((a, b) => b.winRate - a.winRate)[0];
  add(
    "nothing-solved",
    "no strategy wins more than half the games",
    "≤ 50%",
    `${topWin?.strategy} ${pct(topWin?.winRate ?? 0)}`,
    (topWin?.winRate ?? 1) <= 0.5,
  );

  const capped = stats("pivot-raises-like-builder");
  const cappedPivot = strategy(capped, "pivot").meanScore;
  const cappedBuilder = strategy(capped, "builder").meanScore;
  add(
    "pivot-edge-is-timing",
    "pivot raising only as builder does still out-scores builder (mean)",
    "pivot > builder",
    `${num(cappedPivot, 0)} vs ${num(cappedBuilder, 0)} $M`,
    cappedPivot > cappedBuilder,
  );

  const scalerDelisted = strategy(base, "scaler").delistedRate;
  add("scaler-delisted", "scaler delisted", "15–60% of games", pct(scalerDelisted), scalerDelisted >= 0.15 && scalerDelisted <= 0.6);
  const builderDelisted = strategy(base, "builder").delistedRate;
  add("builder-survives", "builder delisted", "< 10% of games", pct(builderDelisted), builderDelisted < 0.1);
  const builderFloor = Math.min(...strategy(base, "builder").medianValuationRatio);
  add("builder-not-slow-death", "builder's median valuation never below 80% of its start", "≥ 80%", pct(builderFloor), builderFloor >= 0.8);

  const disclosed = stats("disclosure-on").peakBubble.p50;
  const cut = 1 - disclosed / base.peakBubble.p50;
  add(
    "disclosure-deflates",
    "disclosure lowers the median peak B",
    "≥ 25% lower",
    `${pct(cut)} (${num(base.peakBubble.p50)} → ${num(disclosed)})`,
    cut >= 0.25,
  );

  const regimes = ["application", "model", "none"].map((r) => stats(`regime-${r}`));
  const [app, model, none] = regimes as [BatchStats, BatchStats, BatchStats];
  add(
    "application-fewer-incidents",
    "application regime: fewer incidents than model and none",
    "lowest",
    `${num(app.incidents)} vs ${num(model.incidents)} / ${num(none.incidents)} per game`,
    app.incidents < model.incidents && app.incidents < none.incidents,
  );
  add(
    "application-more-value",
    "application regime: more value created than model and none",
    "highest",
    `${num(app.valueCreated, 0)} vs ${num(model.valueCreated, 0)} / ${num(none.valueCreated, 0)} $M`,
    app.valueCreated > model.valueCreated && app.valueCreated > none.valueCreated,
  );

  const five = stats("five-bots");
  const randomWins = strategy(five, "random").winRate;
  const othersMin = Math.min(...five.strategies.filter((s) => s.strategy !== "random").map((s) => s.winRate));
  add(
    "random-loses",
    "random wins rarely, and less than any other bot",
    "< 10% and < every bot",
    `${pct(randomWins)} (lowest other ${pct(othersMin)})`,
    randomWins < 0.1 && randomWins < othersMin,
  );
  return results;
}
