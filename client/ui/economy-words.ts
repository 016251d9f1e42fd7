import { type ConfigProblem, problemOf } from "../../shared/config/load.js";
import { changedValues, type EconomyOverride, type EconomyTextProblem, parseEconomyText } from "../../shared/config/override.js";
import type { Translate } from "../../shared/i18n/catalog.js";
import { RoomSettingsSchema } from "../../shared/schemas/protocol.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";
import { t } from "../i18n.js";

/** The economy override's problems and changes in words (no DOM: the class form's checks use it too). */

/** A problem with an economy value (its code and limits from shared/config/load.ts) in plain words. */
export function plainIssue(problem: ConfigProblem | undefined, tr: Translate = t): string {
  switch (problem?.problem) {
    case "tooSmall":
      return tr("lobby.economy.issue.tooSmall", { min: problem.min });
    case "tooBig":
      return tr("lobby.economy.issue.tooBig", { max: problem.max });
    case "type":
      return tr("lobby.economy.issue.type", { expected: problem.expected });
    case "unknownKey":
      return tr("lobby.economy.issue.unknown");
    case "tooLarge":
      return tr("lobby.economy.issue.tooLarge", { max: problem.maxKB });
    case "reservedKey":
      return tr("lobby.economy.issue.reserved");
    case "lengthKey":
      return tr("lobby.economy.issue.length", { field: tr("lobby.settings.quarters") });
    case "founderShares":
      return tr("lobby.economy.issue.founderShares", { founderShares: problem.founderShares, shares: problem.shares });
    default:
      return tr("lobby.economy.issue.invalid");
  }
}

/** Why an override's text cannot be read, in plain words. */
export function economyTextProblem(problem: EconomyTextProblem, tr: Translate = t): string {
  switch (problem.problem) {
    case "textTooLarge":
      return tr("lobby.economy.text.tooLarge", { kb: problem.kb, max: problem.maxKB });
    case "json":
      return tr("lobby.economy.text.json", { detail: problem.detail });
    case "notObject":
      return tr("lobby.economy.text.notObject", { example: '{"sectors": {"media": {"servingCost": 0.5}}}' });
  }
}

/** Schema issues about the override (paths `economy.…`) as sentences naming the key. */
export function economyProblems(issues: readonly { path: string; problem?: Record<string, unknown> | undefined }[], tr: Translate = t): string[] {
  return issues
    .filter((i) => i.path === "economy" || i.path.startsWith("economy."))
    .map((i) => {
      const problem = plainIssue(i.problem as ConfigProblem | undefined, tr);
      return i.path === "economy" ? problem : tr("lobby.economy.issue.at", { path: i.path.slice("economy.".length), problem });
    });
}

/** The override's problems on this scenario and length, by the settings schema the server uses. */
export function checkEconomy(scenario: string, quarters: number | undefined, economy: EconomyOverride): string[] {
  const parsed = RoomSettingsSchema.safeParse({ scenario, ...(Number.isInteger(quarters) ? { quarters } : {}), economy });
  return parsed.success ? [] : economyProblems(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), problem: problemOf(i) })));
}

/** The economy's top-level groups with a label (the config schema's keys, shared/schemas/config.ts). */
const ECONOMY_GROUPS = [
  "quarters",
  "clock",
  "start",
  "capability",
  "compute",
  "openBaseline",
  "api",
  "apps",
  "efficiency",
  "luck",
  "regulation",
  "opex",
  "valuation",
  "sentiment",
  "correction",
  "financing",
  "events",
  "sectors",
] as const;
const SECTOR_SETTINGS = ["name", "tam", "growth", "need", "servingCost", "latencyBound", "regulated", "disclosureRule"] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T => (list as readonly string[]).includes(value ?? "");

/**
 * A config key path in a person's words: a sector's setting by the sector's name and the
 * setting ("Synthetic video and audio: serving cost"), anything else by its group ("Valuation").
 * A path outside the known groups is shown as it is (a designer's typo, say).
 */
export function economyKeyLabel(path: string, tr: Translate = t): string {
  const [group, second, third] = path.split(".");
  if (group === "sectors" && isOneOf<SectorId>(SECTOR_IDS, second)) {
    const setting = isOneOf(SECTOR_SETTINGS, third) ? tr(`lobby.economy.sector.${third}`) : (third ?? "");
    return setting ? tr("lobby.economy.sector", { sector: tr(`sectors.${second}`), setting }) : tr(`sectors.${second}`);
  }
  return isOneOf(ECONOMY_GROUPS, group) ? tr(`lobby.economy.group.${group}`) : path;
}

/** What a synced override (compact JSON, "" for none) changes from its scenario: how many values, and where in words (each once, in order). */
export function economyChanges(scenario: string, economy: string, tr: Translate = t): { count: number; labels: string[] } {
  const parsed = parseEconomyText(economy);
  const paths = parsed.ok ? changedValues(scenario, parsed.value).map((c) => c.path) : [];
  return { count: paths.length, labels: [...new Set(paths.map((path) => economyKeyLabel(path, tr)))] };
}
