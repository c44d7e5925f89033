import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { userSessions, users } from "@/db/schema";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import { newSecret, secretHash } from "@/lib/server/secret-token";
import { uuidSchema } from "@/lib/validation/common";
import { kdfColumns } from "./accounts";
import { dropEndedSessions } from "./sessions";

/**
 * Devices running an official Bitwarden app (DESIGN §12): each login opens a session row for the device, named by its
 * refresh token. A refresh token is `<session id>.<secret>`; the row keeps the secret's SHA-256. Refreshing replaces
 * the secret and moves the expiry, so a device that stays in use stays signed in; presenting a replaced secret means
 * the token was copied, and the device is signed out.
 */
export const DEVICE_SESSION_DAYS = 30;

export type DeviceDescription = { type: number; identifier: string; name: string };
export type DeviceSession = { sessionId: string; refreshToken: string; deviceIdentifier: string };
export type DeviceLogin = DeviceSession & { account: Awaited<ReturnType<typeof readAccountKeys>> };

const deviceExpiry = sql`now() + ${DEVICE_SESSION_DAYS}::int * interval '1 day'`;

/** The keys and KDF settings a device's login answers with (all still encrypted but the public key). */
async function readAccountKeys(tx: Executor, userId: string) {
  const [account] = await tx
    .select({
      email: users.email,
      ...kdfColumns,
      key: users.key,
      publicKey: users.publicKey,
      privateKey: users.privateKey,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) throw new Error("logged-in user has no account row");
  return account;
}

/**
 * Opens a session for a device that just logged in, and reads the account's keys for the answer; the same device
 * logging in again replaces its older session. Scope-less: it runs before there is a session.
 */
export async function openDeviceSession(tx: Executor, userId: string, device: DeviceDescription): Promise<DeviceLogin> {
  await dropEndedSessions(tx, userId);
  await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(userSessions.userId, userId),
        eq(userSessions.deviceIdentifier, device.identifier),
        isNull(userSessions.revokedAt),
      ),
    );
  const { secret, hash } = newSecret();
  const [row] = await tx
    .insert(userSessions)
    .values({
      userId,
      expiresAt: deviceExpiry,
      deviceType: device.type,
      deviceIdentifier: device.identifier,
      deviceName: device.name,
      refreshTokenHash: hash,
    })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("device session insert returned no row");
  return {
    sessionId: row.id,
    refreshToken: `${row.id}.${secret}`,
    deviceIdentifier: device.identifier,
    account: await readAccountKeys(tx, userId),
  };
}

export type RefreshedDevice = DeviceSession & {
  user: { id: string; email: string; name: string; emailVerified: boolean; securityStamp: string };
};

/**
 * Trades a refresh token for a new one (scope-less: the token is the credential). Null when the token is unknown,
 * ended, or already replaced — and in that last case the device is signed out.
 */
export async function refreshDeviceSession(refreshToken: string): Promise<RefreshedDevice | null> {
  const [sessionPart, secret] = refreshToken.split(".");
  const sessionId = uuidSchema.safeParse(sessionPart);
  if (!sessionId.success || !secret) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        hash: userSessions.refreshTokenHash,
        deviceIdentifier: userSessions.deviceIdentifier,
        user: {
          id: users.id,
          email: users.email,
          name: users.name,
          emailVerified: users.emailVerified,
          securityStamp: users.securityStamp,
        },
      })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .where(
        and(
          eq(userSessions.id, sessionId.data),
          isNotNull(userSessions.refreshTokenHash),
          isNull(userSessions.revokedAt),
          gt(userSessions.expiresAt, sql`now()`),
        ),
      )
      .for("update", { of: userSessions });
    if (!row) return null;
    if (row.hash !== secretHash(secret)) {
      await tx
        .update(userSessions)
        .set({ revokedAt: sql`now()` })
        .where(eq(userSessions.id, sessionId.data));
      return null;
    }
    const next = newSecret();
    await tx
      .update(userSessions)
      .set({ refreshTokenHash: next.hash, expiresAt: deviceExpiry, lastSeenAt: sql`now()` })
      .where(eq(userSessions.id, sessionId.data));
    return {
      user: row.user,
      sessionId: sessionId.data,
      refreshToken: `${sessionId.data}.${next.secret}`,
      deviceIdentifier: row.deviceIdentifier ?? "",
    };
  });
}

/** The caller's signed-in sessions, newest first: devices and browsers. */
export async function listSessions(scope: UserScope) {
  const { userId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({
      id: userSessions.id,
      deviceType: userSessions.deviceType,
      deviceName: userSessions.deviceName,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`)))
    .orderBy(desc(userSessions.lastSeenAt));
}

/**
 * Signs out one of the caller's sessions, or all but `keep` (the session making the request). Answers how many
 * ended; another user's session id ends nothing.
 */
export async function revokeSessions(
  tx: Executor,
  scope: UserScope,
  which: { sessionId: string } | { allBut: string },
): Promise<number> {
  const { userId } = assertScope(scope);
  const target =
    "sessionId" in which ? eq(userSessions.id, which.sessionId) : sql`${userSessions.id} <> ${which.allBut}`;
  const ended = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), target))
    .returning({ id: userSessions.id });
  return ended.length;
}
