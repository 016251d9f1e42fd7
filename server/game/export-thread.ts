import { Worker } from "node:worker_threads";
import { log } from "../log.js";
import { type ExportSource, gameCsv, gameRecordFile } from "./export.js";

/** One export to build: the CSV (anonymised or not) or the record file. */
export interface ExportJob {
  id: number;
  kind: "csv" | "record";
  anonymise: boolean;
  source: ExportSource;
}

/** The file's text (what the worker runs; also the fallback on this thread). */
export function exportBody(job: Omit<ExportJob, "id">): string {
  return job.kind === "csv" ? gameCsv(job.source, { anonymise: job.anonymise }) : `${JSON.stringify(gameRecordFile(job.source), null, 2)}\n`;
}

type Pending = { resolve(body: Buffer): void; reject(error: Error): void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = null;
}

/** The export thread, started on first use and kept (it does not keep the process alive). */
function exportWorker(): Worker {
  if (worker) return worker;
  // The server runs TypeScript through tsx: the worker registers tsx, then loads its module.
  const entry = new URL("./export-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const started = new Worker(boot, { eval: true });
  started.unref();
  started.on("message", (reply: { id: number; bytes?: Uint8Array; error?: string }) => {
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.bytes !== undefined) job?.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else job?.reject(new Error(reply.error ?? "the export failed"));
  });
  started.on("error", (error) => {
    log.error("export worker failed", { error: error.message });
    failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) failAll(new Error(`the export worker stopped (exit ${code})`));
  });
  worker = started;
  return started;
}

/**
 * Builds an export on the export thread: a 40-firm × 40-quarter game replays and formats
 * there while the game loop goes on (README, "Exports off the game loop"). The source is
 * copied to the thread (structured clone) and the file comes back as UTF-8 bytes, moved
 * rather than copied: that is all the game loop spends.
 */
export function buildExport(job: Omit<ExportJob, "id">): Promise<Buffer> {
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    exportWorker().postMessage({ ...job, id } satisfies ExportJob);
  });
}
