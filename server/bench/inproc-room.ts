/**
 * One benchmark room driven in-process, with no sockets and no event loop in the way (cpu.ts,
 * room-heap.ts): the bench's room (6 players of their own firm, no news, private), the flow
 * table, the effects applied as the room applies them (schema mirror, `private` feed, consoles,
 * an on-disk store), the metadata, the messages packed as Colyseus packs them (msgpackr) and
 * the state patch encoded after every step.
 */
import { Encoder } from "@colyseus/schema";
import { Packr } from "msgpackr";
import { MarketFlow } from "../flow/flow.js";
import type { FlowEvent, Step } from "../flow/types.js";
import { loggerFromEnv, setLog } from "../log.js";
import { FacilitatorDesk } from "../rooms/desk.js";
import { applyStep, type EffectTargets, roomControls } from "../rooms/effects.js";
import { FrameHold } from "../rooms/frame-hold.js";
import { createRequest, joinRequest } from "../rooms/joins.js";
import { parseMessage } from "../rooms/messages.js";
import { type MarketMetadata, metadataUpdate } from "../rooms/metadata.js";
import { PrivateFeed } from "../rooms/private-feed.js";
import { RoomSaving } from "../rooms/saving.js";
import { type MarketClient, Sessions } from "../rooms/sessions.js";
import { MarketRoomState } from "../rooms/state.js";
import { RoomTimers } from "../rooms/timers.js";
import type { GameStore } from "../store/games.js";

// The room logs as the server would (`LOG_LEVEL=warn` keeps a run quiet).
setLog(loggerFromEnv());

export const PLAYERS = 6;
const packr = new Packr({ useRecords: false });
/** Bytes sent so far, every room together: patches and messages. */
export const sent = { bytes: 0 };

function fakeClient(sessionId: string): MarketClient {
  return {
    sessionId,
    send: (type: string, message: unknown) => {
      sent.bytes += packr.pack([type, message]).length;
    },
    leave: () => undefined,
  } as unknown as MarketClient;
}

/** What a room keeps between quarters (what a `MarketRoom` holds besides Colyseus' own). */
export interface InprocRoom {
  flow: MarketFlow;
  state: MarketRoomState;
  encoder: Encoder;
  feed: PrivateFeed;
  sessions: Sessions<MarketClient>;
  desk: FacilitatorDesk<MarketClient>;
  saving: RoomSaving;
  clients: MarketClient[];
  metadata: MarketMetadata | undefined;
}

/**
 * Room `index` of a `quarters`-quarter game, played until `upTo` quarters are resolved (or the
 * game is over): returns how many quarters it resolved and the room, kept as it stands.
 */
export function playRoom(index: number, store: GameStore, quarters: number, upTo = quarters): { resolved: number; room: InprocRoom } {
  const open = openRoom(index, store, quarters);
  let resolved = 0;
  while (resolved < upTo && open.playQuarter()) resolved++;
  return { resolved, room: open.room };
}

/**
 * Room `index` of a `quarters`-quarter game, started (players joined, the first quarter's
 * decisions open); `playQuarter()` plays the next quarter to its resolution and says whether
 * it did (false: the game is over), so several rooms can be played in turn as a server does.
 */
