import { type BotName, isBotName } from "../bots/index.js";
import { changedValues, gameConfig } from "../config/override.js";
import { correctionSpans } from "../engine/corrections.js";
import type { GameState } from "../engine/types.js";
import { err, ok, type Result } from "../result.js";
import type { EconomyConfig } from "../schemas/config.js";
import { playBots, type Seat } from "../sim/play.js";
import { gameSeed } from "../sim/run.js";
import { quantile } from "../sim/stats.js";
import { botName, scenarioTitle } from "../words/names.js";
import type { Debrief } from "./analytics.js";
import type { DebriefInput } from "./input.js";
import { money, nameList, percent, quarterLabel, ratio, type Words } from "./text.js";

/** How many simulated markets the debrief draws its fan bands from. */
export const SIMULATED_MARKETS = 200;

/** The bot a seat falls back to when the room named none it knows. */
const FALLBACK_BOT: BotName = "balanced";

/** A seat played by people, and the bot that plays it in the simulations. */
export interface StandIn {
  firmId: string;
  name: string;
  bot: BotName;
}

/** Why a game's markets cannot be simulated: a code for the reader, the details for developers. */
export interface PlanError {
  code: "config" | "noFirms";
  detail: string;
}

/** Everything the simulations need; plain data, so it can be posted to a worker. */
export interface SimulationPlan {
  config: EconomyConfig;
  lineup: Seat[];
  seeds: string[];
  standIns: StandIn[];
}

/** What one simulated market keeps: its public series, quarter 0 first. */
export interface SimulatedMarket {
  bubbleRatio: number[];
  sentiment: number[];
  totalValuation: number[];
  /** The quarter its first correction began, or null. */
  correctionStart: number | null;
}

export interface FanPoint {
  quarter: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

export interface FanSummary {
  count: number;
  bubbleRatio: FanPoint[];
  totalValuation: FanPoint[];
  standIns: StandIn[];
  captions: string[];
}

/**
 * The simulations of a finished game: the same scenario, economy override, length and number of firms; each
 * bot seat keeps its bot, and each seat people played is played by the room's bot for that
 * position (the room's list, cycled). Seeds come from the game's code, so every viewer of the
 * same game sees the same bands.
 */
export function simulationPlan(input: DebriefInput, count = SIMULATED_MARKETS): Result<SimulationPlan, PlanError> {
  // The economy the class played: the scenario, the room's override, the game's length.
  const loaded = gameConfig(input.scenario, input.quarters, input.economy);
  if (!loaded.ok) return err({ code: "config", detail: loaded.error.message });
  if (input.firms.length === 0) return err({ code: "noFirms", detail: "the game has no firms" });
  const roomBots = input.bots.filter(isBotName);
  const standIns: StandIn[] = [];
  const lineup = input.firms.map((firm, i): Seat => {
    const cycled = roomBots.length > 0 ? (roomBots[i % roomBots.length] as BotName) : undefined;
    if (firm.human) {
      const bot = cycled ?? (isBotName(firm.bot) ? firm.bot : FALLBACK_BOT);
      standIns.push({ firmId: firm.id, name: firm.name, bot });
      return { bot };
    }
    return { bot: isBotName(firm.bot) ? firm.bot : (cycled ?? FALLBACK_BOT) };
  });
  const seeds = Array.from({ length: count }, (_, i) => gameSeed(`debrief/${input.code}`, i));
  return ok({ config: loaded.value, lineup, seeds, standIns });
}

/** Plays simulated market `index` of a plan. Pure: the same plan and index give the same market. */
export function simulateMarket(plan: SimulationPlan, index: number): SimulatedMarket {
  const played = playBots(plan.config, plan.seeds[index] as string, plan.lineup, {}, "final");
  const history = (played.states[played.states.length - 1] as GameState).market.history;
  const started = correctionSpans(history)[0];
  return {
    bubbleRatio: history.map((m) => m.bubbleRatio),
    sentiment: history.map((m) => m.sentiment),
    totalValuation: history.map((m) => m.totalValuation),
    correctionStart: started ? started.start : null,
  };
}

/** Per-quarter percentiles (linear interpolation) across series; quarter i is index i. */
export function fanBands(series: readonly (readonly number[])[]): FanPoint[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, q) => {
    const values = series.map((s) => s[q]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    return {
      quarter: q,
      p10: quantile(values, 0.1),
      p25: quantile(values, 0.25),
      p50: quantile(values, 0.5),
      p75: quantile(values, 0.75),
      p90: quantile(values, 0.9),
    };
  });
}

