import { resolveQuarter } from "../engine/resolve.js";
import type { GameState } from "../engine/types.js";
import type { EconomyConfig } from "../schemas/config.js";
import { ADOPTION_FACTOR, type GameEvent, GPU_FACTOR, type Injection } from "../schemas/injection.js";
import { SECTOR_IDS } from "../schemas/vocabulary.js";
import { playBots, type Seat } from "./play.js";

/** The most extreme injection of each kind and direction the schemas allow. */
export function extremeInjections(): Injection[] {
  const events: GameEvent[] = [
    { kind: "rateChange", delta: -0.1 },
    { kind: "rateChange", delta: 0.1 },
    { kind: "selloff", depth: 0.9 },
    { kind: "gpuShock", scope: "all", factor: GPU_FACTOR[0] },
    { kind: "gpuShock", scope: "all", factor: GPU_FACTOR[1] },
    { kind: "gpuShock", scope: "vendor", factor: GPU_FACTOR[0] },
    { kind: "gpuShock", scope: "vendor", factor: GPU_FACTOR[1] },
    { kind: "openRelease", jump: 50 },
    { kind: "scalingWall", factor: 0.01 },
    ...SECTOR_IDS.map((sector): GameEvent => ({ kind: "adoptionWave", sector, factor: ADOPTION_FACTOR[1] })),
    ...SECTOR_IDS.map((sector): GameEvent => ({ kind: "provenanceScandal", sector })),
    ...SECTOR_IDS.map((sector): GameEvent => ({ kind: "sectorRegulation", sector, regulated: true })),
    { kind: "mediaLaw" },
  ];
  return [
    ...events.map((event): Injection => ({ kind: "event", event })),
    { kind: "disclosure", on: true },
    { kind: "disclosure", on: false },
    { kind: "regime", regime: "application" },
    { kind: "regime", regime: "model" },
  ];
}

const REFERENCE: Seat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];

/** `largestInjectionMultiple` on the reference line-up at each length, `games` seeds each (`inj-0` …). */
export function probeInjections(configAt: (quarters: number) => EconomyConfig, lengths: readonly number[], games: number): number {
  const seeds = Array.from({ length: games }, (_, i) => `inj-${i}`);
  return Math.max(...lengths.map((quarters) => largestInjectionMultiple(configAt(quarters), seeds, REFERENCE)));
}

/** Valuations below this ($M) are too small for a ratio to mean anything. */
const MIN_VALUATION = 100;

/**
 * The largest factor by which one injection raises a firm's valuation in the quarter it is
 * applied, against the same quarter without it (same state, same actions): over every
 * quarter of the given games and every injection of `extremeInjections()`.
 */
export function largestInjectionMultiple(config: EconomyConfig, seeds: readonly string[], lineup: readonly Seat[]): number {
  const injections = extremeInjections();
  let largest = 1;
  for (const seed of seeds) {
    const played = playBots(config, seed, lineup);
    played.record.quarters.forEach((quarter, q) => {
      const state = played.states[q] as GameState;
      const without = resolveQuarter(state, quarter.actions).report.firms;
      for (const injection of injections) {
        const withIt = resolveQuarter(state, quarter.actions, [injection]).report.firms;
        withIt.forEach((report, i) => {
          const base = without[i]?.valuation ?? 0;
          if (base < MIN_VALUATION || report.valuation < MIN_VALUATION) return;
          largest = Math.max(largest, report.valuation / base);
        });
      }
    });
  }
  return largest;
}
