import { t } from "../i18n.js";
import { h } from "../ui/dom.js";

/** A $M amount: a number box and a slider that move together. */
export interface MoneyField {
  element: HTMLElement;
  input: HTMLInputElement;
  get value(): number;
  set(value: number): void;
  /** Puts back an amount's text as it was typed (a remembered draft). */
  restore(text: string): void;
  setMax(max: number): void;
}

let nextId = 0;

export function moneyField(label: string, hint: string, onInput: () => void): MoneyField {
  const id = `money-${++nextId}`;
  const input = h("input", { id, type: "number", min: 0, step: "any", inputmode: "decimal", value: 0, "aria-describedby": `${id}-hint` });
  const slider = h("input", { type: "range", min: 0, max: 100, step: "any", value: 0, "aria-label": t("panel.slider", { label }), tabindex: -1 });
  input.addEventListener("input", () => {
    slider.value = input.value;
    onInput();
  });
  slider.addEventListener("input", () => {
    input.value = String(Math.round(Number(slider.value) * 10) / 10);
    onInput();
  });
  const element = h(
    "div",
    { class: "field money" },
    h("label", { for: id }, label, h("span", { class: "unit" }, t("panel.unit"))),
    input,
    slider,
    h("small", { id: `${id}-hint`, class: "hint" }, hint),
  );
  return {
    element,
    input,
    get value() {
      return input.value.trim() === "" ? 0 : Number(input.value);
    },
    set(value: number) {
      input.value = String(Math.round(value * 10) / 10);
      slider.value = input.value;
    },
    restore(text: string) {
      input.value = text;
      slider.value = input.value;
    },
    setMax(max: number) {
      slider.max = String(Math.max(1, Math.floor(max)));
    },
  };
}

/** A labelled checkbox. */
export function toggleField(label: string, hint: string, onInput: () => void): { element: HTMLElement; input: HTMLInputElement } {
  const id = `toggle-${++nextId}`;
  const input = h("input", { id, type: "checkbox", "aria-describedby": `${id}-hint` });
  input.addEventListener("change", onInput);
  const element = h("div", { class: "field toggle" }, h("label", { for: id }, input, ` ${label}`), h("small", { id: `${id}-hint`, class: "hint" }, hint));
  return { element, input };
}

/** A radio group with a legend. */
export function choiceField<T extends string>(legend: string, options: readonly { value: T; label: string }[], onInput: () => void) {
  const name = `choice-${++nextId}`;
  const inputs = options.map((o) => {
    const input = h("input", { type: "radio", name, value: o.value });
    input.addEventListener("change", onInput);
    return { input, label: h("label", { class: "check" }, input, ` ${o.label}`) };
  });
  const element = h("fieldset", { class: "field choice" }, h("legend", {}, legend), ...inputs.map((i) => i.label));
  return {
    element,
    get value(): T {
      return (inputs.find((i) => i.input.checked)?.input.value ?? options[0]?.value) as T;
    },
    set(value: T) {
      for (const i of inputs) i.input.checked = i.input.value === value;
    },
    disable(disabled: boolean) {
      for (const i of inputs) i.input.disabled = disabled;
    },
  };
}
