import { z } from "zod";
import type { Key, Translate } from "../../shared/i18n/catalog.js";
import { type GameEvent, GameEventSchema } from "../../shared/schemas/injection.js";
import { EVENT_KINDS, type EventKind, isSectorId } from "../../shared/schemas/vocabulary.js";

/**
 * The parameter fields of each event in the deck, for the console's inject form. Kinds,
 * types, ranges and choices come from the shared `GameEventSchema` (through its JSON Schema),
 * so a new kind or parameter shows up by itself; the words (labels, hints, units shown) are
 * written here, and a unit test fails when one is missing.
 */
/** A catalog key of the form's words (none has placeholders). */
export type FormKey = Extract<Key, `console.param.${string}` | `console.event.${string}` | `sectors.${string}` | "console.inject.kind">;

export interface ParamField {
  kind: EventKind;
  name: string;
  /** The label's catalog key. */
  label: FormKey;
  /** The hint's catalog key, or null for none. */
  hint: FormKey | null;
  type: "number" | "choice" | "boolean";
  /** Each choice's value and its label's catalog key (null: the value is shown). */
  choices: { value: string; label: FormKey | null }[];
  /** Range in the units shown (the schema's range × `scale`). */
  min: number | null;
  max: number | null;
  /** The schema's lower bound is exclusive (a positive number). */
  exclusiveMin: boolean;
  /** Shown value = the event's value × scale (percent for fractions). */
  scale: number;
  step: number | "any";
  /** The initial value, as shown in the form. */
  initial: string;
}

export interface EventKindSpec {
  kind: EventKind;
  /** The title's catalog key. */
  title: FormKey;
  fields: ParamField[];
}

export const EVENT_TITLES: Record<EventKind, FormKey> = {
  gpuShock: "console.event.gpuShock",
  openRelease: "console.event.openRelease",
  scalingWall: "console.event.scalingWall",
  rateChange: "console.event.rateChange",
  adoptionWave: "console.event.adoptionWave",
  provenanceScandal: "console.event.provenanceScandal",
  mediaLaw: "console.event.mediaLaw",
  sectorRegulation: "console.event.sectorRegulation",
  selloff: "console.event.selloff",
};

interface Words {
  label: FormKey;
  hint: FormKey | null;
  initial: string;
  scale?: number;
  step?: number;
  choiceLabels?: Record<string, FormKey>;
}

const SECTOR_WORDS: Words = { label: "console.param.sector", hint: null, initial: "support" };

/** Labels, hints (catalog keys) and starting values by `kind.parameter` (starting values near the deck's own draws). */
export const PARAM_WORDS: Record<string, Words> = {
  "gpuShock.scope": {
    label: "console.param.gpuShock.scope",
    hint: "console.param.gpuShock.scope.hint",
    initial: "all",
    choiceLabels: { all: "console.param.gpuShock.scope.all", vendor: "console.param.gpuShock.scope.vendor" },
  },
  "gpuShock.factor": { label: "console.param.gpuShock.factor", hint: "console.param.gpuShock.factor.hint", initial: "1.5", step: 0.05 },
  "openRelease.jump": { label: "console.param.openRelease.jump", hint: "console.param.openRelease.jump.hint", initial: "6", step: 1 },
  "scalingWall.factor": { label: "console.param.scalingWall.factor", hint: "console.param.scalingWall.factor.hint", initial: "0.8", step: 0.05 },
  "rateChange.delta": { label: "console.param.rateChange.delta", hint: "console.param.rateChange.delta.hint", initial: "1", scale: 100, step: 0.25 },
  "adoptionWave.sector": SECTOR_WORDS,
  "adoptionWave.factor": { label: "console.param.adoptionWave.factor", hint: "console.param.adoptionWave.factor.hint", initial: "1.3", step: 0.05 },
  "provenanceScandal.sector": { ...SECTOR_WORDS, initial: "media" },
  "sectorRegulation.sector": SECTOR_WORDS,
  "sectorRegulation.regulated": {
    label: "console.param.sectorRegulation.regulated",
    hint: "console.param.sectorRegulation.regulated.hint",
    initial: "true",
  },
  "selloff.depth": { label: "console.param.selloff.depth", hint: "console.param.selloff.depth.hint", initial: "30", scale: 100, step: 5 },
};

