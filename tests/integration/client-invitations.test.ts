import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  resendOrganizationInvitationAction,
} from "@/app/(console)/organizations/[organizationId]/members/actions";
import { createClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import { getDb } from "@/db/client";
import { mailOutbox, organizationUsers } from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import { type SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { listClients } from "@/lib/dal/clients";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestOrganization, createTestUser, inviteTestMember, uniqueEmail } from "../support/factories";
import { clientKeyOf, newClientInput, providerKeyOf, unlockAs } from "../support/keys";
import { signInAs } from "../support/session";

/**
 * Issue 14: a client's people are told which provider runs it, and the provider hears when one of them accepts and
 * waits for confirmation, in a mail and on the clients page.
 */

async function mailsTo(email: string) {
  const db = await getDb();
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.createdAt));
}

async function organizationToken(email: string): Promise<string> {
  const [mail] = await mailsTo(email);
  return mail!.text.match(/\/accept\/organization\?token=([A-Za-z0-9_-]{43})/)![1]!;
}

async function clientRow(demo: DemoIds, name: string) {
  await signInAs(demo.users.admin);
  const scope = await requireProviderScope(demo.providerId, "provider.clients.view");
  const { clients } = await listClients(scope, { search: name, page: 1 });
  return clients.find((client) => client.name === name)!;
}

let demo: DemoIds;
let providerKey: SymmetricKey;

beforeAll(async () => {
  demo = await loadDemo();
  providerKey = await providerKeyOf(await unlockAs("admin@demo-msp.example", "keyhouse-demo"), demo.providerId);
});

describe("invitations into a provider's client", () => {
  it("the new client's owner is invited by the provider, by name", async () => {
    await signInAs(demo.users.admin);
    const ownerEmail = uniqueEmail("named-owner");
    const input = await newClientInput(demo.providerId, providerKey, { name: "Named Client", ownerEmail });
    expect(await createClientAction(input)).toMatchObject({ ok: true });
    const [mail] = await mailsTo(ownerEmail);
    expect(mail!.subject).toBe("Join Named Client on Keyhouse");
    expect(mail!.text).toContain("Demo MSP invited you to join Named Client");
    expect(mail!.text).toContain(
      "Demo MSP invited you as its owner to the organization Named Client, managed by Demo MSP.",
    );
    expect(mail!.html).toContain("managed by Demo MSP");
  });

  it("a member invited by the provider, or by the client's own owner, hears who manages the client", async () => {
    const byProvider = uniqueEmail("by-provider");
    await signInAs(demo.users.tech);
    expect(
      await inviteOrganizationMembersAction({ organizationId: demo.client3, emails: byProvider, type: "user" }),
    ).toMatchObject({ ok: true, invited: 1 });
    expect((await mailsTo(byProvider))[0]!.text).toContain(
      "Demo MSP invited you as a user to the organization Third Client's Organization, managed by Demo MSP.",
    );

    const byOwner = uniqueEmail("by-owner");
    await signInAs(demo.users.owner1);
    expect(
      await inviteOrganizationMembersAction({ organizationId: demo.client1, emails: byOwner, type: "user" }),
    ).toMatchObject({ ok: true, invited: 1 });
    const [invited] = await mailsTo(byOwner);
    expect(invited!.text).toContain(
      "You have been invited as a user to the organization My Client's Organization, managed by Demo MSP.",
    );
    expect(invited!.text).not.toContain("Demo MSP invited you");

    // A resent invitation says the same.
    const db = await getDb();
    const [row] = await db.select().from(organizationUsers).where(eq(organizationUsers.email, byOwner));
    expect(await resendOrganizationInvitationAction({ organizationId: demo.client1, memberId: row!.id })).toEqual({
      ok: true,
    });
    expect((await mailsTo(byOwner))[0]!.text).toContain(
      "invited as a user to the organization My Client's Organization, managed by Demo MSP.",
    );
  });

  it("an organization without a provider names none", async () => {
    const owner = await createTestUser();
    const organizationId = await createTestOrganization("Solo Org", owner);
    const invitee = uniqueEmail("solo");
    await signInAs(owner.id);
    expect(await inviteOrganizationMembersAction({ organizationId, emails: invitee, type: "user" })).toMatchObject({
      ok: true,
    });
    const [mail] = await mailsTo(invitee);
    expect(mail!.text).toContain("You have been invited as a user to the organization Solo Org.");
    expect(mail!.text).not.toContain("managed by");
  });
});

describe("a client's member who accepts and waits for confirmation", () => {
  it("is announced to the provider's admins and counted on the clients page until confirmed", async () => {
    const name = "Waiting Client";
    await signInAs(demo.users.admin);
    const owner = await createTestUser({ email: uniqueEmail("waiting-owner") });
    const input = await newClientInput(demo.providerId, providerKey, { name, ownerEmail: owner.email });
    const created = await createClientAction(input);
    if (!created.ok) throw new Error(created.error);
    expect(await clientRow(demo, name)).toMatchObject({ used: 1, needsConfirmation: 0 });
    const adminMailsBefore = (await mailsTo("admin@demo-msp.example")).length;
    const techMailsBefore = (await mailsTo("tech@demo-msp.example")).length;

    await signInAs(owner.id);
    expect(await acceptInvitation({ kind: "organization", token: await organizationToken(owner.email) })).toMatchObject(
      { ok: true },
    );

    const adminMails = await mailsTo("admin@demo-msp.example");
    expect(adminMails).toHaveLength(adminMailsBefore + 1);
    expect(adminMails[0]!.subject).toBe(`${owner.email} accepted the invitation to ${name} and needs confirmation`);
    expect(adminMails[0]!.text).toContain(
      `${owner.email} accepted the invitation to the organization ${name}, managed by Demo MSP.`,
    );
    expect(adminMails[0]!.text).toContain("They need confirmation before they have access");
    expect(adminMails[0]!.text).toContain(`/organizations/${created.organizationId}/members?filter=accepted`);
    // Only the provider's admins: its service user is not mailed.
    expect(await mailsTo("tech@demo-msp.example")).toHaveLength(techMailsBefore);
    expect(await clientRow(demo, name)).toMatchObject({ used: 1, needsConfirmation: 1 });

    const db = await getDb();
    const [row] = await db
      .select()
      .from(organizationUsers)
      .where(
        and(eq(organizationUsers.organizationId, created.organizationId), eq(organizationUsers.email, owner.email)),
      );
    await signInAs(demo.users.admin);
    const key = await wrapSymmetricKeyForPublicKey(
      await clientKeyOf(providerKey, created.organizationId),
      owner.keys.publicKey,
    );
    expect(
      await confirmOrganizationMembersAction({
        organizationId: created.organizationId,
        confirmations: [{ id: row!.id, key }],
      }),
    ).toEqual({ ok: true, confirmed: 1 });
    expect(await clientRow(demo, name)).toMatchObject({ used: 1, needsConfirmation: 0 });
  });

  it("mails no provider when the organization has none", async () => {
    const owner = await createTestUser();
    const organizationId = await createTestOrganization("Unmanaged Org", owner);
    const member = await createTestUser();
    const token = await inviteTestMember(organizationId, member.email);
    const before = await (await getDb()).select().from(mailOutbox);
    await signInAs(member.id);
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({ ok: true });
    expect(await (await getDb()).select().from(mailOutbox)).toHaveLength(before.length);
  });
});
