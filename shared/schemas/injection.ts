import { z } from "zod";
import { canonicalNumber } from "./action.js";
import { REGIMES, SECTOR_IDS } from "./vocabulary.js";

const sector = z.enum(SECTOR_IDS);
/** A parameter of an event, -0 read as 0 (as in actions). */
const figure = () => z.number().overwrite(canonicalNumber);
/**
 * A GPU shock multiplies compute prices by 0.5–2.5 (H100 rental halved from 2023 to late
 * 2024); an adoption wave multiplies a sector's market by 0.5–2. Wider factors let one
 * injection multiply a firm's valuation several times in a quarter.
 */
export const GPU_FACTOR = [0.5, 2.5] as const;
export const ADOPTION_FACTOR = [0.5, 2] as const;

/** A market event: drawn from the seeded deck, or injected by the facilitator. */
export const GameEventSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("gpuShock"), scope: z.enum(["all", "vendor"]), factor: figure().min(GPU_FACTOR[0]).max(GPU_FACTOR[1]) }),
  z.strictObject({ kind: z.literal("openRelease"), jump: figure().min(0).max(50) }),
  z.strictObject({ kind: z.literal("scalingWall"), factor: figure().positive().max(1) }),
  z.strictObject({ kind: z.literal("rateChange"), delta: figure().min(-0.1).max(0.1) }),
  z.strictObject({ kind: z.literal("adoptionWave"), sector, factor: figure().min(ADOPTION_FACTOR[0]).max(ADOPTION_FACTOR[1]) }),
  z.strictObject({ kind: z.literal("provenanceScandal"), sector }),
  z.strictObject({ kind: z.literal("mediaLaw") }),
  z.strictObject({ kind: z.literal("sectorRegulation"), sector, regulated: z.boolean() }),
  z.strictObject({ kind: z.literal("selloff"), depth: figure().min(0).max(0.9) }),
]);
export type GameEvent = z.infer<typeof GameEventSchema>;

/** A facilitator's intervention, applied at the start of the next resolution. */
export const InjectionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("event"), event: GameEventSchema }),
  z.strictObject({ kind: z.literal("regime"), regime: z.enum(REGIMES) }),
  z.strictObject({ kind: z.literal("disclosure"), on: z.boolean() }),
]);
export type Injection = z.infer<typeof InjectionSchema>;
