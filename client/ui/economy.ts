import { type ChangedValue, changedValues, ECONOMY_TEXT_MAX_BYTES, type EconomyOverride, parseEconomyText } from "../../shared/config/override.js";
import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { number, t } from "../i18n.js";
import { h, status } from "./dom.js";
import { economyKeyLabel, economyProblems, economyTextProblem } from "./economy-words.js";

/**
 * A designer's economy in the class form and the lobby: upload the JSON file
 * `npm run sim -- --config` takes, or paste it; checked as you type, problems next to the field.
 */

function shown(value: unknown): string {
  return typeof value === "number" ? number(value, 6) : JSON.stringify(value);
}

/** "Valuation: 12 → 15", the key path in its tooltip (for the designer who wrote it). */
function changeLine(c: ChangedValue): HTMLElement {
  return h("li", { title: c.path }, t("lobby.economy.change", { setting: economyKeyLabel(c.path), from: shown(c.from), to: shown(c.to) }));
}

/** The simulator's command line that takes an economy file. */
const SIM_COMMAND = "npm run sim -- --config"; // i18n-ignore: a command, not words

/** `text` with `code` (once) set as code. */
function withCode(text: string, code: string): (string | HTMLElement)[] {
  const at = text.indexOf(code);
  return at < 0 ? [text] : [text.slice(0, at), h("code", {}, code), text.slice(at + code.length)];
}

/** "Custom economy: N values changed" with the keys, and the JSON behind a disclosure; null for the scenario's own economy. */
export function economySummary(scenario: string, economy: EconomyOverride | string): HTMLElement | null {
  const parsed = typeof economy === "string" ? parseEconomyText(economy) : { ok: true as const, value: economy };
  if (!parsed.ok) return null;
  const changed = changedValues(scenario, parsed.value);
  if (changed.length === 0) return null;
  return h(
    "div",
    { class: "economy-note" },
    h("p", {}, h("strong", {}, t("lobby.economy.custom")), " ", t("lobby.economy.changed", { count: changed.length })),
    h("ul", { class: "economy-changes" }, ...changed.map(changeLine)),
    h("details", {}, h("summary", {}, t("lobby.economy.viewJson")), h("pre", { class: "economy-json" }, JSON.stringify(parsed.value, null, 2))),
  );
}

export interface EconomyField {
  readonly element: HTMLElement;
  /** The JSON text as pasted or uploaded. */
  text(): string;
  /** The override as typed: {} when empty; an error sentence when it is not a JSON object. */
  read(): { ok: true; value: EconomyOverride } | { ok: false; error: string };
  /** Shows a problem next to the field ("": none). */
  showProblem(sentence: string): void;
}

/**
 * The upload/paste field. `check` runs the shared settings schema with the override and
 * returns its problems (sentences), so the form shows them before anything is sent.
 */
export function economyField(
  id: string,
  initial: EconomyOverride,
  scenario: () => string,
  check: (economy: EconomyOverride) => string[],
  onValid?: (economy: EconomyOverride) => void,
): EconomyField {
  const text = h("textarea", {
    id: `${id}-text`,
    rows: 6,
    spellcheck: false,
    autocomplete: "off",
    placeholder: '{ "sectors": { "media": { "servingCost": 0.5 } } }',
  });
  text.value = Object.keys(initial).length > 0 ? JSON.stringify(initial, null, 2) : "";
  // The browser's own picker writes "Choose File / No file chosen" in the browser's language: it is hidden
  // (still the labelled field, opened by the button), and a button and a line in the game's language stand in for it.
  const file = h("input", { id: `${id}-file`, type: "file", accept: ".json,application/json", hidden: true });
  const chosenName = h("span", { id: `${id}-file-name`, class: "file-name" }, t("lobby.economy.noFile"));
  const choose = h("button", { type: "button", class: "small", "aria-describedby": chosenName.id, onclick: () => file.click() }, t("lobby.economy.choose"));
  const problem = status("alert");
  const summary = h("div", { class: "economy-summary" });

  const read = (): ReturnType<EconomyField["read"]> => {
    const parsed = parseEconomyText(text.value);
    return parsed.ok ? parsed : { ok: false, error: t("lobby.economy.cannotUse", { problems: economyTextProblem(parsed.error) }) };
  };
  const showProblem = (sentence: string) => {
    problem.textContent = sentence;
    text.setAttribute("aria-invalid", sentence ? "true" : "false");
  };
  const refresh = (): EconomyOverride | null => {
    const parsed = read();
    if (!parsed.ok) {
      showProblem(parsed.error);
      summary.replaceChildren();
      return null;
    }
    const problems = check(parsed.value);
    showProblem(problems.length === 0 ? "" : t("lobby.economy.cannotUse", { problems: problems.join(t("lobby.economy.issue.separator")) }));
    const note = problems.length === 0 ? economySummary(scenario(), parsed.value) : null;
    summary.replaceChildren(...(note ? [note] : []));
    return problems.length === 0 ? parsed.value : null;
  };
  const changed = () => {
    const valid = refresh();
    if (valid && onValid) onValid(valid);
  };
  text.addEventListener("input", () => void refresh());
  text.addEventListener("change", changed);
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    file.value = "";
    if (!chosen) return;
    chosenName.textContent = chosen.name;
    if (chosen.size > ECONOMY_TEXT_MAX_BYTES) {
      showProblem(t("lobby.economy.tooLarge", { file: chosen.name, size: Math.round(chosen.size / 1024), max: ECONOMY_TEXT_MAX_BYTES / 1024 }));
      return;
    }
    void chosen.text().then((content) => {
      text.value = content;
      changed();
    });
  });
  const clear = h(
    "button",
    {
      type: "button",
      class: "small",
      onclick: () => {
        text.value = "";
        changed();
      },
    },
    t("lobby.economy.reset"),
  );

  const element = h(
    "fieldset",
    { class: "economy" },
    h("legend", {}, t("lobby.economy.legend")),
    h("p", { class: "hint" }, ...withCode(t("lobby.economy.hint", { command: SIM_COMMAND }), SIM_COMMAND)),
    h("div", { class: "setting" }, h("label", { for: file.id }, t("lobby.economy.upload")), h("div", { class: "file-pick" }, file, choose, chosenName)),
    h("div", { class: "setting" }, h("label", { for: text.id }, t("lobby.economy.paste")), text),
    problem,
    summary,
    h("div", { class: "row" }, clear),
  );
  if (text.value) refresh();
  return { element, text: () => text.value, read, showProblem };
}

/** A refused `configure` whose issues are about the override: shown next to the field in `container`, if there is one. */
export function showEconomyRefusal(container: HTMLElement, rejected: RejectedMessage): boolean {
  const problems = rejected.type === "configure" ? economyProblems(rejected.issues) : [];
  const line = container.querySelector<HTMLElement>("fieldset.economy [role=alert]");
  if (problems.length === 0 || !line) return false;
  line.textContent = t("lobby.economy.cannotUse", { problems: problems.join(t("lobby.economy.issue.separator")) });
  return true;
}
