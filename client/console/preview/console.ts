/**
 * The Console scene on a synthetic class market, without a server: to look at its layout
 * with many firms and long names (`?firms=40&phase=decide|lobby|over&paused=1&key=1`).
 * Controls act on the fake state well enough to see their effect; nothing is validated.
 */

import type { Room } from "@colyseus/sdk";
import type { Injection } from "../../../shared/schemas/injection.js";
import type { LogEntry, LogParams } from "../../../shared/schemas/protocol.js";
import { APP_KEY, type AppContext } from "../../app.js";
import { createGame } from "../../game.js";
import { applyToDocument, onLocaleChange } from "../../i18n.js";
import { syntheticMarket } from "../../market/bench/synthetic.js";
import type { Inbox } from "../../net/inbox.js";
import { endpointFor } from "../../net/link.js";
import { Session } from "../../net/session.js";
import type { MarketRoomStateShape, PlayerInfoShape } from "../../net/state.js";
import { Console } from "../../scenes/Console.js";
import { languageControl } from "../../ui/language.js";

const params = new URLSearchParams(window.location.search);
const count = Math.max(2, Math.min(40, Number(params.get("firms") ?? 40)));
const market = syntheticMarket(count);
const state = market.state as MarketRoomStateShape & { players: PlayerInfoShape[] };
// i18n-ignore: sample student names (people's names are not translated)
const STUDENTS = ["Ada", "Bo", "Chidi", "Dagny", "Émilie", "Farrokh", "Guðrún", "Hiroshi", "Ines", "Jamal", "Kateryna Oleksandrivna"];
state.code = "K7M3QX";
state.title = "Economics 101, group B"; // i18n-ignore: a sample title typed by a teacher
state.mode = "class";
state.phase = (params.get("phase") as MarketRoomStateShape["phase"]) ?? "decide";
state.quarter = 3;
state.settings.quarters = 12;
state.settings.teamSize = 3;
state.deadline = Date.now() + 75_000;
state.paused = params.get("paused") === "1";
state.remaining = 42_000;
for (let i = 0; i < Math.min(count, 30); i++) {
  const firm = state.firms[i];
  if (!firm) continue;
  firm.controller = i % 7 === 6 ? "standIn" : "human";
  const members = 1 + (i % 3);
  for (let m = 0; m < members; m++) {
    const n = state.players.length;
    state.players.push({
      id: `p${n}`,
      name: `${STUDENTS[n % STUDENTS.length]}${n >= STUDENTS.length ? ` ${Math.floor(n / STUDENTS.length) + 1}` : ""}`,
      firmId: firm.id,
      host: false,
      ready: true,
      connected: n % 5 !== 4,
      away: firm.controller === "standIn",
      asking: n % 11 === 9,
    });
  }
}
if (state.phase === "over") {
  state.standings = state.firms.map((f, i) => ({
    rank: i + 1,
    firmId: f.id,
    name: f.name,
    score: 3000 - i * 50,
    valuation: 5000 - i * 80,
    valueCreated: 400 - i * 10,
    delisted: false,
  }));
}

const log: LogEntry[] = [];
const queued: Injection[] = [];
const listeners = new Map<string, Set<(message: unknown) => void>>();
const emit = (type: string, message: unknown) => {
  for (const fn of listeners.get(type) ?? []) fn(message);
};
const write = (command: string, params: LogParams) => {
  log.push({ at: Date.now(), quarter: state.quarter, phase: state.phase, command, params });
  emit("console", { key: null, log: [...log], queued: [...queued], serverTime: Date.now() });
};
for (let i = 0; i < 12; i++) write("extend", { phase: "decide", added: 30, seconds: 60 + i * 30, paused: false });
// A game stored before the log spoke in codes: its entry's English words, shown as stored.
log.unshift({ at: Date.now() - 60_000, quarter: 0, phase: "lobby", command: "start", effect: "started the game (an entry stored in the old shape)" }); // i18n-ignore: an old stored entry is English by design

const stateListeners = new Set<() => void>();
const changed = () => {
  for (const fn of stateListeners) fn();
};
const onStateChange = Object.assign((fn: () => void) => stateListeners.add(fn), { remove: (fn: () => void) => stateListeners.delete(fn) });
const room = {
  roomId: state.code,
  state,
  onStateChange,
  onLeave: () => {},
  onDrop: () => {},
  onReconnect: () => {},
  leave: async () => {},
  send(type: string, payload: { injection?: Injection; seconds?: number }) {
    if (type === "pause") state.paused = true;
    else if (type === "resume") state.paused = false;
    else if (type === "start") state.phase = "news";
    else if (type === "endGame") state.phase = "over";
    else if (type === "inject" && payload.injection) queued.push(payload.injection);
    else if (type === "forceNext") emit("rejected", { type, code: "WRONG_PHASE", message: "", issues: [], reason: "notNow", params: { phase: state.phase } });
    write(
      type,
      type === "inject" && payload.injection ? { quarter: state.quarter + 1, injection: payload.injection } : { phase: state.phase, seconds: 30, added: 30 },
    );
    changed();
  },
} as unknown as Room;
const inbox = {
  last: () => ({ key: null, log, queued, serverTime: Date.now() }),
  on(type: string, fn: (message: unknown) => void) {
    const set = listeners.get(type) ?? new Set();
    listeners.set(type, set);
    set.add(fn);
    return () => set.delete(fn);
  },
} as unknown as Inbox;

const app: AppContext = {
  session: new Session(endpointFor(window.location), window.sessionStorage, window.localStorage),
  room: null,
  welcome: null,
  inbox: null,
  linkCode: null,
  watchCode: null,
  spectating: false,
  consoleCode: state.code,
  facilitator: { room, inbox, code: state.code, key: "preview-key-0123456789abcdef", fresh: params.get("key") === "1" },
};
const parent = document.getElementById("app") as HTMLElement;
const game = createGame(parent, [Console]);
game.registry.set(APP_KEY, app);
// The page's language (`?lang=zh-CN`) and its switch, as in the game: a switch relabels the console in place.
applyToDocument();
parent.after(languageControl());
onLocaleChange(() => {
  for (const scene of game.scene.getScenes(true)) if (scene instanceof Console) scene.relabel();
});
