import type { Server } from "colyseus";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { createApp } from "../../server/app.js";
import type { Locale } from "../../shared/i18n/core.js";
import { CHROMIUM } from "./env.js";

export { HAS_CHROMIUM, RESULTS, SKIP_REASON } from "./env.js";

/** The client, built once for the whole run by the project's global setup (build-client.ts). */
export const clientDir = (): string => inject("clientDir");

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
    env.server = await startServer(port, clientDir());
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

/** The three screens every layout is checked at. */
export const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  laptop: { viewport: { width: 1280, height: 720 } },
  hd: { viewport: { width: 1920, height: 1080 } },
} as const;

/**
 * A browser context for `screen` whose browser prefers `locale` (navigator.languages, so the
 * game picks its language as it would for a real reader). Select elements by the catalogs'
 * words (`translate(locale, key)` from shared/i18n/catalog.ts), never by hard-coded English.
 */
export function localeContext(browser: Browser, locale: Locale, screen: keyof typeof SCREENS = "laptop"): Promise<BrowserContext> {
  return browser.newContext({ ...SCREENS[screen], locale });
}
