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

/** Whether `next` differs from the metadata last set (none yet: it does). */
export function metadataChanged(old: MarketMetadata | undefined, next: MarketMetadata): boolean {
  return !old || (Object.keys(next) as (keyof MarketMetadata)[]).some((k) => old[k] !== next[k]);
}
