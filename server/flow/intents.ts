import { actionValues } from "../../shared/positional.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import { nameKey } from "../../shared/schemas/names.js";
import type { RoomSettings } from "../../shared/schemas/protocol.js";
import { type ClientMessageType, type FacilitatorMessageType, type Phase, RoomSettingsSchema } from "../../shared/schemas/protocol.js";
import { economyProblem, economyTried, type TrialVerdict } from "../game/economy-trial.js";
import type { Player, Roster } from "../game/roster.js";
import { describe, type Handler, issuesOf, type Rejection, reject } from "../rooms/rejections.js";
import { configFor } from "./config.js";
import type { GamePhase, Outbound } from "./types.js";

/** What the message handlers may use of the table. */
export interface IntentRoom {
  readonly phase: GamePhase;
  /** In a class market the facilitator, not a player, holds the host's powers. */
  readonly mode: "friends" | "class";
  readonly settings: RoomSettings;
  readonly roster: Roster;
  startGame(): void;
  /** Every firm in: the quarter resolves soon, after this submission's acknowledgement (flow.ts). */
  resolveSoon(): void;
  /** The lobby's settings or seats changed. */
  lobbyChanged(): void;
  mirror(part: "roster"): void;
  /** A firm's action came in: only its `submitted` flag is mirrored. */
  mirrorSubmitted(firmId: string): void;
  /** New settings (checked): the lobby's economy follows them. */
  applySettings(settings: RoomSettings, config: EconomyConfig): void;
  /** Takes one economy trial for the message's sender (a configure with an economy not tried yet), or says when one is allowed again. */
  takeTrial(): TrialVerdict;
  /** Whether the player asked to come back from a device (an `ask` id) since the last approval. */
  askingFromDevice(playerId: string): boolean;
  /** Lets the device that asked to come back as this player in, for a while. */
  readmit(player: Player): void;
  /** Sends a message to every connected member of a firm (or all but one). */
  toFirm(firmId: string, message: Outbound, except?: Player): void;
}

/** The messages of players and hosts (the facilitator's own controls are in facilitator.ts). */
export type PlayerMessageType = Exclude<ClientMessageType, FacilitatorMessageType>;

/** The host's lobby messages, which the facilitator may send too. */
export const HOST_MESSAGE_TYPES: ReadonlySet<string> = new Set<PlayerMessageType>(["start", "addBot", "setBot", "removeBot", "configure", "letBackIn"]);

/**
 * One handler per client message, run after the message has parsed. Each returns a
 * rejection (sent to the sender alone, nothing changed) or undefined when it acted.
 */
