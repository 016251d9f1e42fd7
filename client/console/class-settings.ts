import { parseEconomyText } from "../../shared/config/override.js";
import { type RoomSettingsInput, RoomSettingsSchema } from "../../shared/schemas/protocol.js";
import { economyProblems } from "../ui/economy-words.js";

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
const FIELD_WORDS: Record<string, string> = {
  name: "Name of the market",
  scenario: "Scenario",
  quarters: "Quarters",
  decisionSeconds: "Seconds to decide",
  firms: "Firms",
  teamSize: "Students per firm",
  bots: "Bot strategies",
  private: "Listing",
  economy: "The economy JSON cannot be used",
};

export type ClassSettingsResult = { ok: true; settings: RoomSettingsInput } | { ok: false; problems: { field: string; message: string }[] };

function number(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/** The class market's settings from the form, checked with the shared schema (as the server will). */
export function classSettings(values: ClassFormValues): ClassSettingsResult {
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
    const rest = classSettings({ ...values, economy: "" });
    return { ok: false, problems: [...(rest.ok ? [] : rest.problems), { field: "economy", message: `${FIELD_WORDS.economy}: ${economy.error}` }] };
  }
  const withEconomy = Object.keys(economy.value).length > 0 ? { ...raw, economy: economy.value } : raw;
  const parsed = RoomSettingsSchema.safeParse(withEconomy);
  if (parsed.success) return { ok: true, settings: withEconomy as RoomSettingsInput };
  const onEconomy = economyProblems(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  const others = parsed.error.issues.filter((issue) => issue.path[0] !== "economy");
  const problems = others.map((issue) => {
    const field = String(issue.path[0] ?? "");
    let message = issue.message;
    if (field === "bots" && issue.code === "too_small") message = "choose at least one";
    else if (/expected number, received NaN/i.test(message)) message = "enter a number";
    return { field, message: `${FIELD_WORDS[field] ?? field}: ${message}` };
  });
  if (onEconomy.length > 0) problems.push({ field: "economy", message: `${FIELD_WORDS.economy}: ${onEconomy.join("; ")}` });
  return { ok: false, problems };
}
