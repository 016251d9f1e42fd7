import "./polyfill.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { matchMaker, Server, WebSocketTransport } from "colyseus";
import express from "express";
import { JoinCodeSchema, ROOM_NAME } from "../shared/schemas/protocol.js";
import { exportRoutes } from "./http/export.js";
import { restoreOptions } from "./rooms/codes.js";
import { type MarketMetadata, type MarketRoomLimits, marketRoomWith } from "./rooms/MarketRoom.js";
import type { GameStore } from "./store/games.js";

export interface AppOptions {
  /** Room limits (grace period, message rate…); defaults in DEFAULT_LIMITS. */
  limits?: Partial<MarketRoomLimits>;
  /** Folder of the built client, served at `/`; skipped when it does not exist. */
  clientDir?: string;
  /** Milliseconds between WebSocket pings (dead-connection detection). */
  pingIntervalMs?: number;
  /** Where games are stored to survive a restart; none keeps them in memory only. */
  store?: GameStore | null;
}

/** Hard cap on a WebSocket frame: larger frames close the connection. The room rejects smaller but oversized messages itself. */
const MAX_FRAME_BYTES = 64 * 1024;

export const DEFAULT_CLIENT_DIR = path.resolve(import.meta.dirname, "../dist/client");

/**
 * The game server: Colyseus rooms and the HTTP routes on one port, the built client as
 * static files. `listen(port)` on the result starts it.
 */
export function createApp(options: AppOptions = {}): Server {
  const clientDir = options.clientDir ?? DEFAULT_CLIENT_DIR;
  const server = new Server({
    greet: false,
    transport: new WebSocketTransport({ maxPayload: MAX_FRAME_BYTES, pingInterval: options.pingIntervalMs ?? 10_000 }),
    express: (app) => {
      app.get("/healthz", (_req, res) => {
        res.json({ ok: true });
      });
      app.get("/api/rooms", async (_req, res) => {
        const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
        res.json(rooms.map((r) => r.metadata as MarketMetadata).filter((m) => m && m.phase === "lobby"));
      });
      app.get("/api/rooms/:code", async (req, res) => {
        const code = JoinCodeSchema.safeParse(req.params.code);
        if (!code.success) {
          res.status(400).json({ error: code.error.issues[0]?.message ?? "bad code" });
          return;
        }
        const [room] = await matchMaker.query({ name: ROOM_NAME, roomId: code.data });
        if (!room) {
          res.status(404).json({ error: `no game with code ${code.data}` });
          return;
        }
        res.json(room.metadata);
      });
      exportRoutes(app, options.store ?? null);
      if (existsSync(clientDir)) {
        app.use(express.static(clientDir, { index: "index.html", maxAge: "1h" }));
      }
    },
  });
  server.define(ROOM_NAME, marketRoomWith(options.limits ?? {}, options.store ?? null));
  return server;
}

/** Brings back every unfinished game in the store; returns their codes. Call after `listen`. */
export async function restoreGames(store: GameStore): Promise<string[]> {
  const codes: string[] = [];
  for (const game of store.unfinished()) {
    try {
      await matchMaker.createRoom(ROOM_NAME, restoreOptions(game.code));
      codes.push(game.code);
    } catch (error) {
      console.error(`could not restore game ${game.code}: ${(error as Error).message}`);
    }
  }
  return codes;
}
