import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  ciphers,
  clientMoves,
  collectionCiphers,
  collectionGroups,
  collections,
  collectionUsers,
  type CustomPermissions,
  groups,
  organizations,
  organizationUsers,
  providerAccessRequests,
  providerOrganizations,
  providerRequests,
  providers,
  providerUsers,
} from "@/db/schema";
import { moveVerifier, newMoveSecret } from "@/lib/crypto";
import { createInvitation } from "@/lib/dal/invitations";
import { customPermissionsSchema } from "@/lib/validation/organization-members";
import type { DemoIds } from "../../support/demo";
import {
  addTestMember,
  createTestOrganization,
  createTestProvider,
  createTestUser,
  inviteTestMember,
  type TestUser,
} from "../../support/factories";
import { FAKE_ENC_2, FAKE_ENC_4, FAKE_LOGIN } from "../../support/fakes";
import { addClientGroup, scopeMember } from "../../support/technician-scope";

/** The Custom role's flags, each given alone to one member of the matrix. */
export const CUSTOM_FLAGS = Object.keys(customPermissionsSchema.shape) as (keyof CustomPermissions)[];

/** Everyone the escalation matrix tries each granting action as (issue: every role, each Custom flag alone). */
export const ESCALATION_ROLES = [
  "owner",
  "admin",
  "user",
  ...CUSTOM_FLAGS.map((flag) => `custom_${flag}` as const),
  "provider_admin",
  "service_user",
  "outsider",
] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

/** Who the caller is, and their own membership row in "My Client's Organization" (provider members: accepted, unconfirmed). */
export type Self = {
  userId: string;
  email: string;
  memberId: string;
  role: "owner" | "admin" | "user" | "custom";
  flags: CustomPermissions | null;
};

export type EscalationFixture = {
  demo: DemoIds;
  organizationId: string;
  defaultCollection: string;
  /** Reached by its owner alone, and by the "Secret keepers" group (no members) at "Can manage". */
  secretCollection: string;
  staffGroup: string;
  secretKeepersGroup: string;
  /** An item of the default collection (the demo's first). */
  defaultItem: string;
  /** An item of the secret collection alone. */
  secretItem: string;
  /** A collection the plain user may only view, and an item in it alone. */
  viewOnlyCollection: string;
  viewOnlyItem: string;
  /** Grants on the collections as they stand, for inputs that must send whole lists. */
  defaultMembers: { id: string; level: "view" | "edit" | "manage" }[];
  ownerMemberId: string;
  user1MemberId: string;
  /** A confirmed plain user, the target of changes. */
  targetMemberId: string;
  pendingAdminMemberId: string;
  revokedAdminMemberId: string;
  /** A member of the provider the client's owner invited, who accepted and waits for confirmation. */
  providerMemberAccepted: { memberId: string; email: string };
  /** A member of the provider whose membership of the client was revoked. */
  providerMemberRevokedId: string;
  /** A member of the provider with no membership of the client. */
  providerMemberElsewhere: string;
  /** An organization of nobody in the matrix, not managed by the provider, and a collection of it. */
  foreignOrganization: string;
  foreignCollection: string;
  otherProviderId: string;
  /** Links addressed to someone else. */
  organizationInvitationToken: string;
  providerInvitationToken: string;
  setupToken: string;
  /** A pending "Become a provider" request of the foreign organization's owner. */
  providerRequestId: string;
  /** An approved provider whose first admin (not in the matrix) has not made its key yet. */
  keylessProviderId: string;
  /** A client group of Demo MSP tagging "Second Client's Organization"; the service user is scoped to the client alone. */
  clientGroupId: string;
  /** The service user's waiting request to view this client's items for an hour (issue 15). */
  accessRequestId: string;
  /** A move code of the other provider, issued and whole (issue 15): who may move the client with it? */
  moveCode: { moveId: string; verifier: string };
  /** A move to the other provider the foreign organization's owner started: only that provider completes it. */
  claimedMoveId: string;
  selves: Record<EscalationRole, Self>;
};

