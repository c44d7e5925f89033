import { fromBase64, randomBytes, toBase64, type Bytes } from "./encoding";
import { hkdfExpand } from "./kdf";
import { SYMMETRIC_KEY_LENGTH, SymmetricKey } from "./symmetric-key";

/**
 * A client move code (issue 15): the new provider's admin hands it to the client's owner out of band. It names the
 * move and carries a 32-byte secret that the server never sees in the clear. From the secret come two independent
 * HKDF-Expand outputs: the key that carries the organization key from the owner's browser to the new provider's,
 * and a verifier the server compares to know the code was entered whole.
 */

const SECRET_LENGTH = 32;
const VERIFIER_LENGTH = 32;
const PREFIX = "KHMOVE";
// The id's 32 hex digits carry a uuid's version (1–8) and variant (8, 9, a, b) digits, as the server's check wants.
const CODE = /^KHMOVE-([0-9a-f]{12}[1-8][0-9a-f]{3}[89ab][0-9a-f]{15})-([A-Za-z0-9_-]{43})$/;

export function newMoveSecret(): Bytes {
  return randomBytes(SECRET_LENGTH);
}

function base64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** "KHMOVE-<the move's id, 32 hex digits>-<the secret, base64url>". */
export function formatMoveCode(moveId: string, secret: Uint8Array): string {
  if (secret.length !== SECRET_LENGTH) throw new Error("a move secret is 32 bytes");
  return `${PREFIX}-${moveId.replace(/-/g, "").toLowerCase()}-${base64Url(secret)}`;
}

/** The move's id and secret from a code as typed or pasted (spaces and line breaks ignored), or null. */
export function parseMoveCode(code: string): { moveId: string; secret: Bytes } | null {
  const match = CODE.exec(code.replace(/\s+/g, ""));
  if (!match) return null;
  const hex = match[1]!;
  const moveId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  try {
    const secret = fromBase64(match[2]!.replace(/-/g, "+").replace(/_/g, "/") + "=");
    return secret.length === SECRET_LENGTH ? { moveId, secret } : null;
  } catch {
    return null; // stray bits in the last character: not a code any encoder wrote
  }
}

/** The key that wraps the organization key for the move (type 2 under it), from the code's secret. */
export async function moveTransferKey(secret: Uint8Array): Promise<SymmetricKey> {
  const bytes = await hkdfExpand(secret, "keyhouse client move key", SYMMETRIC_KEY_LENGTH);
  const key = SymmetricKey.fromBytes(bytes);
  bytes.fill(0);
  return key;
}

/** What the server keeps to check a code, base64: it opens nothing. */
export async function moveVerifier(secret: Uint8Array): Promise<string> {
  return toBase64(await hkdfExpand(secret, "keyhouse client move verifier", VERIFIER_LENGTH));
}
