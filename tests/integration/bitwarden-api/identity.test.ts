import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { disableTwoFactorAction } from "@/app/(vault)/settings/security/two-factor-actions";
import { GET as sync } from "@/app/api/sync/route";
import { POST as preloginPassword } from "@/app/identity/accounts/prelogin/password/route";
import { POST as token } from "@/app/identity/connect/token/route";
import { getDb } from "@/db/client";
import { events, userSessions } from "@/db/schema";
import { LOGIN_THROTTLE } from "@/lib/account-security/login-throttle";
import { requireUser } from "@/lib/authz/scope";
import { MIN_KDF_ITERATIONS } from "@/lib/crypto";
import { rotateApiKey } from "@/lib/dal/api-keys";
import { createTestUser, type TestUser } from "../../support/factories";
import { signInAs } from "../../support/session";
import { hashOf, turnOnTwoStepLogin } from "../../support/two-step-login";
import { callRoute, passwordForm } from "./api";

const WRONG_CREDENTIALS = "Username or password is incorrect. Try again.";

function tokenRequest(form: URLSearchParams) {
  return callRoute(token, "/identity/connect/token", { method: "POST", body: form });
}

async function tokenAnswer(form: URLSearchParams) {
  const response = await tokenRequest(form);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function syncStatus(accessToken: unknown) {
  return callRoute(sync, "/api/sync", { token: String(accessToken) }).then((response) => response.status);
}

async function eventTypes(userId: string): Promise<string[]> {
  const db = await getDb();
  return (await db.select({ type: events.type }).from(events).where(eq(events.userId, userId))).map((row) => row.type);
}

describe("prelogin", () => {
  it("answers the KDF settings and salt, in the same shape for an unknown email", async () => {
    const user = await createTestUser();
    const known = await callRoute(preloginPassword, "/identity/accounts/prelogin/password", {
      method: "POST",
      body: { email: user.email },
    });
    expect(known.status).toBe(200);
    const knownBody = await known.json();
    expect(knownBody).toMatchObject({
      kdf: 0,
      kdfIterations: MIN_KDF_ITERATIONS,
      kdfSettings: { kdfType: 0, iterations: MIN_KDF_ITERATIONS },
      salt: user.email,
    });
    const unknown = await callRoute(preloginPassword, "/identity/accounts/prelogin/password", {
      method: "POST",
      body: { email: "nobody-at-all@test.example" },
    });
    expect(unknown.status).toBe(200);
    const unknownBody = await unknown.json();
    expect(Object.keys(unknownBody).sort()).toEqual(Object.keys(knownBody).sort());
    expect(unknownBody.salt).toBe("nobody-at-all@test.example");
  });
});

describe("password login", () => {
  let user: TestUser;
  let hash: string;
  beforeAll(async () => {
    user = await createTestUser({ name: "Pat Login" });
    hash = await hashOf(user);
  });

  it("answers tokens, keys and how to unlock, and logs the login", async () => {
    const { status, body } = await tokenAnswer(passwordForm({ email: user.email, masterPasswordHash: hash }));
    expect(status).toBe(200);
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      sub: user.id,
      email: user.email,
      name: "Pat Login",
      email_verified: true,
      sstamp: expect.any(String),
    });
    expect(claims.exp! * 1000).toBeGreaterThan(Date.now());
    expect(body).toMatchObject({
      token_type: "Bearer",
      refresh_token: expect.any(String),
      Key: user.keys.key,
      PrivateKey: user.keys.privateKey,
      AccountKeys: { publicKeyEncryptionKeyPair: { publicKey: user.keys.publicKey } },
      Kdf: 0,
      KdfIterations: MIN_KDF_ITERATIONS,
      UserDecryptionOptions: {
        MasterPasswordUnlock: {
          Kdf: { KdfType: 0, Iterations: MIN_KDF_ITERATIONS },
          MasterKeyEncryptedUserKey: user.keys.key,
          Salt: user.email,
        },
      },
    });
    expect(body).not.toHaveProperty("TwoFactorToken");
    expect(await syncStatus(body.access_token)).toBe(200);
    expect(await eventTypes(user.id)).toContain("user_logged_in");
  });

  it("refuses a wrong password in the apps' words and logs the failure", async () => {
    const other = await createTestUser();
    const { status, body } = await tokenAnswer(
      passwordForm({ email: other.email, masterPasswordHash: await hashOf(other, "not the password") }),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_grant", ErrorModel: { Message: WRONG_CREDENTIALS } });
    expect(body).not.toHaveProperty("access_token");
    expect(await eventTypes(other.id)).toEqual(["user_login_failed"]);
  });

  it("refuses even the right password once the account's failures reach the limit", async () => {
    const other = await createTestUser();
    const wrong = await hashOf(other, "not the password");
    for (let attempt = 0; attempt < LOGIN_THROTTLE.account.maxFailures; attempt++) {
      expect((await tokenAnswer(passwordForm({ email: other.email, masterPasswordHash: wrong }))).status).toBe(400);
    }
    const { status, body } = await tokenAnswer(
      passwordForm({ email: other.email, masterPasswordHash: await hashOf(other) }),
    );
    expect(status).toBe(400);
    expect(body).not.toHaveProperty("access_token");
    expect(body).toMatchObject({ ErrorModel: { Message: expect.stringContaining("Too many failed login attempts") } });
  });
});

