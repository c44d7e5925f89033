import type { DemoIds } from "../../support/demo";
import { getDb } from "@/db/client";
import { organizationUsers } from "@/db/schema";
import { customPermissionsSchema } from "@/lib/validation/organization-members";
import { createTestProvider, createTestUser, type TestUser } from "../../support/factories";
import { FAKE_ENC_4 } from "../../support/fakes";
import { signInAs, signOut } from "../../support/session";
import { addClientGroup, addServiceUser, scopeMember } from "../../support/technician-scope";

/** Everyone an isolation test tries an action or page as. */
export const ROLES = [
  "signed_out",
  "unrelated_user",
  "client_member",
  "custom_member",
  "client_owner",
  "other_client_owner",
  "other_provider_admin",
  "service_user",
  "scoped_service_user",
  "provider_admin",
  "operator",
] as const;
export type Role = (typeof ROLES)[number];

export const SIGNED_IN_ROLES: readonly Role[] = ROLES.filter((role) => role !== "signed_out");

export type RoleUsers = Record<Exclude<Role, "signed_out">, string>;

/** The operator's email; vitest.config.ts puts it in ADMIN_EMAILS for the integration suites. */
export const OPERATOR_EMAIL = "operator@keyhouse.test";

/**
 * Demo data gives most roles; an unrelated user, another provider's admin, an operator and a service user scoped to
 * "Third Client's Organization" alone (through a client group) are made here: every action aimed at the demo's first
 * and second clients must refuse the scoped one as it refuses outsiders.
 */
export async function makeRoleUsers(demo: DemoIds): Promise<RoleUsers> {
  // Operator rights need the listed address verified, not only listed.
  const operator = await createTestUser({ name: "Operator", email: OPERATOR_EMAIL, emailVerified: true });
  const custom = await createTestUser({ name: "Custom Member" });
  await addCustomMember(demo.client1, custom);
  const unrelated = await createTestUser({ name: "Unrelated" });
  const otherAdmin = await createTestUser({ name: "Other Admin" });
  await createTestProvider(otherAdmin);
  const scoped = await createTestUser({ name: "Scoped Tech" });
  await scopeMember(demo.providerId, await addServiceUser(demo.providerId, scoped), {
    groups: [await addClientGroup(demo.providerId, "Third client only", [demo.client3])],
  });
  return {
    unrelated_user: unrelated.id,
    client_member: demo.users.user1,
    client_owner: demo.users.owner1,
    other_client_owner: demo.users.owner2,
    other_provider_admin: otherAdmin.id,
    service_user: demo.users.tech,
    scoped_service_user: scoped.id,
    provider_admin: demo.users.admin,
    operator: operator.id,
    custom_member: custom.id,
  };
}

export async function actAs(role: Role, users: RoleUsers): Promise<void> {
  if (role === "signed_out") signOut();
  else await signInAs(users[role]);
}

/**
 * A confirmed Custom member of "My Client's Organization" holding only "access reports": in the console, but
 * refused everything that needs another flag. (Its key is a placeholder: these tests never decrypt as them.)
 */
async function addCustomMember(organizationId: string, user: TestUser): Promise<void> {
  const db = await getDb();
  await db.insert(organizationUsers).values({
    organizationId,
    userId: user.id,
    email: user.email,
    type: "custom",
    status: "confirmed",
    key: FAKE_ENC_4,
    permissions: customPermissionsSchema.parse({ accessReports: true }),
  });
}
