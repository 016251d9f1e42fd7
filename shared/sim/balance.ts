import { POLICY_PRESETS } from "../bots/policy-presets.js";
import type { DeepPartial } from "../config/scenarios.js";
import type { EconomyConfig } from "../schemas/config.js";
import type { ScenarioId } from "../schemas/vocabulary.js";
import { aggregate, type BatchStats } from "./aggregate.js";
import { type GameSummary, winningFirm } from "./metrics.js";
import type { LineupSeat, Seat } from "./play.js";
import { quantile, share } from "./stats.js";

/** The game lengths every balance target is measured at. */
export const CHECK_LENGTHS = [8, 12, 16, 24] as const;

const REFERENCE: Seat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];
/** The plain rules a person would write down (shared/bots/policy-presets.ts), as seats. */
const PLAIN = (name: "plain-ship" | "plain-scale"): LineupSeat => ({ policy: POLICY_PRESETS[name], label: name });
const OPEN_RELEASED = ["scaler", "builder", "balanced", "pivot"] as const;

/** A batch of games the balance check plays, on the same seeds as every other batch. */
export interface CheckBatch {
  /** `<length>q/<name>`, e.g. `8q/base`. */
  id: string;
  quarters: number;
  name: string;
  /** Another preset than the one the command names (the preset targets). */
  scenario?: ScenarioId;
  lineup: LineupSeat[];
  override: DeepPartial<EconomyConfig>;
}

/** Everything `--check` plays at one length: the reference line-up and the variants the targets compare. */
function batchesAt(quarters: number): CheckBatch[] {
  const at = (name: string, lineup: LineupSeat[], override: DeepPartial<EconomyConfig> = {}, scenario?: ScenarioId): CheckBatch => ({
    id: `${quarters}q/${name}`,
    quarters,
    name,
    lineup,
    override: { ...override, quarters },
    ...(scenario ? { scenario } : {}),
  });
  return [
    at("base", REFERENCE),
    // A class where two students press Scale: the story must survive a crowd (issue 12; engine 2.9.0).
    at("crowd", [...REFERENCE, { bot: "scaler" }]),
    at("plain", [...REFERENCE, PLAIN("plain-ship"), PLAIN("plain-scale")]),
    at("with-open", [...REFERENCE, { bot: "open" }]),
    at("with-random", [...REFERENCE, { bot: "random" }]),
    ...OPEN_RELEASED.map((bot) =>
      at(
        `${bot}-released`,
        REFERENCE.map((seat) => (seat.bot === bot ? { bot, options: { openWeights: true } } : seat)),
      ),
    ),
    at("disclosure-on", REFERENCE, { start: { disclosure: true } }),
    at("regime-application", REFERENCE, { start: { regime: "application" } }),
    at("regime-model", REFERENCE, { start: { regime: "model" } }),
    at("dotcom-1999", REFERENCE, {}, "dotcom-1999"),
    at("soft-landing", REFERENCE, {}, "soft-landing"),
  ];
}

/** Every batch of `--check`, for the given lengths (default: all of `CHECK_LENGTHS`). */
export function checkBatches(lengths: readonly number[] = CHECK_LENGTHS): CheckBatch[] {
  return lengths.flatMap(batchesAt);
}

export interface TargetResult {
  id: string;
  target: string;
  threshold: string;
  measured: string;
  pass: boolean;
}

/** Figures measured outside the batches, per length (the exploit search, injections). */
export interface ExtraMeasures {
  /** Largest one-quarter valuation multiple any allowed injection caused, over the probed games. */
  injectionMultiple?: number;
  /** The exploit search's best policy: its win rate on fresh seeds, per length. */
  searchWinRate?: Readonly<Record<number, { winRate: number; against: string }>>;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, digits = 2) => x.toFixed(digits);

function strategy(stats: BatchStats, name: string) {
  const found = stats.strategies.find((s) => s.strategy === name);
  if (!found) throw new Error(`no ${name} in batch ${stats.variant}`);
  return found;
}

/**
 * Evaluates DESIGN.md's balance targets v2 on the batches of `checkBatches(lengths)`: each
 * target at each length, then the targets measured across lengths.
 */
export function evaluateBalance(
  batches: Readonly<Record<string, readonly GameSummary[]>>,
  lengths: readonly number[] = CHECK_LENGTHS,
  extra: ExtraMeasures = {},
): TargetResult[] {
  const results: TargetResult[] = [];
  for (const quarters of lengths) results.push(...evaluateLength(batches, quarters, extra));
  if (extra.injectionMultiple !== undefined)
    results.push({
      id: "injection-bounded",
      target: "no allowed injection multiplies a firm's valuation by more than 3 in a quarter",
      threshold: "≤ 3×",
      measured: `${num(extra.injectionMultiple)}×`,
      pass: extra.injectionMultiple <= 3,
    });
  return results;
}

