/**
 * The simulator's worker as one bundled ES module. Under tsx every call into another module
 * goes through a live-binding getter (and esbuild's `__name` helper), and every worker
 * transforms every module again; a bundle started without tsx has none of that (the exploit
 * search spends about half the CPU it did). Built once per process with esbuild and written
 * under `node_modules/.cache/sim-worker/`, named by its content's hash so that processes
 * running at once share one file and never read a half-written one. Same code, same
 * results: only how the modules are linked changes.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

export interface WorkerScript {
  /** The module a worker thread loads. */
  filename: string;
  /** The worker's Node flags: none for the bundle; the parent's (tsx's loader) for the source. */
  execArgv: string[];
}

const built = new Map<string, WorkerScript>();

/**
 * The bundled worker for `source` (a TypeScript module, with everything it imports); the
 * source itself, run through tsx like the parent, if the bundle cannot be built or written.
 */
export function bundledWorker(source: URL): WorkerScript {
  let script = built.get(source.href);
  if (script) return script;
  try {
    script = { filename: writeBundle(source), execArgv: [] };
  } catch (error) {
    process.emitWarning(`simulator workers run the TypeScript sources: ${(error as Error).message}`);
    script = { filename: source.href, execArgv: process.execArgv };
  }
  built.set(source.href, script);
  return script;
}

function writeBundle(source: URL): string {
  const result = buildSync({
    entryPoints: [fileURLToPath(source)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const code = (result.outputFiles[0] as { contents: Uint8Array }).contents;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const dir = fileURLToPath(new URL("../../node_modules/.cache/sim-worker/", import.meta.url));
  const file = `${dir}worker-${hash}.mjs`;
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return pathToFileURL(file).href;
}
