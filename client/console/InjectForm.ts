import { type Injection, InjectionSchema } from "../../shared/schemas/injection.js";
import { eventSentence } from "../../shared/words/events.js";
import { t } from "../i18n.js";
import { h } from "../ui/dom.js";
import { buildEvent, choiceLabel, EVENT_SPECS, fieldLabel, type ParamField, specFor } from "./event-form.js";

/** What the form holds: the kind chosen and each field's text, to keep across a redraw. */
export interface InjectDraft {
  kind: string;
  values: Record<string, string>;
}

/**
 * Inject any event of the deck: choose its kind, fill in its parameters (the fields follow
 * the kind), read what it will do, queue it for the next resolution. Checked with the shared
 * schema before it is sent.
 */
export class InjectForm {
  readonly element: HTMLElement;
  private readonly kind: HTMLSelectElement;
  private readonly params = h("div", { class: "params" });
  private readonly preview = h("p", { class: "preview", "aria-live": "polite", id: "inject-preview" });
  private inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  constructor(
    private readonly send: (injection: Injection) => void,
    refusal: HTMLElement,
  ) {
    this.kind = h(
      "select",
      { id: "inject-kind", onchange: () => this.showFields() },
      ...EVENT_SPECS.map((spec) => h("option", { value: spec.kind }, t(spec.title))),
    );
    this.element = h(
      "form",
      {
        class: "inject",
        "aria-labelledby": "inject-title",
        novalidate: true,
        onsubmit: (e) => {
          e.preventDefault();
          this.submit();
        },
      },
      h("h3", { id: "inject-title" }, t("console.inject.title")),
      h("label", { for: "inject-kind" }, t("console.inject.kind")),
      this.kind,
      this.params,
      this.preview,
      h("button", { type: "submit", "aria-describedby": "inject-preview" }, t("console.inject.submit")),
      refusal,
    );
    this.showFields();
  }

  /** The kind and values typed so far. */
  draftOf(): InjectDraft {
    return { kind: this.kind.value, values: this.values() };
  }

  /** Puts back what was typed (a redraw after a language switch). */
  restore(draft: InjectDraft): void {
    if (!specFor(draft.kind)) return;
    this.kind.value = draft.kind;
    this.showFields();
    for (const [name, input] of this.inputs) {
      const value = draft.values[name];
      if (value === undefined) continue;
      if (input instanceof HTMLInputElement && input.type === "checkbox") input.checked = value === "true";
      else input.value = value;
    }
    this.check(false);
  }

  private values(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, input] of this.inputs)
      values[name] = input instanceof HTMLInputElement && input.type === "checkbox" ? String(input.checked) : input.value;
    return values;
  }

  private showFields(): void {
    const spec = specFor(this.kind.value);
    this.inputs = new Map();
    this.params.replaceChildren(...(spec?.fields ?? []).map((field) => this.field(field)));
    this.check(false);
  }

  private field(field: ParamField): HTMLElement {
    const id = `inject-${field.name}`;
    const hintId = `${id}-hint`;
    const hint = field.hint ? h("span", { id: hintId, class: "hint" }, t(field.hint)) : null;
    const label = fieldLabel(field, t);
    const onchange = () => this.check(false);
    if (field.type === "boolean") {
      const box = h("input", { id, type: "checkbox", checked: field.initial === "true", onchange, "aria-describedby": hint ? hintId : undefined });
      this.inputs.set(field.name, box);
      return h("div", { class: "param" }, h("label", { class: "check", for: id }, box, " ", label), hint);
    }
    const input =
      field.type === "choice"
        ? h("select", { id, onchange }, ...field.choices.map((c) => h("option", { value: c.value, selected: c.value === field.initial }, choiceLabel(c, t))))
        : h("input", {
            id,
            type: "number",
            inputmode: "decimal",
            value: field.initial,
            min: field.min ?? undefined,
            max: field.max ?? undefined,
            step: field.step,
            oninput: onchange,
            "aria-describedby": hint ? hintId : undefined,
          });
    this.inputs.set(field.name, input);
    return h("div", { class: "param" }, h("label", { for: id }, label), input, hint);
  }

  /** Validates the form; shows what the event will do, or what is wrong. Returns the injection if valid. */
  private check(focusProblem: boolean): Injection | null {
    const built = buildEvent(this.kind.value, this.values(), t);
    for (const input of this.inputs.values()) input.removeAttribute("aria-invalid");
    if (!built.ok) {
      this.preview.className = "preview error";
      this.preview.textContent = built.issues.map((i) => i.message).join(" ");
      for (const issue of built.issues) this.inputs.get(issue.field)?.setAttribute("aria-invalid", "true");
      if (focusProblem) this.inputs.get(built.issues[0]?.field ?? "")?.focus();
      return null;
    }
    const injection = InjectionSchema.safeParse({ kind: "event", event: built.event });
    if (!injection.success) return null;
    this.preview.className = "preview";
    this.preview.textContent = t("console.inject.preview", { sentence: eventSentence(built.event, t) });
    return injection.data;
  }

  private submit(): void {
    const injection = this.check(true);
    if (injection) this.send(injection);
  }
}
