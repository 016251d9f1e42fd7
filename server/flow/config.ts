import { gameConfig } from "../../shared/config/override.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { RoomSettings } from "../../shared/schemas/protocol.js";

/**
 * The economies already built, by scenario, length and override: rooms with the same settings
 * share one config object (~7 KB of heap a room otherwise, kept for the whole game, and a zod
 * parse per room). A config is never changed once built (the engine only reads it). Bounded:
 * past CONFIG_CACHE_SIZE different economies it starts over.
 */
const built = new Map<string, EconomyConfig>();
const CONFIG_CACHE_SIZE = 64;

/** The room's settings as an economy config, or why they cannot be. */
export function configFor(settings: RoomSettings): { ok: true; value: EconomyConfig } | { ok: false; message: string } {
  const key = `${settings.scenario}\n${settings.quarters}\n${JSON.stringify(settings.economy ?? {})}`;
  const known = built.get(key);
  if (known) return { ok: true, value: known };
  // The scenario, the designer's override (settings.economy; absent in games stored before it existed), the game's length.
  const loaded = gameConfig(settings.scenario, settings.quarters, settings.economy);
  if (!loaded.ok) return { ok: false, message: loaded.error.message };
  if (built.size >= CONFIG_CACHE_SIZE) built.clear();
  built.set(key, loaded.value);
  return loaded;
}
