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

/**
 * A switch, not a set: resolution checks every key of every action's `apps` with it, and a
 * switch on string constants is several times faster than `Set.has`. A sector added to
 * SECTOR_IDS without its case here fails to compile (the default branch must be unreachable).
 */
export function isSectorId(value: string): value is SectorId {
  const id = value as SectorId;
  switch (id) {
    case "support":
    case "industrial":
    case "medical":
    case "finance":
    case "driving":
    case "media":
      return true;
    default: {
      const unlisted: never = id;
      void unlisted;
      return false;
    }
  }
}
