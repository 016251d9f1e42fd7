/** A bench's generated entry module (TypeScript source text) bundled with esbuild into one file under `node_modules/.cache/<cache>/`. */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

/**
 * Bundles `entry` (imports resolved from `resolveDir`) and writes it as `<name>-<pid>.mjs`; returns its path (the caller deletes it).
 * `asServed`: packages stay imports (resolved from this checkout's node_modules) and functions keep their names, as tsx runs the server.
 */
export function writeEntryBundle(entry: string, resolveDir: string, cache: string, name: string, asServed = false): string {
  const result = buildSync({
    ...(asServed ? { packages: "external" as const, keepNames: true } : {}),
    stdin: { contents: entry, resolveDir, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "error",
  });
  const dir = fileURLToPath(new URL(`../../node_modules/.cache/${cache}/`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}-${process.pid}.mjs`;
  writeFileSync(file, (result.outputFiles[0] as { contents: Uint8Array }).contents);
  return file;
}
