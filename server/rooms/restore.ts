import { ServerError } from "colyseus";
import { ENGINE_VERSION } from "../../shared/engine/create.js";
import { type EconomyConfig, EconomyConfigSchema } from "../../shared/schemas/config.js";
import { JOIN_ERRORS, type RoomSettings } from "../../shared/schemas/protocol.js";
import { configFor } from "../flow/config.js";
import type { FlowStart } from "../flow/flow.js";
import { Match, UnresolvableQuarter } from "../game/match.js";
import { Roster } from "../game/roster.js";
import { log } from "../log.js";
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

/**
 * The economy a kept game or lobby comes back with. Its settings' override is checked against
 * today's config schema; one stored before a range existed (or with a value a range now refuses)
 * is not a reason to lose the game: a started game plays on with its record's config (the economy
 * it has been playing), and a lobby comes back with its scenario's own economy, with a warning.
 */
function restoredEconomy(code: string, kept: Kept): { settings: RoomSettings; config: EconomyConfig } {
  const saved = "game" in kept ? kept.game : kept.lobby;
  const config = configFor(saved.settings);
  if (config.ok) return { settings: saved.settings, config: config.value };
  if ("game" in kept) return { settings: saved.settings, config: kept.game.record.config };
  const plain = configFor({ ...saved.settings, economy: {} });
  if (!plain.ok) throw new ServerError(JOIN_ERRORS.INVALID_OPTIONS, plain.message);
  log.warn("lobby restored without its economy override: today's config schema refuses it", { roomId: code, code, detail: config.message });
  return { settings: { ...saved.settings, economy: {} }, config: plain.value };
}

/** How the flow starts from what was kept: the game at its last resolved quarter (paused if it was), or the lobby as it was. */
export function restoredStart(code: string, kept: Kept, store: GameStore | null = null): Exclude<FlowStart, { kind: "new" }> {
  const saved = "game" in kept ? kept.game : kept.lobby;
  const { settings, config } = restoredEconomy(code, kept);
  const common = {
    code,
    mode: saved.mode,
    settings,
    config,
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
  // A figure that is no number (NaN is null in JSON) in the economy itself: no quarter of it is sound.
  const typeIssue = EconomyConfigSchema.safeParse(kept.game.record.config).error?.issues.find((i) => i.code === "invalid_type");
  if (typeIssue) {
    throw new ServerError(
      JOIN_ERRORS.CODE_UNAVAILABLE,
      `game ${code} cannot be restored: its stored economy's ${typeIssue.path.join(".")} is not a number; the record stays in the store`,
    );
  }
  let restored: ReturnType<typeof Match.fromRecord>;
  try {
    restored = Match.fromRecord(kept.game.record);
  } catch (error) {
    if (!(error instanceof UnresolvableQuarter)) throw error;
    throw new ServerError(
      JOIN_ERRORS.CODE_UNAVAILABLE,
      `game ${code} cannot be restored: its stored economy does not start (${error.detail}); the record stays in the store`,
    );
  }
  const { match, lost } = restored;
  if (lost) {
    // Back at its last sound quarter: the quarter that cannot be replayed (and any after it) is played again.
    store?.truncate(code, match.state.quarter);
    log.warn("game restored at its last sound quarter: its record cannot be replayed past it", {
      roomId: code,
      code,
      quarter: match.state.quarter,
      recorded: kept.game.record.quarters.length,
      detail: lost.detail,
    });
    return { kind: "restored", ...common, match, paused: kept.game.paused };
  }
  match.injections.push(...kept.game.queued);
  return { kind: "restored", ...common, match, paused: kept.game.paused };
}
