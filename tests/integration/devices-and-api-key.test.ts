import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { isValidElement, type ReactNode } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import {
  endOtherSessionsAction,
  endSessionAction,
  rotateApiKeyAction,
} from "@/app/(vault)/settings/security/device-actions";
import { Devices, type SessionRow } from "@/app/(vault)/settings/security/devices";
import SecurityPage from "@/app/(vault)/settings/security/page";
import { getDb } from "@/db/client";
import { events, users, userSessions } from "@/db/schema";
import { deriveLoginSecrets } from "@/lib/crypto";
import { openDeviceSession } from "@/lib/dal/devices";
import { logInWithApiKey } from "@/lib/dal/login";
import { openBrowserSession } from "@/lib/dal/sessions";
import { createTestUser, type TestUser } from "../support/factories";
import { FAKE_MASTER_PASSWORD_HASH } from "../support/fakes";
import { currentSession, signInAs } from "../support/session";

const LINUX_CLI = 25;
const CHROME_EXTENSION = 2;

async function hashOf(user: TestUser): Promise<string> {
  const { masterKey, masterPasswordHash } = await deriveLoginSecrets({
    email: user.email,
    password: user.password,
    kdfConfig: user.keys,
  });
  masterKey.fill(0);
  return masterPasswordHash;
}

async function openDevice(userId: string, type: number, name: string): Promise<string> {
  const db = await getDb();
  const device = await db.transaction((tx) =>
    openDeviceSession(tx, userId, { type, identifier: crypto.randomUUID(), name }),
  );
  return device.sessionId;
}

/** The ids of the user's sessions that are not revoked. */
async function liveSessionIds(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  return rows.map((row) => row.id).sort();
}

async function eventsOf(userId: string, type: string) {
  const db = await getDb();
  return db
    .select({ details: events.details })
    .from(events)
    .where(and(eq(events.userId, userId), eq(events.type, type)));
}

/** The sessions the Security page hands its Devices card. */
async function listedSessions(): Promise<SessionRow[]> {
  const found: SessionRow[][] = [];
  const walk = (node: ReactNode): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isValidElement<{ children?: ReactNode; sessions?: SessionRow[] }>(node)) return;
    if (node.type === Devices) found.push(node.props.sessions!);
    walk(node.props.children);
  };
  walk((await SecurityPage()) as ReactNode);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function currentSessionId(): string {
  return currentSession()!.sessionId;
}

describe("Settings → Security → Devices", () => {
  let user: TestUser;

  beforeEach(async () => {
    user = await createTestUser();
    await signInAs(user.id);
  });

  it("lists the browser session and every app device, names them, and marks this session", async () => {
    await openDevice(user.id, LINUX_CLI, "linux");
    await openDevice(user.id, CHROME_EXTENSION, "chrome");
    const sessions = await listedSessions();
    expect(sessions.map((session) => [session.kind, session.deviceName, session.current]).sort()).toEqual([
      ["Chrome extension", "chrome", false],
      ["Linux CLI", "linux", false],
      ["Web vault", null, true],
    ]);
    expect(sessions.find((session) => session.current)?.id).toBe(currentSessionId());
    // Newest activity first.
    const lastSeen = sessions.map((session) => session.lastSeen.iso);
    expect(lastSeen).toEqual([...lastSeen].sort().reverse());
  });

  it("logs out one session and no other, and records it", async () => {
    const cli = await openDevice(user.id, LINUX_CLI, "linux");
    const extension = await openDevice(user.id, CHROME_EXTENSION, "chrome");
    const result = await endSessionAction({ sessionId: cli });
    expect(result).toMatchObject({ ok: true, count: 1 });
    expect(await liveSessionIds(user.id)).toEqual([currentSessionId(), extension].sort());
    expect((await listedSessions()).map((session) => session.id)).not.toContain(cli);
    expect(await eventsOf(user.id, "user_sessions_ended")).toEqual([{ details: { count: 1 } }]);
  });

  it("refuses to log out the session making the request from the list", async () => {
    const result = await endSessionAction({ sessionId: currentSessionId() });
    expect(result.ok).toBe(false);
    expect(await liveSessionIds(user.id)).toEqual([currentSessionId()]);
  });

  it("ends nothing for another user's session id, and says so", async () => {
    const other = await createTestUser();
    const theirs = await openDevice(other.id, LINUX_CLI, "linux");
    const result = await endSessionAction({ sessionId: theirs });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not one of yours/) });
    expect(await liveSessionIds(other.id)).toEqual([theirs]);
    expect(await eventsOf(user.id, "user_sessions_ended")).toEqual([]);
  });

  it("logs out every other session but keeps this one", async () => {
    await openDevice(user.id, LINUX_CLI, "linux");
    await openDevice(user.id, CHROME_EXTENSION, "chrome");
    const other = await createTestUser();
    const theirs = await openDevice(other.id, LINUX_CLI, "linux");
    const result = await endOtherSessionsAction({});
    expect(result).toMatchObject({ ok: true, count: 2 });
    expect(await liveSessionIds(user.id)).toEqual([currentSessionId()]);
    expect(await liveSessionIds(other.id)).toEqual([theirs]);
    expect(await eventsOf(user.id, "user_sessions_ended")).toEqual([{ details: { count: 2 } }]);
    expect((await listedSessions()).map((session) => session.current)).toEqual([true]);
  });
});

describe("Settings → Security → API key", () => {
  let user: TestUser;

  beforeEach(async () => {
    user = await createTestUser();
    await signInAs(user.id);
  });

  async function storedHash(): Promise<string | null> {
    const db = await getDb();
    const [row] = await db.select({ hash: users.apiKeyHash }).from(users).where(eq(users.id, user.id));
    return row!.hash;
  }

  it("needs the master password hash", async () => {
    const result = await rotateApiKeyAction({ masterPasswordHash: FAKE_MASTER_PASSWORD_HASH });
    expect(result).toMatchObject({ ok: false, fieldErrors: { masterPassword: expect.any(String) } });
    expect(await storedHash()).toBeNull();
    expect(await eventsOf(user.id, "user_api_key_rotated")).toEqual([]);
  });

  it("answers a key kept as the SHA-256 of its secret, and a second one voids the first", async () => {
    const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
    const first = await rotateApiKeyAction({ masterPasswordHash: await hashOf(user) });
    if (!first.ok) throw new Error(first.error);
    expect(first.clientId).toBe(`user.${user.id}`);
    expect(await storedHash()).toBe(sha256(first.clientSecret));

    const second = await rotateApiKeyAction({ masterPasswordHash: await hashOf(user) });
    if (!second.ok) throw new Error(second.error);
    expect(second.clientSecret).not.toBe(first.clientSecret);
    expect(await storedHash()).toBe(sha256(second.clientSecret));
    expect(await eventsOf(user.id, "user_api_key_rotated")).toHaveLength(2);

    const logIn = (key: { clientId: string; clientSecret: string }) =>
      logInWithApiKey(key, { ip: "203.0.113.9", device: "test" }, openBrowserSession);
    expect((await logIn(first)).ok).toBe(false);
    expect((await logIn(second)).ok).toBe(true);
  });
});
