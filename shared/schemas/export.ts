import type { Locale } from "../i18n/core.js";

/**
 * Why the server refuses a download (`GET /api/games/CODE/export.csv`, `record.json`): the
 * `code` of its JSON error, `{ error, code }` (docs/protocol.md, "Export"). The client words
 * each code in the reader's language; `error` is English for developers and logs.
 */
export const EXPORT_REFUSALS = ["badCode", "noKey", "wrongKey", "noGame", "notStarted", "notOver", "buildFailed"] as const;
export type ExportRefusal = (typeof EXPORT_REFUSALS)[number];

export function isExportRefusal(value: unknown): value is ExportRefusal {
  return (EXPORT_REFUSALS as readonly unknown[]).includes(value);
}

/** The CSV's column guide for a reader of `lang` (docs/export.md or its translation, served as a web page). */
export function exportGuidePath(lang: Locale): string {
  return `/api/export-guide?lang=${encodeURIComponent(lang)}`;
}
