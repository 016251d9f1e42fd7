import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { RATE_LIMIT_ENV } from "../../ops/rate-limit.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** One line of the server's JSON log. */
export interface LogLine {
  level: string;
  msg: string;
  code?: string;
  quarter?: number;
  [field: string]: unknown;
}

/** Every chaos client comes from 127.0.0.1: the limits per address (docs/deploy.md) are off. */
const NO_RATE_LIMITS = Object.fromEntries(Object.values(RATE_LIMIT_ENV).map((name) => [name, "off"]));

/**
 * `npm start`'s server (server/main.ts) as a real child process on `port` with `dataDir`,
 * its JSON log parsed line by line for whoever waits on it. SIGKILL, SIGTERM and a file-size
 * limit (the disk-full episode) act on that process.
 */
export class ServerProcess {
  private readonly child: ChildProcess;
  private readonly listeners = new Set<(line: LogLine) => void>();
  private readonly kept: string[] = [];
  readonly exited: Promise<number | null>;

  private constructor(port: number, dataDir: string, graceSeconds: number) {
    this.child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...NO_RATE_LIMITS,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_FORMAT: "json",
        LOG_LEVEL: "info",
        RECONNECT_GRACE_SECONDS: String(graceSeconds),
        REDIS_URL: "",
        PROCESS_ID: "",
        PUBLIC_ADDRESS: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const read = (stream: NodeJS.ReadableStream | null) => {
      let rest = "";
      stream?.on("data", (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const text of lines) this.line(text);
      });
    };
    read(this.child.stdout);
    read(this.child.stderr);
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  /**
   * Starts the server and resolves once it has restored its games and listens; `listen` gets
   * every log line from the first (the games it restores are logged before it listens).
   */
  static async start(port: number, dataDir: string, graceSeconds = 120, timeoutMs = 60_000, listen?: (line: LogLine) => void): Promise<ServerProcess> {
    const server = new ServerProcess(port, dataDir, graceSeconds);
    if (listen) server.onLog(listen);
    const running = server.next((line) => line.msg.startsWith("Scale or Ship is running"), timeoutMs, "the server to start");
    const died = server.exited.then((code) => {
      throw new Error(`the server exited (${code}) before it was running:\n${server.output()}`);
    });
    await Promise.race([running, died]);
    return server;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** The last lines it printed (to explain a failure). */
  output(): string {
    return this.kept.join("\n");
  }

  /** Calls `listener` with every log line from now on; returns the unsubscribe. */
  onLog(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next log line that `match`es (rejects after `timeoutMs`, naming `what`). */
  next(match: (line: LogLine) => boolean, timeoutMs: number, what: string): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the server's last output:\n${this.output()}`));
      }, timeoutMs);
      const off = this.onLog((line) => {
        if (!match(line)) return;
        clearTimeout(timer);
        off();
        resolve(line);
      });
    });
  }

  /** SIGKILL: no chance to save anything more. */
  async kill(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.exited;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    return this.exited;
  }

  /**
   * Lets the process write files up to `bytes` (null: no limit), with prlimit(1) on its soft
   * RLIMIT_FSIZE: every store write past that size fails (SQLite: "disk I/O error"), as on a
   * full disk, until the limit is lifted. Node ignores SIGXFSZ, so the process lives on.
   */
  limitFileSize(bytes: number | null): void {
    const result = spawnSync("prlimit", ["--pid", String(this.pid), `--fsize=${bytes ?? "unlimited"}:unlimited`], { encoding: "utf8" });
    if (result.error || result.status !== 0) {
      throw new Error(`prlimit (util-linux) could not limit the server's file size: ${result.error?.message ?? result.stderr}`);
    }
  }

  /** Every line the server prints from now on is appended to `file` too. */
  static logTo: string | null = null;

  private line(text: string): void {
    if (ServerProcess.logTo) appendFileSync(ServerProcess.logTo, `${text}\n`);
    this.kept.push(text);
    if (this.kept.length > 60) this.kept.shift();
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      return; // not a log line (dotenv's banner, a stack)
    }
    if (typeof line?.msg !== "string") return;
    for (const listener of [...this.listeners]) listener(line);
  }
}
