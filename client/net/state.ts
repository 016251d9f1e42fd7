/**
 * The synced room state as the client reads it (decoded by the SDK). It mirrors
 * server/rooms/state.ts field for field; docs/protocol.md describes it. The client never
 * imports server code, so the shape is declared here.
 */
import type { Standing } from "../../shared/engine/score.js";

export interface List<T> extends Iterable<T> {
  readonly length: number;
  readonly [index: number]: T | undefined;
  at(index: number): T | undefined;
  map<U>(fn: (item: T, index: number) => U): U[];
  filter(fn: (item: T, index: number) => boolean): T[];
  find(fn: (item: T, index: number) => boolean): T | undefined;
  forEach(fn: (item: T, index: number) => void): void;
  some(fn: (item: T, index: number) => boolean): boolean;
}

/** A published report, a quarter of the market: read from the synced columns by `reportRows` / `marketPoints` (shared/synced.ts). */
export type { MarketPoint as MarketPointShape, ReportRow as ReportRowShape } from "../../shared/synced.js";

export interface FirmSlotShape {
  id: string;
  name: string;
  bot: string;
  controller: "human" | "bot" | "standIn";
  submitted: boolean;
  delisted: boolean;
  /** Its published reports, column-wise (the sectors served are bits of each report's flags): read them with `reportRows(firm)` (shared/synced.ts). */
  reports: List<number>;
}

export interface PlayerInfoShape {
  id: string;
  name: string;
  firmId: string;
  host: boolean;
  ready: boolean;
  connected: boolean;
  away: boolean;
  /** Tried to come back by name without the seat token: waits to be let back in. */
  asking: boolean;
}

export interface EventItemShape {
  kind: string;
  json: string;
}

export interface MarketInfoShape {
  sentiment: number;
  bubbleRatio: number;
  computePrice: number;
  openBaseline: number;
  rate: number;
  regime: string;
  disclosure: boolean;
  mediaLaw: boolean;
  correction: boolean;
  corrections: number;
  news: List<EventItemShape>;
  /** The market's history, column-wise: read it with `marketPoints(market)` (shared/synced.ts). */
  points: List<number>;
  pointRegimes: List<string>;
  pointEvents: List<string>;
  pointDelisted: List<string>;
}

export interface SettingsShape {
  scenario: string;
  quarters: number;
  teamSize: number;
  decisionSeconds: number;
  newsSeconds: number;
  reportSeconds: number;
  private: boolean;
  bots: List<string>;
  /** The designer's economy override as compact JSON; "" for the scenario's own economy. */
  economy: string;
}

/** A row of the final standings: the engine's `Standing`, as synced. */
export type StandingRowShape = Standing;

export interface MarketRoomStateShape {
  code: string;
  title: string;
  phase: "lobby" | "news" | "decide" | "report" | "over";
  quarter: number;
  deadline: number;
  /** "friends" (a host player runs it) | "class" (a facilitator runs it from the console). */
  mode: "friends" | "class";
  paused: boolean;
  /** Milliseconds that were left when the timer was paused. */
  remaining: number;
  resolvedAt: number;
  settings: SettingsShape;
  market: MarketInfoShape;
  firms: List<FirmSlotShape>;
  players: List<PlayerInfoShape>;
  standings: List<StandingRowShape>;
}

/** How long each timed phase lasts, from the room's settings. */
export function phaseSeconds(state: MarketRoomStateShape): number {
  const s = state.settings;
  if (state.phase === "news") return s.newsSeconds;
  if (state.phase === "decide") return s.decisionSeconds;
  if (state.phase === "report") return s.reportSeconds;
  return 0;
}
