import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { GameStore } from "./games.js";

const FILE = "games.sqlite";

/** Why `error` happened, in a few words ("permission denied", "file is not a database"). */
function reason(error: unknown): string {
  if (error instanceof Database.SqliteError) return `${error.message} (${error.code})`;
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message.replace(/^\w+: /, "")}` : String((e as Error)?.message ?? e);
}

/**
 * Opens the game store under `DATA_DIR` (`dir`), or says in one sentence what is wrong with
 * it: the directory cannot be created or written, the file is not a SQLite database or is
 * corrupt. `npm start` prints it and exits 2 (docs/deploy.md).
 */
export function openStore(dir: string): { ok: true; store: GameStore } | { ok: false; message: string } {
  const file = path.join(dir, FILE);
  const fail = (what: string) => ({ ok: false as const, message: `DATA_DIR ${dir}: ${what}` });
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    return fail(`the directory cannot be created (${reason(error)})`);
  }
  if (!statSync(dir).isDirectory()) return fail("is not a directory");
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    return fail(
      `${file} cannot be written: the directory or the file is read-only (${reason(error)}); the server writes ${FILE} and its -wal and -shm files there`,
    );
  }
  let store: GameStore;
  try {
    store = new GameStore(file);
  } catch (error) {
    return fail(`${file} cannot be opened: ${reason(error)}. ${advice(error)}`);
  }
  const problem = store.check();
  if (problem) {
    store.close();
    return fail(`${file} is damaged: ${problem}. Move it away to start with no games, or put back a backup.`);
  }
  return { ok: true, store };
}

function advice(error: unknown): string {
  const code = error instanceof Database.SqliteError ? error.code : "";
  if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT"))
    return "It is not a SQLite database or is corrupt: move it away to start with no games, or put back a backup.";
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")) return "The server must be able to write the file and its directory.";
  if (code.startsWith("SQLITE_FULL")) return "The disk is full.";
  return "Check the file and its directory.";
}

/**
 * Checks every `ms` that the store's file is still the one opened, and says so loudly when it
 * is not (the rooms pause at their next write, see server/rooms/saving.ts); again when it is
 * back. Stop with the returned function.
 */
export function watchStore(store: GameStore, report: { error(message: string): void; info(message: string): void }, ms = 10_000): () => void {
  let lost = false;
  const timer = setInterval(() => {
    try {
      store.verify(true);
      if (lost) report.info(`the game file ${store.file} is back`);
      lost = false;
    } catch (error) {
      if (!lost)
        report.error(`${(error as Error).message}: games cannot be saved; their rooms pause until it is restored (restart the server to start a new file)`);
      lost = true;
    }
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
