import { z } from "zod";
import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import { type GameEvent, GameEventSchema } from "../../shared/schemas/injection.js";
import { EVENT_KINDS, type EventKind, isSectorId } from "../../shared/schemas/vocabulary.js";

/**
 * The parameter fields of each event in the deck, for the console's inject form. Kinds,
 * types, ranges and choices come from the shared `GameEventSchema` (through its JSON Schema),
 * so a new kind or parameter shows up by itself; the words (labels, hints, units shown) are
 * written here, and a unit test fails when one is missing.
 */
export interface ParamField {
  kind: EventKind;
  name: string;
  label: string;
  hint: string;
  type: "number" | "choice" | "boolean";
  choices: { value: string; label: string }[];
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
  title: string;
  fields: ParamField[];
}

export const EVENT_TITLES: Record<EventKind, string> = {
  gpuShock: "GPU price shock",
  openRelease: "Open-model release",
  scalingWall: '"Scaling wall" paper',
  rateChange: "Interest-rate change",
  adoptionWave: "Enterprise adoption wave",
  provenanceScandal: "Data-provenance scandal",
  mediaLaw: "Synthetic-media disclosure law",
  sectorRegulation: "Sector regulation change",
  selloff: "Trillion-dollar sell-off",
};

interface Words {
  label: string;
  hint: string;
  initial: string;
  scale?: number;
  step?: number;
  choiceLabels?: Record<string, string>;
}

const SECTOR_WORDS = { label: "Sector", hint: "", initial: "support" };

/** Labels, hints and starting values by `kind.parameter` (starting values near the deck's own draws). */
export const PARAM_WORDS: Record<string, Words> = {
  "gpuShock.scope": {
    label: "Who is hit",
    hint: "a vendor shock hits locked contracts",
    initial: "all",
    choiceLabels: { all: "All compute", vendor: "One chip vendor" },
  },
  "gpuShock.factor": { label: "Compute price multiplier (×)", hint: "1.5 = 50% dearer, 0.7 = 30% cheaper", initial: "1.5", step: 0.05 },
  "openRelease.jump": { label: "Baseline jump (capability points)", hint: "the deck draws 4–8", initial: "6", step: 1 },
  "scalingWall.factor": { label: "Returns to compute left (×)", hint: "0.8 = every unit of compute buys 20% less", initial: "0.8", step: 0.05 },
  "rateChange.delta": { label: "Rate change (percentage points)", hint: "1 = a 1-point hike, −1 = a cut", initial: "1", scale: 100, step: 0.25 },
  "adoptionWave.sector": SECTOR_WORDS,
  "adoptionWave.factor": { label: "Sector market multiplier (×)", hint: "1.3 = the sector's market grows 30%", initial: "1.3", step: 0.05 },
  "provenanceScandal.sector": { ...SECTOR_WORDS, initial: "media" },
  "sectorRegulation.sector": SECTOR_WORDS,
  "sectorRegulation.regulated": { label: "Regulated from now on", hint: "checked: regulated; unchecked: deregulated", initial: "true" },
  "selloff.depth": { label: "Sentiment drop (%)", hint: "the deck draws 15–30%", initial: "30", scale: 100, step: 5 },
};

interface JsonProperty {
  type?: string;
  const?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

function sectorLabel(id: string): string {
  return isSectorId(id) ? DEFAULT_CONFIG.sectors[id].name : id;
}

function deriveSpecs(): EventKindSpec[] {
  const json = z.toJSONSchema(GameEventSchema, { io: "input" }) as { oneOf: { properties: Record<string, JsonProperty> }[] };
  return json.oneOf.map(({ properties }) => {
    const kind = properties.kind?.const as EventKind;
    const fields = Object.entries(properties)
      .filter(([name]) => name !== "kind")
      .map(([name, prop]): ParamField => {
        const words = PARAM_WORDS[`${kind}.${name}`] ?? { label: name, hint: "", initial: "" };
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
          const choices = prop.enum.map((value) => ({ value, label: words.choiceLabels?.[value] ?? (name === "sector" ? sectorLabel(value) : value) }));
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
    return { kind, title: EVENT_TITLES[kind] ?? kind, fields };
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
  message: string;
}

export type BuiltEvent = { ok: true; event: GameEvent } | { ok: false; issues: FieldIssue[] };

function trimmed(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/**
 * The event the form describes, validated with the shared schema; or, field by field, what is
 * wrong in the units the form shows. `values` holds each field's text ("true"/"false" for a
 * checkbox).
 */
export function buildEvent(kind: string, values: Record<string, string>): BuiltEvent {
  const spec = specFor(kind);
  if (!spec) return { ok: false, issues: [{ field: "", message: `There is no event "${kind}" in the deck.` }] };
  const event: Record<string, unknown> = { kind };
  const issues: FieldIssue[] = [];
  for (const field of spec.fields) {
    const text = (values[field.name] ?? "").trim();
    if (field.type === "boolean") {
      event[field.name] = text === "true";
    } else if (field.type === "choice") {
      if (!field.choices.some((c) => c.value === text)) issues.push({ field: field.name, message: `${field.label}: choose one of the list.` });
      event[field.name] = text;
    } else {
      const shown = Number(text.replace("−", "-"));
      if (text === "" || !Number.isFinite(shown)) {
        issues.push({ field: field.name, message: `${field.label}: enter a number.` });
        continue;
      }
      const low = field.min;
      const high = field.max;
      const tooLow = low !== null && (field.exclusiveMin ? shown <= low : shown < low);
      const tooHigh = high !== null && shown > high;
      if (tooLow || tooHigh) {
        const range =
          low !== null && high !== null
            ? field.exclusiveMin
              ? `above ${trimmed(low)} and at most ${trimmed(high)}`
              : `between ${trimmed(low)} and ${trimmed(high)}`
            : low !== null
              ? `${field.exclusiveMin ? "above" : "at least"} ${trimmed(low)}`
              : `at most ${trimmed(high ?? 0)}`;
        issues.push({ field: field.name, message: `${field.label}: must be ${range}.` });
        continue;
      }
      event[field.name] = shown / field.scale;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  // The shared schema has the last word (the server parses the same way).
  const parsed = GameEventSchema.safeParse(event);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message })) };
  }
  return { ok: true, event: parsed.data };
}

/** The form's starting values for `kind`. */
export function initialValues(kind: string): Record<string, string> {
  return Object.fromEntries((specFor(kind)?.fields ?? []).map((f) => [f.name, f.initial]));
}