export function openRoom(index: number, store: GameStore, quarters: number): { room: InprocRoom; playQuarter: () => boolean } {
  const code = `R${index}`;
  const { mode, settings, config } = createRequest({
    name: "p1",
    settings: { name: `bench ${index}`, firms: PLAYERS, quarters, newsSeconds: 0, reportSeconds: 3, decisionSeconds: 10, private: true },
  });
  const desk = new FacilitatorDesk<MarketClient>();
  const flow = new MarketFlow({ kind: "new", code, mode, settings, config, keyHash: desk.issueKey() });
  const state = new MarketRoomState();
  const encoder = new Encoder(state);
  const feed = new PrivateFeed();
  const sessions = new Sessions<MarketClient>((id) => {
    desk.close(id);
    feed.forget(id);
  });
  let phaseTimer: number | null = null;
  const schedule = (_run: () => void, _ms: number) => ({ clear: () => undefined });
  const timers = new RoomTimers(schedule, { phase: () => undefined, idle: () => undefined }, () => 1e9);
  const originalStart = timers.start.bind(timers);
  timers.start = (ms, id) => {
    phaseTimer = id;
    originalStart(ms, id);
  };
  const saving = new RoomSaving(code, store, schedule, 1000, { paused: () => undefined } as never);
  const clients: MarketClient[] = [];
  const controls = {
    roomId: code,
    autoDispose: true,
    clients,
    setPrivate: async () => undefined,
    disconnect: async () => undefined,
  };
  const frames = new FrameHold();
  const settles: (() => void)[] = [];
  const targets: EffectTargets = {
    flow,
    state,
    sessions,
    desk,
    feed,
    timers,
    frames,
    room: roomControls(
      controls,
      (write) => saving.persist(flow, write),
      // Before the step's patch is encoded: in the server the queued settle (settle.ts) runs within a
      // turn of the loop, almost always before the room's next patch, so one patch carries both.
      () => settles.push(() => applyStep(targets, flow.step({ type: "settle", now: 0 }))),
    ),
  };
  const room: InprocRoom = { flow, state, encoder, feed, sessions, desk, saving, clients, metadata: undefined };
  const apply = (step: Step, joining?: MarketClient) => {
    applyStep(targets, step, joining);
    for (let settle = settles.shift(); settle; settle = settles.shift()) settle();
    room.metadata = metadataUpdate(room.metadata, code, flow) ?? room.metadata;
    sent.bytes += encoder.encode().length;
    encoder.discardChanges();
    frames.release(); // as the room does after each patch
  };
  const step = (event: FlowEvent) => apply(flow.step(event));
  apply(flow.open(0));
  const players: string[] = [];
  for (let i = 0; i < PLAYERS; i++) {
    const client = fakeClient(`${code}s${i}`);
    const s = flow.step({
      type: "join",
      session: client.sessionId,
      request: joinRequest({ name: `p${i + 1}` }),
      fresh: { id: `p${i}`, token: `t${i}`.padEnd(24, "x") },
      creator: i === 0,
      now: 0,
    });
    apply(s, client);
    clients.push(client);
    players.push(`p${i}`);
  }
  const send = (playerId: string, type: string, payload: unknown) => {
    const parsed = parseMessage(type, payload);
    if ("rejection" in parsed) throw new Error(parsed.rejection.message);
    const seed = flow.phaseName === "lobby" ? "seed" : "";
    const rejection = flow.step({ type: "message", playerId, facilitator: false, kind: parsed.kind, data: parsed.data, now: 0, seed });
    apply(rejection);
    if (rejection.rejection) throw new Error(rejection.rejection.message);
  };
  send("p0", "start", {});
  const playQuarter = (): boolean => {
    while (flow.phaseName !== "over") {
      if (flow.phaseName === "decide") {
        for (const p of players) {
          // As the benchmark's players: a few percent of cash into training, marketing and apps.
          const firmId = flow.roster.player(p)?.firmId;
          if (!firmId || !flow.match?.isActive(firmId)) continue; // delisted: nothing to decide
          const budget = Math.max(0, flow.match?.state.firms.find((f) => f.id === firmId)?.cash ?? 0) * 0.05;
          send(p, "submit", { action: { train: budget * 0.5, marketing: budget * 0.2, apps: { support: budget * 0.3 } } });
        }
        return true;
      }
      if (phaseTimer === null) throw new Error(`stuck in ${flow.phaseName}`);
      const id = phaseTimer;
      phaseTimer = null;
      step({ type: "timer", id, now: 0 });
    }
    return false;
  };
  return { room, playQuarter };
}
