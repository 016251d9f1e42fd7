import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Facilitator keys: 24 random bytes, base64url (32 characters). Only the key's sha256 is kept
 * (in memory and in the store); the key itself is sent once, to the connection that created the room.
 */
export function newFacilitatorKey(): { key: string; hash: string } {
  const key = randomBytes(24).toString("base64url");
  return { key, hash: hashKey(key) };
}

/** sha256 of a key, hex. */
export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Whether `key` is the one whose hash is `hash`, compared in constant time. */
export function keyMatches(key: string, hash: string | null): boolean {
  if (!hash) return false;
  const given = Buffer.from(hashKey(key), "hex");
  const kept = Buffer.from(hash, "hex");
  return given.length === kept.length && timingSafeEqual(given, kept);
}
