import type { Key } from "../../shared/i18n/catalog.js";
import {
  ADDRESS_RATE_LIMITED,
  CLOSE_CODES,
  CREATE_INVALID_OPTIONS,
  JOIN_BUSY,
  JOIN_ERRORS,
  joinRefusalReason,
  type RejectedMessage,
} from "../../shared/schemas/protocol.js";
import { t } from "../i18n.js";

/** Colyseus' own matchmaking codes that players can meet. */
const ROOM_NOT_FOUND = [4212, 522, 404];
/** A game whose server is down or restarting, or a server shutting down (see docs/deploy.md). */
const SERVICE_UNAVAILABLE = 503;
/** Codes a failed `fetch` carries when the server cannot be reached at all (the SDK passes the cause's code). */
const UNREACHABLE = ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"];

/** The catalog keys of refused joins and creates (none takes parameters). */
export type JoinErrorKey = Extract<Key, `errors.join.${string}`>;
/** The catalog keys of names that cannot be used. */
export type NameIssueKey = Extract<Key, `errors.name.${string}`>;

/**
 * The catalog key for a refused join or create, from the server's code (and, for a 503, the
 * reason at the start of its message: JOIN_REFUSAL_REASONS). The server's message itself is English
 * for developers and is never shown.
 */
export function joinErrorKey(error: unknown): JoinErrorKey {
  const { code, message, name } = (error ?? {}) as { code?: number | string; message?: string; name?: string };
  switch (code) {
    case JOIN_ERRORS.NAME_TAKEN:
      return "errors.join.nameTaken";
    case JOIN_ERRORS.ROOM_FULL:
      return "errors.join.roomFull";
    case JOIN_ERRORS.GAME_STARTED:
      return "errors.join.gameStarted";
    case JOIN_ERRORS.BAD_TOKEN:
      return "errors.join.badToken";
    case JOIN_ERRORS.SEAT_HELD:
      return "errors.join.seatHeld";
    case JOIN_ERRORS.SEAT_IN_USE:
      return "errors.join.seatInUse";
    case JOIN_ERRORS.CODE_UNAVAILABLE:
      return "errors.join.codeUnavailable";
    case JOIN_ERRORS.INVALID_OPTIONS:
      return "errors.join.invalidOptions";
    case CREATE_INVALID_OPTIONS:
      return "errors.join.invalidSettings";
    case JOIN_BUSY:
      return "errors.join.busy";
    case ADDRESS_RATE_LIMITED:
      return "errors.join.rateLimited";
    case SERVICE_UNAVAILABLE:
      return joinRefusalReason(message) === "GAME_OFFLINE" ? "errors.join.gameOffline" : "errors.join.restarting";
    default:
      if (typeof code === "number" && ROOM_NOT_FOUND.includes(code)) return "errors.join.notFound";
      // A request that never reached the server: the SDK's error without a status (a browser's
      // failed fetch), a TypeError from fetch itself, or Node's socket error code.
      if (name === "TypeError" || (name === "MatchMakeError" && code === undefined) || (typeof code === "string" && UNREACHABLE.includes(code)))
        return "errors.join.unreachable";
      return "errors.join.failed";
  }
}

/** A join failure in words a player understands, in the page's language. */
export function joinErrorText(error: unknown): string {
  return t(joinErrorKey(error));
}

/** The catalog key for a `DisplayNameSchema` issue (zod: too_small, too_big, or custom with `params.problem`). */
export function nameIssueKey(issue: { code?: string; params?: Record<string, unknown> } | undefined): NameIssueKey {
  switch (issue?.code) {
    case "too_small":
      return "errors.name.empty";
    case "too_big":
      return "errors.name.tooLong";
    case "custom":
      if (issue.params?.problem === "invisible") return "errors.name.invisible";
      if (issue.params?.problem === "loneMark") return "errors.name.loneMark";
      return "errors.name.invalid";
    default:
      return "errors.name.invalid";
  }
}

/** Why a name cannot be used, in the page's language, from the first issue of `DisplayNameSchema.safeParse`. */
export function nameIssueText(issue: { code?: string; maximum?: unknown; params?: Record<string, unknown> } | undefined): string {
  const key = nameIssueKey(issue);
  const char = String(issue?.params?.char ?? "");
  switch (key) {
    case "errors.name.tooLong":
      return t(key, { max: Number(issue?.maximum ?? 24) });
    case "errors.name.invisible":
    case "errors.name.loneMark":
      return t(key, { char });
    default:
      return t(key);
  }
}

/** Why the server closed the connection, from its close code (the close reason is English for developers). */
export function closeText(code: number): string {
  switch (code) {
    case CLOSE_CODES.RECLAIMED:
      return t("errors.banner.reclaimed");
    case CLOSE_CODES.REMOVED:
      return t("errors.banner.removed");
    case CLOSE_CODES.ABUSE:
      return t("errors.banner.abuse");
    default:
      return t("errors.banner.lost");
  }
}

/** A refused room message (configure, start, addBot…) in words, from its code alone (the server's message is for developers); an ILLEGAL_ACTION is worded from its engine code by ui/action-error.ts. */
export function rejectionCodeText(rejected: Pick<RejectedMessage, "code">): string {
  switch (rejected.code) {
    case "INVALID_MESSAGE":
    case "WRONG_PHASE":
    case "NOT_HOST":
    case "NOT_FACILITATOR":
    case "SEAT_TAKEN":
    case "BAD_SETTINGS":
    case "NAME_TAKEN":
    case "RATE_LIMITED":
    case "STORE_UNAVAILABLE":
      return t(`errors.rejected.${rejected.code}`);
    default:
      return t("errors.rejected.other");
  }
}
