import type { EconomyConfig } from "../schemas/config.js";
import type { ScenarioId } from "../schemas/vocabulary.js";
import { AI_2025 } from "./ai2025.js";

/** A partial config: any subset of the economy's keys, nested. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export interface Scenario {
  id: ScenarioId;
  title: string;
  blurb: string;
  /** Changes from `ai-2025`. */
  changes: DeepPartial<EconomyConfig>;
}

export const SCENARIO_LIST: readonly Scenario[] = [
  {
    id: "ai-2025",
    title: "AI, 2025",
    blurb: "The default: cheap capital, falling token prices, open models close behind.",
    changes: {},
  },
  {
    id: "dotcom-1999",
    title: "Dot-com, 1999",
    blurb: "Euphoric investors, rising rates and a sharper crash: Nasdaq fell 78% from March 2000.",
    changes: {
      start: { sentiment: 1.25, rate: 0.05 }, // Fed funds 5% in 1999, rising to 6.5% by May 2000
      sentiment: { momentum: 0.55, capex: 2.7 }, // momentum trading on Nasdaq, 1999
      // Nasdaq −78% peak to trough (a cut of 70–90%, mean 80%; 60–85% until engine 2.13.0); and the bust cut customers' budgets:
      // US online advertising fell ~27% from 2000 to 2002, telecom capex ~50%
      correction: { depth: [0.7, 0.9], hazardMidpoint: 2.6, demandHit: 0.3 },
      // "Eyeballs" and fibre capex priced far above their cost (~$90B of fibre, ~2.6% lit), and written off in the bust: the market's
      // credit for capex loses 85% when a correction starts (50% by default), as Global Crossing, ~$15B of fibre, sold 61.5% of itself out of bankruptcy for $250M (2003)
      valuation: { creditWeight: 5, creditWritedown: 0.85 },
      events: {
        weights: {
          gpuShock: 1,
          openRelease: 1,
          scalingWall: 1,
          rateChange: 4,
          adoptionWave: 2,
          provenanceScandal: 1,
          mediaLaw: 1,
          sectorRegulation: 1,
          selloff: 2,
        },
      },
      sectors: { media: { servingCost: 2 } }, // Pets.com sold below cost plus shipping
    },
  },
  {
    id: "soft-landing",
    title: "Soft landing",
    blurb: "Disclosure on and applications regulated: investors price unit economics.",
    changes: {
      start: { regime: "application", disclosure: true },
      // Anchored expectations: investors who see unit economics chase capex less and drift back to neutral,
      // 15% of the gap a quarter (a year's half-life, the pace of 1994–95; 25% made the landing itself a fall).
      sentiment: { capex: 1.5, reversion: 0.15 },
      // No credit crunch: investors keep funding firms at neutral sentiment (the IPO window stayed open through 1994–95's soft landing).
      financing: { appetiteFloor: 0.2 },
      // The Fed eased as growth slowed: 6.00% → 5.75% (6 July 1995), 5.50% (19 Dec 1995), 5.25% (31 Jan 1996), 75 bp in all.
      // Here the rate eases as total valuation falls from its peak (from a 10% fall, all 75 bp at 30%) and tightens back as it recovers.
      monetary: { easeMax: 0.0075 },
    },
  },
  {
    id: "sandbox",
    title: "Sandbox",
    blurb: "No events and gentle numbers, for learning the controls.",
    changes: {
      quarters: 12,
      compute: { noise: 0.02 }, // gentle, not absent: the seed still matters
      sentiment: { noise: 0.015, gravity: 0.03 },
      correction: { hazardMax: 0.15, depth: [0.2, 0.35] },
      regulation: { incidentRate: 0.03 },
      sectors: { media: { servingCost: 0.9 } },
      events: { probability: 0 },
    },
  },
];

export function scenarioById(id: ScenarioId): Scenario {
  const scenario = SCENARIO_LIST.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

export const DEFAULT_CONFIG: EconomyConfig = AI_2025;
