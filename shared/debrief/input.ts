import type { Standing } from "../engine/score.js";

/**
 * What the debrief reads: a finished game's public record, as plain data (the synced room
 * state at game over holds all of it; client/debrief/from-state.ts copies it out). Nothing
 * private: every figure here was published to every player.
 */

/** A firm's published report for one quarter (the fields the debrief uses). $M. */
export interface DebriefRow {
  quarter: number;
  operatingProfit: number;
  fundamentals: number;
  valuation: number;
  delisted: boolean;
}

export interface DebriefFirm {
  id: string;
  name: string;
  /** The bot that played (or would have played) the seat. */
  bot: string;
  /** Played by people (a player or a team) rather than a bot. */
  human: boolean;
  /** Quarter 0 first. */
  history: DebriefRow[];
}

/** The market's public figures for one quarter. */
export interface DebriefPoint {
  quarter: number;
  sentiment: number;
  /** Σ valuation ÷ Σ fundamentals. */
  bubbleRatio: number;
  totalValuation: number;
  totalFundamentals: number;
  /** A correction is under way this quarter. */
  correction: boolean;
  /** A correction began this quarter. */
  correctionStarted: boolean;
}

export interface DebriefInput {
  /** The game's join code: seeds the simulated markets, keys their cache. */
  code: string;
  scenario: string;
  quarters: number;
  /** The designer's economy override the game was played with (as `npm run sim -- --config` takes it); absent or {}: the scenario's own. */
  economy?: Record<string, unknown>;
  /** The room's bot strategies, in seat order, cycled. */
  bots: string[];
  firms: DebriefFirm[];
  /** Quarter 0 first. */
  market: DebriefPoint[];
  standings: Standing[];
  /** The viewer's firm, if the viewer plays one. */
  mine?: string;
}
