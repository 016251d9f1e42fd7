import "./polyfill.js";
import { existsSync } from "node:fs";
import { Server as HttpServer } from "node:http";
import path from "node:path";
import { matchMaker, Server, WebSocketTransport } from "colyseus";
import express from "express";
import { JoinCodeSchema, ROOM_NAME } from "../shared/schemas/protocol.js";
import { exportRoutes } from "./http/export.js";
import { colyseusLogger, log } from "./log.js";
import { type ClusterSettings, clusterOptions, explainOfflineGames, liveRooms, locateGame, offlineMessage } from "./ops/cluster.js";
import { capConnections, DEFAULT_CONNECTIONS_PER_ADDRESS } from "./ops/connections.js";
import { screenRequests } from "./ops/gate.js";
import { Health } from "./ops/health.js";
import { type MonitorAccess, mountOps } from "./ops/http.js";
import { processName } from "./ops/identity.js";
import { AddressLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from "./ops/rate-limit.js";
import { codesOwnedBy, releaseCode, restoreOptions } from "./rooms/codes.js";
import { DEFAULT_LIMITS, type MarketRoomLimits } from "./rooms/limits.js";
import { marketRoomWith } from "./rooms/MarketRoom.js";
import type { MarketMetadata } from "./rooms/metadata.js";
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
  /** Redis and this process's public address (several processes); none: one process. */
  cluster?: ClusterSettings;
  /** Readiness for `/healthz/ready`; the caller marks it ready and stopping. */
  health?: Health;
  /** The Colyseus monitor's credentials; none: the monitor is not mounted. */
  monitor?: MonitorAccess | null;
  /** Limits per client address (creating, joining, code look-ups, key attempts); defaults in DEFAULT_RATE_LIMITS, null turns one off. */
  rateLimits?: Partial<RateLimits>;
  /** Reverse proxies in front whose X-Forwarded-For is believed (0: the socket's peer is the client). */
  trustProxy?: number;
  /** Connections one address may hold open at once (DEFAULT_CONNECTIONS_PER_ADDRESS; 0: no limit). Not applied behind a trusted proxy: every connection comes from it. */
  connectionsPerAddress?: number;
}

/** Hard cap on a WebSocket frame: larger frames close the connection. The room rejects smaller but oversized messages itself. */
const MAX_FRAME_BYTES = 64 * 1024;

/** Milliseconds between the transport's rounds of WebSocket pings (the bench aligns its windows to them). */
export const PING_INTERVAL_MS = 30_000;

/**
 * The WebSocket transport of the game (and of the bench's bare room). It pings every socket
 * in one loop (~70 µs a socket here: 85 ms over 1,200 sockets, during which no room
 * answers). Every 30 s with one retry, a dead connection is closed within 30–60 s, well
 * inside the 120 s grace period, and those stalls come three times less often than at 10 s
 * (README, "Server load").
 */
export function gameTransport(pingIntervalMs = PING_INTERVAL_MS): WebSocketTransport {
  return new WebSocketTransport({ maxPayload: MAX_FRAME_BYTES, pingInterval: pingIntervalMs, pingMaxRetries: 1 });
}

export const DEFAULT_CLIENT_DIR = path.resolve(import.meta.dirname, "../dist/client");

/**
 * The game server: Colyseus rooms and the HTTP routes on one port, the built client as
 * static files. `listen(port)` on the result starts it.
 */
export function createApp(options: AppOptions = {}): Server {
  const clientDir = options.clientDir ?? DEFAULT_CLIENT_DIR;
  const cluster = options.cluster ?? {};
  const health = options.health ?? new Health(Boolean(cluster.redisUrl));
  if (!options.health) health.stage = "ready";
  explainOfflineGames();
  const transport = gameTransport(options.pingIntervalMs);
  if (transport.server instanceof HttpServer) {
    screenRequests(transport.server, new AddressLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }), options.trustProxy ?? 0);
    const perAddress = options.connectionsPerAddress ?? DEFAULT_CONNECTIONS_PER_ADDRESS;
    capConnections(transport.server, perAddress > 0 && (options.trustProxy ?? 0) === 0 ? perAddress : null);
  }
  const server = new Server({
    greet: false,
    logger: colyseusLogger,
    ...clusterOptions(cluster),
    transport,
    express: (app) => {
      app.get("/healthz", (_req, res) => {
        res.json({ ok: true });
      });
      mountOps(app, health, options.monitor ?? null);
      app.get("/api/rooms", async (_req, res) => {
        const rooms = await liveRooms(await matchMaker.query({ name: ROOM_NAME, private: false }));
        res.json(rooms.map((r) => r.metadata as MarketMetadata).filter((m) => m && m.phase === "lobby"));
      });
      app.get("/api/rooms/:code", async (req, res) => {
        const code = JoinCodeSchema.safeParse(req.params.code);
        if (!code.success) {
          res.status(400).json({ error: code.error.issues[0]?.message ?? "bad code" });
          return;
        }
        const where = await locateGame(code.data);
        if (where.state === "offline") {
          res.status(503).json({ error: offlineMessage(code.data, where.owner) });
          return;
        }
        if (where.state === "missing") {
          res.status(404).json({ error: `no game with code ${code.data}` });
          return;
        }
        res.json(where.room.metadata);
      });
      exportRoutes(app, options.store ?? null);
      if (existsSync(clientDir)) {
        app.use(express.static(clientDir, { index: "index.html", maxAge: "1h" }));
      }
    },
  });
  const trialLimit = options.rateLimits && "trial" in options.rateLimits ? { trialLimit: options.rateLimits.trial ?? null } : {};
  server.define(ROOM_NAME, marketRoomWith({ ...options.limits, ...trialLimit }, options.store ?? null));
  return server;
}

/**
 * Brings back every unfinished game and every lobby in the store (never one that a live
 * process runs; never a game untouched for `idleSeconds`, which expires instead), then gives
 * back codes this process held for games it will not restore (finished or expired games);
 * returns the restored codes. Call after `listen`.
 */
export async function restoreGames(store: GameStore, idleSeconds = DEFAULT_LIMITS.idleSeconds): Promise<string[]> {
  const held = await codesOwnedBy(matchMaker.presence, processName());
  const codes: string[] = [];
  const kept = [...store.unfinished(Date.now() - idleSeconds * 1000).map((g) => g.code), ...store.lobbyCodes()];
  for (const code of kept) {
    const where = await locateGame(code);
    if (where.state === "running") {
      log.error("not restoring a game another process runs", { roomId: code, code, processId: where.room.processId });
      continue;
    }
    try {
      await matchMaker.createRoom(ROOM_NAME, restoreOptions(code));
      codes.push(code);
    } catch (error) {
      log.error("could not restore game", { roomId: code, code, error: (error as Error).message });
    }
  }
  for (const code of held) {
    if (!codes.includes(code) && (await locateGame(code)).state !== "running") await releaseCode(matchMaker.presence, code);
  }
  return codes;
}
