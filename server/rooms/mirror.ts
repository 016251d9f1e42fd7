import type { ArraySchema } from "@colyseus/schema";
import type { Standing } from "../../shared/engine/score.js";
import type { FirmReport, GameState, MarketReport } from "../../shared/engine/types.js";
import type { GameEvent } from "../../shared/schemas/injection.js";
import type { RoomSettings } from "../../shared/schemas/protocol.js";
import { eventsText, joinIds, MARKET_COLUMNS, marketFigures, REPORT_COLUMNS, reportFigures } from "../../shared/synced.js";
import type { Match } from "../game/match.js";
import type { Roster } from "../game/roster.js";
import "./array-staging.js"; // appended history columns are not copied after every patch
import { EventItem, FirmSlot, type MarketRoomState, PlayerInfo, StandingRow } from "./state.js";

/**
 * One-way mirror from the plain state (roster, settings, the engine's GameState) into the
 * synced schema. Only public fields are copied; nothing here computes game rules.
 */

type Plain<T> = { [K in keyof T]?: T[K] extends string | number | boolean ? T[K] : never };

/** Sets only the fields whose value changed, so patches carry only real changes (no array of entries made: it runs on every submission). */
function assign<T extends object>(target: T, values: Plain<T>): void {
  const t = target as Record<string, unknown>;
  const v = values as Record<string, unknown>;
  for (const key in v) if (t[key] !== v[key]) t[key] = v[key];
}

function syncStrings(target: ArraySchema<string>, values: readonly string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.splice(0, target.length, ...values);
}

function syncList<S, V>(target: ArraySchema<S>, values: readonly V[], make: () => S, fill: (item: S, value: V) => void): void {
  while (target.length > values.length) target.pop();
  values.forEach((value, i) => {
    let item = target[i];
    if (item === undefined) {
      item = make();
      fill(item, value);
      target.push(item);
    } else fill(item, value);
  });
}

/** A history row as synced: its figures, and one string for each of the history's string lists. */
interface SyncedRow {
  figures: number[];
  texts: string[];
}

/**
 * For histories (shared/synced.ts): a published quarter never changes, so only the quarters not
 * mirrored yet are appended, `width` figures and one string per quarter to each string list
 * (the cost per quarter stays flat however long the game). A shorter history starts over.
 * Loops, not array callbacks, and `write` made once per module: it runs for every firm of every
 * room each quarter, and each closure or row made here is young garbage.
 */
function appendColumns<V>(
  figures: ArraySchema<number>,
  width: number,
  texts: readonly ArraySchema<string>[],
  values: readonly V[],
  write: (value: V) => SyncedRow,
): void {
  let have = Math.floor(figures.length / width);
  let aligned = true;
  for (const list of texts) have = Math.min(have, list.length);
  for (const list of texts) if (list.length !== have) aligned = false;
  if (have > values.length || figures.length !== have * width || !aligned) {
    figures.splice(0, figures.length);
    for (const list of texts) list.splice(0, list.length);
    have = 0;
  }
  for (let i = have; i < values.length; i++) {
    const row = write(values[i] as V);
    figures.push(...row.figures);
    for (let k = 0; k < texts.length; k++) texts[k]?.push(row.texts[k] as string);
  }
}

/** A firm's published report as synced (`reportFigures` reads only what `publicReport` publishes). */
const reportRow = (report: FirmReport): SyncedRow => ({ figures: reportFigures(report), texts: [] });

/** A market report as synced. */
const marketRow = (r: MarketReport): SyncedRow => ({ figures: marketFigures(r), texts: [r.regime, eventsText(r.events), joinIds(r.delisted)] });

const fillEvent = (item: EventItem, event: GameEvent) => assign(item, { kind: event.kind, json: JSON.stringify(event) });

/** The override as synced: compact JSON, or "" for none (games stored before overrides have none). */
function economyText(economy: RoomSettings["economy"] | undefined): string {
  return economy && Object.keys(economy).length > 0 ? JSON.stringify(economy) : "";
}

export function mirrorSettings(state: MarketRoomState, settings: RoomSettings, quarters: number): void {
  assign(state, { title: settings.name });
  assign(state.settings, {
    scenario: settings.scenario,
    quarters,
    teamSize: settings.teamSize,
    decisionSeconds: settings.decisionSeconds,
    newsSeconds: settings.newsSeconds,
    reportSeconds: settings.reportSeconds,
    private: settings.private,
    economy: economyText(settings.economy),
  });
  syncStrings(state.settings.bots, settings.bots);
}

/** `asking`: players waiting to be let back in without their token (by id). */
export function mirrorRoster(state: MarketRoomState, roster: Roster, match: Match | null, asking: ReadonlyMap<string, unknown> = new Map()): void {
  syncList(
    state.players,
    roster.players,
    () => new PlayerInfo(),
    (item, p) =>
      assign(item, {
        id: p.id,
        name: p.name,
        firmId: p.firmId ?? "",
        host: p.host,
        ready: p.ready,
        connected: p.connected,
        away: p.away,
        asking: !p.connected && asking.has(p.id),
      }),
  );
  syncList(
    state.firms,
    roster.seats,
    () => new FirmSlot(),
    (item, seat) => {
      const firm = match ? firmById(match.state, seat.firmId) : undefined;
      assign(item, {
        id: seat.firmId,
        name: firm?.name ?? seat.name,
        bot: seat.bot,
        controller: roster.controller(seat.firmId),
        submitted: match ? match.pending.has(seat.firmId) : false,
        delisted: firm?.delisted ?? false,
      });
    },
  );
}

/** One firm's `submitted` flag (a submission changes nothing else the roster mirror shows). */
export function mirrorSubmitted(state: MarketRoomState, firmId: string, submitted: boolean): void {
  for (const slot of state.firms) if (slot.id === firmId && slot.submitted !== submitted) slot.submitted = submitted;
}

/** Copies the engine's public figures: market, each firm's published history. */
export function mirrorGame(state: MarketRoomState, game: GameState): void {
  const m = game.market;
  const last = m.history[m.history.length - 1];
  assign(state, { quarter: game.quarter });
  assign(state.market, {
    sentiment: m.sentiment,
    bubbleRatio: last?.bubbleRatio ?? 0,
    computePrice: m.computePrice,
    openBaseline: m.openBaseline,
    rate: m.rate,
    regime: m.regime,
    disclosure: m.disclosure,
    mediaLaw: m.mediaLaw,
    correction: m.correction.quartersLeft > 0,
    corrections: m.correction.count,
  });
  syncList(state.market.news, m.news, () => new EventItem(), fillEvent);
  const market = state.market;
  appendColumns(market.points, MARKET_COLUMNS.length, [market.pointRegimes, market.pointEvents, market.pointDelisted], m.history, marketRow);
  for (const slot of state.firms) {
    const firm = firmById(game, slot.id);
    if (firm) appendColumns(slot.reports, REPORT_COLUMNS.length, [], firm.history, reportRow);
  }
}

/** The engine's firm of that id (a loop: no closure per call). */
function firmById(game: GameState, id: string): GameState["firms"][number] | undefined {
  for (const firm of game.firms) if (firm.id === id) return firm;
  return undefined;
}

export function mirrorStandings(state: MarketRoomState, standings: readonly Standing[]): void {
  syncList(
    state.standings,
    standings,
    () => new StandingRow(),
    (row, s) =>
      assign(row, { rank: s.rank, firmId: s.firmId, name: s.name, score: s.score, valuation: s.valuation, valueCreated: s.valueCreated, delisted: s.delisted }),
  );
}
