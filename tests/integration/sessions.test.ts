import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { changeMasterPasswordAction } from "@/app/(vault)/settings/security/actions";
import { getDb } from "@/db/client";
import { userSessions } from "@/db/schema";
import { revokeTokenSession } from "@/lib/auth/logout";
import { getSession } from "@/lib/auth/session";
import { deriveLoginSecrets, kdfConfigOf, rewrapUserKey } from "@/lib/crypto";
import { logIn } from "@/lib/dal/login";
import { SESSION_MAX_AGE_SECONDS, openBrowserSession } from "@/lib/dal/sessions";
import proxy from "@/proxy";
import { createTestUser, type TestUser } from "../support/factories";
import { testSession, setDecodedSession } from "../support/session";

const ORIGIN = { ip: "198.51.100.20", device: "test" };

/** Logs in as the login form does and acts with the cookie that login would set; answers the session's id. */
async function logInAs(user: TestUser): Promise<string> {
  const outcome = await logIn(
    { email: user.email, masterPasswordHash: user.keys.masterPasswordHash },
    ORIGIN,
    openBrowserSession,
  );
  if (!outcome.ok) throw new Error(`login refused: ${outcome.reason}`);
  await setDecodedSession(user.id, outcome.user.securityStamp, outcome.session);
  return outcome.session;
}

/** What proxy.ts answers a request for `path` carrying the current session cookie. */
async function visit(path: string): Promise<Response> {
  const response = await proxy(new NextRequest(new URL(path, "http://localhost")));
  if (!response) throw new Error("the proxy answered nothing");
  return response;
}

function sentToLogin(response: Response): boolean {
  const location = response.headers.get("location");
  return response.status === 307 && location !== null && new URL(location).pathname === "/login";
}

async function sessionRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(userSessions).where(eq(userSessions.id, id));
  return row;
}

describe("server-side sessions", () => {
  it("a login opens a session of 24 hours, which the session check and the proxy accept", async () => {
    const user = await createTestUser();
    const sessionId = await logInAs(user);
    const row = await sessionRow(sessionId);
    expect(row).toMatchObject({ userId: user.id, revokedAt: null });
    expect(Math.abs(row!.expiresAt.getTime() - row!.createdAt.getTime() - SESSION_MAX_AGE_SECONDS * 1000)).toBeLessThan(
      1000,
    );
    expect(await getSession()).toMatchObject({ id: user.id, email: user.email });
    const response = await visit("/vault");
    expect(response.status).toBe(200);
    expect(sentToLogin(response)).toBe(false);
  });

  it("logging out revokes the session: the same cookie is signed out everywhere, in pages, the proxy and the API", async () => {
    const user = await createTestUser();
    const sessionId = await logInAs(user);
    // next-auth hands the logout event the decoded cookie.
    await revokeTokenSession({ sub: user.id, sid: sessionId });
    expect((await sessionRow(sessionId))?.revokedAt).toBeInstanceOf(Date);
    expect(await getSession()).toBeNull();
    expect(sentToLogin(await visit("/vault"))).toBe(true);
    expect((await visit("/api/accounts/keys")).status).toBe(401);
  });

  it("an expired session is signed out", async () => {
    const user = await createTestUser();
    const sessionId = await logInAs(user);
    const db = await getDb();
    await db
      .update(userSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(userSessions.id, sessionId));
    expect(await getSession()).toBeNull();
    expect(sentToLogin(await visit("/settings"))).toBe(true);
  });

  it("a session names its user: another user's session id does not sign anyone in", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const sessionId = await logInAs(owner);
    await logInAs(other);
    await setDecodedSession(other.id, testSession.current!.securityStamp, sessionId);
    expect(await getSession()).toBeNull();
  });

  it("a cookie without a session id (made before sessions were kept) is signed out", async () => {
    const user = await createTestUser();
    await logInAs(user);
    const { sessionId: _dropped, ...withoutId } = testSession.current!;
    void _dropped;
    testSession.current = withoutId as typeof testSession.current;
    expect(await getSession()).toBeNull();
  });

  it("a password change still ends every session of the account", async () => {
    const user = await createTestUser();
    const first = await logInAs(user);
    const firstCookie = testSession.current!;
    const second = await logInAs(user);
    const newPassword = "another long master password";
    const { masterKey, masterPasswordHash } = await deriveLoginSecrets({
      email: user.email,
      password: newPassword,
      kdfConfig: user.keys,
    });
    const key = await rewrapUserKey(user.keys.userKey, masterKey);
    const change = {
      currentMasterPasswordHash: user.keys.masterPasswordHash,
      newMasterPasswordHash: masterPasswordHash,
      key,
      ...kdfConfigOf(user.keys),
    };
    expect(await changeMasterPasswordAction(change)).toEqual({ ok: true });
    expect(first).not.toBe(second);
    expect(await getSession()).toBeNull();
    testSession.current = firstCookie;
    expect(await getSession()).toBeNull();
    expect(sentToLogin(await visit("/vault"))).toBe(true);
  });

  it("a login drops the user's ended sessions and keeps the live ones", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const revoked = await logInAs(user);
    const expired = await logInAs(user);
    const live = await logInAs(user);
    const othersRevoked = await logInAs(other);
    await revokeTokenSession({ sub: user.id, sid: revoked });
    await revokeTokenSession({ sub: other.id, sid: othersRevoked });
    const db = await getDb();
    await db
      .update(userSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(userSessions.id, expired));

    const latest = await logInAs(user);
    const remaining = (
      await db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, user.id))
    ).map((row) => row.id);
    expect(remaining.sort()).toEqual([live, latest].sort());
    expect(await sessionRow(othersRevoked)).toBeDefined();
  });

  it("a logout without a session id in its cookie changes nothing", async () => {
    const user = await createTestUser();
    const sessionId = await logInAs(user);
    await revokeTokenSession(null);
    await revokeTokenSession({ sub: user.id });
    await revokeTokenSession({ sub: user.id, sid: "not-a-uuid" });
    expect((await sessionRow(sessionId))?.revokedAt).toBeNull();
    expect(await getSession()).toMatchObject({ id: user.id });
  });
});
