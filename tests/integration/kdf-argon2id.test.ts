import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changeKdfAction } from "@/app/(vault)/settings/security/actions";
import { POST as webPrelogin } from "@/app/api/accounts/prelogin/route";
import { GET as sync } from "@/app/api/sync/route";
import { POST as preloginPassword } from "@/app/identity/accounts/prelogin/password/route";
import { POST as token } from "@/app/identity/connect/token/route";
import { getDb } from "@/db/client";
import { events, mailOutbox, users, userSessions } from "@/db/schema";
import { getSession } from "@/lib/auth/session";
import {
  argon2idKdf,
  asEncString,
  deriveLoginSecrets,
  deriveMasterKey,
  type KdfConfig,
  MIN_KDF_ITERATIONS,
  pbkdf2Kdf,
  rewrapUserKey,
  unlockUserKey,
} from "@/lib/crypto";
import { databaseSnapshot } from "../support/db-scan";
import { createTestUser, type TestUser } from "../support/factories";
import { signInAs } from "../support/session";
import { hashOf } from "../support/two-step-login";
import { callRoute, passwordForm } from "./bitwarden-api/api";

/** The smallest Argon2id settings the apps accept: quick enough for tests. */
const SMALL_ARGON2ID = argon2idKdf(2, 16, 1);

/** What the settings page sends for a KDF change: proof of the password, the new hash, the re-wrapped key, the KDF. */
async function kdfChange(user: TestUser, kdfConfig: KdfConfig, current: KdfConfig = user.keys) {
  const { masterKey, masterPasswordHash } = await deriveLoginSecrets({
    email: user.email,
    password: user.password,
    kdfConfig,
  });
  const key = await rewrapUserKey(user.keys.userKey, masterKey);
  masterKey.fill(0);
  return {
    currentMasterPasswordHash: await hashOf(user, user.password, current),
    newMasterPasswordHash: masterPasswordHash,
    key,
    ...kdfConfig,
  };
}

