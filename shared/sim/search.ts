import type { Policy } from "../bots/policy.js";
import { POLICY_PRESETS } from "../bots/policy-presets.js";
import { seedRng } from "../rng.js";
import type { EconomyConfig } from "../schemas/config.js";
import type { ScenarioId } from "../schemas/vocabulary.js";
import { type Cem, perturb, sample, topIndices, update } from "./cem.js";
import { type GameSummary, winningFirm } from "./metrics.js";
import type { LineupSeat } from "./play.js";
import { DIMENSIONS, decodePolicy, encodePolicy } from "./policy-space.js";
import { configOrThrow, type RunSpec, runGame } from "./run.js";
import { mean } from "./stats.js";

/**
 * The exploit search: the cross-entropy method over the policy space (policy-space.ts) for
 * one extra seat against a fixed line-up. Every candidate of a generation plays the same
 * seeds (common random numbers), so candidates differ by their play, not their luck. The
 * best few are then re-played on validation seeds to pick one, and the pick on fresh seeds
 * to report: the reported win rate is not inflated by the search's own selection.
 */

/** How the searched seat is named in summaries. */
export const SEARCH_LABEL = "search";
export const DEFAULT_SEARCH_LINEUP: readonly LineupSeat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];

export interface SearchOptions {
  /** The seats the policy plays against (default scaler, builder, balanced, pivot); it sits last. */
  lineUp?: readonly LineupSeat[];
  scenario?: ScenarioId;
  quarters?: number;
  /** A partial config on top of the scenario (what `--config` reads). */
  override?: unknown;
  /** Games to play in all: search, validation and the fresh re-evaluation. */
  budget: number;
  seed: string;
  /** Candidates per generation (default 20). */
  population?: number;
  /** Games each candidate plays per generation, on seeds shared by the generation (default 20). */
  seedsPerGeneration?: number;
  /** Share of a generation the distribution is refitted to (default 0.25). */
  eliteShare?: number;
  /** Policies the first generation starts from (default: every preset that imitates a known strategy). */
  starts?: Readonly<Record<string, Policy>>;
}

/** A budget too small for the search to run: the message says how much it needs. */
export class SearchBudgetError extends Error {}

export interface SearchPlan {
  generations: number;
  population: number;
  seedsPerGeneration: number;
  /** The best of the search re-played to choose the one reported. */
  validated: number;
  validationGames: number;
  freshGames: number;
}

/** How many candidates the validation compares: the best of the search and the distribution's mean. */
const FINALISTS = 4;

function split(budget: number, population: number, seedsPerGeneration: number): SearchPlan {
  const freshGames = Math.max(20, Math.round(0.1 * budget));
  const validationGames = Math.max(10, Math.round((0.1 * budget) / (FINALISTS + 1)));
  const generations = Math.floor((budget - 2 * freshGames - (FINALISTS + 1) * validationGames) / (population * seedsPerGeneration));
  return { generations, population, seedsPerGeneration, validated: FINALISTS + 1, validationGames, freshGames };
}

/**
 * Splits a budget: 10% for validation, 10% for the pick's fresh re-evaluation and 10% for the
 * best start's on the same seeds (the baseline it is compared with), the rest for generations.
 */
export function planSearch(budget: number, population = 20, seedsPerGeneration = 20): SearchPlan {
  const plan = split(budget, population, seedsPerGeneration);
  if (plan.generations < 2) {
    let needed = budget;
    while (split(needed, population, seedsPerGeneration).generations < 2) needed += 10;
    throw new SearchBudgetError(
      `a budget of ${budget} games is too small for ${population} candidates × ${seedsPerGeneration} games a generation: give at least ${needed}`,
    );
  }
  return plan;
}

/** What the search asks to have played: every policy on every seed, as the last seat. */
export interface EvaluationRequest {
  phase: "search" | "validate" | "fresh";
  generation: number;
  policies: Policy[];
  seeds: string[];
}

/** One game as the search reads it: every seat's score, and the winner's seat index. */
export interface GameOutcome {
  scores: number[];
  winner: number;
}

export interface SearchResult {
  best: Policy;
  /** Where the best came from: a start's name, "near <start>", "generation <g>" or the final mean. */
  origin: string;
  /** On fresh seeds, never seen by the search. */
  winRate: number;
  meanScore: number;
  freshGames: number;
  /** The start policy that did best in generation 0, on the same fresh seeds: what the search adds is the difference. */
  baseline: { origin: string; winRate: number; meanScore: number };
  /** The line-up's seats in the same fresh games. */
  opponents: { strategy: string; winRate: number; meanScore: number }[];
  /** Games played in all. */
  evaluated: number;
  plan: SearchPlan;
  /** Per generation: the best and mean fitness (win rate + a tenth of the score ratio), the best's win rate and origin. */
  generations: { generation: number; bestFitness: number; meanFitness: number; bestWinRate: number; best: string }[];
}

