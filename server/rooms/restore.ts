import { ServerError } from "colyseus";
import { ENGINE_VERSION } from "../../shared/engine/create.js";
import { JOIN_ERRORS } from "../../shared/schemas/protocol.js";
import { configFor } from "../flow/config.js";
import type { FlowStart } from "../flow/flow.js";
import { Match } from "../game/match.js";
import { Roster } from "../game/roster.js";
import type { GameStore, SavedGame, SavedLobby } from "../store/games.js";

/** A stored unfinished game (with its record), or a stored lobby. */
export type Kept = { game: SavedGame } | { lobby: SavedLobby };

/** What the store keeps of `code` to bring back: an unfinished game, else a lobby; CODE_UNAVAILABLE when neither. */
export function keptGame(store: GameStore | null, code: string): Kept {
  const game = store?.load(code);
  if (game?.status === "playing") return { game };
  const lobby = game ? null : (store?.loadLobby(code) ?? null);
  if (lobby) return { lobby };
  throw new ServerError(JOIN_ERRORS.CODE_UNAVAILABLE, `no unfinished game ${code} to restore`);
}

/** How the flow starts from what was kept: the game at its last resolved quarter (paused if it was), or the lobby as it was. */
export function restoredStart(code: string, kept: Kept): Exclude<FlowStart, { kind: "new" }> {
  const saved = "game" in kept ? kept.game : kept.lobby;
  const config = configFor(saved.settings);
  if (!config.ok) throw new ServerError(JOIN_ERRORS.INVALID_OPTIONS, config.message);
  const common = {
    code,
    mode: saved.mode,
    settings: saved.settings,
    config: config.value,
    keyHash: saved.keyHash,
    roster: Roster.restore(saved.settings.teamSize, saved.seats, saved.players, saved.mode === "friends"),
    log: saved.log,
  };
  if (!("game" in kept)) return { kind: "restoredLobby", ...common };
  // A record replays exactly only on the engine that wrote it: another version's rules (or a config without its keys) would give another game.
  const recorded = kept.game.record.engineVersion;
  if (recorded !== ENGINE_VERSION) {
    throw new ServerError(
      JOIN_ERRORS.CODE_UNAVAILABLE,
      `game ${code} was recorded by engine ${recorded}; this server runs engine ${ENGINE_VERSION}, which cannot replay it exactly (the record stays in the store)`,
    );
  }
  const match = Match.fromRecord(kept.game.record);
  match.injections.push(...kept.game.queued);
  return { kind: "restored", ...common, match, paused: kept.game.paused };
}
