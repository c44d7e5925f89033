import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { SessionClaims } from "@/lib/dal/accounts";
import { uuidSchema } from "@/lib/validation/common";
import { authSecret } from "./secret";

/**
 * Access tokens for the official Bitwarden apps (DESIGN §12): short-lived JWTs signed with a key derived from the
 * session secret. The apps read the claims (who they are signed in as, and when to refresh); the server trusts a
 * token only after checking its session row and the account's security stamp in the database (./session.ts).
 */
export const ACCESS_TOKEN_SECONDS = 60 * 60;

const ISSUER = "keyhouse";
let signingKey: Uint8Array | undefined;

function key(): Uint8Array {
  signingKey ??= new Uint8Array(hkdfSync("sha256", authSecret(), "", "keyhouse api access token", 32));
  return signingKey;
}

export type AccessTokenSubject = {
  user: { id: string; email: string; name: string; emailVerified: boolean; securityStamp: string };
  sessionId: string;
  deviceIdentifier: string;
  clientId: string;
};

/** `issuedAt` is for tests that need a token which has already expired. */
export async function signAccessToken(
  { user, sessionId, deviceIdentifier, clientId }: AccessTokenSubject,
  issuedAt = new Date(),
) {
  const now = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT({
    email: user.email,
    name: user.name,
    email_verified: user.emailVerified,
    premium: true,
    sstamp: user.securityStamp,
    sid: sessionId,
    device: deviceIdentifier,
    client_id: clientId,
    scope: ["api", "offline_access"],
    amr: ["Application"],
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
    .sign(key());
}

/** The token's subject, stamp and session when its signature and times hold; null otherwise. */
export async function verifyAccessToken(token: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, algorithms: ["HS256"] });
    const userId = uuidSchema.safeParse(payload.sub);
    const securityStamp = uuidSchema.safeParse(payload.sstamp);
    const sessionId = uuidSchema.safeParse(payload.sid);
    if (!userId.success || !securityStamp.success || !sessionId.success) return null;
    return { userId: userId.data, securityStamp: securityStamp.data, sessionId: sessionId.data };
  } catch {
    return null;
  }
}
