import { randomBytes, randomInt } from "node:crypto";
import { type Presence, ServerError } from "colyseus";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JOIN_ERRORS } from "../../shared/schemas/protocol.js";
import { processName } from "../ops/identity.js";

/**
 * Join codes are room ids, claimed in presence (shared by every process when presence is
 * Redis) so two rooms never get one code. Each claimed code also records the process that
 * owns it (PROCESS_ID), so a game whose process is down is told apart from a wrong code, and
 * the owner alone can bring it back after a restart.
 */
const codeKey = (code: string) => `market:code:${code}`;
const OWNERS = "market:owners";

/** Claims `code` for this process; false when another room holds it. */
export async function claimThisCode(presence: Presence, code: string): Promise<boolean> {
  if ((await presence.incr(codeKey(code))) !== 1) return false;
  await presence.hset(OWNERS, code, processName());
  return true;
}

/**
 * Claims a stored game's code on restore: free, or still held by this process from before
 * its restart (codes of unfinished games are kept when a process stops).
 */
export async function reclaimCode(presence: Presence, code: string): Promise<boolean> {
  return (await claimThisCode(presence, code)) || (await presence.hget(OWNERS, code)) === processName();
}

/** A fresh random code, claimed. */
export async function claimCode(presence: Presence): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    let code = "";
    for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    if (await claimThisCode(presence, code)) return code;
  }
  throw new ServerError(JOIN_ERRORS.CODE_UNAVAILABLE, "could not find a free join code; try again");
}

export async function releaseCode(presence: Presence, code: string): Promise<void> {
  await presence.del(codeKey(code));
  await presence.hdel(OWNERS, code);
}

/** The process that holds `code`, if any. */
export async function ownerOfCode(presence: Presence, code: string): Promise<string | null> {
  return ((await presence.hget(OWNERS, code)) as string | null) ?? null;
}

/** Every code held by `owner`. */
export async function codesOwnedBy(presence: Presence, owner: string): Promise<string[]> {
  const all = (await presence.hgetall(OWNERS)) ?? {};
  return Object.entries(all)
    .filter(([, o]) => o === owner)
    .map(([code]) => code);
}

/** A per-process secret: only this server can ask a room to restore a stored game. */
const RESTORE_KEY = randomBytes(16).toString("hex");

export function restoreOptions(code: string): { restore: string; restoreKey: string } {
  return { restore: code, restoreKey: RESTORE_KEY };
}

/** The code to restore when the options come from this process; null otherwise. */
export function restoreCode(options: unknown): string | null {
  const o = options as { restore?: unknown; restoreKey?: unknown } | null;
  return o && o.restoreKey === RESTORE_KEY && typeof o.restore === "string" ? o.restore : null;
}
