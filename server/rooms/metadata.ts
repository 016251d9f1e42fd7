import type { Phase } from "../../shared/schemas/protocol.js";
import type { MarketFlow } from "../flow/flow.js";

/** What the lobby list (`GET /api/rooms`) and a look-up by code show of a room, kept in its Colyseus metadata. */
export interface MarketMetadata {
  code: string;
  title: string;
  scenario: string;
  phase: Phase;
  firms: number;
  players: number;
  teamSize: number;
  /** The host's display name ("" in a class market, run by a facilitator). */
  host: string;
  quarters: number;
  /** Players who can still join: free places on every firm's team. */
  openSeats: number;
}

/** The room's metadata as the flow stands. */
export function metadataOf(code: string, flow: MarketFlow): MarketMetadata {
  return {
    code,
    title: flow.settings.name,
    scenario: flow.settings.scenario,
    phase: flow.phaseName,
    firms: flow.roster.size,
    players: flow.roster.players.length,
    teamSize: flow.settings.teamSize,
    host: flow.roster.players.find((p) => p.host)?.name ?? "",
    quarters: flow.config.quarters,
    openSeats: flow.roster.size * flow.settings.teamSize - flow.roster.players.length,
  };
}

/**
 * The metadata to set after a step, or null when `old` (the last set; none yet: set it) still
 * says what the flow does. It runs after every step, so it compares the few figures the
 * metadata derives from and builds nothing unless one changed (`openSeats` follows from the
 * firms, team size and players).
 */
export function metadataUpdate(old: MarketMetadata | undefined, code: string, flow: MarketFlow): MarketMetadata | null {
  const { settings, roster } = flow;
  const same =
    old !== undefined &&
    old.code === code &&
    old.phase === flow.phaseName &&
    old.players === roster.players.length &&
    old.firms === roster.size &&
    old.teamSize === settings.teamSize &&
    old.title === settings.name &&
    old.scenario === settings.scenario &&
    old.quarters === flow.config.quarters &&
    old.host === (roster.players.find((p) => p.host)?.name ?? "");
  return same ? null : metadataOf(code, flow);
}
