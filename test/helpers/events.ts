import type { GameEvent } from "../../shared/schemas/injection.js";
import type { EVENT_KINDS } from "../../shared/schemas/vocabulary.js";

/** One example of every kind of market event, for tests that word or show each kind. */
export const EXAMPLE_EVENTS: Record<(typeof EVENT_KINDS)[number], GameEvent> = {
  gpuShock: { kind: "gpuShock", scope: "all", factor: 1.4 },
  openRelease: { kind: "openRelease", jump: 6.2 },
  scalingWall: { kind: "scalingWall", factor: 0.8 },
  rateChange: { kind: "rateChange", delta: 0.01 },
  adoptionWave: { kind: "adoptionWave", sector: "medical", factor: 1.3 },
  provenanceScandal: { kind: "provenanceScandal", sector: "media" },
  mediaLaw: { kind: "mediaLaw" },
  sectorRegulation: { kind: "sectorRegulation", sector: "finance", regulated: true },
  selloff: { kind: "selloff", depth: 0.25 },
};
