import { parseEconomyText } from "../../shared/config/override.js";
import { SCENARIO_LIST } from "../../shared/config/scenarios.js";
import type { RoomSettingsInput } from "../../shared/schemas/protocol.js";
import { scenarioTitle } from "../../shared/words/names.js";
import { lengthWords } from "../../shared/words/turns.js";
import { t } from "../i18n.js";
import type { SettingsShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { economyField, economySummary } from "../ui/economy.js";
import { checkEconomy } from "../ui/economy-words.js";
import { lengthHint } from "../ui/length-hint.js";
import { roomTitle } from "../ui/room-title.js";
import { roomTurns } from "../ui/turns.js";

/** The timer a form offers when "No timer" is unticked again and the field is empty. */
const DEFAULT_DECISION_SECONDS = 120;

/** The decision timer of a form: seconds per quarter, or "No timer" (0: each quarter waits for everyone, as in practice). */
export interface TimerField {
  readonly element: HTMLElement;
  /** The seconds chosen: 0 with "No timer" ticked. */
  seconds(): number;
}

/**
 * Seconds to decide (min–max) with a "No timer" box beside them; ticking it greys the
 * seconds out. `onChange` gets the new seconds (0 for no timer) after each change.
 */
export function timerField(id: string, seconds: number, min: number, max: number, onChange?: (seconds: number) => void): TimerField {
  const input = h("input", { id, type: "number", min, max, value: seconds > 0 ? seconds : DEFAULT_DECISION_SECONDS, disabled: seconds === 0 });
  const none = h("input", { id: `${id}-none`, type: "checkbox", checked: seconds === 0 });
  const read = () => (none.checked ? 0 : Number(input.value) || DEFAULT_DECISION_SECONDS);
  input.addEventListener("change", () => onChange?.(read()));
  none.addEventListener("change", () => {
    input.disabled = none.checked;
    onChange?.(read());
  });
  const element = h(
    "div",
    { class: "setting timer" },
    h("label", { for: id }, t("menu.timer.seconds")),
    input,
    h("label", { class: "check" }, none, " ", t("menu.timer.none")),
  );
  return { element, seconds: read };
}

/** The host's settings form (sends `configure` on each change); others see a summary. */
export function settingsForm(settings: SettingsShape, title: string, configure: (patch: RoomSettingsInput) => void): HTMLElement {
  const number = (id: string, label: string, value: number, min: number, max: number, key: "quarters" | "teamSize") => {
    const input = h("input", { id, type: "number", min, max, value, onchange: (e) => configure({ [key]: Number((e.target as HTMLInputElement).value) }) });
    return h("div", { class: "setting" }, h("label", { for: id }, label), input, key === "quarters" ? lengthHint(input) : null);
  };
  return h(
    "fieldset",
    { class: "settings" },
    h("legend", {}, t("lobby.settings.legend")),
    h(
      "div",
      { class: "setting" },
      h("label", { for: "room-title" }, t("lobby.settings.title")),
      h("input", {
        id: "room-title",
        maxlength: 24,
        value: title,
        placeholder: roomTitle("", false),
        onchange: (e) => configure({ name: (e.target as HTMLInputElement).value }),
      }),
    ),
    h(
      "div",
      { class: "setting" },
      h("label", { for: "lobby-scenario" }, t("lobby.settings.scenario")),
      scenarioSelect("lobby-scenario", settings.scenario, (scenario) => configure({ scenario })),
    ),
    number("lobby-quarters", t("lobby.settings.quarters"), settings.quarters, 4, 40, "quarters"),
    timerField("lobby-decision", settings.decisionSeconds, 10, 600, (decisionSeconds) => configure({ decisionSeconds })).element,
    number("lobby-team", t("lobby.settings.team"), settings.teamSize, 1, 4, "teamSize"),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", checked: !settings.private, onchange: (e) => configure({ private: !(e.target as HTMLInputElement).checked }) }),
      " ",
      t("lobby.settings.listed"),
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
  return h(
    "div",
    {},
    h(
      "p",
      { class: "summary" },
      t("lobby.summary", {
        scenario: scenarioTitle(settings.scenario, t),
        quarters: lengthWords(t, settings.quarters, roomTurns(settings)),
        timer: settings.decisionSeconds > 0 ? t("lobby.summary.seconds", { count: settings.decisionSeconds }) : t("lobby.summary.noTimer"),
        team: t("lobby.summary.team", { count: settings.teamSize }),
      }),
    ),
    economySummary(settings.scenario, settings.economy),
  );
}

/** The scenario picker (the lobby's settings, the class form). */
export function scenarioSelect(id: string, selected: string, onchange?: (scenario: RoomSettingsInput["scenario"]) => void): HTMLSelectElement {
  return h(
    "select",
    { id, onchange: onchange ? (e) => onchange((e.target as HTMLSelectElement).value as RoomSettingsInput["scenario"]) : undefined },
    ...SCENARIO_LIST.map((s) =>
      h("option", { value: s.id, selected: s.id === selected, title: t(`lobby.scenario.${s.id}.blurb`) }, t(`lobby.scenario.${s.id}.title`)),
    ),
  );
}
