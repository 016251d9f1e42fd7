import { z } from "zod";
import { BOT_NAMES } from "../bots/index.js";
import { ECONOMY_MAX_BYTES, gameConfig, jsonBytes, overrideKeyIssues } from "../config/override.js";
import type { FirmReport, FirmState, MarketReport } from "../engine/types.js";
import type { PublicMarket } from "../engine/view.js";
import { type Action, type ActionInput, ActionInputSchema } from "./action.js";
import { type Injection, InjectionSchema } from "./injection.js";
import { nameProblem, normaliseName } from "./names.js";
import { SCENARIOS, SECTOR_IDS } from "./vocabulary.js";

/**
 * The client↔server protocol of the `market` room. Every inbound message is parsed with these
 * schemas; `npm run protocol` exports them as JSON Schema into docs/protocol/.
 */

export const ROOM_NAME = "market";

/** Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 6;
export const JoinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  // The client words a bad code itself (errors.join.badCode); this message is for developers.
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), `a join code is ${JOIN_CODE_LENGTH} letters and digits`)
  .describe(`the room id: ${JOIN_CODE_LENGTH} characters from ${JOIN_CODE_ALPHABET}`);

/**
 * A display name: NFKC-normalised (a non-breaking space is a space), runs of spaces as one,
 * trimmed, 1–24 characters; no control, invisible or filler characters, no lone combining
 * marks; emoji sequences with joiners (👩‍💻) are fine.
 */
export const DisplayNameSchema = z
  .string()
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(1, "a name needs at least 1 character")
      .max(24, "a name has at most 24 characters")
      .superRefine((name, ctx) => {
        const problem = nameProblem(name);
        if (problem) ctx.addIssue({ code: "custom", message: problem.message, params: { problem: problem.problem, char: problem.char } });
      }),
  )
  // The limits apply after normalising, so the exported input schema (a plain string) states them here.
  .describe("1–24 characters after NFKC normalisation, collapsing spaces and trimming; no control, invisible or filler characters, no lone combining marks");

export const FirmNameSchema = DisplayNameSchema;

/**
 * A room's title: a display name, or "" when the creator did not name the room; the client then
 * shows a title in the reader's language (the lobby, the room list, the console), so no
 * language is stored for a title nobody chose.
 */
export const RoomTitleSchema = z
  .literal("")
  .or(DisplayNameSchema)
  .describe('the room\'s title, 1–24 characters after NFKC normalisation; "" (the default): untitled, each reader sees a title in their own language');
export const FirmIdSchema = z.string().regex(/^f[0-9]{1,2}$/, "a firm id looks like f1…f40");
export const BotNameSchema = z.enum(BOT_NAMES);

/** The issue of an economy override over ECONOMY_MAX_BYTES (the client words it: lobby.economy.issue.tooLarge). */
export const ECONOMY_TOO_LARGE = `an economy override may take at most ${ECONOMY_MAX_BYTES / 1024} KB as compact JSON`;

/**
 * A designer's economy: a partial config (shared/schemas/config.ts) over the scenario, as
 * `npm run sim -- --config` takes it. Unknown keys and bad values are refused with the key's
 * path, and so are `quarters` (the room's own field sets the length) and the reserved names
 * `__proto__`, `constructor`, `prototype` at any depth.
 */
export const EconomyOverrideSchema = z
  .preprocess(
    (economy, ctx) => {
      // Checked on the value as sent: the record below drops a `__proto__` key without a word.
      for (const issue of overrideKeyIssues(economy))
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, params: issue.problem, input: economy });
      return economy;
    },
    z.record(z.string(), z.unknown()).refine((economy) => jsonBytes(economy) <= ECONOMY_MAX_BYTES, {
      message: ECONOMY_TOO_LARGE,
      params: { problem: "tooLarge", maxKB: ECONOMY_MAX_BYTES / 1024 },
    }),
  )
  .describe(
    `partial economy config over the scenario (the same JSON as \`npm run sim -- --config\`; unknown keys, quarters (use the room's quarters) and the names __proto__, constructor and prototype are refused, naming the key; bad values too; at most ${ECONOMY_MAX_BYTES / 1024} KB as compact JSON; {} is the scenario's own economy)`,
  );

