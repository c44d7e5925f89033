import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, organizationUsers, providers, providerUsers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import type { MasterCredentialsChange } from "@/lib/validation/account-security";
import { masterPasswordHashMatches, storedMasterPasswordHash } from "./accounts";

/**
 * The signed-in person's own account: name, master password and KDF, deletion. The server sees only master
 * password hashes and the re-wrapped user key (DESIGN §4); each change is checked against the current hash.
 */

export const WRONG_MASTER_PASSWORD = "Your master password is not correct.";

/**
 * Refuses unless `masterPasswordHash` is the account's current one. Locks the user row, so two changes of the same
 * account run one after the other and the second is checked against the first's result. `field` names the form
 * field the error belongs to.
 */
export async function assertMasterPasswordHash(
  tx: Executor,
  scope: UserScope,
  masterPasswordHash: string,
  field = "masterPassword",
): Promise<void> {
  const { userId } = assertScope(scope);
  const [row] = await tx
    .select({ hash: users.masterPasswordHash })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!(await masterPasswordHashMatches(masterPasswordHash, row?.hash))) {
    throw new ActionError(WRONG_MASTER_PASSWORD, { [field]: WRONG_MASTER_PASSWORD });
  }
}

export async function updateAccountName(tx: Executor, scope: UserScope, name: string): Promise<void> {
  const { userId } = assertScope(scope);
  await tx.update(users).set({ name }).where(eq(users.id, userId));
}

/**
 * Stores a new master password hash, the user key re-wrapped under the new master key and the KDF configuration it
 * was derived with, after checking the current hash; rotates the security stamp, which ends every session
 * (lib/auth/session.ts): the browser that made the change signs in again with the new hash.
 */
export async function replaceMasterCredentials(
  tx: Executor,
  scope: UserScope,
  change: MasterCredentialsChange,
): Promise<void> {
  const { userId } = assertScope(scope);
  await assertMasterPasswordHash(tx, scope, change.currentMasterPasswordHash, "currentMasterPassword");
  await tx
    .update(users)
    .set({
      masterPasswordHash: await storedMasterPasswordHash(change.newMasterPasswordHash),
      key: change.key,
      kdfType: change.kdf,
      kdfIterations: change.kdfIterations,
      kdfMemory: change.kdfMemory,
      kdfParallelism: change.kdfParallelism,
      securityStamp: sql`gen_random_uuid()`,
    })
    .where(eq(users.id, userId));
}

/** Organizations where the user is the only confirmed owner, and providers where they are the only confirmed admin. */
async function soleOwnerships(tx: Executor, userId: string): Promise<string[]> {
  const otherOwner = sql`exists (select 1 from ${organizationUsers} other where other.organization_id = ${organizationUsers.organizationId}
    and other.id <> ${organizationUsers.id} and other.type = 'owner' and other.status = 'confirmed')`;
  const ownedAlone = await tx
    .select({ name: organizations.name })
    .from(organizationUsers)
    .innerJoin(organizations, eq(organizations.id, organizationUsers.organizationId))
    .where(
      and(
        eq(organizationUsers.userId, userId),
        eq(organizationUsers.type, "owner"),
        eq(organizationUsers.status, "confirmed"),
        sql`not ${otherOwner}`,
      ),
    );
  const otherAdmin = sql`exists (select 1 from ${providerUsers} other where other.provider_id = ${providerUsers.providerId}
    and other.id <> ${providerUsers.id} and other.type = 'provider_admin' and other.status = 'confirmed')`;
  const administeredAlone = await tx
    .select({ name: providers.name })
    .from(providerUsers)
    .innerJoin(providers, eq(providers.id, providerUsers.providerId))
    .where(
      and(
        eq(providerUsers.userId, userId),
        eq(providerUsers.type, "provider_admin"),
        eq(providerUsers.status, "confirmed"),
        sql`not ${otherAdmin}`,
      ),
    );
  return [...ownedAlone, ...administeredAlone].map((row) => row.name);
}

/**
 * Deletes the account after checking its master password hash. Personal items, folders and memberships go with it
 * (foreign keys cascade); events stay. Refused while an organization or a provider would be left without a
 * confirmed owner or admin, as Bitwarden refuses to delete a sole owner.
 */
export async function deleteAccount(tx: Executor, scope: UserScope, masterPasswordHash: string): Promise<void> {
  const { userId } = assertScope(scope);
  await assertMasterPasswordHash(tx, scope, masterPasswordHash);
  const sole = await soleOwnerships(tx, userId);
  if (sole.length > 0) {
    throw new ActionError(
      `You are the only confirmed owner or admin of ${sole.join(", ")}. Make someone else an owner or admin there, or delete it, before you delete your account.`,
    );
  }
  await tx.delete(users).where(eq(users.id, userId));
}