interface JsonProperty {
  type?: string;
  const?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/** A sector choice's label key (null for an id the catalogs do not know). */
function sectorLabel(id: string): FormKey | null {
  return isSectorId(id) ? `sectors.${id}` : null;
}

/** A field's label in `t`'s language (the parameter's name when it has none). */
export function fieldLabel(field: ParamField, t: Translate): string {
  return t(field.label);
}

/** A choice's label in `t`'s language (its value when it has none). */
export function choiceLabel(choice: ParamField["choices"][number], t: Translate): string {
  return choice.label ? t(choice.label) : choice.value;
}

function deriveSpecs(): EventKindSpec[] {
  const json = z.toJSONSchema(GameEventSchema, { io: "input" }) as { oneOf: { properties: Record<string, JsonProperty> }[] };
  return json.oneOf.map(({ properties }) => {
    const kind = properties.kind?.const as EventKind;
    const fields = Object.entries(properties)
      .filter(([name]) => name !== "kind")
      .map(([name, prop]): ParamField => {
        const words: Words = PARAM_WORDS[`${kind}.${name}`] ?? { label: "console.inject.kind", hint: null, initial: "" };
        const scale = words.scale ?? 1;
        const scaled = (n: number | undefined) => (n === undefined ? null : Number((n * scale).toPrecision(12)));
        const base = {
          kind,
          name,
          label: words.label,
          hint: words.hint,
          scale,
          initial: words.initial,
          choices: [],
          min: null,
          max: null,
          exclusiveMin: false,
          step: "any" as const,
        };
        if (prop.enum) {
          const choices = prop.enum.map((value) => ({ value, label: words.choiceLabels?.[value] ?? (name === "sector" ? sectorLabel(value) : null) }));
          return { ...base, type: "choice", choices, initial: prop.enum.includes(words.initial) ? words.initial : (prop.enum[0] ?? "") };
        }
        if (prop.type === "boolean") return { ...base, type: "boolean", initial: words.initial === "false" ? "false" : "true" };
        return {
          ...base,
          type: "number",
          min: scaled(prop.minimum ?? prop.exclusiveMinimum),
          max: scaled(prop.maximum),
          exclusiveMin: prop.exclusiveMinimum !== undefined,
          step: words.step ?? "any",
        };
      });
    return { kind, title: EVENT_TITLES[kind], fields };
  });
}

/** Every kind in the deck with its parameter fields, in the deck's order. */
export const EVENT_SPECS: readonly EventKindSpec[] = deriveSpecs().sort((a, b) => EVENT_KINDS.indexOf(a.kind) - EVENT_KINDS.indexOf(b.kind));

export function specFor(kind: string): EventKindSpec | undefined {
  return EVENT_SPECS.find((s) => s.kind === kind);
}

export interface FieldIssue {
  /** The parameter's name, or "" for the event as a whole. */
  field: string;
  /** What is wrong, in `t`'s language. */
  message: string;
}

export type BuiltEvent = { ok: true; event: GameEvent } | { ok: false; issues: FieldIssue[] };

function trimmed(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * The event the form describes, validated with the shared schema; or, field by field, what is
 * wrong in the units the form shows, in `t`'s language. `values` holds each field's text
 * ("true"/"false" for a checkbox).
 */
export function buildEvent(kind: string, values: Record<string, string>, t: Translate): BuiltEvent {
  const spec = specFor(kind);
  if (!spec) return { ok: false, issues: [{ field: "", message: t("console.inject.problem.noEvent", { kind }) }] };
  const event: Record<string, unknown> = { kind };
  const issues: FieldIssue[] = [];
  for (const field of spec.fields) {
    const text = (values[field.name] ?? "").trim();
    const label = fieldLabel(field, t);
    if (field.type === "boolean") {
      event[field.name] = text === "true";
    } else if (field.type === "choice") {
      if (!field.choices.some((c) => c.value === text)) issues.push({ field: field.name, message: t("console.inject.problem.choose", { label }) });
      event[field.name] = text;
    } else {
      const shown = Number(text.replace("−", "-"));
      if (text === "" || !Number.isFinite(shown)) {
        issues.push({ field: field.name, message: t("console.inject.problem.number", { label }) });
        continue;
      }
      const low = field.min;
      const high = field.max;
      const tooLow = low !== null && (field.exclusiveMin ? shown <= low : shown < low);
      const tooHigh = high !== null && shown > high;
      if (tooLow || tooHigh) {
        const message =
          low !== null && high !== null
            ? t(field.exclusiveMin ? "console.inject.problem.aboveAtMost" : "console.inject.problem.between", { label, low: trimmed(low), high: trimmed(high) })
            : low !== null
              ? t(field.exclusiveMin ? "console.inject.problem.above" : "console.inject.problem.atLeast", { label, low: trimmed(low) })
              : t("console.inject.problem.atMost", { label, high: trimmed(high ?? 0) });
        issues.push({ field: field.name, message });
        continue;
      }
      event[field.name] = shown / field.scale;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  // The shared schema has the last word (the server parses the same way).
  const parsed = GameEventSchema.safeParse(event);
  if (!parsed.success) {
    // The schema's own messages are English: say which field, in the reader's words.
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => {
        const field = spec.fields.find((f) => f.name === String(i.path[0] ?? ""));
        return { field: field?.name ?? "", message: t("console.inject.problem.invalid", { label: field ? fieldLabel(field, t) : t(spec.title) }) };
      }),
    };
  }
  return { ok: true, event: parsed.data };
}

/** The form's starting values for `kind`. */
export function initialValues(kind: string): Record<string, string> {
  return Object.fromEntries((specFor(kind)?.fields ?? []).map((f) => [f.name, f.initial]));
}
