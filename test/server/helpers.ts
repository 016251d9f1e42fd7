import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { createApp, restoreGames } from "../../server/app.js";
import type { MarketRoomLimits } from "../../server/rooms/limits.js";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import type { MarketRoomState } from "../../server/rooms/state.js";
import { GameStore } from "../../server/store/games.js";
import { mergePrivate } from "../../shared/private.js";
import {
  applyConsoleUpdate,
  type CreateOptions,
  type PrivateView,
  type RejectedMessage,
  type RoomSettingsInput,
  type ServerMessages,
  type ServerMessageType,
} from "../../shared/schemas/protocol.js";

/** The synced state as a client decodes it. */
export type RoomState = MarketRoomState;

/** An SDK room with every message it received, by type. */
export interface Player {
  room: SdkRoom<unknown, RoomState>;
  messages: { type: string; payload: unknown }[];
  last<K extends ServerMessageType>(type: K): ServerMessages[K] | undefined;
  all<K extends ServerMessageType>(type: K): ServerMessages[K][];
  /** The firm's whole private view after each `private` message (whole first, then changes), as a client merges them. */
  privateViews(): PrivateView[];
  /** The latest of those. */
  privateView(): PrivateView | undefined;
}

/** Every message as received; a `consoleUpdate` is also applied to the last `console`, as the client does (client/net/inbox.ts). */
export function track(room: SdkRoom): Player {
  const messages: { type: string; payload: unknown }[] = [];
  room.onMessage("*", (type, payload) => {
    messages.push({ type: String(type), payload });
    const console = type === "consoleUpdate" ? all("console").at(-1) : undefined;
    if (console) messages.push({ type: "console", payload: applyConsoleUpdate(console, payload as ServerMessages["consoleUpdate"]) });
  });
  const all = <K extends ServerMessageType>(type: K) => messages.filter((m) => m.type === type).map((m) => m.payload as ServerMessages[K]);
  const privateViews = () => {
    const views: PrivateView[] = [];
    let held: PrivateView | undefined;
    for (const message of all("private")) {
      held = mergePrivate(held, message);
      if (!held) throw new Error("a private change arrived before a whole private view");
      views.push(held);
    }
    return views;
  };
  return { room: room as SdkRoom<unknown, RoomState>, messages, last: (type) => all(type).at(-1), all, privateViews, privateView: () => privateViews().at(-1) };
}

/** Fast timers for tests: no news or report pauses. */
export const FAST: RoomSettingsInput = { newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30 };

export async function host(colyseus: ColyseusTestServer, name: string, settings: RoomSettingsInput): Promise<{ player: Player; server: MarketRoom }> {
  const options: CreateOptions = { name, settings };
  const room = await colyseus.sdk.create("market", options);
  const player = track(room);
  const server = colyseus.getRoomById(room.roomId) as unknown as MarketRoom;
  await waitFor(() => player.last("welcome"));
  return { player, server };
}

export async function join(colyseus: ColyseusTestServer, code: string, options: Record<string, unknown>): Promise<Player> {
  const player = track(await colyseus.sdk.joinById(code, options));
  await waitFor(() => player.last("welcome"));
  return player;
}

export async function waitFor<T>(check: () => T, timeout = 10_000): Promise<NonNullable<T>> {
  return vi.waitFor(
    () => {
      const value = check();
      if (value === undefined || value === null || value === false) throw new Error("not yet");
      return value as NonNullable<T>;
    },
    { timeout, interval: 10 },
  );
}

/** Resolves with the rejection the player receives next. */
export async function nextRejection(player: Player, send: () => void): Promise<RejectedMessage> {
  const before = player.all("rejected").length;
  send();
  return waitFor(() => player.all("rejected")[before]);
}

/** Creates a class market: the connection is the facilitator's console; the key comes in the first `console` message. */
export async function facilitate(colyseus: ColyseusTestServer, settings: RoomSettingsInput): Promise<{ facilitator: Player; server: MarketRoom; key: string }> {
  const room = await colyseus.sdk.create("market", { facilitator: true, settings });
  const facilitator = track(room);
  const server = colyseus.getRoomById(room.roomId) as unknown as MarketRoom;
  const first = await waitFor(() => facilitator.last("console"));
  if (!first.key) throw new Error("the creator got no facilitator key");
  return { facilitator, server, key: first.key };
}

/**
 * Every client of a test file comes from 127.0.0.1, so the limits per address are off in
 * `testServer` (test/server/rate-limit.test.ts tests them).
 */
export const NO_RATE_LIMITS = { create: null, join: null, lookup: null, key: null, trial: null } as const;

/**
 * The game server for one test file (with `store` when given): booted before its tests,
 * cleaned after each, shut down (and the store closed) after all.
 */
export function testServer(store?: GameStore, limits: Partial<MarketRoomLimits> = {}): { readonly colyseus: ColyseusTestServer } {
  let colyseus: ColyseusTestServer | undefined;
  beforeAll(async () => {
    colyseus = await boot(createApp({ limits: { graceSeconds: 1, ...limits }, rateLimits: NO_RATE_LIMITS, ...(store ? { store } : {}) }));
  });
  afterEach(async () => {
    await colyseus?.cleanup();
  });
  afterAll(async () => {
    await colyseus?.shutdown();
    store?.close();
  });
  return {
    get colyseus() {
      if (!colyseus) throw new Error("the test server is not booted yet");
      return colyseus;
    },
  };
}

/** `testServer` backed by a store in a fresh temporary folder. */
export function storeServer(prefix: string): { readonly colyseus: ColyseusTestServer; store: GameStore } {
  const store = new GameStore(path.join(mkdtempSync(path.join(tmpdir(), prefix)), "games.sqlite"));
  const served = testServer(store);
  return {
    store,
    get colyseus() {
      return served.colyseus;
    },
  };
}

/**
 * The room goes away as in a crash (the store keeps the game as it was; its players do not
 * reconnect), then the store brings it back: returns the restored room.
 */
export async function crashAndRestore(
  served: { readonly colyseus: ColyseusTestServer; store: GameStore },
  server: MarketRoom,
  code: string,
  players: readonly Player[],
): Promise<MarketRoom> {
  for (const player of players) player.room.reconnection.enabled = false;
  await server.disconnect();
  await waitFor(() => !served.colyseus.getRoomById(code));
  expect(await restoreGames(served.store)).toContain(code);
  return served.colyseus.getRoomById(code) as unknown as MarketRoom;
}