/** The settings a host chooses for a room. Durations are seconds. */
export const RoomSettingsSchema = z
  .strictObject({
    name: RoomTitleSchema.default(""),
    scenario: z.enum(SCENARIOS).default("ai-2025"),
    quarters: z.int().min(4).max(40).optional().describe("game length; the scenario's own length when omitted"),
    firms: z.int().min(2).max(40).default(6).describe("firms in the game: players' firms, the rest played by bots"),
    teamSize: z.int().min(1).max(4).default(1).describe("players who may share one firm"),
    bots: z.array(BotNameSchema).min(1).max(40).default(["pivot", "builder", "scaler", "balanced"]).describe("strategies for bot seats, in seat order, cycled"),
    decisionSeconds: z
      .number()
      .min(0)
      .max(3600)
      .default(90)
      .describe("seconds to decide; 0: no timer, the quarter resolves once every firm has submitted (a practice game)"),
    newsSeconds: z.number().min(0).max(60).default(4).describe("pause showing the quarter's news before decisions open"),
    reportSeconds: z.number().min(0).max(60).default(5).describe("pause after a quarter's report, for the animation"),
    private: z.boolean().default(true).describe("private rooms are joined by code only; public ones are listed"),
    seed: z.string().min(1).max(64).optional().describe("the game's seed; random when omitted"),
    economy: EconomyOverrideSchema.default({}),
  })
  .superRefine((settings, ctx) => {
    // The override is checked against the scenario it overlays, key by key, as `npm run sim -- --config` checks it.
    const loaded = gameConfig(settings.scenario, settings.quarters, settings.economy);
    if (loaded.ok) return;
    for (const issue of loaded.error.issues) {
      // The room's own quarters go in on top: a bad length is the `quarters` field's issue, already reported.
      if (issue.path === "quarters" && settings.quarters !== undefined) continue;
      ctx.addIssue({ code: "custom", path: ["economy", ...issue.path.split(".").filter((k) => k !== "")], message: issue.message, params: issue.problem });
    }
  });
export type RoomSettings = z.output<typeof RoomSettingsSchema>;

/** A change to some settings: the same fields, none required, and no defaults filled in. */
export const RoomSettingsPatchSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(RoomSettingsSchema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
      // unwrap() drops the description that was set on the default; keep it for the exported schema.
      return [key, (field.description ? inner.describe(field.description) : inner).optional()];
    }),
  ),
) as unknown as z.ZodType<Partial<RoomSettings>>;
export type RoomSettingsInput = z.input<typeof RoomSettingsSchema>;

/** Options of `joinById(code, …)`; `token` reclaims a seat after a disconnection. */
export const JoinOptionsSchema = z
  .object({
    name: DisplayNameSchema,
    firmId: FirmIdSchema.optional().describe("join this firm's team (team mode)"),
    token: z.string().min(16).max(64).optional().describe("seat token from the welcome message"),
    ask: z
      .string()
      .min(16)
      .max(64)
      .optional()
      .describe(
        "a random id the device keeps while it asks to come back without its token: the facilitator's (host's) approval lets in only the device whose ask they approved",
      ),
  })
  .describe("Options of `joinById(code, options)`; unknown keys are ignored.");
export type JoinOptions = z.input<typeof JoinOptionsSchema>;

/** Options of `create("market", …)`: the host's own join options plus the room settings. */
export const CreateOptionsSchema = z
  .object({
    name: DisplayNameSchema,
    settings: RoomSettingsSchema.default(RoomSettingsSchema.parse({})).describe("the room settings; every field has a default"),
  })
  .describe('Options of `create("market", options)`: the host\'s name and the room settings; unknown keys are ignored.');
export type CreateOptions = z.input<typeof CreateOptionsSchema>;

/**
 * Options of `create("market", …)` for a class market: the creator is the facilitator, holds
 * no firm, and receives the facilitator key once (in the `console` message).
 */
export const ClassCreateOptionsSchema = z
  .object({
    facilitator: z.literal(true),
    settings: RoomSettingsSchema.default(RoomSettingsSchema.parse({})).describe("the room settings; every field has a default"),
  })
  .describe('Options of `create("market", options)` for a class market run by a facilitator; unknown keys are ignored.');
export type ClassCreateOptions = z.input<typeof ClassCreateOptionsSchema>;

/** A facilitator key: shown once at creation, then required for every facilitator action and export. */
export const FacilitatorKeySchema = z.string().min(16).max(64).describe("the facilitator key from the `console` message at creation");

/** Options of `joinById(code, …)` for the facilitator coming back (another tab, a refresh, a restart). */
export const FacilitatorJoinOptionsSchema = z
  .object({ facilitatorKey: FacilitatorKeySchema })
  .describe("Options of `joinById(code, options)` for the facilitator; unknown keys are ignored.");
