import { existsSync } from "node:fs";
import path from "node:path";
import type { Server } from "colyseus";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/app.js";

/** Debian's Chromium; `.ci/run` installs it. Without it the browser tests are skipped, saying why. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;

const ROOT = path.resolve(import.meta.dirname, "../..");
export const RESULTS = path.join(ROOT, "test-results");

/** Builds the client into a folder of its own, so a running `npm start` is not disturbed. */
export async function buildClient(): Promise<string> {
  const outDir = path.join(RESULTS, "client-build");
  const { build } = await import("vite");
  await build({ configFile: path.join(ROOT, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** The real game server on `port`, serving the built client. */
export async function startServer(port: number, clientDir: string, graceSeconds = 30): Promise<Server> {
  const server = createApp({ clientDir, limits: { graceSeconds } });
  await server.listen(port);
  return server;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"] });
}

/**
 * In a describe block: the real server with the built client on `port`, and Chromium, for
 * the block's tests; both are closed after them. Read `.browser` inside the tests.
 */
export function serveGame(port: number): { readonly server: Server; readonly browser: Browser } {
  const env = {} as { server: Server; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer(port, await buildClient());
    env.browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.gracefullyShutdown(false);
  });
  return env;
}

/** A phone: 390×844 CSS px, touch, a mobile viewport, two device pixels per CSS pixel. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
}
