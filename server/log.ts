import { format } from "node:util";

/**
 * The server's logger: one JSON object per line on stdout (warnings and errors on stderr),
 * `{"level","time","msg",...fields}`, so a log collector can filter by room, game or process.
 * `LOG_FORMAT=pretty` (the default when stdout is a terminal) prints one readable line instead.
 * `LOG_LEVEL` (debug, info, warn, error; default info) drops quieter lines.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const STD: LogSink = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export interface LoggerOptions {
  format?: "json" | "pretty";
  level?: LogLevel;
  /** Fields on every line (e.g. the process id). */
  base?: LogFields;
  sink?: LogSink;
}

export class Logger {
  private readonly format: "json" | "pretty";
  private readonly min: number;
  private readonly base: LogFields;
  private readonly sink: LogSink;

  constructor(options: LoggerOptions = {}) {
    this.format = options.format ?? "json";
    this.min = RANK[options.level ?? "info"];
    this.base = options.base ?? {};
    this.sink = options.sink ?? STD;
  }

  /** A logger that adds `fields` to every line (e.g. a room's code). */
  child(fields: LogFields): Logger {
    return new Logger({ format: this.format, level: levelOf(this.min), base: { ...this.base, ...fields }, sink: this.sink });
  }

  debug(msg: string, fields?: LogFields): void {
    this.write("debug", msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.write("info", msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.write("warn", msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.write("error", msg, fields);
  }

  private write(level: LogLevel, msg: string, fields?: LogFields): void {
    if (RANK[level] < this.min) return;
    const all = { ...this.base, ...fields };
    for (const [key, value] of Object.entries(all)) if (value instanceof Error) all[key] = value.message;
    const line =
      this.format === "json"
        ? JSON.stringify({ level, time: new Date().toISOString(), msg, ...all })
        : `${level === "info" ? "" : `${level.toUpperCase()} `}${msg}${
            Object.keys(all).length > 0
              ? `  ${Object.entries(all)
                  .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
                  .join(" ")}`
              : ""
          }`;
    if (RANK[level] >= RANK.warn) this.sink.err(line);
    else this.sink.out(line);
  }
}

function levelOf(rank: number): LogLevel {
  return (Object.keys(RANK) as LogLevel[]).find((l) => RANK[l] === rank) ?? "info";
}

/** The format and level from the environment: JSON lines unless stdout is a terminal. */
export function loggerFromEnv(env: NodeJS.ProcessEnv = process.env, base: LogFields = {}): Logger {
  const format = env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty" ? env.LOG_FORMAT : process.stdout.isTTY ? "pretty" : "json";
  const level = env.LOG_LEVEL && env.LOG_LEVEL in RANK ? (env.LOG_LEVEL as LogLevel) : "info";
  return new Logger({ format, level, base });
}

/** The process-wide logger (quiet in in-process tests); `main.ts` replaces it with one configured from the environment. */
export let log: Logger = new Logger({ format: process.stdout.isTTY ? "pretty" : "json", level: process.env.VITEST ? "warn" : "info" });

export function setLog(logger: Logger): void {
  log = logger;
}

/** Handlers that log a Colyseus error themselves (true: handled, e.g. a malformed frame at warn); see server/rooms/frames.ts. */
const colyseusErrorHandlers: ((message: string) => boolean)[] = [];

export function takeColyseusErrors(handler: (message: string) => boolean): void {
  colyseusErrorHandlers.push(handler);
}

/** Colyseus' own messages (errors in rooms, matchmaking warnings) through the same logger. */
export const colyseusLogger = {
  debug: (...args: unknown[]) => log.debug(format(...args), { source: "colyseus" }),
  trace: (...args: unknown[]) => log.debug(format(...args), { source: "colyseus" }),
  info: (...args: unknown[]) => log.info(format(...args), { source: "colyseus" }),
  warn: (...args: unknown[]) => log.warn(format(...args), { source: "colyseus" }),
  error: (...args: unknown[]) => {
    const message = format(...args);
    if (!colyseusErrorHandlers.some((handle) => handle(message))) log.error(message, { source: "colyseus" });
  },
};
