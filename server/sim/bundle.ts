/**
 * The simulator's worker as one bundled ES module. Under tsx every call into another module
 * goes through a live-binding getter (and esbuild's `__name` helper), about 8% of a worker's
 * CPU in the exploit search; a bundle has none. Built once per process with esbuild and
 * written under `node_modules/.cache/sim-worker/`, named by its content's hash so that
 * processes running at once share one file and never read a half-written one. Same code,
 * same results: only how the modules are linked changes.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

const built = new Map<string, string>();

/** A file URL of the bundled worker (`source`, a TypeScript module, with everything it imports). */
export function bundledWorker(source: URL): string {
  const cached = built.get(source.href);
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [fileURLToPath(source)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "error",
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
  const url = pathToFileURL(file).href;
  built.set(source.href, url);
  return url;
}
