import type { ConfigError } from "../../shared/config/load.js";
import { gameConfig, parseEconomyText } from "../../shared/config/override.js";
import type { Result } from "../../shared/result.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";

/** The economy a room plays: its scenario and length with the synced override (compact JSON, "" for none). */
export function roomConfig(settings: { scenario: string; quarters: number; economy: string }): Result<EconomyConfig, ConfigError> {
  const parsed = parseEconomyText(settings.economy);
  return gameConfig(settings.scenario, settings.quarters, parsed.ok ? parsed.value : {});
}
