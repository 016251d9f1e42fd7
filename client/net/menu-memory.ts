import type { KeyValueStore } from "./seat.js";

/** What the menu remembers of the last game made or joined in this browser, so "Play again" starts from it. */
export interface MenuChoices {
  name: string;
  firms: number;
  quarters: number;
  decisionSeconds: number;
  listed: boolean;
}

const KEY = "scale-or-ship:menu";

export function saveMenuChoices(store: KeyValueStore, choices: Partial<MenuChoices>): void {
  store.setItem(KEY, JSON.stringify({ ...loadMenuChoices(store), ...choices }));
}

/** The remembered choices; a field missing or damaged is left out (the menu's default stands). */
export function loadMenuChoices(store: KeyValueStore): Partial<MenuChoices> {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(KEY) ?? "{}");
  } catch {
    return {};
  }
  if (typeof raw !== "object" || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const choices: Partial<MenuChoices> = {};
  if (typeof r.name === "string") choices.name = r.name;
  for (const key of ["firms", "quarters", "decisionSeconds"] as const) {
    const value = r[key];
    if (typeof value === "number" && Number.isFinite(value)) choices[key] = value;
  }
  if (typeof r.listed === "boolean") choices.listed = r.listed;
  return choices;
}
