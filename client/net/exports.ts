/**
 * The game's exports over HTTP, behind the facilitator key (`Authorization: Bearer <key>`):
 * the CSV (firm × quarter, every figure and action; optionally anonymised) and the game
 * record as JSON. A plain link cannot carry the header, so the file is fetched and handed
 * to the browser as a download.
 */
export const EXPORT_KINDS = ["csv", "csv-anonymised", "record"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_LABELS: Record<ExportKind, string> = {
  csv: "Download CSV",
  "csv-anonymised": "Download CSV (anonymised)",
  record: "Download game record (JSON)",
};

export function exportPath(code: string, kind: ExportKind): string {
  const game = `/api/games/${encodeURIComponent(code)}`;
  if (kind === "record") return `${game}/record.json`;
  return kind === "csv-anonymised" ? `${game}/export.csv?anonymise=1` : `${game}/export.csv`;
}

export function exportFileName(code: string, kind: ExportKind): string {
  if (kind === "record") return `scale-or-ship-${code}-record.json`;
  return kind === "csv-anonymised" ? `scale-or-ship-${code}-anonymised.csv` : `scale-or-ship-${code}.csv`;
}

/** A refused download, in words for the facilitator (from the HTTP status and the server's `{error}`). */
export function exportErrorText(status: number, serverError: string | undefined): string {
  switch (status) {
    case 401:
      return "The server did not get a facilitator key. Open the console again with the key.";
    case 403:
      return "The facilitator key this browser holds does not match this game.";
    case 404:
      return "The server has no record of this game (it may have been deleted).";
    case 409:
      return "The game has not started: there is nothing to download yet.";
    default:
      return serverError ? `The download failed: ${serverError}.` : `The download failed (HTTP ${status}).`;
  }
}

type Fetch = (input: string, init: { headers: Record<string, string> }) => Promise<Response>;

/** Fetches one export; throws an Error whose message is `exportErrorText` when refused. */
export async function fetchExport(fetchFn: Fetch, code: string, key: string, kind: ExportKind): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchFn(exportPath(code, kind), { headers: { Authorization: `Bearer ${key}` } });
  } catch {
    throw new Error("The game server cannot be reached. Check your connection and try again.");
  }
  if (!response.ok) {
    let serverError: string | undefined;
    try {
      serverError = ((await response.json()) as { error?: string }).error;
    } catch {
      // not JSON: the status says enough
    }
    throw new Error(exportErrorText(response.status, serverError));
  }
  return response.blob();
}
