import { createHash } from "node:crypto";
import { randomBot } from "../../shared/bots/random.js";
import {
  type Action,
  appliedById,
  createGame,
  type EconomyConfig,
  type GameState,
  type Injection,
  nextFloat,
  nextInt,
  type QuarterReport,
  REGIMES,
  type RngState,
  resolveQuarter,
  resolveQuarterInPlace,
  type ScenarioId,
  SECTOR_IDS,
  seedRng,
  viewFor,
} from "../../shared/index.js";
import type { GameEvent } from "../../shared/schemas/injection.js";
import { ALL_SCENARIOS, configFor, seats } from "./play.js";

/**
 * Seeded fuzz games for the engine's byte-identity checks: every preset, every length of
 * `FUZZ_LENGTHS`, 2–8 firms of the random bot (raises, open weights, locked contracts,
 * distillation; delistings happen), and facilitator injections of every kind at random quarters.
 */
export const FUZZ_LENGTHS = [4, 8, 16, 24, 40] as const;

export interface FuzzGame {
  scenario: ScenarioId;
  index: number;
  config: EconomyConfig;
  seed: string;
  firms: number;
  injections: Record<number, Injection[]>;
}

function randomEvent(rng: RngState): GameEvent {
  const sector = SECTOR_IDS[nextInt(rng, 0, SECTOR_IDS.length - 1)] as (typeof SECTOR_IDS)[number];
  const between = (lo: number, hi: number) => lo + (hi - lo) * nextFloat(rng);
  switch (nextInt(rng, 0, 9)) {
    case 0:
      return { kind: "gpuShock", scope: nextFloat(rng) < 0.5 ? "all" : "vendor", factor: between(0.5, 2.5) };
    case 1:
      return { kind: "openRelease", jump: between(0, 50) };
    case 2:
      return { kind: "scalingWall", factor: between(0.01, 1) };
    case 3:
      return { kind: "rateChange", delta: between(-0.1, 0.1) };
    case 4:
      return { kind: "adoptionWave", sector, factor: between(0.5, 2) };
    case 5:
      return { kind: "provenanceScandal", sector };
    case 6:
      return { kind: "mediaLaw" };
    case 7:
      return { kind: "sectorRegulation", sector, regulated: nextFloat(rng) < 0.5 };
    default:
      return { kind: "selloff", depth: between(0, 0.9) };
  }
}

function randomInjection(rng: RngState): Injection {
  const u = nextFloat(rng);
  if (u < 0.15) return { kind: "regime", regime: REGIMES[nextInt(rng, 0, REGIMES.length - 1)] as (typeof REGIMES)[number] };
  if (u < 0.25) return { kind: "disclosure", on: nextFloat(rng) < 0.5 };
  return { kind: "event", event: randomEvent(rng) };
}

/** The `index`-th fuzz game of a preset: its length cycles through `FUZZ_LENGTHS`. */
export function fuzzGame(scenario: ScenarioId, index: number): FuzzGame {
  const quarters = FUZZ_LENGTHS[index % FUZZ_LENGTHS.length] as number;
  const rng = seedRng(`fuzz/${scenario}/${index}`);
  const firms = nextInt(rng, 2, 8);
  const injections: Record<number, Injection[]> = {};
  for (let q = 1; q <= quarters; q++) {
    if (nextFloat(rng) >= 0.25) continue;
    const count = nextInt(rng, 1, 3);
    injections[q] = Array.from({ length: count }, () => randomInjection(rng));
  }
  return { scenario, index, config: configFor(scenario, { quarters }), seed: `fuzz-${scenario}-${index}`, firms, injections };
}

/** One resolution: the pure API by default; the in-place path is compared with it. */
export type Resolver = (
  state: GameState,
  actions: Record<string, Action>,
  injections: Injection[],
) => { state: GameState; report: QuarterReport; applied: Record<string, Action> };

export const pureResolver: Resolver = (state, actions, injections) => resolveQuarter(state, actions, injections);

/** The simulator's path: the same state object, resolved in place. */
export const inPlaceResolver: Resolver = (state, actions, injections) => {
  const { report, played } = resolveQuarterInPlace(state, actions, injections);
  return { state, report, applied: appliedById(state.firms, played) };
};

export interface FuzzPlay {
  final: GameState;
  /** JSON of the state after each quarter (quarter 0 first), when asked for. */
  snapshots: string[];
  reports: QuarterReport[];
  applied: Record<string, Action>[];
}

/** A fuzz game under way: its state so far (`final` once it ends) and the random bot's generator. */
export interface FuzzProgress {
  game: FuzzGame;
  rng: RngState;
  play: FuzzPlay;
}

/** A fuzz game at quarter 0. */
export function startFuzz(game: FuzzGame, snapshot = false): FuzzProgress {
  const state = createGame(game.config, game.seed, seats(game.firms));
  return { game, rng: seedRng(`${game.seed}/actions`), play: { final: state, snapshots: snapshot ? [JSON.stringify(state)] : [], reports: [], applied: [] } };
}

/** Plays one more quarter of a fuzz game with the random bot, resolving with `resolve`; false once the game is over. */
export function stepFuzz(progress: FuzzProgress, resolve: Resolver = pureResolver, snapshot = false): boolean {
  const { game, rng, play } = progress;
  const state = play.final;
  if (state.quarter >= game.config.quarters) return false;
  const actions: Record<string, Action> = {};
  for (const firm of state.firms) if (!firm.delisted) actions[firm.id] = randomBot(viewFor(state, { kind: "firm", firmId: firm.id }), rng);
  const out = resolve(state, actions, game.injections[state.quarter + 1] ?? []);
  play.reports.push(out.report);
  play.applied.push(out.applied);
  play.final = out.state;
  if (snapshot) play.snapshots.push(JSON.stringify(out.state));
  return true;
}

/** Plays a fuzz game to the end with the random bot (seeded by the game), resolving with `resolve`. */
export function playFuzz(game: FuzzGame, resolve: Resolver = pureResolver, snapshot = false): FuzzPlay {
  const progress = startFuzz(game, snapshot);
  while (stepFuzz(progress, resolve, snapshot));
  return progress.play;
}

/** sha256 (first 16 hex digits) of the final state, every quarter's report and every applied action, as JSON. */
export function playHash(play: FuzzPlay): string {
  return createHash("sha256")
    .update(JSON.stringify(play.final))
    .update(JSON.stringify(play.reports))
    .update(JSON.stringify(play.applied))
    .digest("hex")
    .slice(0, 16);
}

export const FUZZ_GAMES_PER_PRESET = 200;
export const FUZZ_SCENARIOS = ALL_SCENARIOS;
