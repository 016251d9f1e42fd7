import { type SchemaType, schema, t } from "@colyseus/schema";

/**
 * The room's synced state: a one-way mirror of public information only (see mirror.ts). Money
 * is $M. The figures that every quarter adds or changes (reports, the market) travel as float32:
 * 7 significant digits, far below what any screen shows ($M to 0.1 under $100M, whole $M above),
 * at half the bytes of float64; the engine keeps float64. Standings, sent once, stay float64.
 * Private figures and pending actions are never stored here. The histories are flat columns of
 * primitives (shared/synced.ts), not an object per quarter: a room's memory and its work per
 * quarter then do not grow with the schema objects of every past quarter.
 */

/** A seat in the lobby, a firm in the game. */
export const FirmSlot = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    /** The bot that plays the firm when no player holds it. */
    bot: t.string().default(""),
    /** "human" | "bot" | "standIn" (players away past the grace period; their bot plays). */
    controller: t.string().default("bot"),
    /** Whether this quarter's action is in: yes or no, never what it is. */
    submitted: t.boolean().default(false),
    delisted: t.boolean().default(false),
    /** Its published reports, oldest first: REPORT_COLUMNS.length figures each, in that order; the sectors served are bits of `flags` (shared/synced.ts). */
    reports: t.array("float32"),
  },
  "FirmSlot",
);
export type FirmSlot = SchemaType<typeof FirmSlot>;

export const PlayerInfo = schema(
  {
    id: t.string().default(""),
    name: t.string().default(""),
    firmId: t.string().default(""),
    host: t.boolean().default(false),
    ready: t.boolean().default(false),
    connected: t.boolean().default(true),
    away: t.boolean().default(false),
    /** Tried to come back by name without the seat token: waits for the facilitator's (host's) "let back in". */
    asking: t.boolean().default(false),
  },
  "PlayerInfo",
);
export type PlayerInfo = SchemaType<typeof PlayerInfo>;

/** An event: its kind and its parameters as JSON (a `GameEvent`). */
export const EventItem = schema({ kind: t.string().default(""), json: t.string().default("{}") }, "EventItem");
export type EventItem = SchemaType<typeof EventItem>;

export const MarketInfo = schema(
  {
    sentiment: t.float32().default(0),
    bubbleRatio: t.float32().default(0),
    computePrice: t.float32().default(1),
    openBaseline: t.float32().default(0),
    rate: t.float32().default(0),
    regime: t.string().default(""),
    disclosure: t.boolean().default(false),
    mediaLaw: t.boolean().default(false),
    correction: t.boolean().default(false),
    corrections: t.uint8().default(0),
    /** Events drawn for the coming quarter, public before decisions. */
    news: t.array(EventItem),
    /** One point per quarter, oldest first: MARKET_COLUMNS.length figures each, in that order (shared/synced.ts). */
    points: t.array("float32"),
    /** Per point: the regulatory regime; the quarter's events as a JSON array; the firms delisted (ids joined by ","). */
    pointRegimes: t.array("string"),
    pointEvents: t.array("string"),
    pointDelisted: t.array("string"),
  },
  "MarketInfo",
);
export type MarketInfo = SchemaType<typeof MarketInfo>;

export const Settings = schema(
  {
    scenario: t.string().default("ai-2025"),
    quarters: t.uint8().default(0),
    teamSize: t.uint8().default(1),
    decisionSeconds: t.float64().default(90),
    newsSeconds: t.float64().default(4),
    reportSeconds: t.float64().default(5),
    private: t.boolean().default(true),
    bots: t.array("string"),
    /** The designer's economy override as compact JSON; "" for the scenario's own economy. */
    economy: t.string().default(""),
  },
  "Settings",
);
export type Settings = SchemaType<typeof Settings>;

export const StandingRow = schema(
  {
    rank: t.uint8().default(0),
    firmId: t.string().default(""),
    name: t.string().default(""),
    score: t.float64().default(0),
    valuation: t.float64().default(0),
    valueCreated: t.float64().default(0),
    delisted: t.boolean().default(false),
  },
  "StandingRow",
);
export type StandingRow = SchemaType<typeof StandingRow>;

export const MarketRoomState = schema(
  {
    code: t.string().default(""),
    title: t.string().default(""),
    /** lobby | news | decide | report | over */
    phase: t.string().default("lobby"),
    /** Quarters resolved so far; during news/decide the firms act for quarter + 1. */
    quarter: t.uint8().default(0),
    /** Server time (ms since epoch) at which the current phase ends; 0 when untimed. */
    deadline: t.float64().default(0),
    /** "friends" (a host player runs it) | "class" (a facilitator runs it from the console). */
    mode: t.string().default("friends"),
    /** The timer is frozen by the facilitator; `remaining` holds the milliseconds that were left. */
    paused: t.boolean().default(false),
    remaining: t.float64().default(0),
    /** What every player should know about the room now, in words (the server cannot save the game…); "" normally. */
    notice: t.string().default(""),
    /** Server time (ms since epoch) of the last quarter's resolution; 0 before the first. */
    resolvedAt: t.float64().default(0),
    settings: Settings,
    market: MarketInfo,
    firms: t.array(FirmSlot),
    players: t.array(PlayerInfo),
    standings: t.array(StandingRow),
  },
  "MarketRoomState",
);
export type MarketRoomState = SchemaType<typeof MarketRoomState>;