async function insertRow(
  organizationId: string,
  user: TestUser,
  type: "user" | "admin",
  status: "accepted" | "revoked",
): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(organizationUsers)
    .values({ organizationId, userId: user.id, email: user.email, type, status })
    .returning({ id: organizationUsers.id });
  return row!.id;
}

async function addProviderMember(providerId: string, user: TestUser): Promise<void> {
  const db = await getDb();
  await db.insert(providerUsers).values({
    providerId,
    userId: user.id,
    email: user.email,
    type: "service_user",
    status: "confirmed",
    key: FAKE_ENC_4,
  });
}

async function newCollection(organizationId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(collections).values({ organizationId, name: FAKE_ENC_2 }).returning();
  return row!.id;
}

/** An organization item in one collection. */
async function itemIn(organizationId: string, collectionId: string): Promise<string> {
  const db = await getDb();
  const { type, reprompt, data } = FAKE_LOGIN;
  const [row] = await db.insert(ciphers).values({ organizationId, type, reprompt, data }).returning();
  await db.insert(collectionCiphers).values({ organizationId, collectionId, cipherId: row!.id });
  return row!.id;
}

async function memberIdOf(organizationId: string, email: string): Promise<string> {
  const db = await getDb();
  const rows = await db
    .select({
      id: organizationUsers.id,
      email: organizationUsers.email,
      organizationId: organizationUsers.organizationId,
    })
    .from(organizationUsers)
    .where(eq(organizationUsers.email, email));
  return rows.find((row) => row.organizationId === organizationId)!.id;
}

/** An issued move code of `providerId`, and a move to it that `organizationId`'s owner started. */
async function moveCodes(providerId: string, organizationId: string) {
  const db = await getDb();
  const secret = newMoveSecret();
  const verifier = await moveVerifier(secret);
  const expiresAt = new Date(Date.now() + 86_400_000);
  const [issued] = await db
    .insert(clientMoves)
    .values({ toProviderId: providerId, secret: FAKE_ENC_2, verifier, expiresAt })
    .returning({ id: clientMoves.id });
  const [claimed] = await db
    .insert(clientMoves)
    .values({
      toProviderId: providerId,
      secret: FAKE_ENC_2,
      verifier,
      expiresAt,
      status: "claimed",
      organizationId,
      transferKey: FAKE_ENC_2,
      claimedAt: new Date(),
    })
    .returning({ id: clientMoves.id });
  return { moveCode: { moveId: issued!.id, verifier }, claimedMoveId: claimed!.id };
}

/**
 * "My Client's Organization" (a client of Demo MSP) with a member of every role, a collection only its owner
 * reaches, a group that reaches it, items beyond the plain user's edit rights, pending and revoked members, and
 * members of the provider in several states.
 */
