import { PRESETS, type Preset } from "../../shared/plans/presets.js";
import { t } from "../i18n.js";
import { h } from "../ui/dom.js";

export type Choice = Preset | "custom";

const NAMES = { scale: "panel.preset.scale", ship: "panel.preset.ship", balanced: "panel.preset.balanced", custom: "panel.preset.custom" } as const;
const LINES = {
  scale: "panel.preset.scale.line",
  ship: "panel.preset.ship.line",
  balanced: "panel.preset.balanced.line",
  custom: "panel.preset.custom.line",
} as const satisfies Record<Choice, string>;

/** The plan buttons at the top of the panel; one is pressed at a time. */
export function presetPicker(onPick: (choice: Choice) => void): { element: HTMLElement; show(choice: Choice): void; readonly chosen: Choice } {
  const line = h("p", { class: "preset-line" });
  let chosen: Choice = "custom";
  const buttons = ([...PRESETS, "custom"] as Choice[]).map((choice) =>
    h("button", { type: "button", class: "preset", "data-preset": choice, "aria-pressed": "false", onclick: () => onPick(choice) }, t(NAMES[choice])),
  );
  const element = h("div", { class: "presets", role: "group", "aria-label": t("panel.preset.label") }, h("div", { class: "preset-buttons" }, ...buttons), line);
  return {
    element,
    show(choice) {
      chosen = choice;
      for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.preset === choice));
      line.textContent = t(LINES[choice]);
    },
    get chosen() {
      return chosen;
    },
  };
}
