import { type RoomSettingsInput, RoomSettingsSchema } from "../../shared/schemas/protocol.js";

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
  const parsed = RoomSettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, settings: raw as RoomSettingsInput };
  const problems = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    let message = issue.message;
    if (field === "bots" && issue.code === "too_small") message = "choose at least one";
    else if (/expected number, received NaN/i.test(message)) message = "enter a number";
    return { field, message: `${FIELD_WORDS[field] ?? field}: ${message}` };
  });
  return { ok: false, problems };
}