export async function buildEscalationFixture(demo: DemoIds): Promise<EscalationFixture> {
  const db = await getDb();
  const organizationId = demo.client1;
  await db.update(organizations).set({ seats: 100 }).where(eq(organizations.id, organizationId));
  const ownerMemberId = await memberIdOf(organizationId, "owner@client1.example");
  const user1MemberId = demo.organizationUsers.user1;

  const [secret] = await db
    .insert(collections)
    .values({ organizationId, name: FAKE_ENC_2 })
    .returning({ id: collections.id });
  await db
    .insert(collectionUsers)
    .values({ organizationId, collectionId: secret!.id, organizationUserId: ownerMemberId, manage: true });
  const [keepers] = await db
    .insert(groups)
    .values({ organizationId, name: "Secret keepers" })
    .returning({ id: groups.id });
  await db
    .insert(collectionGroups)
    .values({ organizationId, collectionId: secret!.id, groupId: keepers!.id, manage: true });

  const secretItem = await itemIn(organizationId, secret!.id);
  const viewOnlyCollection = await newCollection(organizationId);
  await db
    .insert(collectionUsers)
    .values({ organizationId, collectionId: viewOnlyCollection, organizationUserId: user1MemberId, readOnly: true });
  const viewOnlyItem = await itemIn(organizationId, viewOnlyCollection);

  const admin = await createTestUser({ name: "Client Admin" });
  const adminMemberId = await addTestMember(organizationId, admin, "admin");
  const customs = {} as Record<keyof CustomPermissions, { user: TestUser; memberId: string; flags: CustomPermissions }>;
  for (const flag of CUSTOM_FLAGS) {
    const user = await createTestUser({ name: `Custom ${flag}` });
    const flags = customPermissionsSchema.parse({ [flag]: true });
    const memberId = await addTestMember(organizationId, user, "custom", "confirmed", flags);
    // Everyone custom can view the default collection: their reach, which they may pass on and no further.
    await db
      .insert(collectionUsers)
      .values({ organizationId, collectionId: demo.client1Collection, organizationUserId: memberId, readOnly: true });
    customs[flag] = { user, memberId, flags };
  }
  const target = await createTestUser({ name: "Target" });
  const targetMemberId = await addTestMember(organizationId, target, "user");
  const pendingAdminMemberId = await insertRow(
    organizationId,
    await createTestUser({ name: "Pending Admin" }),
    "admin",
    "accepted",
  );
  const revokedAdminMemberId = await insertRow(
    organizationId,
    await createTestUser({ name: "Revoked Admin" }),
    "admin",
    "revoked",
  );

  const tech2 = await createTestUser({ name: "Second Tech" });
  await addProviderMember(demo.providerId, tech2);
  const tech2MemberId = await insertRow(organizationId, tech2, "user", "accepted");
  const tech3 = await createTestUser({ name: "Third Tech" });
  await addProviderMember(demo.providerId, tech3);
  const providerMemberRevokedId = await insertRow(organizationId, tech3, "user", "revoked");
  const tech4 = await createTestUser({ name: "Fourth Tech" });
  await addProviderMember(demo.providerId, tech4);

  // The provider's own members, invited by the client's owner and waiting for confirmation: their "self" rows.
  const providerAdminSelf = await db
    .insert(organizationUsers)
    .values({
      organizationId,
      userId: demo.users.admin,
      email: "admin@demo-msp.example",
      type: "user",
      status: "accepted",
    })
    .returning({ id: organizationUsers.id });
  const serviceUserSelf = await db
    .insert(organizationUsers)
    .values({
      organizationId,
      userId: demo.users.tech,
      email: "tech@demo-msp.example",
      type: "user",
      status: "accepted",
    })
    .returning({ id: organizationUsers.id });

  const foreignOwner = await createTestUser({ name: "Foreign Owner" });
  const foreignOrganization = await createTestOrganization("Foreign Org", foreignOwner);
  const foreignCollection = await newCollection(foreignOrganization);
  const otherProvider = await createTestProvider(await createTestUser({ name: "Other MSP Admin" }));

  const organizationInvitationToken = await inviteTestMember(organizationId, "someone-else@test.example");
  const providerInvitationToken = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(providerUsers)
      .values({
        providerId: demo.providerId,
        email: "someone-else-tech@test.example",
        type: "provider_admin",
        status: "invited",
      })
      .returning({ id: providerUsers.id });
    return (
      await createInvitation(tx, "someone-else-tech@test.example", { kind: "provider_user", providerUserId: row!.id })
    ).token;
  });
  const setupToken = await db.transaction(async (tx) => {
    const [provider] = await tx.insert(providers).values({ name: "Pending MSP" }).returning({ id: providers.id });
    return (
      await createInvitation(tx, "someone-else-owner@test.example", {
        kind: "provider_setup",
        providerId: provider!.id,
      })
    ).token;
  });

  const [providerRequest] = await db
    .insert(providerRequests)
    .values({
      requesterId: foreignOwner.id,
      businessName: "Foreign MSP",
      type: "msp",
      billingEmail: foreignOwner.email,
      internalOrganizationId: foreignOrganization,
    })
    .returning({ id: providerRequests.id });
  const keylessAdmin = await createTestUser({ name: "Keyless Admin" });
  const [keylessProvider] = await db
    .insert(providers)
    .values({ name: "Keyless MSP", status: "created" })
    .returning({ id: providers.id });
  await db.insert(providerUsers).values({
    providerId: keylessProvider!.id,
    userId: keylessAdmin.id,
    email: keylessAdmin.email,
    type: "provider_admin",
    status: "confirmed",
  });

  // The demo's service user reaches this client alone, so "widen their own scope" has something to widen.
  const clientGroupId = await addClientGroup(demo.providerId, "Fixture group", [demo.client2]);
  await scopeMember(demo.providerId, demo.providerUsers.tech, { clients: [organizationId] });

  const [clientLink] = await db
    .select({ id: providerOrganizations.id })
    .from(providerOrganizations)
    .where(eq(providerOrganizations.organizationId, organizationId));
  const [accessRequest] = await db
    .insert(providerAccessRequests)
    .values({
      providerId: demo.providerId,
      providerOrganizationId: clientLink!.id,
      organizationId,
      providerUserId: demo.providerUsers.tech,
      reason: "Escalation fixture",
      requestedAccess: "view",
      requestedMinutes: 60,
    })
    .returning({ id: providerAccessRequests.id });

  const outsider = await createTestUser({ name: "Outsider" });
  const member = (
    userId: string,
    email: string,
    memberId: string,
    role: Self["role"],
    flags: CustomPermissions | null = null,
  ): Self => ({ userId, email, memberId, role, flags });
  const selves = {
    owner: member(demo.users.owner1, "owner@client1.example", ownerMemberId, "owner"),
    admin: member(admin.id, admin.email, adminMemberId, "admin"),
    user: member(demo.users.user1, "user@client1.example", user1MemberId, "user"),
    provider_admin: member(demo.users.admin, "admin@demo-msp.example", providerAdminSelf[0]!.id, "user"),
    service_user: member(demo.users.tech, "tech@demo-msp.example", serviceUserSelf[0]!.id, "user"),
    outsider: member(outsider.id, outsider.email, targetMemberId, "user"),
    ...Object.fromEntries(
      CUSTOM_FLAGS.map((flag) => [
        `custom_${flag}`,
        member(customs[flag].user.id, customs[flag].user.email, customs[flag].memberId, "custom", customs[flag].flags),
      ]),
    ),
  } as Record<EscalationRole, Self>;

  const defaultMembers = [
    { id: ownerMemberId, level: "manage" as const },
    { id: user1MemberId, level: "edit" as const },
    ...CUSTOM_FLAGS.map((flag) => ({ id: customs[flag].memberId, level: "view" as const })),
  ];

  return {
    demo,
    organizationId,
    defaultCollection: demo.client1Collection,
    secretCollection: secret!.id,
    staffGroup: demo.client1Group,
    secretKeepersGroup: keepers!.id,
    defaultItem: demo.client1Items[0]!,
    secretItem,
    viewOnlyCollection,
    viewOnlyItem,
    defaultMembers,
    ownerMemberId,
    user1MemberId,
    targetMemberId,
    pendingAdminMemberId,
    revokedAdminMemberId,
    providerMemberAccepted: { memberId: tech2MemberId, email: tech2.email },
    providerMemberRevokedId,
    providerMemberElsewhere: tech4.email,
    foreignOrganization,
    foreignCollection,
    otherProviderId: otherProvider.id,
    organizationInvitationToken,
    providerInvitationToken,
    setupToken,
    providerRequestId: providerRequest!.id,
    keylessProviderId: keylessProvider!.id,
    clientGroupId,
    accessRequestId: accessRequest!.id,
    ...(await moveCodes(otherProvider.id, foreignOrganization)),
    selves,
  };
}
