import { z } from "zod";
import { HARDWARE, SECTOR_IDS, type SectorId } from "./vocabulary.js";

/**
 * A number as one canonical value: -0 becomes 0. JSON (the record, the store, the export) writes
 * -0 as 0, so a -0 kept from a message would make a live game differ from its own replay.
 */
export const canonicalNumber = (x: number): number => x + 0;

/** $M: a finite number, at least zero (-0 is read as 0). */
const money = z.number().min(0).overwrite(canonicalNumber);

/** Spend into integration per sector; a sector not listed gets nothing. */
export const AppsSpendSchema = z.strictObject(
  Object.fromEntries(SECTOR_IDS.map((id) => [id, money.optional()])) as Record<SectorId, z.ZodOptional<typeof money>>,
);

/**
 * One firm's decisions for a quarter, as a client sends them. Omitted numbers are 0;
 * omitted `openWeights` and `hardware` keep the firm's current setting.
 */
export const ActionInputSchema = z.strictObject({
  train: money.default(0).describe("$M into training compute"),
  apps: AppsSpendSchema.default({}).describe("$M into integration, per sector"),
  efficiency: money.default(0).describe("$M into serving efficiency"),
  compliance: money.default(0).describe("$M into compliance"),
  marketing: money.default(0).describe("$M into hype"),
  distill: z.boolean().default(false).describe("buy an edge model (one-time cost)"),
  openWeights: z.boolean().optional().describe("release the model's weights (irreversible)"),
  hardware: z.enum(HARDWARE).optional().describe("compute contract"),
  raise: money.default(0).describe("$M of new equity to sell"),
});

export type ActionInput = z.input<typeof ActionInputSchema>;

/** An action as ActionInputSchema parses it (defaults filled in; `openWeights` and `hardware` may be absent). */
export type ParsedActionInput = z.output<typeof ActionInputSchema>;

/** A complete, validated action: every field present. */
export interface Action {
  train: number;
  apps: Partial<Record<SectorId, number>>;
  efficiency: number;
  compliance: number;
  marketing: number;
  distill: boolean;
  openWeights: boolean;
  hardware: (typeof HARDWARE)[number];
  raise: number;
}
