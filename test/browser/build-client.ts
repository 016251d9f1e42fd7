import path from "node:path";
import type { TestProject } from "vitest/node";
import { HAS_CHROMIUM, RESULTS, ROOT } from "./env.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The client built once for the browser project's run (see `setup`). */
    clientDir: string;
  }
}

/**
 * The browser project's global setup: builds the client once per test run, with the
 * console's preview page as a second entry, into a folder of its own (a running `npm start`
 * serving dist/client is not disturbed); every browser test file serves that folder
 * (`inject("clientDir")`) instead of building its own copy.
 */
export async function setup(project: TestProject): Promise<void> {
  const outDir = path.join(RESULTS, "client-build");
  project.provide("clientDir", outDir);
  if (!HAS_CHROMIUM) return; // the browser tests skip, saying why; nothing to build for them
  const { build } = await import("vite");
  await build({
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "error",
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: path.join(ROOT, "client/index.html"), console: path.join(ROOT, "client/console/preview/console.html") },
      },
    },
  });
}
