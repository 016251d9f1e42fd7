import { gameConfig } from "../../shared/config/override.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { RoomSettings } from "../../shared/schemas/protocol.js";

/** The room's settings as an economy config, or why they cannot be. */
export function configFor(settings: RoomSettings): { ok: true; value: EconomyConfig } | { ok: false; message: string } {
  // The scenario, the designer's override (settings.economy; absent in games stored before it existed), the game's length.
  const loaded = gameConfig(settings.scenario, settings.quarters, settings.economy);
  return loaded.ok ? loaded : { ok: false, message: loaded.error.message };
}
