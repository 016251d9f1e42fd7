import type { GameEvent } from "../../shared/schemas/injection.js";
import type { LogEntry } from "../../shared/schemas/protocol.js";
import { SECTOR_IDS } from "../../shared/schemas/vocabulary.js";
import type { GameRecord } from "../../shared/sim/play.js";
import { firstDifference, replay, type StoredGame } from "../../shared/sim/record.js";

/** A game as the export needs it, from the store or a live room. */
export interface ExportSource {
  code: string;
  record: GameRecord;
  /** The roster's players: their names and firms. */
  players: readonly { name: string; firmId: string | null }[];
  log: readonly LogEntry[];
  /** The engine's final state in the live room, to check that the record replays to it. */
  live?: unknown;
}

/** Flattens nested values into dotted columns; per-sector number arrays get the sector ids, other arrays are joined with "|". */
function flatten(prefix: string, value: unknown, out: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.length === SECTOR_IDS.length && value.every((v) => typeof v === "number")) {
      SECTOR_IDS.forEach((id, i) => {
        out.set(`${prefix}.${id}`, value[i]);
      });
    } else out.set(prefix, value.join("|"));
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) flatten(`${prefix}.${key}`, inner, out);
  } else out.set(prefix, value);
}

const eventText = (event: GameEvent) => {
  const { kind, ...params } = event;
  const shown = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  return shown.length > 0 ? `${kind}(${shown.join(" ")})` : kind;
};

/**
 * One CSV cell. Numbers in full precision (they equal the engine's figures); booleans 1/0;
 * text quoted when it holds a comma, quote or line break, and a leading = + - @ is escaped
 * with ' so a spreadsheet never runs a name as a formula.
 */
export function csvCell(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  let text = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The game as a table: one row per firm × resolved quarter, with every figure of the firm's
 * quarterly report (`report.*`), every field of its action that quarter (`action.*`, empty
 * when the firm was delisted) and the market's headline figures (`market.*`). Anonymised:
 * firms are named by their ids and players' names are left out.
 */
export function gameCsv(source: ExportSource, options: { anonymise: boolean }): string {
  const { record } = source;
  const { reports } = replay(record);
  const teams = new Map<string, string[]>();
  for (const p of source.players) if (p.firmId) teams.set(p.firmId, [...(teams.get(p.firmId) ?? []), p.name]);

  const rows: Map<string, unknown>[] = [];
  reports.forEach((report, q) => {
    const quarter = record.quarters[q];
    record.firms.forEach((firm, i) => {
      const row = new Map<string, unknown>();
      row.set("code", source.code);
      row.set("quarter", report.quarter);
      row.set("firmId", firm.id);
      row.set("firm", options.anonymise ? firm.id : firm.name);
      if (!options.anonymise) row.set("players", (teams.get(firm.id) ?? []).join("; "));
      const { quarter: _q, ...figures } = report.firms[i] ?? {};
      flatten("report", figures, row);
      const action = quarter?.actions[firm.id];
      row.set("action.train", action?.train ?? "");
      for (const id of SECTOR_IDS) row.set(`action.apps.${id}`, action ? (action.apps[id] ?? 0) : "");
      for (const key of ACTION_SCALARS) row.set(`action.${key}`, action?.[key] ?? "");
      const m = report.market;
      for (const key of ["sentiment", "bubbleRatio", "computePrice", "openBaseline", "rate", "regime", "disclosure", "correction"] as const) {
        row.set(`market.${key}`, m[key]);
      }
      row.set("market.events", m.events.map(eventText).join("|"));
      rows.push(row);
    });
  });
  const header = rows[0] ? [...rows[0].keys()] : ["code", "quarter", "firmId", "firm"];
  const lines = [header.join(","), ...rows.map((row) => header.map((column) => csvCell(row.get(column))).join(","))];
  return `${lines.join("\n")}\n`;
}

/** The action's fields besides train and apps, in the engine's order. */
const ACTION_SCALARS = ["efficiency", "compliance", "marketing", "distill", "openWeights", "hardware", "raise"] as const;

/**
 * The game record as `npm run sim -- --replay FILE` takes it: the record, the reports it
 * produces (which the replay verifies) and, beside them, the facilitator's log. Throws when
 * the live room's state is not the record's replay (it never should be).
 */
export function gameRecordFile(source: ExportSource): StoredGame & { code: string; facilitatorLog: readonly LogEntry[] } {
  const { states, reports } = replay(source.record);
  if (source.live !== undefined) {
    const diff = firstDifference(states.at(-1), source.live);
    if (diff) throw new Error(`game ${source.code}: the record does not replay to the live state (first at ${diff.path})`);
  }
  return { code: source.code, ...source.record, reports, facilitatorLog: source.log };
}
