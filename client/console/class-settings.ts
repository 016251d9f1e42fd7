import type { z } from "zod";
import { problemOf } from "../../shared/config/load.js";
import { parseEconomyText } from "../../shared/config/override.js";
import { type Key, type Translate, translator } from "../../shared/i18n/catalog.js";
import { type RoomSettingsInput, RoomSettingsSchema } from "../../shared/schemas/protocol.js";
import { economyProblems, economyTextProblem } from "../ui/economy-words.js";

/** The class form's values, as typed. */
export interface ClassFormValues {
  name: string;
  scenario: string;
  quarters: string;
  decisionSeconds: string;
  firms: string;
  teamSize: string;
  bots: string[];
  listed: boolean;
  /** The custom economy's JSON as pasted or uploaded ("" for the scenario's own). */
  economy: string;
}

/** The words for each setting, to say which one is wrong. */
type FieldKey = Extract<Key, `console.field.${"name" | "scenario" | "quarters" | "decisionSeconds" | "firms" | "teamSize" | "bots" | "private"}`>;
const FIELD_WORDS: Record<string, FieldKey> = {
  name: "console.field.name",
  scenario: "console.field.scenario",
  quarters: "console.field.quarters",
  decisionSeconds: "console.field.decisionSeconds",
  firms: "console.field.firms",
  teamSize: "console.field.teamSize",
  bots: "console.field.bots",
  private: "console.field.private",
};

export type ClassSettingsResult = { ok: true; settings: RoomSettingsInput } | { ok: false; problems: { field: string; message: string }[] };

function number(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/** One schema issue in the reader's words (zod's own messages are English). */
function issueWords(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.path[0] === "bots" && issue.code === "too_small") return t("console.field.problem.chooseOne");
  if (issue.code === "invalid_type" && issue.expected === "number") return t("console.field.problem.number");
  if (issue.code === "too_small" && typeof issue.minimum === "number") return t("console.field.problem.atLeast", { min: issue.minimum });
  if (issue.code === "too_big" && typeof issue.maximum === "number") return t("console.field.problem.atMost", { max: issue.maximum });
  return t("console.field.problem.invalid");
}

/**
 * The class market's settings from the form, checked with the shared schema (as the server
 * will); the problems in `t`'s language (English when left out).
 */
export function classSettings(values: ClassFormValues, t: Translate = translator("en")): ClassSettingsResult {
  const raw = {
    name: values.name,
    scenario: values.scenario,
    quarters: number(values.quarters),
    decisionSeconds: number(values.decisionSeconds),
    firms: number(values.firms),
    teamSize: number(values.teamSize),
    bots: values.bots,
    private: !values.listed,
  };
  const economy = parseEconomyText(values.economy);
  if (!economy.ok) {
    // The rest is still checked, so every problem shows at once.
    const rest = classSettings({ ...values, economy: "" }, t);
    return {
      ok: false,
      problems: [
        ...(rest.ok ? [] : rest.problems),
        { field: "economy", message: t("console.field.economy", { problem: economyTextProblem(economy.error, t) }) },
      ],
    };
  }
  const withEconomy = Object.keys(economy.value).length > 0 ? { ...raw, economy: economy.value } : raw;
  const parsed = RoomSettingsSchema.safeParse(withEconomy);
  if (parsed.success) return { ok: true, settings: withEconomy as RoomSettingsInput };
  const onEconomy = economyProblems(
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), problem: problemOf(i) })),
    t,
  );
  const others = parsed.error.issues.filter((issue) => issue.path[0] !== "economy");
  const problems = others.map((issue) => {
    const field = String(issue.path[0] ?? "");
    const name = FIELD_WORDS[field];
    return { field, message: t("console.field.problem", { field: name ? t(name) : field, problem: issueWords(issue, t) }) };
  });
  if (onEconomy.length > 0) problems.push({ field: "economy", message: t("console.field.economy", { problem: onEconomy.join("; ") }) });
  return { ok: false, problems };
}
