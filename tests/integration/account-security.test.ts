import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import { restoreOrganizationMembersAction } from "@/app/(console)/organizations/[organizationId]/members/actions";
import { updatePolicyAction } from "@/app/(console)/organizations/[organizationId]/settings/policies/actions";
import { deleteAccountAction, updateNameAction } from "@/app/(vault)/settings/actions";
import { changeKdfAction, changeMasterPasswordAction } from "@/app/(vault)/settings/security/actions";
import {
  beginTwoFactorAction,
  disableTwoFactorAction,
  enableTwoFactorAction,
} from "@/app/(vault)/settings/security/two-factor-actions";
import { getDb } from "@/db/client";
import { ciphers, events, folders, mailOutbox, organizationUsers, users } from "@/db/schema";
import { authenticatorCode } from "@/lib/account-security/two-factor";
import { getSession } from "@/lib/auth/session";
import { deriveLoginSecrets, type KdfConfig, MIN_KDF_ITERATIONS, pbkdf2Kdf, rewrapUserKey } from "@/lib/crypto";
import { logIn } from "@/lib/dal/login";
import { openBrowserSession } from "@/lib/dal/sessions";
import { databaseSnapshot } from "../support/db-scan";
import {
  addTestMember,
  createTestOrganization,
  createTestUser,
  inviteTestMember,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2, FAKE_LOGIN } from "../support/fakes";
import { unlockAccount } from "../support/node-bitwarden";
import { signInAs, setDecodedSession } from "../support/session";
import { hashOf, turnOnTwoStepLogin } from "../support/two-step-login";

const ORIGIN = { ip: "203.0.113.9", device: "test" };

/** What the settings page sends for a new password or KDF: current proof, new hash, re-wrapped user key, KDF. */
async function credentialsChange(
  user: TestUser,
  {
    password = user.password,
    kdfConfig = pbkdf2Kdf(MIN_KDF_ITERATIONS),
  }: { password?: string; kdfConfig?: KdfConfig } = {},
) {
  const { masterKey, masterPasswordHash } = await deriveLoginSecrets({ email: user.email, password, kdfConfig });
  const key = await rewrapUserKey(user.keys.userKey, masterKey);
  masterKey.fill(0);
  return {
    currentMasterPasswordHash: await hashOf(user),
    newMasterPasswordHash: masterPasswordHash,
    key,
    ...kdfConfig,
  };
}

async function account(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

async function mailsTo(email: string) {
  const db = await getDb();
  return (await db.select({ subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.to, email))).map(
    (mail) => mail.subject,
  );
}

async function eventTypes(userId: string) {
  const db = await getDb();
  return (await db.select({ type: events.type }).from(events).where(eq(events.userId, userId))).map(
    (event) => event.type,
  );
}

async function statusOf(organizationId: string, userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: organizationUsers.status })
    .from(organizationUsers)
    .where(and(eq(organizationUsers.organizationId, organizationId), eq(organizationUsers.userId, userId)));
  return row?.status;
}