export function outcomeOf(summary: GameSummary): GameOutcome {
  const winner = winningFirm(summary.firms);
  return { scores: summary.firms.map((f) => f.score), winner: winner ? summary.firms.indexOf(winner) : -1 };
}

/**
 * What a candidate is selected on: its win rate, plus a tenth of its mean score relative to
 * the best other seat (capped at 2×), which tells apart candidates that never win.
 */
export function fitness(outcomes: readonly GameOutcome[], seat: number): { value: number; winRate: number } {
  const winRate = mean(outcomes.map((o) => (o.winner === seat ? 1 : 0)));
  const ratio = mean(
    outcomes.map((o) => {
      const others = Math.max(1, ...o.scores.filter((_, i) => i !== seat));
      return Math.min(2, (o.scores[seat] ?? 0) / others);
    }),
  );
  return { value: winRate + 0.1 * ratio, winRate };
}

export function searchConfig(options: Pick<SearchOptions, "scenario" | "quarters" | "override">): EconomyConfig {
  return configOrThrow(options.scenario ?? "ai-2025", options.override ?? {}, options.quarters ? { quarters: options.quarters } : {});
}

/** The games of a request, policy by policy then seed by seed; each policy's seats share one array. */
export function evaluationSpecs(config: EconomyConfig, lineUp: readonly LineupSeat[], request: EvaluationRequest): RunSpec[] {
  let run = 0;
  return request.policies.flatMap((policy) => {
    const lineup: LineupSeat[] = [...lineUp, { policy, label: SEARCH_LABEL }];
    return request.seeds.map((seed) => ({ run: run++, seed, variant: `${request.phase}-${request.generation}`, config, lineup }));
  });
}

/** A request's game outcomes, in `evaluationSpecs` order, regrouped as `[policy][seed]`. */
export function byPolicy(request: EvaluationRequest, outcomes: readonly GameOutcome[]): GameOutcome[][] {
  return request.policies.map((_, p) => outcomes.slice(p * request.seeds.length, (p + 1) * request.seeds.length));
}

const seedsOf = (base: string, part: string, count: number) => Array.from({ length: count }, (_, i) => `${base}/${part}/${i}`);

interface Candidate {
  policy: Policy;
  vector: number[];
  /** Where it came from: a start's name, "near <start>" or "generation <g>". */
  origin: string;
}

/**
 * The search as a sequence of requests: a driver plays each request's games (in this thread
 * or on workers) and sends back the outcomes, `[policy][seed]`. Deterministic in its options.
 */