export type FacilitatorJoinOptions = z.input<typeof FacilitatorJoinOptionsSchema>;

/** Options of `joinById(code, …)` for a screen that watches the market (a projector, a TV): no seat, public state only. */
export const SpectatorJoinOptionsSchema = z
  .object({ spectator: z.literal(true) })
  .describe(
    "Options of `joinById(code, options)` for a read-only screen: it holds no firm, receives the synced (public) state and no messages; unknown keys are ignored.",
  );
export type SpectatorJoinOptions = z.input<typeof SpectatorJoinOptionsSchema>;

const PlayerIdSchema = z.string().min(1).max(32).describe("a player's id (state.players[].id)");

const empty = z.strictObject({});

/** Every message a client may send, by Colyseus message type. The descriptions go into docs/protocol/client/. */
export const ClientMessageSchemas = {
  submit: z
    .strictObject({
      action: ActionInputSchema,
      firmId: FirmIdSchema.optional().describe("must be your own firm if given"),
      quarter: z
        .number()
        .int()
        .min(1)
        .max(40)
        .optional()
        .describe(
          "the quarter the action is for (the one being decided: the private view's `quarter` + 1); if given and another quarter is being decided (a late submit that crossed a resolution), refused with WRONG_PHASE, reason staleQuarter",
        ),
    })
    .describe("Decide phase: lock in this quarter's action for your firm (resubmit to change it until the quarter resolves)."),
  draft: z.strictObject({ action: ActionInputSchema }).describe("News or decide phase: share the action you are editing with your teammates (not binding)."),
  ready: z.strictObject({ ready: z.boolean() }).describe("Lobby: ready to start (shown to the others; the host starts the game)."),
  chooseFirm: z.strictObject({ firmId: FirmIdSchema }).describe("Lobby: move to another firm (an open bot seat, or a team with room)."),
  renameFirm: z.strictObject({ name: FirmNameSchema }).describe("Lobby: rename your firm."),
  addBot: z.strictObject({ strategy: BotNameSchema }).describe("Host, lobby: add a firm played by a bot."),
  setBot: z.strictObject({ firmId: FirmIdSchema, strategy: BotNameSchema }).describe("Host, lobby: change a seat's bot strategy."),
  removeBot: z.strictObject({ firmId: FirmIdSchema }).describe("Host, lobby: remove a firm that no player holds."),
  configure: RoomSettingsPatchSchema.describe("Host, lobby: change settings (any subset of the room settings)."),
  start: empty.describe("Host or facilitator, lobby: start the game; empty seats are played by their bots."),
  pause: empty.describe("Facilitator: freeze the current phase's timer (state.paused; state.remaining holds the time left)."),
  resume: empty.describe("Facilitator: restart the frozen timer with the time that was left."),
  extend: z.strictObject({ seconds: z.int().min(5).max(900) }).describe("Facilitator, news or decide: add seconds to the current phase's timer."),
  forceNext: empty.describe(
    "Facilitator: end the current phase now (news → decide; decide → resolve, firms without a submission repeat; report → next quarter).",
  ),
  inject: z
    .strictObject({ injection: InjectionSchema })
    .describe(
      "Facilitator, during a game: queue a market event (any kind from the deck, with its parameters), a regime switch or a disclosure switch for the next resolution.",
    ),
  renamePlayer: z.strictObject({ playerId: PlayerIdSchema, name: DisplayNameSchema }).describe("Facilitator: rename a player (names stay unique)."),
  removePlayer: z
    .strictObject({ playerId: PlayerIdSchema })
    .describe("Facilitator: remove a player (closed with CLOSE_CODES.REMOVED, token revoked); a firm left without players is played by its stand-in bot."),
  replaceWithBot: z
    .strictObject({ playerId: PlayerIdSchema, strategy: BotNameSchema })
    .describe("Facilitator: remove a player and, if the firm has no other member, let this bot play it from now on."),
  endGame: empty.describe("Facilitator: end the game now with the standings of the last resolved quarter."),
  letBackIn: z
    .strictObject({ playerId: PlayerIdSchema })
    .describe(
      "Facilitator, or a friends game's host: let a disconnected player who asked back in without their seat token; the next join from the device that asked (same `ask` id, within READMIT_SECONDS) takes the seat with a new token.",
    ),
} as const;
export type ClientMessageType = keyof typeof ClientMessageSchemas;
export type ClientMessage<T extends ClientMessageType> = z.input<(typeof ClientMessageSchemas)[T]>;
export const CLIENT_MESSAGE_TYPES = Object.keys(ClientMessageSchemas) as ClientMessageType[];

