import type { FirmReport, MarketReport } from "../../shared/engine/types.js";
import type { Action } from "../../shared/schemas/action.js";
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

/**
 * An event as the CSV names it, `gpuShock(scope=vendor factor=0.6)`: its figures to 4
 * significant digits, for a reader (the game record JSON keeps them exact, for replays).
 */
export const eventText = (event: GameEvent) => {
  const { kind, ...params } = event;
  const shown = Object.entries(params).map(([k, v]) => `${k}=${typeof v === "number" ? Number(v.toPrecision(4)) : v}`);
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

/** What one row is about: a firm in a resolved quarter. */
interface RowContext {
  quarter: number;
  seat: number;
  firmId: string;
  firmName: string;
  players: string;
  report: FirmReport;
  market: MarketReport;
  action: Action | undefined;
}

type Column = [name: string, value: (row: RowContext) => unknown];

/**
 * Every figure of a firm's report as columns: per-sector number arrays become one column per
 * sector (`report.sectorRevenue.support`), other arrays are joined with "|".
 */
function reportColumns(sample: FirmReport): Column[] {
  const columns: Column[] = [];
  for (const [key, value] of Object.entries(sample) as [keyof FirmReport, unknown][]) {
    if (key === "quarter") continue;
    if (Array.isArray(value) && value.length === SECTOR_IDS.length && value.every((v) => typeof v === "number")) {
      SECTOR_IDS.forEach((id, i) => {
        columns.push([`report.${key}.${id}`, (r) => (r.report[key] as number[])[i]]);
      });
    } else if (Array.isArray(value)) columns.push([`report.${key}`, (r) => (r.report[key] as unknown[]).join("|")]);
    else columns.push([`report.${key}`, (r) => r.report[key]]);
  }
  return columns;
}

const ACTION_COLUMNS: Column[] = [
  ["action.train", (r) => r.action?.train ?? ""],
  ...SECTOR_IDS.map((id): Column => [`action.apps.${id}`, (r) => (r.action ? (r.action.apps[id] ?? 0) : "")]),
  ...(["efficiency", "compliance", "marketing", "distill", "openWeights", "hardware", "raise"] as const).map(
    (key): Column => [`action.${key}`, (r) => r.action?.[key] ?? ""],
  ),
];

const MARKET_COLUMNS: Column[] = [
  ...(["sentiment", "bubbleRatio", "computePrice", "openBaseline", "rate", "regime", "disclosure", "correction"] as const).map(
    (key): Column => [`market.${key}`, (r) => r.market[key]],
  ),
  ["market.events", (r) => r.market.events.map(eventText).join("|")],
];

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
  const sample = reports[0]?.firms[0];
  const columns: Column[] = [
    ["code", () => source.code],
    ["quarter", (r) => r.quarter],
    ["firmId", (r) => r.firmId],
    ["firm", (r) => (options.anonymise ? r.firmId : r.firmName)],
    ...(options.anonymise ? [] : [["players", (r: RowContext) => r.players] as Column]),
    ...(sample ? reportColumns(sample) : []),
    ...ACTION_COLUMNS,
    ...MARKET_COLUMNS,
  ];
  const lines = [columns.map(([name]) => name).join(",")];
  reports.forEach((report, q) => {
    const actions = record.quarters[q]?.actions ?? {};
    record.firms.forEach((firm, seat) => {
      const row: RowContext = {
        quarter: report.quarter,
        seat,
        firmId: firm.id,
        firmName: firm.name,
        players: (teams.get(firm.id) ?? []).join("; "),
        report: report.firms[seat] as FirmReport,
        market: report.market,
        action: actions[firm.id],
      };
      lines.push(columns.map(([, value]) => csvCell(value(row))).join(","));
    });
  });
  return `${lines.join("\n")}\n`;
}

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
