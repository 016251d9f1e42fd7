import { loadConfig } from "../../shared/config/load.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { RoomSettings } from "../../shared/schemas/protocol.js";

/** The room's settings as an economy config, or why they cannot be. */
export function configFor(settings: RoomSettings): { ok: true; value: EconomyConfig } | { ok: false; message: string } {
  const loaded = loadConfig(settings.scenario, settings.quarters === undefined ? {} : { quarters: settings.quarters });
  return loaded.ok ? loaded : { ok: false, message: loaded.error.message };
}