describe("name", () => {
  it("changes the name and records it", async () => {
    const user = await createTestUser({ name: "Old Name" });
    await signInAs(user.id);
    expect(await updateNameAction({ name: "  New Name " })).toEqual({ ok: true, name: "New Name" });
    expect((await account(user.id))?.name).toBe("New Name");
    expect(await eventTypes(user.id)).toContain("user_updated_name");
  });

  it("refuses a blank or too long name with a sentence and writes nothing", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const before = await databaseSnapshot();
    expect(await updateNameAction({ name: " " })).toMatchObject({
      ok: false,
      code: "invalid_input",
      error: "Enter a name.",
    });
    expect(await updateNameAction({ name: "x".repeat(51) })).toMatchObject({
      ok: false,
      error: "Name must be at most 50 characters.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("master password change", () => {
  it("stores the new hash and re-wrapped key, rotates the stamp, ends stale sessions and mails the user", async () => {
    const user = await createTestUser();
    const newPassword = "a brand new master password";
    await signInAs(user.id);
    const before = await account(user.id);
    expect(await changeMasterPasswordAction(await credentialsChange(user, { password: newPassword }))).toEqual({
      ok: true,
    });

    const after = await account(user.id);
    expect(after!.securityStamp).not.toBe(before!.securityStamp);
    expect(after!.key).not.toBe(before!.key);
    // Another browser still holding the old stamp is signed out on its next request.
    await setDecodedSession(user.id, before!.securityStamp);
    expect(await getSession()).toBeNull();
    expect(await updateNameAction({ name: "Stale" })).toMatchObject({ ok: false, code: "unauthenticated" });
    await setDecodedSession(user.id, after!.securityStamp);
    expect(await getSession()).toMatchObject({ id: user.id });

    // An independent implementation opens the re-wrapped keys with the new password; the user key is the same.
    const unlocked = unlockAccount({
      email: user.email,
      password: newPassword,
      iterations: MIN_KDF_ITERATIONS,
      key: after!.key,
      privateKey: after!.privateKey,
    });
    expect(Buffer.from(unlocked.userKey).equals(Buffer.from(user.keys.userKey.toBytes()))).toBe(true);
    expect(() =>
      unlockAccount({
        email: user.email,
        password: user.password,
        iterations: MIN_KDF_ITERATIONS,
        key: after!.key,
        privateKey: after!.privateKey,
      }),
    ).toThrow();

    expect(
      await logIn(
        { email: user.email, masterPasswordHash: await hashOf(user, newPassword) },
        ORIGIN,
        openBrowserSession,
      ),
    ).toMatchObject({ ok: true, user: { securityStamp: after!.securityStamp } });
    expect(
      await logIn({ email: user.email, masterPasswordHash: await hashOf(user) }, ORIGIN, openBrowserSession),
    ).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });
    expect(await eventTypes(user.id)).toContain("user_changed_master_password");
    expect(await mailsTo(user.email)).toContain("Your Keyhouse master password was changed");
  });

  it("refuses a wrong current master password with a sentence next to the field and writes nothing", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const change = await credentialsChange(user, { password: "another master password" });
    const before = await databaseSnapshot();
    expect(
      await changeMasterPasswordAction({
        ...change,
        currentMasterPasswordHash: await hashOf(user, "not the password"),
      }),
    ).toEqual({
      ok: false,
      code: "rejected",
      error: "Your master password is not correct.",
      fieldErrors: { currentMasterPassword: "Your master password is not correct." },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses malformed keys and hashes with clear errors and writes nothing", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const change = await credentialsChange(user, { password: "another master password" });
    const before = await databaseSnapshot();
    // @ts-expect-error -- the types refuse plaintext for the key; the server must refuse it too.
    expect(await changeMasterPasswordAction({ ...change, key: "not an EncString" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      error: "Encrypted data is malformed.",
    });
    expect(await changeMasterPasswordAction({ ...change, newMasterPasswordHash: "short" })).toMatchObject({
      ok: false,
      error: "Master password hash is malformed.",
    });
    expect(await changeKdfAction({ ...change, kdfIterations: 5000 })).toMatchObject({
      ok: false,
      error: "KDF iterations must be at least 100,000.",
    });
    expect(await changeKdfAction({ ...change, kdfIterations: 3_000_000 })).toMatchObject({
      ok: false,
      error: "KDF iterations must be at most 2,000,000.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("KDF iterations", () => {
  it("re-derives with the new iterations: the same password opens the key, the stamp rotates", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const before = await account(user.id);
    expect(await changeKdfAction(await credentialsChange(user, { kdfConfig: pbkdf2Kdf(200_000) }))).toEqual({
      ok: true,
      ...pbkdf2Kdf(200_000),
    });
    const after = await account(user.id);
    expect(after).toMatchObject({ kdfIterations: 200_000 });
    expect(after!.securityStamp).not.toBe(before!.securityStamp);
    expect(() =>
      unlockAccount({
        email: user.email,
        password: user.password,
        iterations: 200_000,
        key: after!.key,
        privateKey: after!.privateKey,
      }),
    ).not.toThrow();
    expect(
      await logIn(
        { email: user.email, masterPasswordHash: await hashOf(user, user.password, pbkdf2Kdf(200_000)) },
        ORIGIN,
        openBrowserSession,
      ),
    ).toMatchObject({ ok: true });
    expect(await eventTypes(user.id)).toContain("user_changed_kdf");
  });
});

describe("two-step login", () => {
  it("needs the master password to begin and a current code to turn on", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const before = await databaseSnapshot();
    expect(await beginTwoFactorAction({ masterPasswordHash: await hashOf(user, "wrong password") })).toMatchObject({
      ok: false,
      error: "Your master password is not correct.",
    });
    expect(await databaseSnapshot()).toEqual(before);

    const masterPasswordHash = await hashOf(user);
    const begun = await beginTwoFactorAction({ masterPasswordHash });
    if (!begun.ok) throw new Error(begun.error);
    expect(begun.key).toMatch(/^[A-Z2-7]{32}$/);

    const pending = await databaseSnapshot();
    const wrong = String((Number(authenticatorCode(begun.key)) + 1) % 1_000_000).padStart(6, "0");
    expect(await enableTwoFactorAction({ masterPasswordHash, code: wrong })).toMatchObject({
      ok: false,
      fieldErrors: { code: expect.stringContaining("not the current one") },
    });
    expect(await enableTwoFactorAction({ masterPasswordHash, code: "12ab" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      error: "Enter the 6-digit code from your authenticator app.",
    });
    expect(await databaseSnapshot()).toEqual(pending);

    const enabled = await enableTwoFactorAction({ masterPasswordHash, code: authenticatorCode(begun.key) });
    if (!enabled.ok) throw new Error(enabled.error);
    expect(enabled.recoveryCode).toMatch(/^[A-Z2-7]{32}$/);
    const row = await account(user.id);
    expect(row).toMatchObject({ twoFactorSecret: begun.key, twoFactorEnabledAt: expect.any(Date) });
    // Only a hash of the recovery code is kept.
    expect(row!.twoFactorRecoveryCodeHash).not.toContain(enabled.recoveryCode);
    expect(await beginTwoFactorAction({ masterPasswordHash })).toMatchObject({
      ok: false,
      error: expect.stringContaining("already on"),
    });
    expect(await eventTypes(user.id)).toEqual(
      expect.arrayContaining(["user_began_two_factor_setup", "user_enabled_two_factor"]),
    );
  });

  it("asks for the code at login, refuses a wrong one, accepts a current code once", async () => {
    const user = await createTestUser();
    const { key, codeAfter, enabledStep } = await turnOnTwoStepLogin(user);
    expect((await account(user.id))?.twoFactorLastStep).toBe(enabledStep);
    const masterPasswordHash = await hashOf(user);
    const credentials = { email: user.email, masterPasswordHash };

    expect(
      await logIn(
        { ...credentials, masterPasswordHash: await hashOf(user, "wrong password") },
        ORIGIN,
        openBrowserSession,
      ),
    ).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });
    expect(await logIn(credentials, ORIGIN, openBrowserSession)).toEqual({ ok: false, reason: "two_factor_required" });
    expect(
      await logIn(
        { ...credentials, twoFactorCode: "000000" === authenticatorCode(key) ? "111111" : "000000" },
        ORIGIN,
        openBrowserSession,
      ),
    ).toEqual({ ok: false, reason: "invalid_two_factor_code" });
    expect(
      await logIn(
        { ...credentials, twoFactorCode: authenticatorCode(key, Date.now() - 90_000) },
        ORIGIN,
        openBrowserSession,
      ),
    ).toMatchObject({ ok: false });
    // The code that turned it on has been used; the next step's code (one step of clock drift) passes, once.
    expect(await logIn({ ...credentials, twoFactorCode: codeAfter(0) }, ORIGIN, openBrowserSession)).toEqual({
      ok: false,
      reason: "invalid_two_factor_code",
    });
    expect(await logIn({ ...credentials, twoFactorCode: codeAfter(1) }, ORIGIN, openBrowserSession)).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    expect(await logIn({ ...credentials, twoFactorCode: codeAfter(1) }, ORIGIN, openBrowserSession)).toEqual({
      ok: false,
      reason: "invalid_two_factor_code",
    });
    expect(await logIn({ ...credentials, twoFactorCode: codeAfter(-1) }, ORIGIN, openBrowserSession)).toEqual({
      ok: false,
      reason: "invalid_two_factor_code",
    });
    expect((await account(user.id))?.twoFactorLastStep).toBe(enabledStep + 1);
    const types = await eventTypes(user.id);
    expect(types.filter((type) => type === "user_login_failed_two_factor").length).toBeGreaterThanOrEqual(1);
    expect(types).toContain("user_logged_in");
  });

  it("refuses every code, the right one too, after five wrong ones; a login in between starts the count again", async () => {
    const user = await createTestUser();
    const { key, codeAfter } = await turnOnTwoStepLogin(user);
    const credentials = { email: user.email, masterPasswordHash: await hashOf(user) };
    const wrong = { ...credentials, twoFactorCode: authenticatorCode(key, Date.now() - 300_000) };

    for (let attempt = 0; attempt < 4; attempt++)
      expect(await logIn(wrong, ORIGIN, openBrowserSession)).toEqual({ ok: false, reason: "invalid_two_factor_code" });
    expect(await logIn({ ...credentials, twoFactorCode: codeAfter(1) }, ORIGIN, openBrowserSession)).toMatchObject({
      ok: true,
    });
    for (let attempt = 0; attempt < 5; attempt++)
      expect(await logIn(wrong, ORIGIN, openBrowserSession)).toEqual({ ok: false, reason: "invalid_two_factor_code" });
    expect(await logIn(wrong, ORIGIN, openBrowserSession)).toEqual({ ok: false, reason: "too_many_two_factor_codes" });
    expect(await logIn({ ...credentials, twoFactorCode: codeAfter(2) }, ORIGIN, openBrowserSession)).toEqual({
      ok: false,
      reason: "too_many_two_factor_codes",
    });
    // Refusals while locked out are not counted as guesses: the lockout ends on time.
    expect((await eventTypes(user.id)).filter((type) => type === "user_login_failed_two_factor")).toHaveLength(9);
  });

  it("turns off with a current code, and refuses without the right code or password", async () => {
    const user = await createTestUser();
    const { codeAfter } = await turnOnTwoStepLogin(user);
    const masterPasswordHash = await hashOf(user);
    const before = await databaseSnapshot();
    expect(await disableTwoFactorAction({ masterPasswordHash, code: "ABCD-EFGH" })).toMatchObject({
      ok: false,
      fieldErrors: { code: expect.any(String) },
    });
    expect(
      await disableTwoFactorAction({ masterPasswordHash: await hashOf(user, "wrong password"), code: codeAfter(1) }),
    ).toMatchObject({ ok: false, error: "Your master password is not correct." });
    // The code that turned it on was used up then.
    expect(await disableTwoFactorAction({ masterPasswordHash, code: codeAfter(0) })).toMatchObject({
      ok: false,
      fieldErrors: { code: expect.any(String) },
    });
    expect(await disableTwoFactorAction({ masterPasswordHash, code: "" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await databaseSnapshot()).toEqual(before);

    expect(await disableTwoFactorAction({ masterPasswordHash, code: codeAfter(1) })).toEqual({
      ok: true,
      revokedFrom: [],
    });
    expect(await account(user.id)).toMatchObject({
      twoFactorSecret: null,
      twoFactorEnabledAt: null,
      twoFactorRecoveryCodeHash: null,
      twoFactorLastStep: null,
    });
    expect(await logIn({ email: user.email, masterPasswordHash }, ORIGIN, openBrowserSession)).toMatchObject({
      ok: true,
    });
    expect(await eventTypes(user.id)).toContain("user_disabled_two_factor");
  });

  it("logs in once with the recovery code, which turns two-step login off and is used up", async () => {
    const user = await createTestUser();
    const { recoveryCode } = await turnOnTwoStepLogin(user);
    const credentials = { email: user.email, masterPasswordHash: await hashOf(user) };
    const typed = recoveryCode.toLowerCase().replace(/(.{4})/g, "$1-");
    expect(await logIn({ ...credentials, twoFactorCode: typed }, ORIGIN, openBrowserSession)).toMatchObject({
      ok: true,
    });
    expect(await account(user.id)).toMatchObject({ twoFactorEnabledAt: null, twoFactorRecoveryCodeHash: null });
    expect(await eventTypes(user.id)).toContain("user_recovered_two_factor");
    expect(await mailsTo(user.email)).toContain("Two-step login is off for your Keyhouse account");

    // Turned on again, the old recovery code no longer works.
    const again = await turnOnTwoStepLogin(user);
    expect(again.recoveryCode).not.toBe(recoveryCode);
    expect(await logIn({ ...credentials, twoFactorCode: recoveryCode }, ORIGIN, openBrowserSession)).toEqual({
      ok: false,
      reason: "invalid_two_factor_code",
    });
    expect(
      await disableTwoFactorAction({ masterPasswordHash: credentials.masterPasswordHash, code: again.recoveryCode }),
    ).toMatchObject({ ok: true });
  });
});

describe("require two-step login policy", () => {
  let owner: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    owner = await createTestUser({ name: "Policy Owner" });
    organizationId = await createTestOrganization("Two-Step Org", owner);
  });

  it("revokes and mails bound members without two-step login when turned on; exempt and enrolled members stay", async () => {
    const without = await createTestUser();
    const accepted = await createTestUser();
    const enrolled = await createTestUser();
    const admin = await createTestUser();
    await addTestMember(organizationId, without, "user");
    await addTestMember(organizationId, accepted, "custom", "accepted");
    await addTestMember(organizationId, enrolled, "user");
    await addTestMember(organizationId, admin, "admin");
    await turnOnTwoStepLogin(enrolled);

    await signInAs(owner.id);
    expect(await updatePolicyAction({ organizationId, type: "two_factor_authentication", enabled: true })).toEqual({
      ok: true,
      type: "two_factor_authentication",
      enabled: true,
    });
    expect(await statusOf(organizationId, without.id)).toBe("revoked");
    expect(await statusOf(organizationId, accepted.id)).toBe("revoked");
    expect(await statusOf(organizationId, enrolled.id)).toBe("confirmed");
    expect(await statusOf(organizationId, admin.id)).toBe("confirmed");
    expect(await statusOf(organizationId, owner.id)).toBe("confirmed");
    expect(await mailsTo(without.email)).toContain("Your access to Two-Step Org was revoked");
    const db = await getDb();
    const revocations = await db
      .select()
      .from(events)
      .where(eq(events.type, "organization_user_revoked_for_two_factor"));
    expect(revocations.filter((event) => event.organizationId === organizationId)).toHaveLength(2);
    expect(revocations[0]).toMatchObject({ actingUserId: owner.id });

    // Not restored until they turn two-step login on.
    const [revokedRow] = await db
      .select({ id: organizationUsers.id })
      .from(organizationUsers)
      .where(eq(organizationUsers.userId, without.id));
    const before = await databaseSnapshot();
    expect(await restoreOrganizationMembersAction({ organizationId, memberIds: [revokedRow!.id] })).toMatchObject({
      ok: false,
      error: `Two-Step Org requires two-step login, which ${without.email} has not turned on. Restore them once they have.`,
    });
    expect(await databaseSnapshot()).toEqual(before);
    await turnOnTwoStepLogin(without);
    await signInAs(owner.id);
    expect(await restoreOrganizationMembersAction({ organizationId, memberIds: [revokedRow!.id] })).toMatchObject({
      ok: true,
    });
    expect(await statusOf(organizationId, without.id)).toBe("confirmed");
  });

  it("refuses an invitation to someone without two-step login, and accepts it once they have it", async () => {
    const member = await createTestUser();
    const token = await inviteTestMember(organizationId, member.email);
    await signInAs(member.id);
    const before = await databaseSnapshot();
    expect(await acceptInvitation({ kind: "organization", token })).toEqual({
      ok: false,
      code: "rejected",
      error:
        "Two-Step Org requires two-step login. Turn on two-step login in your account settings (Settings → Security), then accept the invitation again.",
    });
    expect(await databaseSnapshot()).toEqual(before);

    await turnOnTwoStepLogin(member);
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({
      ok: true,
      tenantName: "Two-Step Org",
    });
  });

  it("lets an invited admin accept without two-step login (admins are exempt)", async () => {
    const admin = await createTestUser();
    const token = await inviteTestMember(organizationId, admin.email, "admin");
    await signInAs(admin.id);
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({ ok: true });
  });

  it("revokes a member who turns two-step login off, and tells them", async () => {
    const member = await createTestUser();
    const { codeAfter } = await turnOnTwoStepLogin(member);
    await addTestMember(organizationId, member, "user");
    await signInAs(member.id);
    expect(await disableTwoFactorAction({ masterPasswordHash: await hashOf(member), code: codeAfter(1) })).toEqual({
      ok: true,
      revokedFrom: ["Two-Step Org"],
    });
    expect(await statusOf(organizationId, member.id)).toBe("revoked");
    expect(await mailsTo(member.email)).toContain("Your access to Two-Step Org was revoked");
  });

  it("revokes a member who logs in with the recovery code", async () => {
    const member = await createTestUser();
    const { recoveryCode } = await turnOnTwoStepLogin(member);
    await addTestMember(organizationId, member, "user");
    expect(
      await logIn(
        { email: member.email, masterPasswordHash: await hashOf(member), twoFactorCode: recoveryCode },
        ORIGIN,
        openBrowserSession,
      ),
    ).toMatchObject({ ok: true });
    expect(await statusOf(organizationId, member.id)).toBe("revoked");
  });

  it("leaves other organizations alone", async () => {
    const otherOwner = await createTestUser();
    const other = await createTestOrganization("Relaxed Org", otherOwner);
    const member = await createTestUser();
    await addTestMember(other, member, "user");
    await signInAs(owner.id);
    await updatePolicyAction({ organizationId, type: "two_factor_authentication", enabled: true });
    expect(await statusOf(other, member.id)).toBe("confirmed");
  });
});

describe("account deletion", () => {
  it("is refused to the only confirmed owner of an organization, with a sentence, writing nothing", async () => {
    const owner = await createTestUser();
    await createTestOrganization("Solo Org", owner);
    await signInAs(owner.id);
    const before = await databaseSnapshot();
    expect(await deleteAccountAction({ masterPasswordHash: await hashOf(owner), confirmation: owner.email })).toEqual({
      ok: false,
      code: "rejected",
      error:
        "You are the only confirmed owner or admin of Solo Org. Make someone else an owner or admin there, or delete it, before you delete your account.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("is refused without the right confirmation or master password", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const before = await databaseSnapshot();
    expect(
      await deleteAccountAction({ masterPasswordHash: await hashOf(user), confirmation: "someone@else.example" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: "Type your email address exactly as shown to confirm." },
    });
    expect(
      await deleteAccountAction({ masterPasswordHash: await hashOf(user, "wrong password"), confirmation: user.email }),
    ).toMatchObject({
      ok: false,
      error: "Your master password is not correct.",
    });
    expect(await deleteAccountAction({ masterPasswordHash: "nope", confirmation: user.email })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("deletes the account with its items, folders and memberships; the event stays and the session ends", async () => {
    const owner = await createTestUser();
    const organizationId = await createTestOrganization("Kept Org", owner);
    const user = await createTestUser();
    await addTestMember(organizationId, user, "owner");
    const db = await getDb();
    await db.insert(folders).values({ userId: user.id, name: FAKE_ENC_2 });
    await db.insert(ciphers).values({ userId: user.id, type: "login", data: FAKE_LOGIN.data });

    await signInAs(user.id);
    expect(
      await deleteAccountAction({ masterPasswordHash: await hashOf(user), confirmation: user.email.toUpperCase() }),
    ).toEqual({ ok: true });
    expect(await account(user.id)).toBeUndefined();
    expect(await db.select().from(folders).where(eq(folders.userId, user.id))).toEqual([]);
    expect(await db.select().from(ciphers).where(eq(ciphers.userId, user.id))).toEqual([]);
    expect(await statusOf(organizationId, user.id)).toBeUndefined();
    expect(await eventTypes(user.id)).toContain("user_deleted");
    expect(await mailsTo(user.email)).toContain("Your Keyhouse account was deleted");
    expect(await getSession()).toBeNull();
    expect(
      await logIn({ email: user.email, masterPasswordHash: await hashOf(user) }, ORIGIN, openBrowserSession),
    ).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });
  });
});
