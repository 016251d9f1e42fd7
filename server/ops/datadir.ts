import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = "process-id";

/**
 * Binds a data directory to one process of a cluster: the first process to use it writes
 * its PROCESS_ID there, and any other process is refused (two processes restoring the same
 * games would run them twice). Moving a process's games elsewhere means starting a process
 * with that PROCESS_ID on that directory.
 */
export function claimDataDir(dir: string, processId: string): { ok: true } | { ok: false; message: string } {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, FILE);
  if (!existsSync(file)) {
    writeFileSync(file, `${processId}\n`);
    return { ok: true };
  }
  const owner = readFileSync(file, "utf8").trim();
  if (owner === processId) return { ok: true };
  return {
    ok: false,
    message: `DATA_DIR ${dir} belongs to process "${owner}", not "${processId}": give each process its own DATA_DIR, or start this one with PROCESS_ID=${owner}`,
  };
}