/** The highest value from quarter 1 on (quarter 0 is the common start). */
function peakAfterStart(series: readonly number[]): number {
  return Math.max(...(series.length > 1 ? series.slice(1) : series));
}

/** Shares of `others` strictly below and strictly above `value`. */
export function standing(value: number, others: readonly number[]): { below: number; above: number } {
  if (others.length === 0) return { below: 0, above: 0 };
  return { below: others.filter((v) => v < value).length / others.length, above: others.filter((v) => v > value).length / others.length };
}

/** The fan bands and the sentences that place this game among the simulated markets, worded for `w`'s reader. */
export function fanSummary(input: DebriefInput, debrief: Debrief, plan: SimulationPlan, markets: readonly SimulatedMarket[], w: Words): FanSummary {
  const { t } = w;
  const q = (quarter: number) => quarterLabel(w, quarter);
  const n = markets.length;
  const peaks = markets.map((m) => peakAfterStart(m.bubbleRatio));
  const gamePeak = peakAfterStart(debrief.bubbleRatio);
  const lastIndex = debrief.quarters.length - 1;
  const endQuarter = debrief.quarters[lastIndex] ?? 0;
  const setupWords = {
    scenario: scenarioTitle(input.scenario, w.t),
    firms: t("common.firms.count", { count: input.firms.length }),
    quarters: w.turns.quarterly ? t("common.quarters.count", { count: input.quarters }) : t("common.turns.count", { count: input.quarters }),
  };
  const setup =
    changedValues(input.scenario, input.economy).length > 0 ? t("debrief.caption.fan.setupCustom", setupWords) : t("debrief.caption.fan.setup", setupWords);
  const peakStanding = standing(gamePeak, peaks);
  const peakFigures = {
    count: n,
    setup,
    median: ratio(w, quantile(peaks, 0.5)),
    p10: ratio(w, quantile(peaks, 0.1)),
    p90: ratio(w, quantile(peaks, 0.9)),
    peak: ratio(w, gamePeak),
  };
  const captions = [
    peakStanding.below >= peakStanding.above
      ? t("debrief.caption.fan.peakHigher", { ...peakFigures, share: percent(w, peakStanding.below) })
      : t("debrief.caption.fan.peakLower", { ...peakFigures, share: percent(w, peakStanding.above) }),
  ];
  const corrected = markets.filter((m) => m.correctionStart !== null);
  const here = debrief.corrections[0];
  const share = percent(w, corrected.length / Math.max(1, n));
  if (corrected.length > 0) {
    const median = q(
      Math.round(
        quantile(
          corrected.map((m) => m.correctionStart as number),
          0.5,
        ),
      ),
    );
    captions.push(
      here ? t("debrief.caption.fan.correctionsHere", { share, median, here: q(here.start) }) : t("debrief.caption.fan.correctionsNone", { share, median }),
    );
  } else
    captions.push(here ? t("debrief.caption.fan.noCorrectionsHere", { share, here: q(here.start) }) : t("debrief.caption.fan.noCorrectionsNone", { share }));
  const finals = markets.map((m) => m.totalValuation[endQuarter]).filter((v): v is number => v !== undefined);
  const gameFinal = debrief.totalValuation[lastIndex] ?? 0;
  if (finals.length > 0) {
    const final = standing(gameFinal, finals);
    const figures = { quarter: q(endQuarter), total: money(w, gameFinal), median: money(w, quantile(finals, 0.5)) };
    captions.push(
      final.below >= final.above
        ? t("debrief.caption.fan.finalHigher", { ...figures, share: percent(w, final.below) })
        : t("debrief.caption.fan.finalLower", { ...figures, share: percent(w, final.above) }),
    );
  }
  if (plan.standIns.length > 0)
    captions.push(
      t("debrief.caption.fan.standIns", {
        seats: nameList(
          w,
          plan.standIns.map((s) => t("debrief.caption.fan.standIn", { firm: s.name, bot: botName(s.bot, w.t) })),
          4,
        ),
      }),
    );
  return {
    count: n,
    bubbleRatio: fanBands(markets.map((m) => m.bubbleRatio)),
    totalValuation: fanBands(markets.map((m) => m.totalValuation)),
    standIns: plan.standIns,
    captions,
  };
}
