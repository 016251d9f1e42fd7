import { parseEconomyText } from "../../shared/config/override.js";
import { SCENARIO_LIST } from "../../shared/config/scenarios.js";
import type { RoomSettingsInput } from "../../shared/schemas/protocol.js";
import type { SettingsShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { economyField, economySummary } from "../ui/economy.js";
import { checkEconomy } from "../ui/economy-words.js";

/** The host's settings form (sends `configure` on each change); others see a summary. */
export function settingsForm(settings: SettingsShape, title: string, configure: (patch: RoomSettingsInput) => void): HTMLElement {
  const number = (id: string, label: string, value: number, min: number, max: number, key: "quarters" | "decisionSeconds" | "teamSize") =>
    h(
      "div",
      { class: "setting" },
      h("label", { for: id }, label),
      h("input", { id, type: "number", min, max, value, onchange: (e) => configure({ [key]: Number((e.target as HTMLInputElement).value) }) }),
    );
  return h(
    "fieldset",
    { class: "settings" },
    h("legend", {}, "Game settings"),
    h(
      "div",
      { class: "setting" },
      h("label", { for: "room-title" }, "Title"),
      h("input", { id: "room-title", maxlength: 24, value: title, onchange: (e) => configure({ name: (e.target as HTMLInputElement).value }) }),
    ),
    h(
      "div",
      { class: "setting" },
      h("label", { for: "lobby-scenario" }, "Scenario"),
      scenarioSelect("lobby-scenario", settings.scenario, (scenario) => configure({ scenario })),
    ),
    number("lobby-quarters", "Quarters", settings.quarters, 4, 40, "quarters"),
    number("lobby-decision", "Seconds to decide", settings.decisionSeconds, 10, 600, "decisionSeconds"),
    number("lobby-team", "Players per firm", settings.teamSize, 1, 4, "teamSize"),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", checked: !settings.private, onchange: (e) => configure({ private: !(e.target as HTMLInputElement).checked }) }),
      " Listed publicly",
    ),
    economyField(
      "lobby-economy",
      syncedEconomy(settings.economy),
      () => settings.scenario,
      (economy) => checkEconomy(settings.scenario, settings.quarters, economy),
      (economy) => configure({ economy }),
    ).element,
  );
}

/** The synced override (compact JSON, "" for none) as an object. */
function syncedEconomy(text: string): Record<string, unknown> {
  const parsed = parseEconomyText(text);
  return parsed.ok ? parsed.value : {};
}

export function settingsSummary(settings: SettingsShape): HTMLElement {
  const scenario = SCENARIO_LIST.find((s) => s.id === settings.scenario);
  return h(
    "div",
    {},
    h(
      "p",
      { class: "summary" },
      `${scenario?.title ?? settings.scenario} · ${settings.quarters} quarters · ${settings.decisionSeconds > 0 ? `${settings.decisionSeconds} s to decide` : "no timer"} · up to ${settings.teamSize} per firm`,
    ),
    economySummary(settings.scenario, settings.economy),
  );
}

/** The scenario picker (the lobby's settings, the class form). */
export function scenarioSelect(id: string, selected: string, onchange?: (scenario: RoomSettingsInput["scenario"]) => void): HTMLSelectElement {
  return h(
    "select",
    { id, onchange: onchange ? (e) => onchange((e.target as HTMLSelectElement).value as RoomSettingsInput["scenario"]) : undefined },
    ...SCENARIO_LIST.map((s) => h("option", { value: s.id, selected: s.id === selected, title: s.blurb }, s.title)),
  );
}