async function appLogin(email: string, masterPasswordHash: string) {
  const response = await callRoute(token, "/identity/connect/token", {
    method: "POST",
    body: passwordForm({ email, masterPasswordHash }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function prelogin(email: string) {
  const response = await callRoute(preloginPassword, "/identity/accounts/prelogin/password", {
    method: "POST",
    body: { email },
  });
  return response.json();
}

async function row(userId: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user!;
}

describe("switching an account to Argon2id (Settings → Security → Key derivation)", () => {
  it("re-keys with Argon2id: pre-login, login and sync answer it, the old hash fails, sessions end", async () => {
    const user = await createTestUser();
    const oldHash = await hashOf(user);
    const app = await appLogin(user.email, oldHash);
    expect(app.status).toBe(200);
    await signInAs(user.id);
    const before = await row(user.id);

    expect(await changeKdfAction(await kdfChange(user, SMALL_ARGON2ID))).toEqual({ ok: true, ...SMALL_ARGON2ID });

    const after = await row(user.id);
    expect(after).toMatchObject({ kdfType: 1, kdfIterations: 2, kdfMemory: 16, kdfParallelism: 1 });
    expect(after.securityStamp).not.toBe(before.securityStamp);
    expect(after.key).not.toBe(before.key);

    // Every session ended: this browser's, and the app's (its access token and refresh token are dead).
    expect(await getSession()).toBeNull();
    expect((await callRoute(sync, "/api/sync", { token: String(app.body.access_token) })).status).toBe(401);
    const db = await getDb();
    const live = await db.select().from(userSessions).where(eq(userSessions.userId, user.id));
    expect(live.every((session) => session.revokedAt !== null)).toBe(true);

    // Pre-login, for the apps and for the web vault.
    expect(await prelogin(user.email)).toEqual({
      kdf: 1,
      kdfIterations: 2,
      kdfMemory: 16,
      kdfParallelism: 1,
      kdfSettings: { kdfType: 1, iterations: 2, memory: 16, parallelism: 1 },
      salt: user.email,
    });
    const web = await webPrelogin(
      new Request("http://localhost/api/accounts/prelogin", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: user.email }),
      }),
    );
    expect(await web.json()).toEqual(SMALL_ARGON2ID);

    // The identity grant refuses the old hash and accepts the Argon2id one.
    expect(await appLogin(user.email, oldHash)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const newHash = await hashOf(user, user.password, SMALL_ARGON2ID);
    const login = await appLogin(user.email, newHash);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      Kdf: 1,
      KdfIterations: 2,
      KdfMemory: 16,
      KdfParallelism: 1,
      UserDecryptionOptions: {
        MasterPasswordUnlock: {
          Kdf: { KdfType: 1, Iterations: 2, Memory: 16, Parallelism: 1 },
          MasterKeyEncryptedUserKey: after.key,
          Salt: user.email,
        },
      },
    });

    // What an app unlocks with (salt and KDF from the answer) opens the same user key.
    const unlock = (login.body.UserDecryptionOptions as Record<string, Record<string, unknown>>).MasterPasswordUnlock!;
    const kdf = unlock.Kdf as Record<string, number>;
    const masterKey = await deriveMasterKey(
      user.password,
      String(unlock.Salt),
      argon2idKdf(kdf.Iterations!, kdf.Memory!, kdf.Parallelism!),
    );
    const userKey = await unlockUserKey({
      masterKey,
      protectedUserKey: asEncString(String(unlock.MasterKeyEncryptedUserKey)),
    });
    expect(userKey.toBase64()).toBe(user.keys.userKey.toBase64());

    const synced = await callRoute(sync, "/api/sync", { token: String(login.body.access_token) });
    expect(await synced.json()).toMatchObject({
      userDecryption: { masterPasswordUnlock: { kdf: { kdfType: 1, iterations: 2, memory: 16, parallelism: 1 } } },
    });

    const recorded = await db.select().from(events).where(eq(events.userId, user.id));
    expect(recorded.find((event) => event.type === "user_changed_kdf")?.details).toEqual(SMALL_ARGON2ID);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, user.email));
    expect(mails.map((mail) => mail.subject)).toContain("Your Keyhouse KDF settings were changed");
    expect(mails.find((mail) => mail.subject.includes("KDF"))?.text).toContain(
      "Argon2id, 2 iterations, 16 MiB, parallelism 1",
    );
  });

  it("goes back to PBKDF2, which clears memory and parallelism", async () => {
    const user = await createTestUser({ kdfConfig: SMALL_ARGON2ID });
    await signInAs(user.id);
    const pbkdf2 = pbkdf2Kdf(MIN_KDF_ITERATIONS);
    expect(await changeKdfAction(await kdfChange(user, pbkdf2))).toEqual({ ok: true, ...pbkdf2 });
    expect(await row(user.id)).toMatchObject({ kdfType: 0, kdfMemory: null, kdfParallelism: null });
    expect((await appLogin(user.email, await hashOf(user, user.password, pbkdf2))).status).toBe(200);
  });

  it("refuses parameters outside Bitwarden's bounds with a sentence and writes nothing", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const change = await kdfChange(user, SMALL_ARGON2ID);
    const before = await databaseSnapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kdfIterations: 1 }, "kdfIterations", "Argon2id iterations must be between 2 and 10."],
      [{ kdfIterations: 11 }, "kdfIterations", "Argon2id iterations must be between 2 and 10."],
      [{ kdfMemory: 15 }, "kdfMemory", "KDF memory must be between 16 and 1,024 MiB."],
      [{ kdfMemory: 1025 }, "kdfMemory", "KDF memory must be between 16 and 1,024 MiB."],
      [{ kdfMemory: null }, "kdfMemory", "KDF memory must be between 16 and 1,024 MiB."],
      [{ kdfParallelism: 0 }, "kdfParallelism", "KDF parallelism must be between 1 and 16."],
      [{ kdfParallelism: 17 }, "kdfParallelism", "KDF parallelism must be between 1 and 16."],
      [{ kdfMemory: 16.5 }, "kdfMemory", "KDF memory must be a whole number."],
      [{ kdf: 2 }, "kdf", "Unsupported key derivation function."],
      [{ kdf: 0, kdfIterations: 600_000 }, "kdfMemory", "Memory applies to Argon2id only."],
    ];
    for (const [tamper, field, message] of cases) {
      const result = await changeKdfAction({ ...change, ...tamper } as typeof change);
      expect(result, JSON.stringify(tamper)).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("the database refuses a KDF row outside the bounds too", async () => {
    const user = await createTestUser();
    const db = await getDb();
    const bad = [
      { kdfType: 1 as const, kdfIterations: 2, kdfMemory: 15, kdfParallelism: 1 },
      { kdfType: 1 as const, kdfIterations: 1, kdfMemory: 16, kdfParallelism: 1 },
      { kdfType: 1 as const, kdfIterations: 2, kdfMemory: 16, kdfParallelism: null },
      { kdfType: 0 as const, kdfIterations: 600_000, kdfMemory: 64, kdfParallelism: null },
      { kdfType: 1 as const, kdfIterations: 600_000, kdfMemory: null, kdfParallelism: null },
    ];
    for (const values of bad) {
      await expect(db.update(users).set(values).where(eq(users.id, user.id)), JSON.stringify(values)).rejects.toThrow();
    }
    await db
      .update(users)
      .set({ kdfType: 1, kdfIterations: 10, kdfMemory: 1024, kdfParallelism: 16 })
      .where(eq(users.id, user.id));
  });
});