export function intentHandlers(room: IntentRoom): { [T in PlayerMessageType]: Handler<T> } {
  const requirePhase = (phase: Phase, what: string): Rejection | undefined =>
    room.phase.name === phase ? undefined : reject("WRONG_PHASE", `you can ${what} only in the ${phase} phase (now: ${room.phase.name})`);
  const requireHost = (player: Player, what: string): Rejection | undefined =>
    player.host
      ? undefined
      : room.mode === "class"
        ? reject("NOT_FACILITATOR", `only the facilitator can ${what}`)
        : reject("NOT_HOST", `only the host can ${what}`);
  const requireHostInLobby = (player: Player, what: string): Rejection | undefined => requireHost(player, what) ?? requirePhase("lobby", what);
  return {
    submit: (player, { action, firmId, quarter }) => {
      const phase = requirePhase("decide", "submit an action");
      if (phase) return phase;
      const match = room.phase.name === "decide" ? room.phase.match : null;
      if (!player.firmId || !match?.isActive(player.firmId)) return reject("NO_FIRM", "you have no listed firm to act for");
      if (firmId !== undefined && firmId !== player.firmId) return reject("NOT_YOUR_FIRM", `you play ${player.firmId}, not ${firmId}`);
      const deciding = match.state.quarter + 1;
      if (quarter !== undefined && quarter !== deciding)
        return reject("WRONG_PHASE", `this action was for quarter ${quarter}; quarter ${deciding} is being decided`, {
          reason: "staleQuarter",
          params: { quarter, now: deciding },
        });
      const result = match.submit(player.firmId, action, player.name);
      if (!result.ok)
        return reject("ILLEGAL_ACTION", result.error.message, {
          engineCode: result.error.code,
          issues: [{ path: result.error.field ?? "", message: result.error.message }],
          // The numbers the client words the refusal with (the amount, the bound it broke).
          ...engineParams(result.error),
        });
      room.toFirm(player.firmId, { type: "accepted", payload: { quarter: match.state.quarter + 1, action: actionValues(result.value), by: player.name } });
      room.mirrorSubmitted(player.firmId);
      room.resolveSoon();
      return undefined;
    },
    draft: (player, { action }) => {
      if (room.phase.name !== "news" && room.phase.name !== "decide")
        return reject("WRONG_PHASE", `drafts are shared while deciding, not in ${room.phase.name}`);
      if (!player.firmId) return reject("NO_FIRM", "you have no firm");
      room.toFirm(player.firmId, { type: "draft", payload: { by: player.name, action } }, player);
      return undefined;
    },
    ready: (player, { ready }) => {
      const phase = requirePhase("lobby", "change readiness");
      if (phase) return phase;
      player.ready = ready;
      room.mirror("roster");
      return undefined;
    },
    chooseFirm: (player, { firmId }) => {
      const phase = requirePhase("lobby", "change firm");
      if (phase) return phase;
      const moved = room.roster.move(player, firmId);
      if (!moved.ok) return reject(moved.code, moved.message);
      room.mirror("roster");
      return undefined;
    },
    renameFirm: (player, { name }) => {
      const phase = requirePhase("lobby", "rename a firm");
      if (phase) return phase;
      const seat = player.firmId ? room.roster.seat(player.firmId) : undefined;
      if (!seat) return reject("NO_FIRM", "you have no firm");
      if (room.roster.seats.some((s) => s !== seat && nameKey(s.name) === nameKey(name))) {
        return reject("SEAT_TAKEN", `another firm is already called "${name}"`);
      }
      seat.name = name;
      room.mirror("roster");
      return undefined;
    },
    addBot: (player, { strategy }) => {
      const denied = requireHostInLobby(player, "add a bot");
      if (denied) return denied;
      if (room.roster.size >= 40) return reject("BAD_SETTINGS", "a game has at most 40 firms");
      room.roster.addSeat(strategy);
      room.lobbyChanged();
      return undefined;
    },
    setBot: (player, { firmId, strategy }) => {
      const denied = requireHostInLobby(player, "change a bot");
      if (denied) return denied;
      const seat = room.roster.seat(firmId);
      if (!seat) return reject("SEAT_TAKEN", `there is no firm ${firmId}`);
      seat.bot = strategy;
      room.lobbyChanged();
      return undefined;
    },
    removeBot: (player, { firmId }) => {
      const denied = requireHostInLobby(player, "remove a bot");
      if (denied) return denied;
      const removed = room.roster.removeSeat(firmId);
      if (!removed.ok) return reject(removed.code, removed.message);
      room.lobbyChanged();
      return undefined;
    },
    configure: (player, patch) => {
      const denied = requireHostInLobby(player, "change the settings");
      if (denied) return denied;
      const next = RoomSettingsSchema.safeParse({ ...room.settings, ...patch });
      if (!next.success) return reject("BAD_SETTINGS", describe(next.error), { issues: issuesOf(next.error) });
      const config = configFor(next.data);
      if (!config.ok) return reject("BAD_SETTINGS", config.message);
      if (!economyTried(config.value)) {
        const budget = room.takeTrial();
        if (!budget.ok)
          return reject("RATE_LIMITED", `too many new economies tried from your address: try again in ${budget.retryAfter} s`, {
            params: { retryAfter: budget.retryAfter },
          });
      }
      const broken = economyProblem(config.value);
      if (broken) return reject("BAD_SETTINGS", `economy: ${broken}`, { issues: [{ path: "economy", message: broken, problem: { problem: "invalid" } }] });
      // Check everything first, so a refused change leaves nothing half-applied.
      const problem = [room.roster.checkTeamSize(next.data.teamSize), patch.firms === undefined ? null : room.roster.checkResize(patch.firms)].find(
        (r) => r && !r.ok,
      );
      if (problem && !problem.ok) return reject(problem.code, problem.message);
      room.roster.setTeamSize(next.data.teamSize);
      if (patch.bots !== undefined) room.roster.assignBots(next.data.bots);
      if (patch.firms !== undefined) room.roster.resize(patch.firms, next.data.bots);
      room.applySettings(next.data, config.value);
      room.lobbyChanged();
      return undefined;
    },
    letBackIn: (player, { playerId }) => {
      const denied = requireHost(player, "let a player back in");
      if (denied) return denied;
      if (room.phase.name === "lobby") return reject("WRONG_PHASE", "in the lobby a player simply joins again");
      const target = room.roster.player(playerId);
      if (!target) return reject("NO_SUCH_PLAYER", `there is no player "${playerId}" in this game`);
      if (target.connected) return reject("SEAT_TAKEN", `${target.name} is connected: there is nothing to let back in`);
      // An approval lets in the device that asked, never whoever types the name next.
      if (!room.askingFromDevice(target.id))
        return reject("WRONG_PHASE", `${target.name} has not asked to come back: they join again by name, then you let them in`, {
          reason: "notAsking",
          params: { player: target.name },
        });
      room.readmit(target);
      return undefined;
    },
    start: (player) => {
      const denied = requireHostInLobby(player, "start the game");
      if (denied) return denied;
      room.startGame();
      return undefined;
    },
  };
}

/** An engine refusal's numbers as a rejection's `params` (none when it has none). */
function engineParams(error: { value?: number; limit?: number }): { params?: Record<string, number> } {
  const params: Record<string, number> = {};
  if (error.value !== undefined && Number.isFinite(error.value)) params.value = error.value;
  if (error.limit !== undefined && Number.isFinite(error.limit)) params.limit = error.limit;
  return Object.keys(params).length > 0 ? { params } : {};
}
