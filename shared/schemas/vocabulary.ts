/** Fixed vocabularies of the game, with their union types. */

export const SECTOR_IDS = ["support", "industrial", "medical", "finance", "driving", "media"] as const;
export type SectorId = (typeof SECTOR_IDS)[number];

export const REGIMES = ["application", "model", "none"] as const;
export type Regime = (typeof REGIMES)[number];

export const HARDWARE = ["flexible", "locked"] as const;
export type Hardware = (typeof HARDWARE)[number];

export const SCENARIOS = ["ai-2025", "dotcom-1999", "soft-landing", "sandbox"] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export const EVENT_KINDS = [
  "gpuShock",
  "openRelease",
  "scalingWall",
  "rateChange",
  "adoptionWave",
  "provenanceScandal",
  "mediaLaw",
  "sectorRegulation",
  "selloff",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const SECTOR_SET: ReadonlySet<string> = new Set(SECTOR_IDS);

export function isSectorId(value: string): value is SectorId {
  return SECTOR_SET.has(value);
}
