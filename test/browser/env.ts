import { existsSync } from "node:fs";
import path from "node:path";

/** Debian's Chromium; `.ci/run` installs it. Without it the browser tests are skipped, saying why. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Screenshots and the test build of the client. */
export const RESULTS = path.join(ROOT, "test-results");
