import { randomBytes } from "node:crypto";
import { type AuthContext, ServerError } from "colyseus";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import {
  ClassCreateOptionsSchema,
  CREATE_INVALID_OPTIONS,
  CreateOptionsSchema,
  FacilitatorJoinOptionsSchema,
  JOIN_ERRORS,
  JoinOptionsSchema,
  type RoomSettings,
  SpectatorJoinOptionsSchema,
} from "../../shared/schemas/protocol.js";
import { configFor } from "../flow/config.js";
import type { Mode } from "../flow/flow.js";
import type { JoinRequest } from "../flow/types.js";
import { economyProblem } from "../game/economy-trial.js";
import { ADDRESS_HEADER } from "../ops/gate.js";
import { describe } from "./rejections.js";

/** What a create request asks for: a class market (`{ facilitator: true }`) or a friends game, with its settings; CREATE_INVALID_OPTIONS when they are not valid. */
export function createRequest(options: unknown): { mode: Mode; settings: RoomSettings; config: EconomyConfig } {
  const isClass = (options as { facilitator?: unknown } | null)?.facilitator === true;
  const parsed = (isClass ? ClassCreateOptionsSchema : CreateOptionsSchema).safeParse(options);
  if (!parsed.success) throw new ServerError(CREATE_INVALID_OPTIONS, `invalid room options: ${describe(parsed.error)}`);
  const settings = parsed.data.settings;
  const config = configFor(settings);
  if (!config.ok) throw new ServerError(CREATE_INVALID_OPTIONS, config.message);
  const broken = economyProblem(config.value);
  if (broken) throw new ServerError(CREATE_INVALID_OPTIONS, `invalid room options: settings.economy: ${broken}`);
  return { mode: isClass ? "class" : "friends", settings, config: config.value };
}

/**
 * What a connection's join options ask for: the console (`{ facilitator: true }` or a
 * `facilitatorKey`), a screen (`{ spectator: true }`), or a seat; options that parse as none of
 * these are an `invalid` request with the words of what is wrong. The flow decides the rest.
 */
export function joinRequest(options: unknown): JoinRequest {
  const o = options as { facilitator?: unknown; facilitatorKey?: unknown } | null;
  if (o?.facilitator === true) return { as: "console", key: null };
  if (o?.facilitatorKey !== undefined) {
    const parsed = FacilitatorJoinOptionsSchema.safeParse(options);
    return parsed.success
      ? { as: "console", key: parsed.data.facilitatorKey }
      : { as: "invalid", code: JOIN_ERRORS.INVALID_OPTIONS, message: `invalid facilitator options: ${describe(parsed.error)}` };
  }
  if (SpectatorJoinOptionsSchema.safeParse(options).success) return { as: "spectator" };
  const parsed = JoinOptionsSchema.safeParse(options);
  if (!parsed.success) return { as: "invalid", code: JOIN_ERRORS.INVALID_OPTIONS, message: `invalid join options: ${describe(parsed.error)}` };
  return { as: "player", ...parsed.data };
}

/** The room id of a `joinById` matchmaking request (POST /matchmake/joinById/:roomId); null for any other. */
export function joinedRoomId(context: AuthContext | undefined): string | null {
  const url = (context?.req as { url?: unknown } | undefined)?.url;
  if (typeof url !== "string") return null;
  return /\/matchmake\/joinById\/([^/?#]+)/.exec(url)?.[1] ?? null;
}

/** What `onAuth` gives every seat reservation: the secret that only a create request carries on to its room, and the client's address. */
export interface SeatAuth {
  creator: string;
  /** The address the gate counted the matchmaking request under (ops/gate.ts); absent without the gate. */
  address?: string;
}

/** The client address of a matchmaking request, as the gate stamped it (never what a client sent: the gate replaces the header). */
export function requestAddress(context: AuthContext | undefined): string | undefined {
  const stamped = context?.headers.get(ADDRESS_HEADER);
  return stamped ? stamped : undefined;
}

/** The key under which `onAuth` hands a create request's secret to the new room's `onCreate`. */
const CREATOR_SECRET = "creatorSecret";

/**
 * Binds the creator's seat and key to the create request, not to whoever connects first.
 * Every matchmaking request gets a fresh secret, in its options and in its reservation's
 * auth (`issue`); a create request's options reach `onCreate`, so the room knows its creator's
 * reservation by it (`expect`), until that connection has come in (`used`).
 */
export class CreatorSeal {
  private secret: string | null = null;

  /** For `onAuth`: a fresh secret in the request's options (when they are an object) and in its reservation's auth. */
  static issue(options: unknown, address?: string): SeatAuth | null {
    if (options === null || typeof options !== "object" || Array.isArray(options)) return null;
    const creator = randomBytes(18).toString("base64url");
    (options as Record<string, unknown>)[CREATOR_SECRET] = creator;
    return address === undefined ? { creator } : { creator, address };
  }

  /** For `onCreate`: the create request's secret, which its connection will carry. */
  expect(options: unknown): void {
    const secret = (options as Record<string, unknown> | null)?.[CREATOR_SECRET];
    this.secret = typeof secret === "string" ? secret : null;
  }

  /** Whether a connection's reservation is the create request's (and that connection has not come in yet). */
  is(auth: SeatAuth | undefined): boolean {
    return this.secret !== null && auth?.creator === this.secret;
  }

  /** The creator has come in: nobody else is the creator. */
  used(): void {
    this.secret = null;
  }
}
