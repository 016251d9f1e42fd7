import { readFile } from "node:fs/promises";
import path from "node:path";
import { matchMaker } from "colyseus";
import type { Application, Request, Response } from "express";
import { asLocale, type Locale } from "../../shared/i18n/core.js";
import type { ExportRefusal } from "../../shared/schemas/export.js";
import { JoinCodeSchema } from "../../shared/schemas/protocol.js";
import type { ExportSource } from "../game/export.js";
import { buildExport } from "../game/export-thread.js";
import { log } from "../log.js";
import { keyMatches } from "../rooms/keys.js";
import { MarketRoom } from "../rooms/MarketRoom.js";
import type { GameStore } from "../store/games.js";
import { guidePage } from "./guide-page.js";

/** A game found for export; `hostPlays`: a friends game, whose key is held by its host, a player. */
type Found = { source: ExportSource; keyHash: string | null; hostPlays: boolean; over: boolean } | { notStarted: true; keyHash: string | null } | null;

/**
 * A started game from its live room on this process (which holds every resolved quarter, also
 * while the store cannot save them: a disk-full pause), else from the store, else a room not
 * started yet.
 */
function findGame(code: string, store: GameStore | null): Found {
  const room = matchMaker.getLocalRoomById(code);
  const live = room instanceof MarketRoom ? room.flow.exportSource() : null;
  if (room instanceof MarketRoom && live) {
    return { source: live, keyHash: room.flow.keyHash, hostPlays: room.flow.mode === "friends", over: room.flow.phaseName === "over" };
  }
  const saved = store?.load(code);
  if (saved) {
    const source = { code, record: saved.record, players: saved.players, log: saved.log };
    return { keyHash: saved.keyHash, source, hostPlays: saved.mode === "friends", over: saved.status === "over" };
  }
  if (!(room instanceof MarketRoom)) return null;
  return { notStarted: true, keyHash: room.flow.keyHash };
}

/** Checks the code and the `Authorization: Bearer <facilitator key>` header; answers the error itself. */
function authorised(req: Request, res: Response, store: GameStore | null): ExportSource | null {
  // `error` in English for developers and logs; `code` for the client to word (shared/schemas/export.ts).
  const fail = (status: number, code: ExportRefusal, error: string) => {
    res.status(status).json({ error, code });
    return null;
  };
  const code = JoinCodeSchema.safeParse(req.params.code);
  if (!code.success) return fail(400, "badCode", code.error.issues[0]?.message ?? "bad code");
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
  if (!bearer) {
    res.set("WWW-Authenticate", 'Bearer realm="facilitator key"');
    return fail(401, "noKey", "send the facilitator key: Authorization: Bearer <key>");
  }
  const found = findGame(code.data, store);
  if (!found) return fail(404, "noGame", `no game with code ${code.data}`);
  if (!keyMatches(bearer[1] as string, found.keyHash)) return fail(403, "wrongKey", "that is not this game's facilitator key");
  if ("notStarted" in found) return fail(409, "notStarted", "the game has not started: there is nothing to export yet");
  // The export holds every firm's actions and private figures, and the seed: a host who plays
  // would see rivals' moves (and could predict the bots'). A facilitator plays no firm.
  if (found.hostPlays && !found.over) return fail(409, "notOver", "the game is not over: in a game whose host plays, the export is available once it ends");
  return found.source;
}

/** The CSV's column guide for a reader, per language (docs/export.md and its translation). */
const GUIDES: Readonly<Record<Locale, string>> = {
  en: path.resolve(import.meta.dirname, "../../docs/export.md"),
  "zh-CN": path.resolve(import.meta.dirname, "../../docs/export.zh-CN.md"),
};

/**
 * `GET /api/games/:code/export.csv[?anonymise=1]` and `GET /api/games/:code/record.json`,
 * for the holder of the game's facilitator key (docs/protocol.md, "Facilitator"); and
 * `GET /api/export-guide?lang=zh-CN`, the CSV's column guide as a web page, for anyone.
 */
export function exportRoutes(app: Application, store: GameStore | null): void {
  app.get("/api/export-guide", async (req, res) => {
    const lang = asLocale(req.query.lang) ?? "en";
    try {
      const page = guidePage(await readFile(GUIDES[lang], "utf8"), lang);
      res.set("Cache-Control", "public, max-age=3600");
      res.type("text/html; charset=utf-8").send(page);
    } catch (error) {
      log.error("export guide failed", { error: (error as Error).message });
      res.status(500).type("text/plain; charset=utf-8").send("the column guide could not be read");
    }
  });
  app.get("/api/games/:code/export.csv", async (req, res) => {
    const source = authorised(req, res, store);
    if (!source) return;
    const anonymise = ["1", "true", "yes"].includes(String(req.query.anonymise ?? ""));
    const body = await built(res, source, "csv", anonymise);
    if (body === null) return;
    res.set("Content-Disposition", `attachment; filename="scale-or-ship-${source.code}${anonymise ? "-anonymised" : ""}.csv"`);
    res.set("Cache-Control", "no-store");
    res.type("text/csv; charset=utf-8").send(body);
  });
  app.get("/api/games/:code/record.json", async (req, res) => {
    const source = authorised(req, res, store);
    if (!source) return;
    const body = await built(res, source, "record", false);
    if (body === null) return;
    res.set("Content-Disposition", `attachment; filename="scale-or-ship-${source.code}.json"`);
    res.set("Cache-Control", "no-store");
    res.type("application/json").send(body);
  });
}

/** The export built off the game loop; null after answering 500 itself. */
async function built(res: Response, source: ExportSource, kind: "csv" | "record", anonymise: boolean): Promise<Buffer | null> {
  try {
    return await buildExport({ kind, anonymise, source });
  } catch (error) {
    log.error("export failed", { roomId: source.code, code: source.code, error: (error as Error).message });
    res.status(500).json({ error: `the export could not be built: ${(error as Error).message}`, code: "buildFailed" satisfies ExportRefusal });
    return null;
  }
}
