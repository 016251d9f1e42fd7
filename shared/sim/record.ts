import { type BotName, botAction } from "../bots/index.js";
import { createGame } from "../engine/create.js";
import { resolveQuarter } from "../engine/resolve.js";
import type { GameState, QuarterReport } from "../engine/types.js";
import { checkAction, fitAction } from "../engine/validate.js";
import { viewFor } from "../engine/view.js";
import type { Action } from "../schemas/action.js";
import { botRng, type GameRecord } from "./play.js";

/** A game record with the reports it produced, so a replay can be verified. */
export interface StoredGame extends GameRecord {
  reports: QuarterReport[];
}

export function storedGame(record: GameRecord, reports: readonly QuarterReport[]): StoredGame {
  return { ...record, reports: [...reports] };
}

/** Re-runs a record's actions and injections from its config and seed. */
export function replay(record: GameRecord): { states: GameState[]; reports: QuarterReport[] } {
  let state = createGame(record.config, record.seed, record.firms);
  const states = [state];
  const reports: QuarterReport[] = [];
  for (const quarter of record.quarters) {
    const { state: next, report } = resolveQuarter(state, quarter.actions, quarter.injections);
    states.push(next);
    reports.push(report);
    state = next;
  }
  return { states, reports };
}

/** The first path at which two JSON-like values differ, with both values; null if equal. */
export function firstDifference(expected: unknown, actual: unknown, path = ""): { path: string; expected: unknown; actual: unknown } | null {
  if (Object.is(expected, actual)) return null;
  if (typeof expected !== "object" || typeof actual !== "object" || expected === null || actual === null || Array.isArray(expected) !== Array.isArray(actual)) {
    return { path, expected, actual };
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const sub = Array.isArray(expected) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const diff = firstDifference((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], sub);
    if (diff) return diff;
  }
  return null;
}

export interface ReplayCheck {
  ok: boolean;
  quarters: number;
  /** The first quarter whose report differs, and where. */
  difference?: { quarter: number; path: string; expected: unknown; actual: unknown };
}

/** Verifies that a stored game replays to exactly the reports it recorded. */
export function verifyReplay(stored: StoredGame): ReplayCheck {
  let state = createGame(stored.config, stored.seed, stored.firms);
  const count = Math.max(stored.quarters.length, stored.reports.length);
  for (let q = 0; q < count; q++) {
    const quarter = stored.quarters[q];
    if (!quarter) return { ok: false, quarters: count, difference: { quarter: q + 1, path: "quarters", expected: "a recorded quarter", actual: "none" } };
    for (const [firmId, action] of Object.entries(quarter.actions)) {
      const firm = state.firms.find((f) => f.id === firmId);
      const problem = firm ? checkAction(state, firm, action) : { code: "UNKNOWN_FIRM", message: `no firm ${firmId}` };
      if (problem)
        return {
          ok: false,
          quarters: count,
          difference: { quarter: q + 1, path: `actions.${firmId}`, expected: "a legal action", actual: `${problem.code}: ${problem.message}` },
        };
    }
    const { state: next, report } = resolveQuarter(state, quarter.actions, quarter.injections);
    const diff = firstDifference(stored.reports[q], report);
    if (diff) return { ok: false, quarters: count, difference: { quarter: q + 1, ...diff } };
    state = next;
  }
  return { ok: true, quarters: count };
}

/**
 * Re-runs a record with one seat played by a bot from quarter `from` on ("what if my team
 * had played pivot?"). Other seats repeat their recorded actions, fitted to their budget
 * where the new course of the game makes them unaffordable.
 */
export function replayWithSwap(record: GameRecord, firmId: string, bot: BotName, from = 1): { states: GameState[]; reports: QuarterReport[]; fitted: number } {
  if (!record.firms.some((f) => f.id === firmId)) throw new Error(`no firm "${firmId}" in the record (firms: ${record.firms.map((f) => f.id).join(", ")})`);
  let state = createGame(record.config, record.seed, record.firms);
  const states = [state];
  const reports: QuarterReport[] = [];
  const rng = botRng(`${record.seed}/swap`, firmId);
  let fitted = 0;
  record.quarters.forEach((quarter, index) => {
    const q = index + 1;
    const actions: Record<string, Action> = {};
    for (const firm of state.firms) {
      if (firm.delisted) continue;
      const recorded = quarter.actions[firm.id];
      if (firm.id === firmId && q >= from) {
        actions[firm.id] = botAction(bot, viewFor(state, { kind: "firm", firmId }), rng);
      } else if (recorded) {
        const legal = checkAction(state, firm, recorded) === null;
        if (!legal) fitted++;
        actions[firm.id] = legal ? recorded : fitAction(state, firm, recorded);
      }
    }
    const { state: next, report } = resolveQuarter(state, actions, quarter.injections);
    states.push(next);
    reports.push(report);
    state = next;
  });
  return { states, reports, fitted };
}
