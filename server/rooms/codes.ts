import { randomBytes, randomInt } from "node:crypto";
import { type Presence, ServerError } from "colyseus";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JOIN_ERRORS } from "../../shared/schemas/protocol.js";

/**
 * Join codes are room ids, claimed in presence (shared by every process when presence is
 * Redis) so two rooms never get one code.
 */
const codeKey = (code: string) => `market:code:${code}`;

/** Claims `code`; false when another room holds it. */
export async function claimThisCode(presence: Presence, code: string): Promise<boolean> {
  return (await presence.incr(codeKey(code))) === 1;
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
