/**
 * Several processes, one game world: with `REDIS_URL`, Colyseus' own distributed mode
 * (Redis presence for join codes and inter-process calls, the Redis driver for the room
 * listing), and each process advertises its public address so a seat reserved through one
 * process sends the client to the process that runs the room. Without it: Colyseus' local
 * presence and driver, one process, nothing else needed.
 */
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { type IRoomCache, matchMaker, ServerError, type ServerOptions } from "colyseus";
import { joinRefusalMessage, ROOM_NAME } from "../../shared/schemas/protocol.js";
import { log } from "../log.js";
import { ownerOfCode } from "../rooms/codes.js";

export interface ClusterSettings {
  /** Redis shared by every process (`REDIS_URL`); none: a single process. */
  redisUrl?: string;
  /** Where clients reach this process (`PUBLIC_ADDRESS`, host[:port][/path], no scheme). */
  publicAddress?: string;
}

type ClusterOptions = Pick<ServerOptions, "presence" | "driver" | "publicAddress" | "selectProcessIdToCreateRoom">;

/** The Colyseus server options for the cluster settings. */
export function clusterOptions(settings: ClusterSettings): ClusterOptions {
  const options: ClusterOptions = {
    // A game is created on the process that received the request: the reverse proxy already
    // spreads requests over processes, and a restored game must come back where its store is.
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
  };
  if (settings.publicAddress) options.publicAddress = settings.publicAddress;
  if (settings.redisUrl) {
    options.presence = new RedisPresence(settings.redisUrl);
    options.driver = new RedisDriver(settings.redisUrl);
  }
  return options;
}

/** Whether the Colyseus process `processId` is up (its IPC channel is subscribed in presence). */
export async function processAlive(processId: string): Promise<boolean> {
  if (processId === matchMaker.processId) return true;
  return (await matchMaker.presence.channels(`p:${processId}`)).length > 0;
}

/** Listed rooms whose process is up (a killed process's listings linger until swept). */
export async function liveRooms(rooms: IRoomCache[]): Promise<IRoomCache[]> {
  const alive = new Map<string, boolean>();
  const live: IRoomCache[] = [];
  for (const room of rooms) {
    if (!alive.has(room.processId)) alive.set(room.processId, await processAlive(room.processId));
    if (alive.get(room.processId)) live.push(room);
  }
  return live;
}

export type GameLocation = { state: "running"; room: IRoomCache } | { state: "offline"; owner: string } | { state: "missing" };

/**
 * Where the game with this code is: running on a live process, held by a process that is
 * down or restarting (its code stays reserved for it), or nowhere.
 */
export async function locateGame(code: string): Promise<GameLocation> {
  const [room] = await matchMaker.query({ name: ROOM_NAME, roomId: code });
  if (room && (await processAlive(room.processId))) return { state: "running", room };
  const owner = await ownerOfCode(matchMaker.presence, code);
  return owner ? { state: "offline", owner } : { state: "missing" };
}

export function offlineMessage(code: string, owner: string): string {
  return joinRefusalMessage(
    "GAME_OFFLINE",
    `game ${code} is not running right now: the server that holds it (${owner}) is down or restarting; it resumes at its last finished quarter when that server is back`,
  );
}

const WRAPPED = Symbol.for("scale-or-ship.joinById");

/**
 * The matchmaking error for a game whose process is down. Colyseus sends a matchmaking
 * error's code as the HTTP status, so it must be one (JOIN_ERRORS' 43xx codes would turn
 * into a bare 500): 503 Service Unavailable, with the reason as the message.
 */
export const GAME_OFFLINE = 503;

/**
 * Joining by the code of a game whose process is down fails with GAME_OFFLINE and says
 * why, instead of Colyseus' "room not found" (or a two-second wait on a stale listing).
 * Wraps Colyseus' matchmaking controller once per process.
 */
export function explainOfflineGames(): void {
  const controller = matchMaker.controller as typeof matchMaker.controller & { [WRAPPED]?: true };
  if (controller[WRAPPED]) return;
  const invoke = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    if (method === "joinById" && typeof roomName === "string") {
      const where = await locateGame(roomName);
      if (where.state === "offline") {
        log.info("join refused: game offline", { roomId: roomName, code: roomName, owner: where.owner });
        throw new ServerError(GAME_OFFLINE, offlineMessage(roomName, where.owner));
      }
    }
    return invoke(method, roomName, clientOptions, authOptions);
  };
  controller[WRAPPED] = true;
}
