import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ACTION_ERROR_CODES } from "../../shared/engine/validate.js";
import {
  ABUSE_REJECTIONS,
  ABUSE_WINDOW_MS,
  ADDRESS_RATE_LIMITED,
  CLOSE_CODES,
  ClassCreateOptionsSchema,
  ClientMessageSchemas,
  CREATE_INVALID_OPTIONS,
  CreateOptionsSchema,
  FACILITATOR_MESSAGE_TYPES,
  FacilitatorJoinOptionsSchema,
  GRACE_SECONDS,
  JOIN_BUSY,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_ERRORS,
  JoinOptionsSchema,
  MAX_MESSAGE_BYTES,
  MAX_OPTIONS_DEPTH,
  MESSAGES_PER_SECOND,
  PHASES,
  PRIVATE_COLUMNS,
  REJECTION_CODES,
  ROOM_NAME,
  ServerMessageSchemas,
  SpectatorJoinOptionsSchema,
} from "../../shared/schemas/protocol.js";
import { MARKET_COLUMNS, MARKET_FLAGS, REPORT_COLUMNS, REPORT_FLAGS, REPORT_SECTOR_FLAGS } from "../../shared/synced.js";

/**
 * `npm run protocol` writes the protocol's JSON Schemas into docs/protocol/ for clients in any
 * language; `npm run protocol -- --check` writes nothing and fails when those files drift from
 * the zod schemas in shared/schemas/protocol.ts (CI runs it).
 */

export const PROTOCOL_DIR = path.resolve(import.meta.dirname, "../../docs/protocol");

/**
 * Client messages and join options as a client sends them (`input`: defaults are optional);
 * server messages as the server sends them (`output`: defaults are filled in).
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output", id: string): unknown {
  const json = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    // `z.int()` adds ±2^53 bounds, which say nothing to a reader.
    override: ({ jsonSchema: s }) => {
      if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
      if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
    },
  });
  return { $id: id, ...json };
}

/** Keys sorted so the output does not depend on construction order, except a schema's `properties`, which keep the declared field order. */
function stable(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((v) => stable(v));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, stable(v, k === "properties" && !keepOrder)]));
}

/** Line width of biome.json: an array of plain values goes on one line when it fits. */
const LINE_WIDTH = 160;

/**
 * JSON with 2-space indents, laid out as Biome formats it (so `biome check` accepts the files
 * as written): objects one key per line, arrays of plain values on one line when they fit.
 */
function render(value: unknown, depth: number, prefix: number, comma: boolean): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const pad = "  ".repeat(depth + 1);
  const close = `\n${"  ".repeat(depth)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const plain = value.every((v) => v === null || typeof v !== "object");
    const inline = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    if (plain && prefix + inline.length + (comma ? 1 : 0) <= LINE_WIDTH) return inline;
    return `[${value.map((v, i) => `\n${pad}${render(v, depth + 1, pad.length, i < value.length - 1)}`).join(",")}${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([k, v], i) => {
    const key = `${JSON.stringify(k)}: `;
    return `\n${pad}${key}${render(v, depth + 1, pad.length + key.length, i < entries.length - 1)}`;
  });
  return `{${lines.join(",")}${close}}`;
}

const format = (value: unknown) => `${render(stable(value), 0, 0, false)}\n`;

/** Every file under docs/protocol/ this script owns, by path relative to it, with its content. */
export function protocolFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const add = (file: string, schema: z.ZodType, io: "input" | "output") => {
    files.set(file, format(jsonSchema(schema, io, file)));
    return file;
  };
  const index = {
    room: ROOM_NAME,
    joinCode: { alphabet: JOIN_CODE_ALPHABET, length: JOIN_CODE_LENGTH },
    createOptions: add("create-options.json", CreateOptionsSchema, "input"),
    joinOptions: add("join-options.json", JoinOptionsSchema, "input"),
    classCreateOptions: add("class-create-options.json", ClassCreateOptionsSchema, "input"),
    facilitatorJoinOptions: add("facilitator-join-options.json", FacilitatorJoinOptionsSchema, "input"),
    spectatorJoinOptions: add("spectator-join-options.json", SpectatorJoinOptionsSchema, "input"),
    facilitatorMessages: FACILITATOR_MESSAGE_TYPES,
    client: Object.fromEntries(Object.entries(ClientMessageSchemas).map(([type, schema]) => [type, add(`client/${type}.json`, schema, "input")])),
    server: Object.fromEntries(Object.entries(ServerMessageSchemas).map(([type, schema]) => [type, add(`server/${type}.json`, schema, "output")])),
    phases: PHASES,
    rejectionCodes: REJECTION_CODES,
    engineErrorCodes: ACTION_ERROR_CODES,
    joinErrors: JOIN_ERRORS,
    /** Refusals given at the matchmaking request itself, as HTTP statuses (docs/protocol.md, "Join errors"). */
    httpErrors: { CREATE_INVALID_OPTIONS, JOIN_BUSY, ADDRESS_RATE_LIMITED },
    closeCodes: CLOSE_CODES,
    /** The synced state's histories, column-wise (docs/protocol.md, "Histories, column-wise"). */
    /** The positional action of `accepted` and of `private`'s `lastAction` (docs/protocol.md, "Server messages"). */
    actionColumns: { action: PRIVATE_COLUMNS.action, sector: PRIVATE_COLUMNS.sector },
    historyColumns: {
      reports: REPORT_COLUMNS,
      reportFlags: REPORT_FLAGS,
      reportSectorFlags: REPORT_SECTOR_FLAGS,
      points: MARKET_COLUMNS,
      pointFlags: MARKET_FLAGS,
    },
    limits: {
      maxMessageBytes: MAX_MESSAGE_BYTES,
      messagesPerSecond: MESSAGES_PER_SECOND,
      abuseRejections: ABUSE_REJECTIONS,
      abuseWindowMs: ABUSE_WINDOW_MS,
      graceSeconds: GRACE_SECONDS,
      maxOptionsDepth: MAX_OPTIONS_DEPTH,
    },
  };
  files.set("index.json", format(index));
  return files;
}

/** The .json files now in `dir` (other files, like the example bot, are not ours). */
function existingJson(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.split(path.sep).join("/"));
  } catch {
    return [];
  }
}

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** What differs between `dir` and the schemas: one line per missing, different or extra file. */
export function checkProtocol(dir = PROTOCOL_DIR): string[] {
  const files = protocolFiles();
  const problems: string[] = [];
  for (const [file, content] of files) {
    const current = read(path.join(dir, file));
    if (current === null) problems.push(`missing: ${file}`);
    else if (current !== content) problems.push(`different: ${file}`);
  }
  for (const file of existingJson(dir)) if (!files.has(file)) problems.push(`extra: ${file}`);
  return problems;
}

/** Writes every file and removes .json files that no schema produces any more. */
export function writeProtocol(dir = PROTOCOL_DIR): string[] {
  const files = protocolFiles();
  for (const file of existingJson(dir)) if (!files.has(file)) rmSync(path.join(dir, file));
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return [...files.keys()];
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const shown = path.relative(process.cwd(), PROTOCOL_DIR) || ".";
  if (process.argv.includes("--check")) {
    const problems = checkProtocol();
    if (problems.length > 0) {
      console.error(`${shown} is out of date: run npm run protocol`);
      for (const problem of problems) console.error(`  ${problem}`);
      process.exit(1);
    }
    console.log(`${shown} is up to date`);
  } else {
    console.log(`wrote ${writeProtocol().length} files to ${shown}`);
  }
}
