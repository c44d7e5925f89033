import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groups } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";
import type { AccessLevel } from "@/lib/vault/access-levels";
import { loadGrantor, replaceGroupCollections, replaceGroupMembers } from "./access-grants";

type GroupContent = { name: string; memberIds: string[]; collections: { collectionId: string; level: AccessLevel }[] };

export async function createGroup(tx: Executor, scope: OrganizationScope, content: GroupContent) {
  const { organizationId } = assertScope(scope);
  const grantor = await loadGrantor(tx, scope);
  const [group] = await tx.insert(groups).values({ organizationId, name: content.name }).returning({ id: groups.id });
  await replaceGroupMembers(tx, scope, grantor, group!.id, content.memberIds);
  await replaceGroupCollections(tx, scope, grantor, group!.id, content.collections);
  return group!.id;
}

async function lockGroup(tx: Executor, scope: OrganizationScope, groupId: string): Promise<{ name: string }> {
  const { organizationId } = assertScope(scope);
  const [group] = await tx
    .select({ name: groups.name })
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)))
    .for("update");
  if (!group) throw new ActionError("This group no longer exists. Reload the page.");
  return group;
}

export async function updateGroup(tx: Executor, scope: OrganizationScope, groupId: string, content: GroupContent) {
  const { organizationId } = assertScope(scope);
  await lockGroup(tx, scope, groupId);
  const grantor = await loadGrantor(tx, scope);
  await tx
    .update(groups)
    .set({ name: content.name })
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
  await replaceGroupMembers(tx, scope, grantor, groupId, content.memberIds);
  await replaceGroupCollections(tx, scope, grantor, groupId, content.collections);
}

/** Deleting a group removes its members' access through it; the members themselves stay. */
export async function deleteGroup(tx: Executor, scope: OrganizationScope, groupId: string) {
  const { organizationId } = assertScope(scope);
  const group = await lockGroup(tx, scope, groupId);
  await tx.delete(groups).where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
  return group;
}