function evaluateLength(batches: Readonly<Record<string, readonly GameSummary[]>>, quarters: number, extra: ExtraMeasures): TargetResult[] {
  const games = (name: string) => {
    const found = batches[`${quarters}q/${name}`];
    if (!found) throw new Error(`missing batch ${quarters}q/${name}`);
    return found;
  };
  const stats = (name: string) => aggregate(`${quarters}q/${name}`, games(name));
  const base = stats("base");
  const results: TargetResult[] = [];
  const add = (id: string, target: string, threshold: string, measured: string, pass: boolean) =>
    results.push({ id: `${quarters}q/${id}`, target: `${quarters}q: ${target}`, threshold, measured, pass });

  add("bubble-forms", "peak bubble ratio B ≥ 2", "≥ 70% of games", pct(base.peakBubble.atLeast2), base.peakBubble.atLeast2 >= 0.7);
  add(
    "correction-happens",
    "a correction (total value −25% in 2 quarters, or the engine's)",
    "≥ 80% of games",
    pct(base.correction.rate),
    base.correction.rate >= 0.8,
  );
  const mq = base.correction.medianQuarter;
  const third = quarters / 3;
  add(
    "correction-midgame",
    "median correction start in the middle third",
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

  const plain = stats("plain");
  const ship = strategy(plain, "plain-ship").meanScore;
  const scale = strategy(plain, "plain-scale").meanScore;
  add("plain-ship-pays", "a plain shipper out-scores a plain scaler (mean)", "ship > scale", `${num(ship, 0)} vs ${num(scale, 0)} $M`, ship > scale);
  const builderMean = strategy(base, "builder").meanScore;
  const scalerMean = strategy(base, "scaler").meanScore;
  add(
    "builder-beats-scaler",
    "builder out-scores scaler (mean)",
    "builder > scaler",
    `${num(builderMean, 0)} vs ${num(scalerMean, 0)} $M`,
    builderMean > scalerMean,
  );

  const crowd = stats("crowd");
  const crowdStart = crowd.correction.medianQuarter;
  add(
    "crowd-story",
    "two scalers: peak B ≥ 2 in ≥ 70%, a correction in ≥ 80%, its median start in the middle third",
    `≥ 70%; ≥ 80%; ${num(third, 1)} < q ≤ ${num(2 * third, 1)}`,
    `${pct(crowd.peakBubble.atLeast2)}; ${pct(crowd.correction.rate)}; ${crowdStart === null ? "none" : num(crowdStart, 1)}`,
    crowd.peakBubble.atLeast2 >= 0.7 && crowd.correction.rate >= 0.8 && crowdStart !== null && crowdStart > third && crowdStart <= 2 * third,
  );
  const crowdScalers = strategy(crowd, "scaler").delistedRate;
  const crowdBuilder = strategy(crowd, "builder").delistedRate;
  add(
    "crowd-delisting",
    "two scalers: scaler seats delisted 15–60%, builder < 10%",
    "15–60%; < 10%",
    `${pct(crowdScalers)}; ${pct(crowdBuilder)}`,
    crowdScalers >= 0.15 && crowdScalers <= 0.6 && crowdBuilder < 0.1,
  );

  const names = [
    "base",
    "crowd",
    "plain",
    "with-open",
    "with-random",
    ...OPEN_RELEASED.map((b) => `${b}-released`),
    "disclosure-on",
    "regime-application",
    "regime-model",
    "dotcom-1999",
    "soft-landing",
  ];
  // Each batch's top seat; the measure names the worst and counts every batch above 40% (one fix rarely turns it).
  const tops = names.flatMap((name) =>
    seatWinRates(games(name))
      .map((w) => ({ batch: name, ...w }))
      .sort((a, b) => b.winRate - a.winRate)
      .slice(0, 1),
  );
  const worst = [...tops].sort((a, b) => b.winRate - a.winRate)[0];
  const over = tops.filter((t) => t.winRate > 0.4).length;
  add(
    "nothing-solved",
    "no seat wins more than 40% in any batch",
    "≤ 40%",
    worst ? `${worst.seat} ${pct(worst.winRate)} (${worst.batch})${over > 1 ? `; ${over} of ${names.length} batches above` : ""}` : "none",
    (worst?.winRate ?? 0) <= 0.4,
  );
  const search = extra.searchWinRate?.[quarters];
  if (search)
    add("search-finds-nothing", "the exploit search finds no policy above 40%", "≤ 40%", `${pct(search.winRate)} vs ${search.against}`, search.winRate <= 0.4);

  const shifts = OPEN_RELEASED.map((bot) => {
    const released = strategy(stats(`${bot}-released`), bot).meanScore;
    const own = strategy(base, bot).meanScore;
    return { bot, change: own > 0 ? released / own - 1 : 0 };
  });
  const worstShift = [...shifts].sort((a, b) => Math.abs(b.change) - Math.abs(a.change))[0];
  add(
    "open-tradeoff",
    "releasing weights from quarter 1 changes each bot's mean score by < ±25%",
    "|Δ| < 25%",
    shifts.map((s) => `${s.bot} ${s.change >= 0 ? "+" : ""}${pct(s.change)}`).join(", "),
    Math.abs(worstShift?.change ?? 0) < 0.25,
  );
  const openWins = strategy(stats("with-open"), "open").winRate;
  add("open-wins-some", "open wins in the line-up with open", "10–35%", pct(openWins), openWins >= 0.1 && openWins <= 0.35);

  const baseGames = games("base");
  const peakMultiples = baseGames.flatMap((g) => g.firms.map((f) => f.peakValuation / (f.valuations[0] || 1)));
  const p99 = quantile(peakMultiples, 0.99);
  add("peaks-plausible", "99th percentile of a firm's peak valuation ÷ its start", "≤ 100×", `${num(p99, 1)}×`, p99 <= 100);
  const scalerPeak = quantile(
    baseGames.flatMap((g) => g.firms.filter((f) => f.strategy === "scaler").map((f) => f.peakValuation / (f.valuations[0] || 1))),
    0.5,
  );
  add("scaler-peak-plausible", "median scaler peak ÷ its start", "≤ 30×", `${num(scalerPeak, 1)}×`, scalerPeak <= 30);
  const ceilingOk = share(baseGames, (g) => g.ceilingRun <= 2);
  add("ceiling-rare", "sentiment at its ceiling at most 2 quarters in a row", "≥ 90% of games", pct(ceilingOk), ceilingOk >= 0.9);

  const scalerDelisted = strategy(base, "scaler").delistedRate;
  add("scaler-delisted", "scaler delisted", "15–60% of games", pct(scalerDelisted), scalerDelisted >= 0.15 && scalerDelisted <= 0.6);
  const builderDelisted = strategy(base, "builder").delistedRate;
  add("builder-survives", "builder delisted", "< 10% of games", pct(builderDelisted), builderDelisted < 0.1);
  const builderFloor = Math.min(...strategy(base, "builder").medianValuationRatio);
  add("builder-not-slow-death", "builder's median valuation never below 80% of its start", "≥ 80%", pct(builderFloor), builderFloor >= 0.8);

  const excess = (name: string) =>
    quantile(
      games(name).map((g) => g.peakExcess),
      0.5,
    );
  const excessCut = 1 - excess("disclosure-on") / excess("base");
  const disclosedB = stats("disclosure-on").peakBubble.p50;
  add(
    "disclosure-deflates",
    "disclosure cuts the median peak narrative excess ΣV − ΣF, and peak B",
    "excess ≥ 25% lower; B lower",
    `excess ${pct(excessCut)} lower; B ${num(base.peakBubble.p50)} → ${num(disclosedB)}`,
    excessCut >= 0.25 && disclosedB < base.peakBubble.p50,
  );

  const [app, model, none] = [stats("regime-application"), stats("regime-model"), base];
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

  const drawdown = (name: string) =>
    quantile(
      games(name).map((g) => g.correction.depth),
      0.5,
    );
  const dotcom = drawdown("dotcom-1999");
  add("dotcom-deeper", "dotcom-1999: median drawdown of total valuation", "≥ 60%", pct(dotcom), dotcom >= 0.6);
  const soft = games("soft-landing");
  const softB = stats("soft-landing").peakBubble.p50;
  const peakTotal = (list: readonly GameSummary[]) =>
    quantile(
      list.map((g) => Math.max(...g.totalValuation)),
      0.5,
    );
  const softPeak = peakTotal(soft);
  const basePeak = peakTotal(baseGames);
  const softDrawdown = drawdown("soft-landing");
  const softFinalS = quantile(
    soft.map((g) => g.sentiment[g.sentiment.length - 1] ?? 1),
    0.5,
  );
  add(
    "soft-landing-lands",
    "soft-landing: lower peak B and peak ΣV than ai-2025; drawdown ≤ 35%; final S 0.8–1.3",
    "all four",
    `B ${num(softB)} vs ${num(base.peakBubble.p50)}; ΣV ${num(softPeak, 0)} vs ${num(basePeak, 0)}; drawdown ${pct(softDrawdown)}; S ${num(softFinalS)}`,
    softB < base.peakBubble.p50 && softPeak < basePeak && softDrawdown <= 0.35 && softFinalS >= 0.8 && softFinalS <= 1.3,
  );
  return results;
}

/** Win rate of each seat (by firm id, so two seats of one bot count apart). */
function seatWinRates(list: readonly GameSummary[]): { seat: string; winRate: number }[] {
  const wins = new Map<string, number>();
  for (const g of list) {
    const winner = winningFirm(g.firms);
    if (winner) wins.set(winner.firmId, (wins.get(winner.firmId) ?? 0) + 1);
  }
  return [...wins].map(([seat, n]) => ({ seat, winRate: n / list.length }));
}
