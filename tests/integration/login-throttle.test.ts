import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, loginThrottles, userSessions } from "@/db/schema";
import { LOGIN_THROTTLE } from "@/lib/account-security/login-throttle";
import { logIn } from "@/lib/dal/login";
import { openBrowserSession } from "@/lib/dal/sessions";
import { passwordHashing } from "@/lib/server/password-hashing";
import { createTestUser, type TestUser, uniqueEmail } from "../support/factories";

/** A master password hash the browser could send, that is nobody's. */
const WRONG_HASH = Buffer.alloc(32, 7).toString("base64");

/** Each test its own client address, so one test's failures never throttle another's. */
let lastAddress = 0;
function newAddress(): string {
  lastAddress += 1;
  return `192.0.2.${lastAddress}`;
}

function attempt(email: string, masterPasswordHash: string, ip: string | null) {
  return logIn({ email, masterPasswordHash }, { ip, device: "test" }, openBrowserSession);
}

/** The answers to `count` wrong logins for `email`, one after the other. */
async function failures(email: string, count: number, ip: string | null = newAddress()): Promise<string[]> {
  const reasons: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const outcome = await attempt(email, WRONG_HASH, ip);
    reasons.push(outcome.ok ? "ok" : outcome.reason);
  }
  return reasons;
}

/** What the first `limit` failures answer: wrong credentials, until the one that reaches the limit. */
function expectedReasons(limit: number): string[] {
  return [...Array<string>(limit - 1).fill("invalid_credentials"), "too_many_attempts"];
}

async function eventTypes(userId: string): Promise<string[]> {
  const db = await getDb();
  return (await db.select({ type: events.type }).from(events).where(eq(events.userId, userId))).map(
    (event) => event.type,
  );
}

async function throttleRow(key: string) {
  const db = await getDb();
  const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
  return row;
}

async function sessionCount(userId: string): Promise<number> {
  const db = await getDb();
  return (await db.select().from(userSessions).where(eq(userSessions.userId, userId))).length;
}

const ACCOUNT_LIMIT = LOGIN_THROTTLE.account.maxFailures;
const ADDRESS_LIMIT = LOGIN_THROTTLE.address.maxFailures;

/** bcrypt jobs the pool has handed to its workers so far (a hash or a compare each). */
const bcryptJobs = () => passwordHashing().stats().started;

describe("login throttling per account", () => {
  it("after ten wrong hashes even the right one is refused, before any bcrypt work and without a failed-login event", async () => {
    const user = await createTestUser();
    expect(ACCOUNT_LIMIT).toBe(10);
    expect(await failures(user.email, ACCOUNT_LIMIT)).toEqual(expectedReasons(ACCOUNT_LIMIT));
    const before = await eventTypes(user.id);
    expect(before.filter((type) => type === "user_login_failed")).toHaveLength(ACCOUNT_LIMIT);
    expect(before.filter((type) => type === "user_login_throttled")).toHaveLength(1);
    const blockedUntil = (await throttleRow(`account:${user.email}`))?.blockedUntil;

    const jobsBefore = bcryptJobs();
    expect(await attempt(user.email, user.keys.masterPasswordHash, newAddress())).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    expect(await attempt(user.email, WRONG_HASH, newAddress())).toEqual({ ok: false, reason: "too_many_attempts" });
    expect(bcryptJobs()).toBe(jobsBefore);
    // Refused attempts are neither recorded nor counted, and do not stretch the block.
    expect(await eventTypes(user.id)).toEqual(before);
    expect(await sessionCount(user.id)).toBe(0);
    expect((await throttleRow(`account:${user.email}`))?.blockedUntil).toEqual(blockedUntil);
  });

  it("counts an account's failures whichever address they come from, known or not", async () => {
    const user = await createTestUser();
    const reasons: string[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      const outcome = await attempt(user.email, WRONG_HASH, i % 3 === 0 ? null : newAddress());
      reasons.push(outcome.ok ? "ok" : outcome.reason);
    }
    expect(reasons).toEqual(expectedReasons(ACCOUNT_LIMIT));
  });

  it("answers an unknown email exactly as a known one, and records no event for it", async () => {
    const email = uniqueEmail("nobody");
    expect(await failures(email, ACCOUNT_LIMIT + 1)).toEqual([...expectedReasons(ACCOUNT_LIMIT), "too_many_attempts"]);
    expect(await throttleRow(`account:${email}`)).toMatchObject({
      failures: ACCOUNT_LIMIT,
      blockedUntil: expect.any(Date),
    });
    const db = await getDb();
    expect(
      await db
        .select()
        .from(events)
        .where(sql`${events.type} = 'user_login_throttled' and ${events.userId} is null`),
    ).toEqual([]);
  });

  it("a successful login resets the account's count", async () => {
    const user = await createTestUser();
    const ip = newAddress();
    expect(await failures(user.email, ACCOUNT_LIMIT - 1, ip)).toEqual(
      Array(ACCOUNT_LIMIT - 1).fill("invalid_credentials"),
    );
    expect(await attempt(user.email, user.keys.masterPasswordHash, ip)).toMatchObject({ ok: true });
    expect(await throttleRow(`account:${user.email}`)).toBeUndefined();
    expect(await failures(user.email, ACCOUNT_LIMIT - 1, ip)).toEqual(
      Array(ACCOUNT_LIMIT - 1).fill("invalid_credentials"),
    );
  });

  it("forgets failures older than the window, and a block ends after its 15 minutes", async () => {
    const user = await createTestUser();
    const key = `account:${user.email}`;
    const db = await getDb();
    await failures(user.email, ACCOUNT_LIMIT - 1);
    await db
      .update(loginThrottles)
      .set({ windowStartedAt: sql`now() - interval '16 minutes'` })
      .where(eq(loginThrottles.key, key));
    expect(await failures(user.email, 1)).toEqual(["invalid_credentials"]);
    expect(await throttleRow(key)).toMatchObject({ failures: 1, blockedUntil: null });

    await failures(user.email, ACCOUNT_LIMIT - 1);
    expect(await attempt(user.email, user.keys.masterPasswordHash, newAddress())).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    // Fifteen minutes later (the window began before the block did).
    await db
      .update(loginThrottles)
      .set({ windowStartedAt: sql`now() - interval '16 minutes'`, blockedUntil: sql`now() - interval '1 second'` })
      .where(eq(loginThrottles.key, key));
    expect(await attempt(user.email, user.keys.masterPasswordHash, newAddress())).toMatchObject({ ok: true });
  });

  it("counts every one of many concurrent failures, and blocks once", async () => {
    const user = await createTestUser();
    const ip = newAddress();
    const outcomes = await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT + 5 }, () => attempt(user.email, WRONG_HASH, ip)),
    );
    const reasons = outcomes.map((outcome) => (outcome.ok ? "ok" : outcome.reason));
    // Each counted failure got its own count: exactly the ones below the limit were answered as wrong credentials.
    expect(reasons.filter((reason) => reason === "invalid_credentials")).toHaveLength(ACCOUNT_LIMIT - 1);
    expect(
      reasons.filter((reason) => reason !== "invalid_credentials").every((reason) => reason === "too_many_attempts"),
    ).toBe(true);
    const types = await eventTypes(user.id);
    const row = await throttleRow(`account:${user.email}`);
    expect(row).toMatchObject({ blockedUntil: expect.any(Date) });
    expect(types.filter((type) => type === "user_login_failed")).toHaveLength(row!.failures);
    expect(await throttleRow(`address:${ip}`)).toMatchObject({ failures: row!.failures });
    expect(types.filter((type) => type === "user_login_throttled")).toHaveLength(1);
  });
});

