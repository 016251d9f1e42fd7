import { PRESETS, type Preset } from "../../shared/plans/presets.js";
import { h } from "../ui/dom.js";

export type Choice = Preset | "custom";

const NAMES: Record<Choice, string> = { scale: "Scale", ship: "Ship", balanced: "Balanced", custom: "Custom" };
const LINES: Record<Choice, string> = {
  scale: "Train a bigger model and market it; raise while the market is hot.",
  ship: "Build apps where your model is good enough, serve them cheaply.",
  balanced: "Some of both: train, build apps, keep cash in hand.",
  custom: "Your own numbers: change any amount below.",
};

/** The plan buttons at the top of the panel; one is pressed at a time. */
export function presetPicker(onPick: (choice: Choice) => void): { element: HTMLElement; show(choice: Choice): void } {
  const line = h("p", { class: "preset-line" });
  const buttons = ([...PRESETS, "custom"] as Choice[]).map((choice) =>
    h("button", { type: "button", class: "preset", "data-preset": choice, "aria-pressed": "false", onclick: () => onPick(choice) }, NAMES[choice]),
  );
  const element = h("div", { class: "presets", role: "group", "aria-label": "Plans" }, h("div", { class: "preset-buttons" }, ...buttons), line);
  return {
    element,
    show(choice) {
      for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.preset === choice));
      line.textContent = LINES[choice];
    },
  };
}
