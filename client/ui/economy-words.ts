import { changedValues, type EconomyOverride, parseEconomyText } from "../../shared/config/override.js";
import { RoomSettingsSchema } from "../../shared/schemas/protocol.js";

/** The economy override's problems and changes in words (no DOM: the class form's checks use it too). */

/** A schema message in plain words (the key path itself is the designer's own vocabulary). */
export function plainIssue(message: string): string {
  const small = /^Too small: expected number to be >=?(\S+)$/.exec(message);
  if (small) return `too small: it must be at least ${small[1]}`;
  const big = /^Too big: expected number to be <=?(\S+)$/.exec(message);
  if (big) return `too big: it must be at most ${big[1]}`;
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (type) return `it must be a ${type[1]}, not a ${type[2]}`;
  if (message === "unknown key") return "there is no such setting in the economy (check the spelling and the nesting)";
  return message;
}

/** Schema issues about the override (paths `economy.…`) as sentences naming the key. */
export function economyProblems(issues: readonly { path: string; message: string }[]): string[] {
  return issues
    .filter((i) => i.path === "economy" || i.path.startsWith("economy."))
    .map((i) => (i.path === "economy" ? plainIssue(i.message) : `${i.path.slice("economy.".length)}: ${plainIssue(i.message)}`));
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