describe("login throttling per client address", () => {
  it("fifty failures from one address, whatever the emails, refuse that address and no other", async () => {
    const user: TestUser = await createTestUser();
    const ip = newAddress();
    const reasons: string[] = [];
    for (let i = 0; i < ADDRESS_LIMIT; i += 1) {
      const outcome = await attempt(uniqueEmail("spray"), WRONG_HASH, ip);
      reasons.push(outcome.ok ? "ok" : outcome.reason);
    }
    expect(reasons).toEqual(expectedReasons(ADDRESS_LIMIT));

    const jobsBefore = bcryptJobs();
    expect(await attempt(user.email, user.keys.masterPasswordHash, ip)).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    expect(bcryptJobs()).toBe(jobsBefore);
    expect(await eventTypes(user.id)).toEqual([]);
    // The same person from elsewhere is let in: only the address is throttled.
    expect(await attempt(user.email, user.keys.masterPasswordHash, newAddress())).toMatchObject({ ok: true });
    // A successful login does not reset an address.
    expect(await attempt(user.email, user.keys.masterPasswordHash, ip)).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
  });

  it("an unknown address is not counted as one", async () => {
    const db = await getDb();
    const addressRows = async () =>
      (
        await db
          .select()
          .from(loginThrottles)
          .where(sql`${loginThrottles.key} like 'address:%'`)
      ).length;
    const before = await addressRows();
    await failures(uniqueEmail("noaddress"), 3, null);
    expect(await addressRows()).toBe(before);
  });
});

describe("login throttle rows", () => {
  it("a successful login deletes every row whose window and block are over", async () => {
    const db = await getDb();
    const stale = `account:${uniqueEmail("stale")}`;
    const blocked = `account:${uniqueEmail("blocked")}`;
    const recent = `address:${newAddress()}`;
    await db.insert(loginThrottles).values([
      { key: stale, failures: 3, windowStartedAt: sql`now() - interval '16 minutes'` },
      {
        key: blocked,
        failures: 10,
        windowStartedAt: sql`now() - interval '16 minutes'`,
        blockedUntil: sql`now() + interval '1 minute'`,
      },
      { key: recent, failures: 3 },
    ]);
    const user = await createTestUser();
    expect(await attempt(user.email, user.keys.masterPasswordHash, newAddress())).toMatchObject({ ok: true });
    expect(await throttleRow(stale)).toBeUndefined();
    expect(await throttleRow(blocked)).toBeDefined();
    expect(await throttleRow(recent)).toBeDefined();
  });
});
