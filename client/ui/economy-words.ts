import { changedValues, ECONOMY_MAX_BYTES, type EconomyOverride, parseEconomyText } from "../../shared/config/override.js";
import { ECONOMY_TOO_LARGE, RoomSettingsSchema } from "../../shared/schemas/protocol.js";
import { t } from "../i18n.js";

/** The economy override's problems and changes in words (no DOM: the class form's checks use it too). */

/**
 * A config schema message in plain words, in the page's language (the key path itself is the
 * designer's own vocabulary). The economy's issues reach here as zod's default English (through
 * shared/config/load.ts, which keeps only the message), so its few shapes are read here; any
 * other reads as "not valid".
 */
export function plainIssue(message: string): string {
  const small = /^Too small: expected number to be >=?(\S+)$/.exec(message);
  if (small?.[1]) return t("lobby.economy.issue.tooSmall", { min: small[1] });
  const big = /^Too big: expected number to be <=?(\S+)$/.exec(message);
  if (big?.[1]) return t("lobby.economy.issue.tooBig", { max: big[1] });
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (type?.[1] && type[2]) return t("lobby.economy.issue.type", { expected: type[1], received: type[2] });
  if (message === "unknown key") return t("lobby.economy.issue.unknown");
  if (message === ECONOMY_TOO_LARGE) return t("lobby.economy.issue.tooLarge", { max: ECONOMY_MAX_BYTES / 1024 });
  return t("lobby.economy.issue.invalid");
}

/** Schema issues about the override (paths `economy.…`) as sentences naming the key. */
export function economyProblems(issues: readonly { path: string; message: string }[]): string[] {
  return issues
    .filter((i) => i.path === "economy" || i.path.startsWith("economy."))
    .map((i) =>
      i.path === "economy" ? plainIssue(i.message) : t("lobby.economy.issue.at", { path: i.path.slice("economy.".length), problem: plainIssue(i.message) }),
    );
}

/** The override's problems on this scenario and length, by the settings schema the server uses. */
export function checkEconomy(scenario: string, quarters: number | undefined, economy: EconomyOverride): string[] {
  const parsed = RoomSettingsSchema.safeParse({ scenario, ...(Number.isInteger(quarters) ? { quarters } : {}), economy });
  return parsed.success ? [] : economyProblems(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
}

/** The key paths a synced override (compact JSON, "" for none) changes from its scenario. */
export function economyChanges(scenario: string, economy: string): string[] {
  const parsed = parseEconomyText(economy);
  return parsed.ok ? changedValues(scenario, parsed.value).map((c) => c.path) : [];
}