export function* searchSteps(options: SearchOptions): Generator<EvaluationRequest, SearchResult, GameOutcome[][]> {
  const lineUp = options.lineUp ?? DEFAULT_SEARCH_LINEUP;
  const seat = lineUp.length;
  const plan = planSearch(options.budget, options.population, options.seedsPerGeneration);
  const rng = seedRng(`${options.seed}/cem`);
  const starts: Candidate[] = Object.entries(options.starts ?? POLICY_PRESETS).map(([origin, policy]) => ({ policy, vector: encodePolicy(policy), origin }));
  if (starts.length === 0) throw new Error("the search needs at least one start policy");
  const spreads = DIMENSIONS.map((d) => d.spread);
  const eliteCount = Math.max(2, Math.round(plan.population * (options.eliteShare ?? 0.25)));
  let evaluated = 0;
  let cem: Cem | undefined;
  let carried: Candidate | undefined;
  const hall: (Candidate & { fitness: number })[] = [];
  let bestStart: (Candidate & { fitness: number }) | undefined;
  const generations: SearchResult["generations"] = [];

  for (let g = 0; g < plan.generations; g++) {
    const candidates: Candidate[] = [];
    if (!cem) {
      candidates.push(...starts.slice(0, plan.population));
      for (let i = candidates.length; i < plan.population; i++) {
        const start = starts[i % starts.length] as Candidate;
        const vector = perturb(start.vector, spreads, rng);
        candidates.push({ policy: decodePolicy(vector), vector, origin: `near ${start.origin}` });
      }
    } else {
      if (carried) candidates.push(carried);
      while (candidates.length < plan.population) {
        const vector = sample(cem, rng);
        candidates.push({ policy: decodePolicy(vector), vector, origin: `generation ${g}` });
      }
    }
    const seeds = seedsOf(options.seed, `search-${g}`, plan.seedsPerGeneration);
    const outcomes = yield { phase: "search", generation: g, policies: candidates.map((c) => c.policy), seeds };
    evaluated += candidates.length * seeds.length;
    const scored = outcomes.map((o) => fitness(o, seat));
    const values = scored.map((s) => s.value);
    const elite = topIndices(values, eliteCount);
    const top = elite[0] as number;
    carried = candidates[top] as Candidate;
    hall.push({ ...carried, fitness: values[top] as number });
    if (g === 0) {
      const startIndex = topIndices(values.slice(0, Math.min(starts.length, plan.population)), 1)[0] as number;
      bestStart = { ...(candidates[startIndex] as Candidate), fitness: values[startIndex] as number };
    }
    generations.push({
      generation: g,
      bestFitness: values[top] as number,
      meanFitness: mean(values),
      bestWinRate: (scored[top] as { winRate: number }).winRate,
      best: carried.origin,
    });
    cem = update(
      cem,
      elite.map((i) => (candidates[i] as Candidate).vector),
      (g + 1) / plan.generations,
    );
  }

  const finalists: Candidate[] = [];
  for (const entry of [...hall].sort((a, b) => b.fitness - a.fitness)) {
    if (finalists.length >= plan.validated - 1) break;
    if (!finalists.some((f) => JSON.stringify(f.policy) === JSON.stringify(entry.policy))) finalists.push(entry);
  }
  const centre = (cem as Cem).mean;
  finalists.push({ policy: decodePolicy(centre), vector: centre, origin: "the search's final mean" });
  const validationSeeds = seedsOf(options.seed, "validate", plan.validationGames);
  const validation = yield { phase: "validate", generation: plan.generations, policies: finalists.map((f) => f.policy), seeds: validationSeeds };
  evaluated += finalists.length * validationSeeds.length;
  const chosen = finalists[
    topIndices(
      validation.map((o) => fitness(o, seat).value),
      1,
    )[0] as number
  ] as Candidate;

  const baseline = bestStart as Candidate & { fitness: number };
  const sameAsBaseline = JSON.stringify(baseline.policy) === JSON.stringify(chosen.policy);
  const freshSeeds = seedsOf(options.seed, "fresh", plan.freshGames);
  const freshPolicies = sameAsBaseline ? [chosen.policy] : [chosen.policy, baseline.policy];
  const [fresh = [], baselineFresh = fresh] = yield { phase: "fresh", generation: plan.generations + 1, policies: freshPolicies, seeds: freshSeeds };
  evaluated += freshPolicies.length * freshSeeds.length;
  return {
    best: chosen.policy,
    origin: chosen.origin,
    winRate: fitness(fresh, seat).winRate,
    meanScore: mean(fresh.map((o) => o.scores[seat] ?? 0)),
    freshGames: fresh.length,
    baseline: { origin: baseline.origin, winRate: fitness(baselineFresh, seat).winRate, meanScore: mean(baselineFresh.map((o) => o.scores[seat] ?? 0)) },
    opponents: lineUp.map((s, i) => ({
      strategy: "policy" in s ? s.label : s.bot,
      winRate: mean(fresh.map((o) => (o.winner === i ? 1 : 0))),
      meanScore: mean(fresh.map((o) => o.scores[i] ?? 0)),
    })),
    evaluated,
    plan,
    generations,
  };
}

/** Runs the search's steps with a synchronous evaluator. */
export function driveSearch(
  steps: Generator<EvaluationRequest, SearchResult, GameOutcome[][]>,
  evaluate: (request: EvaluationRequest) => GameOutcome[][],
): SearchResult {
  let step = steps.next();
  while (!step.done) step = steps.next(evaluate(step.value));
  return step.value;
}

/**
 * The exploit search in this thread: pure and deterministic in its options. `--check` calls
 * it per game length; the CLI's `--search` runs the same steps on worker threads.
 */
export function searchExploit(options: SearchOptions): SearchResult {
  const config = searchConfig(options);
  const lineUp = options.lineUp ?? DEFAULT_SEARCH_LINEUP;
  return driveSearch(searchSteps(options), (request) => {
    const outcomes = evaluationSpecs(config, lineUp, request).map((spec) => outcomeOf(runGame(spec).summary));
    return byPolicy(request, outcomes);
  });
}
