import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Random secrets handed out once (link tokens, refresh tokens, API keys, recovery codes) are kept only as their SHA-256:
 * they carry enough entropy that a fast hash suffices, and a copy of the database reveals none of them.
 */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new random secret (`bytes` random bytes, base64url) and the hash that is all the database keeps of it. */
export function newSecret(bytes = 32): { secret: string; hash: string } {
  const secret = randomBytes(bytes).toString("base64url");
  return { secret, hash: secretHash(secret) };
}