describe("two-step login", () => {
  let user: TestUser;
  let hash: string;
  let twoStep: Awaited<ReturnType<typeof turnOnTwoStepLogin>>;
  beforeAll(async () => {
    user = await createTestUser();
    hash = await hashOf(user);
    twoStep = await turnOnTwoStepLogin(user);
  });

  it("asks for a code, refuses a wrong one, and remembers the device only where it was asked", async () => {
    const device = randomUUID();
    const challenge = await tokenAnswer(
      passwordForm({ email: user.email, masterPasswordHash: hash, deviceIdentifier: device }),
    );
    expect(challenge.status).toBe(400);
    expect(challenge.body).toMatchObject({ TwoFactorProviders2: { "0": null } });
    expect(challenge.body).not.toHaveProperty("access_token");

    const right = twoStep.codeAfter(1);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    const refused = await tokenAnswer(
      passwordForm({
        email: user.email,
        masterPasswordHash: hash,
        deviceIdentifier: device,
        twoFactorToken: wrong,
        twoFactorProvider: 0,
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).not.toHaveProperty("access_token");

    const passed = await tokenAnswer(
      passwordForm({
        email: user.email,
        masterPasswordHash: hash,
        deviceIdentifier: device,
        twoFactorToken: right,
        twoFactorProvider: 0,
        twoFactorRemember: "1",
      }),
    );
    expect(passed.status).toBe(200);
    const remember = String(passed.body.TwoFactorToken);
    expect(remember.length).toBeGreaterThan(20);

    const remembered = (deviceIdentifier: string) =>
      tokenAnswer(
        passwordForm({
          email: user.email,
          masterPasswordHash: hash,
          deviceIdentifier,
          twoFactorToken: remember,
          twoFactorProvider: 5,
        }),
      );
    const again = await remembered(device);
    expect(again.status).toBe(200);
    expect(again.body).toHaveProperty("access_token");
    const elsewhere = await remembered(randomUUID());
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toMatchObject({ TwoFactorProviders2: { "0": null } });

    // Turning two-step login off and on again forgets every remembered device.
    await signInAs(user.id);
    const off = await disableTwoFactorAction({ masterPasswordHash: hash, code: twoStep.recoveryCode });
    expect(off).toMatchObject({ ok: true });
    twoStep = await turnOnTwoStepLogin(user);
    const afterReset = await remembered(device);
    expect(afterReset.status).toBe(400);
    expect(afterReset.body).not.toHaveProperty("access_token");
  });
});

describe("refresh", () => {
  it("rotates the refresh token; presenting the replaced one signs the device out", async () => {
    const user = await createTestUser();
    const login = await tokenAnswer(passwordForm({ email: user.email, masterPasswordHash: await hashOf(user) }));
    expect(login.status).toBe(200);
    const refresh = (refreshToken: unknown) =>
      tokenAnswer(
        new URLSearchParams({ grant_type: "refresh_token", client_id: "web", refresh_token: String(refreshToken) }),
      );
    const first = await refresh(login.body.refresh_token);
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toEqual(expect.any(String));
    expect(first.body.refresh_token).not.toBe(login.body.refresh_token);
    expect(await syncStatus(first.body.access_token)).toBe(200);

    // The spent token again: refused, and the device's session ends with it.
    const replay = await refresh(login.body.refresh_token);
    expect(replay.status).toBe(400);
    expect(replay.body).not.toHaveProperty("access_token");
    expect(await syncStatus(first.body.access_token)).toBe(401);
    expect((await refresh(first.body.refresh_token)).status).toBe(400);
    const db = await getDb();
    const sessionId = String(login.body.refresh_token).split(".")[0]!;
    const [row] = await db
      .select()
      .from(userSessions)
      .where(and(eq(userSessions.id, sessionId)));
    expect(row?.revokedAt).not.toBeNull();
  });
});

describe("personal API key login", () => {
  const apiKeyForm = (clientId: string, clientSecret: string) =>
    new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: "api",
      deviceType: "8",
      deviceIdentifier: randomUUID(),
      deviceName: "cli",
    });

  it("works only with the current key, and gives no refresh token", async () => {
    const user = await createTestUser();
    const before = await tokenAnswer(apiKeyForm(`user.${user.id}`, "a".repeat(32)));
    expect(before).toMatchObject({ status: 400, body: { error: "invalid_client" } });

    await signInAs(user.id);
    const scope = await requireUser();
    const db = await getDb();
    const key = await db.transaction((tx) => rotateApiKey(tx, scope));
    const passed = await tokenAnswer(apiKeyForm(key.clientId, key.clientSecret));
    expect(passed.status).toBe(200);
    expect(passed.body).toHaveProperty("access_token");
    expect(passed.body).not.toHaveProperty("refresh_token");
    expect(await syncStatus(passed.body.access_token)).toBe(200);

    const wrong = await tokenAnswer(apiKeyForm(key.clientId, `${key.clientSecret.slice(0, -2)}xx`));
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_client" } });
    expect(wrong.body).not.toHaveProperty("access_token");
    expect(await eventTypes(user.id)).toEqual(expect.arrayContaining(["user_logged_in", "user_login_failed"]));
  });
});
