import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import { verifyEmailAction } from "@/app/(auth)/verify-email/actions";
import { setUpProvider } from "@/app/(portal)/providers/setup/actions";
import { sendVerificationEmailAction } from "@/app/(vault)/settings/actions";
import { getDb } from "@/db/client";
import { emailTokens, events, mailOutbox, users } from "@/db/schema";
import { SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { createEmailToken } from "@/lib/dal/email-tokens";
import { secretHash } from "@/lib/server/secret-token";
import { commandLineContext } from "@/lib/operator/command-context";
import { createPendingProvider } from "@/lib/operator/providers";
import { createProviderSchema } from "@/lib/validation/provider";
import { databaseSnapshot } from "../support/db-scan";
import {
  createTestOrganization,
  createTestUser,
  inviteTestMember,
  type TestUser,
  uniqueEmail,
} from "../support/factories";
import { signInAs, signOut } from "../support/session";

async function isVerified(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, userId));
  return row!.verified;
}

async function eventTypesOf(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ type: events.type }).from(events).where(eq(events.userId, userId)).orderBy(events.id);
  return rows.map((row) => row.type);
}

/** Asks for a verification mail as `user` and returns the token of its link. */
async function mailedVerificationToken(user: TestUser): Promise<string> {
  await signInAs(user.id);
  expect(await sendVerificationEmailAction({})).toEqual({ ok: true, email: user.email });
  const db = await getDb();
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, user.email))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(1);
  expect(mail?.subject).toBe("Verify your Keyhouse email address");
  return /\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
}

describe("verifying the address of an existing account", () => {
  let legacy: TestUser;
  let token: string;

  beforeAll(async () => {
    // Accounts made before registration verified addresses.
    legacy = await createTestUser({ emailVerified: false });
  });

  it("mails a single-use link for the account's own address, stored as a hash", async () => {
    token = await mailedVerificationToken(legacy);
    const db = await getDb();
    const [row] = await db
      .select()
      .from(emailTokens)
      .where(eq(emailTokens.tokenHash, secretHash(token)));
    expect(row).toMatchObject({ purpose: "verification", email: legacy.email, usedAt: null });
    expect(await isVerified(legacy.id)).toBe(false);
    expect(await eventTypesOf(legacy.id)).toEqual(["user_verification_email_sent"]);
  });

  it("following the link verifies the account, without a session, once", async () => {
    signOut();
    expect(await verifyEmailAction({ token })).toEqual({ ok: true, email: legacy.email });
    expect(await isVerified(legacy.id)).toBe(true);
    expect(await eventTypesOf(legacy.id)).toEqual(["user_verification_email_sent", "user_email_verified"]);

    const before = await databaseSnapshot();
    expect(await verifyEmailAction({ token })).toEqual({
      ok: false,
      code: "rejected",
      error: "This link has already been used.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("tells a verified account so, and mails nothing", async () => {
    await signInAs(legacy.id);
    const before = await databaseSnapshot();
    expect(await sendVerificationEmailAction({})).toMatchObject({
      ok: false,
      error: "Your email address is already verified.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("verifies only the address the link was sent to", async () => {
    const first = await createTestUser({ emailVerified: false });
    const second = await createTestUser({ emailVerified: false });
    const firstToken = await mailedVerificationToken(first);
    await signInAs(second.id);
    expect(await verifyEmailAction({ token: firstToken })).toMatchObject({ ok: true, email: first.email });
    expect(await isVerified(first.id)).toBe(true);
    expect(await isVerified(second.id)).toBe(false);
  });

  it("refuses a registration link, an expired link and a damaged one", async () => {
    const user = await createTestUser({ emailVerified: false });
    const db = await getDb();
    const { token: registration } = await db.transaction((tx) => createEmailToken(tx, "registration", user.email));
    signOut();
    expect(await verifyEmailAction({ token: registration })).toMatchObject({
      ok: false,
      error: "This link is not valid. Request a new one.",
    });

    const late = await mailedVerificationToken(user);
    await db
      .update(emailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(emailTokens.email, user.email), eq(emailTokens.purpose, "verification")));
    expect(await verifyEmailAction({ token: late })).toMatchObject({
      ok: false,
      error: "This link has expired. Request a new one.",
    });
    expect(await verifyEmailAction({ token: "nope" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { token: "The link is incomplete or damaged." },
    });
    expect(await isVerified(user.id)).toBe(false);
  });

  it("refuses a link whose account was deleted since", async () => {
    const db = await getDb();
    const gone = uniqueEmail("gone");
    const { token: orphan } = await db.transaction((tx) => createEmailToken(tx, "verification", gone));
    signOut();
    const before = await databaseSnapshot();
    expect(await verifyEmailAction({ token: orphan })).toMatchObject({
      ok: false,
      error: "This link is not valid. Request a new one.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("following an invitation or setup link proves the address", () => {
  it("accepting an organization invitation verifies the account", async () => {
    const owner = await createTestUser();
    const organizationId = await createTestOrganization("Verifying Org", owner);
    const member = await createTestUser({ emailVerified: false });
    const token = await inviteTestMember(organizationId, member.email);
    await signInAs(member.id);
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({ ok: true });
    expect(await isVerified(member.id)).toBe(true);
    expect(await eventTypesOf(member.id)).toContain("user_email_verified");
  });

  it("completing provider setup verifies the owner's account", async () => {
    const owner = await createTestUser({ emailVerified: false });
    const db = await getDb();
    const { setupUrl } = await db.transaction((tx) =>
      createPendingProvider(
        commandLineContext(tx),
        createProviderSchema.parse({ name: "Verifying MSP", ownerEmail: owner.email }),
      ),
    );
    await signInAs(owner.id);
    const key = await wrapSymmetricKeyForPublicKey(SymmetricKey.generate(), owner.keys.publicKey);
    const token = new URL(setupUrl).searchParams.get("token")!;
    expect(await setUpProvider({ token, name: "Verifying MSP", billingEmail: owner.email, key })).toMatchObject({
      ok: true,
    });
    expect(await isVerified(owner.id)).toBe(true);
  });
});