/** The facilitator's own controls: refused with NOT_FACILITATOR from any other connection. */
export const FACILITATOR_MESSAGE_TYPES = [
  "pause",
  "resume",
  "extend",
  "forceNext",
  "inject",
  "renamePlayer",
  "removePlayer",
  "replaceWithBot",
  "endGame",
] as const satisfies readonly ClientMessageType[];
export type FacilitatorMessageType = (typeof FACILITATOR_MESSAGE_TYPES)[number];

export const REJECTION_CODES = [
  "UNKNOWN_MESSAGE", // no such message type
  "INVALID_MESSAGE", // the payload does not match the message's schema (see issues)
  "TOO_LARGE", // the payload is larger than MAX_MESSAGE_BYTES
  "RATE_LIMITED", // more than the allowed messages per second
  "WRONG_PHASE", // not possible in the current phase
  "NOT_HOST", // host-only
  "NOT_YOUR_FIRM", // acting for a firm that is not yours
  "NO_FIRM", // you hold no firm (spectator, or your firm is delisted)
  "ILLEGAL_ACTION", // the action breaks a rule of the game (see engineCode)
  "SEAT_TAKEN", // that firm is full or not open
  "BAD_SETTINGS", // the settings cannot apply (e.g. fewer firms than players)
  "NOT_FACILITATOR", // facilitator-only
  "NO_SUCH_PLAYER", // no player with that id
  "NAME_TAKEN", // another player already has that name (renamePlayer)
  "LIMIT_REACHED", // a bounded list is full (inject: QUEUE_LIMIT injections are queued already)
  "STORE_UNAVAILABLE", // the server cannot save the game now (state.notice says why): the facilitator's and host's controls wait
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/**
 * Finer reasons for a refusal, which a client words in its reader's language (the console:
 * `console.refusal.<reason>` in the catalogs); `message` says the same in English for logs.
 */
export const REFUSAL_REASONS = [
  "notNow", // not in this phase: params.phase is the phase now
  "alreadyPaused", // pause: the timer is already paused
  "notPaused", // resume: the timer is not paused
  "noTimer", // pause/extend: params.phase has no timer
  "notStarted", // the game has not started
  "queueFull", // inject: params.limit injections already wait
  "noSuchPlayer", // no player with that id
  "nameTaken", // renamePlayer: params.name is taken
  "staleQuarter", // submit: the action was for params.quarter, but params.now is being decided
  "notAsking", // letBackIn: the player has not asked to come back (from a device) since they left
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Sent to the sender alone when a message is refused; nothing changed. */
export const RejectedMessageSchema = z
  .strictObject({
    type: z.string().describe("the refused message's type"),
    code: z.enum(REJECTION_CODES),
    message: z.string(),
    issues: z
      .array(
        z.strictObject({
          path: z.string(),
          message: z.string().describe("in English, for developers and logs"),
          problem: z
            .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
            .optional()
            .describe(
              "the problem as a code and its limits, for a client to word: { problem: tooSmall|tooBig|type|unknownKey|founderShares|tooLarge|invalid, …limits }",
            ),
        }),
      )
      .default([])
      .describe("what was wrong, field by field (dotted paths; empty when not about a field)"),
    engineCode: z.string().optional().describe("the engine's error code for ILLEGAL_ACTION (engineErrorCodes in index.json)"),
    reason: z
      .enum(REFUSAL_REASONS)
      .optional()
      .describe("why, more precisely than `code`, for a client to word (REFUSAL_REASONS; facilitator controls); `params` fills it in"),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe("the reason's parameters (e.g. `phase`, `limit`, `name`)"),
  })
  .describe("To the sender alone when a message is refused; nothing changed.");
export type RejectedMessage = z.output<typeof RejectedMessageSchema>;

/** Errors thrown when joining (the SDK rejects with this code and message). */
export const JOIN_ERRORS = {
  INVALID_OPTIONS: 4301,
  NAME_TAKEN: 4302,
  ROOM_FULL: 4303,
  GAME_STARTED: 4304,
  BAD_TOKEN: 4305,
  CODE_UNAVAILABLE: 4306,
  /** A started game's seat is held by a player of that name: only its token, or the facilitator's (host's) "let back in", reclaims it. */
  SEAT_HELD: 4307,
  /** A started game's seat of that name is in play right now, from another device or tab. */
  SEAT_IN_USE: 4308,
} as const;

/**
 * Why a matchmaking request was refused when its HTTP status alone cannot say (503 is both a
 * game whose server is down and a server shutting down): the refusal's message starts with
 * the reason and a colon, `GAME_OFFLINE: game K7MXQA is not running right now: …`; the rest
 * is English for developers and logs. The client words the reason (client/net/errors.ts).
 */
export const JOIN_REFUSAL_REASONS = ["GAME_OFFLINE"] as const;
export type JoinRefusalReason = (typeof JOIN_REFUSAL_REASONS)[number];

/** A refusal's message for `reason`, with `detail` for developers. */
export function joinRefusalMessage(reason: JoinRefusalReason, detail: string): string {
  return `${reason}: ${detail}`;
}

/** The reason at the start of a refusal's message (see JOIN_REFUSAL_REASONS), or null. */
export function joinRefusalReason(message: string | undefined): JoinRefusalReason | null {
  return JOIN_REFUSAL_REASONS.find((reason) => message?.startsWith(`${reason}: `)) ?? null;
}

/**
 * A join refused at the matchmaking request, before any seat is reserved, because too many
 * joins are pending for that game (an HTTP status: Colyseus answers matchmaking errors with
 * their code as the status, so the 43xx codes above come once the connection is made).
 */
export const JOIN_BUSY = 429;

/**
 * A request refused because its client address made too many of that kind (creating games,
 * joining, looking a game up by code, trying a facilitator key) within the server's limits
 * (docs/deploy.md, "Rate limits"). An HTTP status, like JOIN_BUSY; the message ends with
 * "try again in N s", the body has `retryAfter` (seconds) and the response a `Retry-After`
 * header. Nothing was created, joined or checked.
 */
export const ADDRESS_RATE_LIMITED = 430;

/** Create and join options nested deeper than this are refused as invalid options (CREATE_INVALID_OPTIONS). */
export const MAX_OPTIONS_DEPTH = 32;

/** Seconds a "let back in" stays valid for the asking device's next join. */
export const READMIT_SECONDS = 300;

/**
 * Creating a room is an HTTP request, and Colyseus answers a refusal with the error's code as
 * the HTTP status (a 43xx code would turn into a bare 500), so refused create options use 400.
 */
export const CREATE_INVALID_OPTIONS = 400;

/** Close codes the server uses (4000–4010 are Colyseus' own). */
export const CLOSE_CODES = { ABUSE: 4401, RECLAIMED: 4402, REMOVED: 4403, SHUTDOWN: 4404 } as const;

/** Inbound limits (the server's defaults: DEFAULT_LIMITS in server/rooms/limits.ts). */
export const MAX_MESSAGE_BYTES = 8 * 1024;
export const MESSAGES_PER_SECOND = 20;
/** This many refused messages within the window close the connection with CLOSE_CODES.ABUSE. */
export const ABUSE_REJECTIONS = 100;
export const ABUSE_WINDOW_MS = 10_000;
/** Seconds a dropped player keeps the seat before a stand-in bot plays it. */
export const GRACE_SECONDS = 120;
/** Hours a started, unfinished game may stay with no one connected before it expires (the server's default; IDLE_GAME_HOURS). */
export const IDLE_GAME_HOURS = 48;

/** The game log keeps its newest this many entries (in memory, in the store and in the `console` message). */
export const LOG_LIMIT = 500;
/** At most this many injections wait for the next resolution; more are refused with LIMIT_REACHED. */
export const QUEUE_LIMIT = 20;

/** When a log entry was written (both shapes). */
const LogEntryTime = {
  at: z.number().describe("server time, ms since epoch"),
  quarter: z.int().describe("quarters resolved when it happened"),
  phase: z.enum(["lobby", "news", "decide", "report", "over"]),
  command: z.string().describe("the message type (pause, inject, …)"),
};

/**
 * One line of the game log: a facilitator action and what it did, as a code (`command`) and
 * its parameters, which the console words in its reader's language (docs/protocol.md, "The
 * game log"). Games stored before the log spoke in codes have `effect`, English words, instead.
 */
export const LogEntrySchema = z
  .union([
    z
      .strictObject({
        ...LogEntryTime,
        params: z.record(z.string(), z.json()).describe("what it did: the command's parameters (docs/protocol.md lists them by command)"),
      })
      .describe("an entry as the server writes it"),
    z.strictObject({ ...LogEntryTime, effect: z.string().describe("what it did, in English words") }).describe("an entry of a game stored before params"),
  ])
  .describe("A facilitator action written into the game log.");
export type LogEntry = z.output<typeof LogEntrySchema>;
/** A log entry's parameters (JSON values). */
export type LogParams = Extract<LogEntry, { params: unknown }>["params"];

/** Server → client messages (beside the synced state). The descriptions go into docs/protocol/server/. */
export const ServerMessageSchemas = {
  rejected: RejectedMessageSchema,
  welcome: z
    .strictObject({
      playerId: z.string(),
      firmId: z.string().nullable(),
      host: z.boolean(),
      token: z.string().describe("keep it: `joinById(code, { name, token })` reclaims the seat (in a started game, even after the grace period)"),
      serverTime: z.number().describe("the server's clock (ms since epoch), to turn `deadline` into a countdown"),
    })
    .describe("After joining or reconnecting: who you are, and the token that reclaims your seat if you lose it."),
  accepted: z
    .strictObject({
      quarter: z.int().describe("the quarter the action is for (state.quarter + 1)"),
      action: z
        .array(z.unknown())
        .describe(
          "the action as the engine will apply it, every field filled in, as its values in the order of `columns.action` of your first `private` (also `actionColumns` in index.json): train, apps, efficiency, compliance, marketing, distill, openWeights, hardware, raise; `apps` as `[sector, amount, …]` pairs, sector an index into `columns.sector`",
        ),
      by: z.string().describe("the display name of the player who submitted"),
    })
    .describe("To every member of a firm when one of them submits: the action now locked in."),
  private: z
    .tuple([
      z.int().describe("0 · quarter: quarters resolved so far (as state.quarter)"),
      z
        .boolean()
        .describe(
          "1 · full: true: `firm` and `market` hold every field, each history the last 9 quarters, and `columns` is there (the first `private` on every connection: joining, reconnecting, a seat taken back). false: only what changed since the previous `private` on this connection: the fields of `firm` and `market` whose value changed, and in each history the quarters not sent before (often one); merge them into the last view (replace the fields, append the quarters, keep the last 9)",
        ),
      z
        .array(z.unknown())
        .describe(
          "2 · firm: your firm's engine state as pairs `[column, value, column, value, …]` (column: an index into `columns.firm`); every field when `full`, else those that changed. Among them: cash ($M; a quarter's spending must stay within cash + raise), edge (owns an edge model: distill is then refused), hardware, lockedUntil, delisted, lastAction (what the firm repeats if it does not submit: an array of the action's values in the order of `columns.action`, its `apps` as `[sector, amount, …]` pairs with sector an index into `columns.sector`)",
        ),
      z
        .array(z.array(z.unknown()))
        .describe("3 · firmHistory: your firm's new quarterly reports, oldest first, each the values in the order of `columns.firmReport`"),
      z
        .tuple([
          z.number().describe("maxRaise: the most `raise` the market takes this quarter, $M"),
          z.number().describe("edgeCost: the one-time cost of `distill`, $M"),
        ])
        .describe("4 · limits: [maxRaise, edgeCost]"),
      z
        .array(z.unknown())
        .describe(
          `5 · market: the market as everyone sees it, in the engine's form, as pairs \`[column, value, …]\` (column: an index into \`columns.market\`); every field when \`full\`, else those that changed. Per-sector arrays (sectorTam $M per quarter, sectorTrust 0..1, sectorRegulated) are in the order ${SECTOR_IDS.join(", ")}`,
        ),
      z
        .array(z.array(z.unknown()))
        .describe("6 · marketHistory: the market's new quarterly reports, oldest first, each the values in the order of `columns.marketReport`"),
      z.array(z.unknown()).nullable().describe("7 · pending: the action your firm has submitted this quarter, if any (positional, as `lastAction`)"),
      z.string().nullable().describe("8 · submittedBy: who submitted it"),
      z
        .strictObject({
          firm: z.array(z.string()).describe("the fields of your firm (FirmState in shared/engine/types.ts, but `history`)"),
          firmReport: z.array(z.string()).describe("the fields of a firm's quarterly report (FirmReport)"),
          market: z.array(z.string()).describe("the fields of the public market (PublicMarket in shared/engine/view.ts, but `history`)"),
          marketReport: z.array(z.string()).describe("the fields of a market report (MarketReport)"),
          action: z.array(z.string()).describe("the fields of an action, in the order of a positional action (`lastAction`, `pending`, `accepted`)"),
          sector: z.array(z.string()).describe("the sectors, in the order of the sector indices in an action's `apps` pairs"),
        })
        .optional()
        .describe("9 · columns: only when `full`: the field names, in the order the positional arrays use them; they stay the same for the connection"),
    ])
    .describe(
      "Your firm in full, to its members only: whole when the game starts and on joining or reconnecting to a started game, then after every quarter only what changed (see `full`). Positional, a list of 9 or 10 items (numbered in the descriptions): field names travel once, in `columns`.",
    ),
  draft: z
    .strictObject({ by: z.string(), action: ActionInputSchema.describe("as parsed: omitted numbers filled in with 0") })
    .describe("A teammate's draft, live."),
  console: z
    .strictObject({
      key: FacilitatorKeySchema.nullable().describe("the facilitator key: only in the first `console` message after creating the room, null afterwards"),
      log: z.array(LogEntrySchema).describe(`the facilitator's actions so far, oldest first (the newest ${LOG_LIMIT} at most)`),
      queued: z.array(InjectionSchema).describe("injections waiting for the next resolution"),
      serverTime: z.number().describe("the server's clock (ms since epoch) when sent, to turn `deadline` into a countdown"),
    })
    .describe("To the facilitator only, on joining: the whole console. Changes then come as `consoleUpdate`."),
  consoleUpdate: z
    .strictObject({
      entries: z.array(LogEntrySchema).describe("log entries written since the last `console` or `consoleUpdate`, oldest first: append them"),
      queued: z.array(InjectionSchema).describe("injections waiting for the next resolution, as they are now (replaces the list)"),
      serverTime: z.number().describe("the server's clock (ms since epoch) when sent"),
    })
    .describe(`To the facilitator only, whenever the log or the queued injections change: what changed. Keep the newest ${LOG_LIMIT} entries.`),
} as const;

/** Quarters of history in a firm's private view: the engine looks back at most 8 (lagQuarters' maximum). */
export const PRIVATE_HISTORY = 9;

/** A firm's private view, whole: what a member holds once `private` messages are merged (shared/private.ts). */
export interface PrivateView {
  /** Quarters resolved when it was sent (as state.quarter). */
  quarter: number;
  /** The firm in full; `history` holds its last PRIVATE_HISTORY quarters. */
  firm: FirmState;
  limits: { maxRaise: number; edgeCost: number };
  /** The market as everyone sees it, in the engine's form (for the client's preview); last PRIVATE_HISTORY quarters of history. */
  market: PublicMarket;
  pending: Action | null;
  submittedBy: string | null;
}

/** Every key of T but those listed in `Skip`, exactly once each: a column list that misses a field does not compile. */
type Columns<T, Skip extends keyof T = never> = readonly Exclude<keyof T, Skip>[];
const columns =
  <T, Skip extends keyof T = never>() =>
  <const C extends Columns<T, Skip>>(list: C & ([Exclude<keyof T, Skip | C[number]>] extends [never] ? unknown : never)) =>
    list;

/**
 * The order of the fields in `private`'s positional encoding (a report is an array of values in
 * its column order; a firm's or the market's figures are `[column index, value, …]` pairs).
 * The whole message (`full`) carries these lists, so a client reads them from there.
 */
export const PRIVATE_COLUMNS = {
  firm: columns<FirmState, "history">()([
    "id",
    "name",
    "cash",
    "shares",
    "founderShares",
    "capability",
    "capabilityInTraining",
    "compute",
    "trainingSpendTotal",
    "openWeights",
    "ecosystem",
    "efficiencySpendTotal",
    "efficiency",
    "edge",
    "hardware",
    "lockedUntil",
    "lockedPrice",
    "integration",
    "customers",
    "productFit",
    "complianceStock",
    "incidents",
    "dataMoat",
    "hype",
    "trainingCredit",
    "appsBook",
    "valueCreated",
    "delisted",
    "lastAction",
  ]),
  firmReport: columns<FirmReport>()([
    "quarter",
    "revenue",
    "apiRevenue",
    "sectorRevenue",
    "servingCost",
    "opex",
    "licenceFees",
    "rampCost",
    "spanSectors",
    "spanFactor",
    "fines",
    "operatingProfit",
    "raised",
    "emergencyRaised",
    "spent",
    "trainingSpend",
    "cash",
    "capability",
    "capabilityInTraining",
    "lead",
    "sectorsServed",
    "customers",
    "incidents",
    "openWeights",
    "fundamentals",
    "narrative",
    "valuation",
    "sharePrice",
    "shares",
    "founderStake",
    "delisted",
  ]),
  market: columns<PublicMarket, "history">()([
    "computePrice",
    "vendorShock",
    "openBaseline",
    "outsideOpenBaseline",
    "alpha",
    "rate",
    "regime",
    "disclosure",
    "mediaLaw",
    "sentiment",
    "sentimentPeak",
    "apiPool",
    "sectorTam",
    "sectorTrust",
    "sectorRegulated",
    "correction",
    "news",
  ]),
  /** An action in `firm`'s `lastAction`, as an array of values in this order (`apps` as `[sector, amount, …]` pairs). */
  action: columns<Action>()(["train", "apps", "efficiency", "compliance", "marketing", "distill", "openWeights", "hardware", "raise"]),
  /** The sectors of an action's `apps` pairs (SECTOR_IDS). */
  sector: SECTOR_IDS,
  marketReport: columns<MarketReport>()([
    "quarter",
    "sentiment",
    "bubbleRatio",
    "totalValuation",
    "totalFundamentals",
    "totalRaised",
    "totalTraining",
    "totalHype",
    "bestClosedCapability",
    "computePrice",
    "openBaseline",
    "apiPool",
    "rate",
    "regime",
    "disclosure",
    "correction",
    "correctionStarted",
    "hazard",
    "events",
    "incidents",
    "delisted",
  ]),
} as const;
export type PrivateColumns = { [K in keyof typeof PRIVATE_COLUMNS]: readonly string[] };

/**
 * `private` on the wire: whole (`full`) as the first on a connection, then only what changed
 * since the previous one on that connection, positionally (PRIVATE_COLUMNS): `firm` and
 * `market` are `[column, value, …]` pairs of the fields whose value changed (every field when
 * whole), and `firmHistory` / `marketHistory` the reports not sent before, each an array of
 * values in column order; the message itself is a list (keys would be most of the bytes).
 * `privateFields` (shared/private.ts) reads it into `PrivateFields`.
 */
export type PrivateMessage = [
  quarter: number,
  full: boolean,
  firm: unknown[],
  firmHistory: unknown[][],
  limits: [maxRaise: number, edgeCost: number],
  market: unknown[],
  marketHistory: unknown[][],
  pending: unknown[] | null,
  submittedBy: string | null,
  columns?: PrivateColumns,
];

/** A `private` message's items by name (`pending` keyed again). */
export interface PrivateFields {
  quarter: number;
  full: boolean;
  /** Only when `full`. */
  columns?: PrivateColumns;
  firm: unknown[];
  firmHistory: unknown[][];
  limits: PrivateView["limits"];
  market: unknown[];
  marketHistory: unknown[][];
  pending: Action | null;
  submittedBy: string | null;
}

/** The server → client messages as TypeScript types (the schemas above describe them for other languages). */
export interface ServerMessages {
  rejected: RejectedMessage;
  welcome: z.output<typeof ServerMessageSchemas.welcome>;
  private: PrivateMessage;
  /** `action` positional (shared/positional.ts `actionOf` reads it). */
  accepted: { quarter: number; action: unknown[]; by: string };
  draft: { by: string; action: ActionInput };
  console: { key: string | null; log: LogEntry[]; queued: Injection[]; serverTime: number };
  consoleUpdate: { entries: LogEntry[]; queued: Injection[]; serverTime: number };
}

/** The console after a `consoleUpdate`: its entries appended (the newest LOG_LIMIT kept), the queue replaced, the key shown once only. */
export function applyConsoleUpdate(console: ServerMessages["console"], update: ServerMessages["consoleUpdate"]): ServerMessages["console"] {
  const log = update.entries.length > 0 ? [...console.log, ...update.entries].slice(-LOG_LIMIT) : console.log;
  return { key: null, log, queued: update.queued, serverTime: update.serverTime };
}
export type ServerMessageType = keyof ServerMessages;

/** Room phases, in order; `lobby` once, `news → decide → report` each quarter, then `over`. */
export const PHASES = ["lobby", "news", "decide", "report", "over"] as const;
export type Phase = (typeof PHASES)[number];
