import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import {
  confirmProviderMembersAction,
  inviteProviderMembersAction,
  removeProviderMembersAction,
  resendProviderInvitationAction,
  updateProviderMemberAction,
} from "@/app/(portal)/providers/[providerId]/members/actions";
import { getDb } from "@/db/client";
import { events, mailOutbox, providerUsers } from "@/db/schema";
import {
  asEncString,
  type SymmetricKey,
  unwrapPrivateKey,
  unwrapSymmetricKeyWithPrivateKey,
  wrapSymmetricKeyForPublicKey,
} from "@/lib/crypto";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestProvider, createTestUser, type TestUser, uniqueEmail } from "../support/factories";
import { providerKeyOf, unlockAs } from "../support/keys";
import { signInAs } from "../support/session";

/** The accept link from the newest invitation mail to `email`. */
async function acceptToken(email: string): Promise<string> {
  const db = await getDb();
  const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  const newest = mails.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const match = newest?.text.match(/\/accept\/provider\?token=([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no invitation mail for ${email}`);
  return match[1]!;
}

async function memberRow(providerId: string, email: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(providerUsers)
    .where(and(eq(providerUsers.providerId, providerId), eq(providerUsers.email, email)));
  return row;
}

describe("provider members: invite → accept → confirm", () => {
  let demo: DemoIds;
  let providerKey: SymmetricKey;

  beforeAll(async () => {
    demo = await loadDemo();
    providerKey = await providerKeyOf(await unlockAs("admin@demo-msp.example", "keyhouse-demo"), demo.providerId);
  });

  it("takes a new service user from invitation to a confirmed member holding the provider key", async () => {
    const newcomer = await createTestUser({ email: uniqueEmail("newtech") });
    await signInAs(demo.users.admin);
    const invited = await inviteProviderMembersAction({
      providerId: demo.providerId,
      emails: ` ${newcomer.email.toUpperCase()} `,
      type: "service_user",
    });
    expect(invited).toEqual({ ok: true, invited: 1 });
    expect(await memberRow(demo.providerId, newcomer.email)).toMatchObject({
      status: "invited",
      userId: null,
      type: "service_user",
      key: null,
    });

    await signInAs(newcomer.id);
    const accepted = await acceptInvitation({ kind: "provider", token: await acceptToken(newcomer.email) });
    expect(accepted).toMatchObject({ ok: true, redirectTo: "/providers", tenantName: "Demo MSP" });
    const row = await memberRow(demo.providerId, newcomer.email);
    expect(row).toMatchObject({ status: "accepted", userId: newcomer.id });

    await signInAs(demo.users.admin);
    const key = await wrapSymmetricKeyForPublicKey(providerKey, newcomer.keys.publicKey);
    expect(
      await confirmProviderMembersAction({ providerId: demo.providerId, confirmations: [{ id: row!.id, key }] }),
    ).toEqual({ ok: true, confirmed: 1 });
    const confirmed = await memberRow(demo.providerId, newcomer.email);
    expect(confirmed!.status).toBe("confirmed");
    const privateKey = await unwrapPrivateKey(newcomer.keys.privateKey, newcomer.keys.userKey);
    expect((await unwrapSymmetricKeyWithPrivateKey(confirmed!.key!, privateKey)).toBytes()).toEqual(
      providerKey.toBytes(),
    );

    const db = await getDb();
    const logged = await db.select({ type: events.type }).from(events).where(eq(events.providerUserId, row!.id));
    expect(logged.map((event) => event.type)).toEqual([
      "provider_user_invited",
      "provider_user_accepted",
      "provider_user_confirmed",
    ]);
  });

  it("sends each invitee a single-use link bound to their email", async () => {
    const invitee = uniqueEmail("invitee");
    const other = await createTestUser();
    await signInAs(demo.users.admin);
    await inviteProviderMembersAction({ providerId: demo.providerId, emails: invitee, type: "provider_admin" });
    const token = await acceptToken(invitee);
    await signInAs(other.id);
    const before = await databaseSnapshot();
    expect(await acceptInvitation({ kind: "provider", token })).toMatchObject({
      ok: false,
      error: expect.stringContaining("another email address"),
    });
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({
      ok: false,
      error: expect.stringContaining("not valid"),
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("replaces the link on resend: the old one stops working", async () => {
    const person = await createTestUser({ email: uniqueEmail("resend") });
    await signInAs(demo.users.admin);
    await inviteProviderMembersAction({ providerId: demo.providerId, emails: person.email, type: "service_user" });
    const first = await acceptToken(person.email);
    const row = await memberRow(demo.providerId, person.email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await resendProviderInvitationAction({ providerId: demo.providerId, memberId: row!.id })).toEqual({
      ok: true,
    });
    const second = await acceptToken(person.email);
    expect(second).not.toBe(first);
    await signInAs(person.id);
    expect(await acceptInvitation({ kind: "provider", token: first })).toMatchObject({
      ok: false,
      error: "This invitation has already been used.",
    });
    expect(await acceptInvitation({ kind: "provider", token: second })).toMatchObject({ ok: true });
  });

  it.each([
    ["no address", "", "Enter at least one email address."],
    ["a bad address", "good@x.example, not-an-email", "Enter a valid email address."],
    [
      "more than 20 addresses",
      Array.from({ length: 21 }, (_, index) => `p${index}@x.example`).join("\n"),
      "You can invite up to 20 people at a time.",
    ],
    ["an existing member", "tech@demo-msp.example", "Already a member or invited: tech@demo-msp.example."],
  ])("refuses %s and invites no one", async (_label, emails, message) => {
    await signInAs(demo.users.admin);
    const before = await databaseSnapshot();
    const result = await inviteProviderMembersAction({ providerId: demo.providerId, emails, type: "service_user" });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.fieldErrors?.emails ?? result.error).toBe(message);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("invites up to 20 at once", async () => {
    await signInAs(demo.users.admin);
    const emails = Array.from({ length: 20 }, () => uniqueEmail("bulk")).join(", ");
    expect(await inviteProviderMembersAction({ providerId: demo.providerId, emails, type: "service_user" })).toEqual({
      ok: true,
      invited: 20,
    });
  });

  it("confirms only accepted members", async () => {
    await signInAs(demo.users.admin);
    const email = uniqueEmail("early");
    await inviteProviderMembersAction({ providerId: demo.providerId, emails: email, type: "service_user" });
    const row = await memberRow(demo.providerId, email);
    const someKey = await wrapSymmetricKeyForPublicKey(
      providerKey,
      (await unlockAs("tech@demo-msp.example", "keyhouse-demo")).publicKey,
    );
    const before = await databaseSnapshot();
    const result = await confirmProviderMembersAction({
      providerId: demo.providerId,
      confirmations: [{ id: row!.id, key: someKey }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: `Only members who accepted their invitation can be confirmed: ${email}.`,
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses ids of another provider's members", async () => {
    const otherAdmin = await createTestUser();
    const other = await createTestProvider(otherAdmin);
    const db = await getDb();
    const [foreign] = await db
      .select({ id: providerUsers.id })
      .from(providerUsers)
      .where(eq(providerUsers.providerId, other.id));
    await signInAs(demo.users.admin);
    const before = await databaseSnapshot();
    expect(await removeProviderMembersAction({ providerId: demo.providerId, memberIds: [foreign!.id] })).toMatchObject({
      ok: false,
    });
    expect(
      await updateProviderMemberAction({ providerId: demo.providerId, memberId: foreign!.id, type: "service_user" }),
    ).toMatchObject({ ok: false });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("a provider keeps a confirmed admin, and nobody removes themselves", () => {
  let admin: TestUser;
  let providerId: string;
  let adminRowId: string;

  beforeAll(async () => {
    admin = await createTestUser();
    providerId = (await createTestProvider(admin, "Solo MSP")).id;
    adminRowId = (await memberRow(providerId, admin.email))!.id;
  });

  it("refuses to remove or re-role yourself", async () => {
    await signInAs(admin.id);
    expect(await removeProviderMembersAction({ providerId, memberIds: [adminRowId] })).toMatchObject({
      ok: false,
      error: "You cannot remove yourself.",
    });
    expect(await updateProviderMemberAction({ providerId, memberId: adminRowId, type: "service_user" })).toMatchObject({
      ok: false,
      error: "You cannot change your own role.",
    });
  });

  it("lets a second admin demote the first only while another confirmed admin remains", async () => {
    const second = await createTestUser();
    const db = await getDb();
    const [row] = await db
      .insert(providerUsers)
      .values({
        providerId,
        userId: second.id,
        email: second.email,
        type: "provider_admin",
        status: "confirmed",
        key: asEncString(`4.${Buffer.alloc(256, 1).toString("base64")}`),
      })
      .returning({ id: providerUsers.id });
    await signInAs(second.id);
    expect(await updateProviderMemberAction({ providerId, memberId: adminRowId, type: "service_user" })).toEqual({
      ok: true,
    });
    // Now `second` is the only confirmed admin: the (demoted) first one cannot take that away.
    await signInAs(admin.id);
    expect(await updateProviderMemberAction({ providerId, memberId: row!.id, type: "service_user" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await signInAs(second.id);
    expect(await removeProviderMembersAction({ providerId, memberIds: [row!.id] })).toMatchObject({
      ok: false,
      error: "You cannot remove yourself.",
    });
  });
});
