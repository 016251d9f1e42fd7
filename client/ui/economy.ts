import { type ChangedValue, changedValues, ECONOMY_TEXT_MAX_BYTES, type EconomyOverride, parseEconomyText } from "../../shared/config/override.js";
import type { RejectedMessage } from "../../shared/schemas/protocol.js";
import { h, status } from "./dom.js";
import { economyProblems } from "./economy-words.js";

/**
 * A designer's economy in the class form and the lobby: upload the JSON file
 * `npm run sim -- --config` takes, or paste it; checked as you type, problems next to the field.
 */

function shown(value: unknown): string {
  return typeof value === "number" ? value.toLocaleString("en-US", { maximumFractionDigits: 6 }) : JSON.stringify(value);
}

function changeLine(c: ChangedValue): string {
  return `${c.path}: ${shown(c.from)} → ${shown(c.to)}`;
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
    h("p", {}, h("strong", {}, "Custom economy:"), ` ${changed.length} value${changed.length === 1 ? "" : "s"} changed from the scenario`),
    h("ul", { class: "economy-changes" }, ...changed.map((c) => h("li", {}, changeLine(c)))),
    h("details", {}, h("summary", {}, "View the JSON"), h("pre", { class: "economy-json" }, JSON.stringify(parsed.value, null, 2))),
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
  const file = h("input", { id: `${id}-file`, type: "file", accept: ".json,application/json" });
  const problem = status("alert");
  const summary = h("div", { class: "economy-summary" });

  const read = (): ReturnType<EconomyField["read"]> => {
    const parsed = parseEconomyText(text.value);
    return parsed.ok ? parsed : { ok: false, error: `The economy JSON cannot be used: ${parsed.error}.` };
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
    showProblem(problems.length === 0 ? "" : `The economy JSON cannot be used: ${problems.join("; ")}.`);
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
    if (chosen.size > ECONOMY_TEXT_MAX_BYTES) {
      showProblem(
        `The file ${chosen.name} is ${(chosen.size / 1024).toFixed(0)} KB; an economy file may have at most ${ECONOMY_TEXT_MAX_BYTES / 1024} KB (only the values you change need to be in it).`,
      );
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
    "Use the scenario's economy",
  );

  const element = h(
    "fieldset",
    { class: "economy" },
    h("legend", {}, "Custom economy (optional)"),
    h(
      "p",
      { class: "hint" },
      "A designer's tuned economy: the JSON file that ",
      h("code", {}, "npm run sim -- --config"),
      " takes, with only the values it changes. The scenario and the number of quarters above still apply.",
    ),
    h("div", { class: "setting" }, h("label", { for: file.id }, "Upload a .json file"), file),
    h("div", { class: "setting" }, h("label", { for: text.id }, "Or paste the JSON"), text),
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
  line.textContent = `The economy JSON cannot be used: ${problems.join("; ")}.`;
  return true;
}
