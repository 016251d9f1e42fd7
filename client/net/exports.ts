/**
 * The game's exports over HTTP, behind the facilitator key (`Authorization: Bearer <key>`):
 * the CSV (firm × quarter, every figure and action; optionally anonymised) and the game
 * record as JSON. A plain link cannot carry the header, so the file is fetched and handed
 * to the browser as a download.
 */
import type { Translate } from "../../shared/i18n/catalog.js";
import { type ExportRefusal, isExportRefusal } from "../../shared/schemas/export.js";
import { ADDRESS_RATE_LIMITED } from "../../shared/schemas/protocol.js";
import { spanWords, type TurnWords, turnKey } from "../../shared/words/turns.js";

export const EXPORT_KINDS = ["csv", "csv-anonymised", "record"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A download's button, in `t`'s language. */
export function exportLabel(t: Translate, kind: ExportKind): string {
  switch (kind) {
    case "csv":
      return t("exports.button.csv");
    case "csv-anonymised":
      return t("exports.button.csvAnonymised");
    case "record":
      return t("exports.button.record");
  }
}

export function exportPath(code: string, kind: ExportKind): string {
  const game = `/api/games/${encodeURIComponent(code)}`;
  if (kind === "record") return `${game}/record.json`;
  return kind === "csv-anonymised" ? `${game}/export.csv?anonymise=1` : `${game}/export.csv`;
}

export { exportGuidePath } from "../../shared/schemas/export.js";

export function exportFileName(code: string, kind: ExportKind): string {
  if (kind === "record") return `scale-or-ship-${code}-record.json`;
  return kind === "csv-anonymised" ? `scale-or-ship-${code}-anonymised.csv` : `scale-or-ship-${code}.csv`;
}

/** The refusal a status means when the server sent no code (an older server, a proxy). */
const BY_STATUS: Readonly<Record<number, ExportRefusal>> = { 400: "badCode", 401: "noKey", 403: "wrongKey", 404: "noGame", 409: "notStarted" };

/**
 * A refused download, in words for the facilitator (in `t`'s language), from the server's error
 * `code` (else the HTTP status); `retryAfter` (seconds) from a rate-limit answer.
 */
export function exportErrorText(t: Translate, status: number, code: unknown, retryAfter?: unknown): string {
  if (status === ADDRESS_RATE_LIMITED)
    return typeof retryAfter === "number" && retryAfter > 0
      ? t("exports.error.rateLimited", { wait: t("common.seconds.count", { count: Math.ceil(retryAfter) }) })
      : t("exports.error.rateLimitedLater");
  const refusal = isExportRefusal(code) ? code : BY_STATUS[status];
  return refusal ? t(`exports.error.${refusal}`) : t("exports.error.http", { status: String(status) });
}

type Fetch = (input: string, init: { headers: Record<string, string> }) => Promise<Response>;

/** Fetches one export; throws an Error whose message is `exportErrorText` (in `t`'s language) when refused. */
export async function fetchExport(fetchFn: Fetch, code: string, key: string, kind: ExportKind, t: Translate): Promise<Blob> {
  let response: Response;
  try {
    // i18n-ignore: an HTTP header, not text
    response = await fetchFn(exportPath(code, kind), { headers: { Authorization: `Bearer ${key}` } });
  } catch {
    throw new Error(t("exports.error.offline"));
  }
  if (!response.ok) {
    let body: { code?: unknown; retryAfter?: unknown } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // not JSON: the status says enough
    }
    throw new Error(exportErrorText(t, response.status, body?.code, body?.retryAfter));
  }
  return response.blob();
}

/** What the files hold, for this game's length: a row per firm and quarter, or per turn and what a turn spans (an 8-turn game's is 6 months). */
export function downloadsAbout(tr: Translate, turns: TurnWords): string {
  return turns.quarterly ? tr("exports.about") : tr(turnKey(turns, "exports.about"), { span: spanWords(tr, turns) });
}
