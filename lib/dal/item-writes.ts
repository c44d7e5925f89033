import "server-only";
import { and, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { type Executor, selectRows } from "@/db/client";
import { attachments, ciphers, cipherUserStates, collectionCiphers, folders } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import type { EncryptedCipherInput } from "@/lib/validation/cipher";
import type { HiddenValueSource } from "@/lib/validation/items";
import { type EncryptedCipherData, withStoredDefaults } from "@/lib/vault/cipher-crypto";
import { FIELD_TYPES } from "@/lib/vault/cipher-model";
import { mapItemParts, partAt, unknownPartsOf } from "@/lib/vault/unknown-parts";
import { organizationItemsQuery } from "./items";
import { collectionAccessCte } from "./vault-access";

/** Items stay in the trash this long, then are deleted for good (Bitwarden's 30 days). */
export const TRASH_RETENTION_DAYS = 30;

const NOT_FOUND = "This item does not exist, or you cannot change it.";
const CHANGED_SINCE_SERVED =
  "Someone changed this item since you opened it. Close it, open it again and redo your changes.";

type ItemAccess = {
  id: string;
  organizationId: string | null;
  key: EncString | null;
  data: EncryptedCipherData;
  deletedAt: Date | null;
  canEdit: boolean;
  viewPassword: boolean;
  canManage: boolean;
};

type LockedRow = {
  id: string;
  organization_id: string | null;
  key: EncString | null;
  data: EncryptedCipherData;
  deleted_at: Date | string | null;
  can_edit: boolean;
  view_password: boolean;
  can_manage: boolean;
};

/**
 * The items as the caller may change them, locked, in the order asked: their own personal items (full rights), or
 * organization items they reach (edit, see passwords and manage as their collections and role allow). Anything
 * else is "not found": the reach is the locking statement's condition, so other tenants' rows are neither read nor
 * locked. `check` runs on each in turn, so the first item refused is the one named. One statement whatever the
 * number of items.
 */
async function lockItemsForUser(
  tx: Executor,
  scope: UserScope,
  cipherIds: string[],
  check: (item: ItemAccess) => void = () => undefined,
): Promise<ItemAccess[]> {
  const { userId } = assertScope(scope);
  const ids = sql.join(
    cipherIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const own = sql`coalesce(ci.user_id = ${userId}, false)`;
  const rows = await selectRows<LockedRow>(
    tx,
    sql`select ci.id, ci.organization_id, ci.key, ci.data, ci.deleted_at,
          ${own} or coalesce(reach.can_edit, false) as can_edit,
          ${own} or coalesce(reach.view_password, false) as view_password,
          ${own} or coalesce(reach.can_manage, false) as can_manage
        from ciphers ci
        left join (select id, can_edit, view_password, can_manage
          from (${organizationItemsQuery(scope)}) items where items.id in (${ids})) reach on reach.id = ci.id
        where ci.id in (${ids}) and (${own} or reach.id is not null)
        for update of ci`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return cipherIds.map((cipherId) => {
    const row = byId.get(cipherId);
    if (!row) throw new ActionError(NOT_FOUND);
    const item = {
      id: row.id,
      organizationId: row.organization_id,
      key: row.key,
      data: withStoredDefaults(row.data),
      deletedAt: row.deleted_at === null ? null : new Date(row.deleted_at),
      canEdit: row.can_edit,
      viewPassword: row.view_password,
      canManage: row.can_manage,
    };
    check(item);
    return item;
  });
}

/** One item as the caller may change it, locked (see lockItemsForUser). */
async function lockItemForUser(tx: Executor, scope: UserScope, cipherId: string): Promise<ItemAccess> {
  const [item] = await lockItemsForUser(tx, scope, [cipherId]);
  return item!;
}

function requireEdit(item: ItemAccess): void {
  if (!item.canEdit) throw new ActionError("You can view this item but not change it.");
}

/** One item the caller may edit, out of the trash, locked (its attachments change under the same rule). */
export async function lockItemToEdit(tx: Executor, scope: UserScope, cipherId: string): Promise<ItemAccess> {
  const item = await lockItemForUser(tx, scope, cipherId);
  requireEdit(item);
  if (item.deletedAt) throw new ActionError("Restore this item from the trash before editing it.");
  return item;
}

/**
 * A member who may edit but not see passwords sends an item without them (they never had them): keep the stored
 * password, TOTP secret, passkeys and password history. Hidden field values come only from the stored item: a sent
 * hidden field gets the value of the stored one its source names (lib/vault/hidden-fields.ts: matched by position as
 * served, not by ciphertext, which every save re-encrypts), or none. So such a member can rename, drop or add
 * hidden fields but never reads, moves into view or writes a hidden value.
 */
function keepHiddenSecrets(
  stored: EncryptedCipherData,
  sent: EncryptedCipherData,
  sources: HiddenValueSource[],
): EncryptedCipherData {
  const claimed = new Set<number>();
  const fields = sent.fields.map((field, index) => {
    if (field.type !== FIELD_TYPES.hidden) return field;
    const source = sources[index];
    if (!source) return { ...field, value: null };
    const origin = stored.fields[source.position];
    // The name ciphertext differs once anyone saved the item again: positions may no longer mean the same fields.
    if (origin?.type !== FIELD_TYPES.hidden || origin.name !== source.name) throw new ActionError(CHANGED_SINCE_SERVED);
    if (claimed.has(source.position)) throw new ActionError("Two fields cannot keep the same hidden value.");
    claimed.add(source.position);
    return { ...field, value: origin.value };
  });
  const kept = {
    ...sent,
    login:
      sent.login && stored.login
        ? {
            ...sent.login,
            password: stored.login.password,
            totp: stored.login.totp,
            fido2Credentials: stored.login.fido2Credentials,
          }
        : sent.login,
    passwordHistory: stored.passwordHistory,
    fields,
  };
  return keepStoredUnknownParts(stored, kept);
}

/**
 * Such a member was served the item without its unknown parts (any could be a secret): the item and its login, card,
 * identity, SSH key and note keep the stored ones; passkeys and old passwords are the stored ones already. A URI or
 * custom field has no identity across saves, so theirs cannot be matched and are not kept.
 */
function keepStoredUnknownParts(stored: EncryptedCipherData, sent: EncryptedCipherData): EncryptedCipherData {
  const singles = new Set(["cipher", "login", "secureNote", "card", "identity", "sshKey"]);
  return mapItemParts(sent, (object, part, path) => {
    if (!singles.has(part)) return object;
    const origin = partAt(stored, path);
    return { ...(origin ? unknownPartsOf(origin, part) : {}), ...object };
  });
}

export async function createPersonalItem(
  tx: Executor,
  scope: UserScope,
  cipher: EncryptedCipherInput,
  state: { folderId: string | null; favorite: boolean },
) {
  const { userId } = assertScope(scope);
  const [created] = await tx
    .insert(ciphers)
    .values({ userId, type: cipher.type, reprompt: cipher.reprompt, key: cipher.key, data: cipher.data })
    .returning({ id: ciphers.id });
  await setItemState(tx, scope, created!.id, state);
  return created!.id;
}

/** Collections the user may put items into: ones they reach with edit rights (owners and admins: all). */
async function assertEditableCollections(
  tx: Executor,
  scope: UserScope,
  organizationId: string,
  collectionIds: string[],
): Promise<void> {
  if (collectionIds.length === 0)
    throw new ActionError("Choose at least one collection for an organization item.", {
      collectionIds: "Choose at least one collection.",
    });
  const rows = await selectRows<{ collection_id: string }>(
    tx,
    sql`with ${collectionAccessCte(scope)}
        select collection_id from collection_access
        where organization_id = ${organizationId} and not read_only
          and collection_id in (${sql.join(
            collectionIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
  );
  if (rows.length !== new Set(collectionIds).size)
    throw new ActionError("You cannot add items to some of these collections.", {
      collectionIds: "You cannot add items to some of these collections.",
    });
}

export async function createOrganizationItem(
  tx: Executor,
  scope: UserScope,
  organizationId: string,
  cipher: EncryptedCipherInput,
  collectionIds: string[],
) {
  await assertEditableCollections(tx, scope, organizationId, collectionIds);
  const [created] = await tx
    .insert(ciphers)
    .values({ organizationId, type: cipher.type, reprompt: cipher.reprompt, key: cipher.key, data: cipher.data })
    .returning({ id: ciphers.id });
  await tx
    .insert(collectionCiphers)
    .values(collectionIds.map((collectionId) => ({ organizationId, collectionId, cipherId: created!.id })));
  return created!.id;
}

export async function updateItem(
  tx: Executor,
  scope: UserScope,
  cipherId: string,
  cipher: EncryptedCipherInput,
  hiddenValueSources: HiddenValueSource[] = [],
) {
  const item = await lockItemForUser(tx, scope, cipherId);
  requireEdit(item);
  if (item.deletedAt) throw new ActionError("Restore this item from the trash before editing it.");
  // The kept password is encrypted under the item's key: it must stay the same for the two to fit together.
  if (!item.viewPassword && item.key !== cipher.key) throw new ActionError(CHANGED_SINCE_SERVED);
  const data = item.viewPassword ? cipher.data : keepHiddenSecrets(item.data, cipher.data, hiddenValueSources);
  await tx
    .update(ciphers)
    .set({ type: cipher.type, reprompt: cipher.reprompt, key: cipher.key, data })
    .where(eq(ciphers.id, item.id));
  return item;
}

/** Folder and favorite are the caller's own, even on shared items; the folder must be theirs (foreign key). */
export async function setItemState(
  tx: Executor,
  scope: UserScope,
  cipherId: string,
  state: { folderId: string | null; favorite: boolean },
) {
  const { userId } = assertScope(scope);
  await assertOwnFolder(tx, userId, state.folderId);
  await tx
    .insert(cipherUserStates)
    .values({ cipherId, userId, folderId: state.folderId, favorite: state.favorite })
    .onConflictDoUpdate({
      target: [cipherUserStates.cipherId, cipherUserStates.userId],
      set: { folderId: state.folderId, favorite: state.favorite },
    });
}

async function assertOwnFolder(tx: Executor, userId: string, folderId: string | null): Promise<void> {
  if (!folderId) return;
  const [folder] = await tx
    .select({ id: folders.id })
    .from(folders)
    .where(and(eq(folders.id, folderId), eq(folders.userId, userId)));
  if (!folder) throw new ActionError("This folder does not exist.", { folderId: "This folder does not exist." });
}

/** Files items the caller reaches in one of their folders (or none); each keeps the caller's favorite mark. */
export async function moveItemsToFolder(tx: Executor, scope: UserScope, cipherIds: string[], folderId: string | null) {
  const { userId } = assertScope(scope);
  await assertOwnFolder(tx, userId, folderId);
  const items = await lockItemsForUser(tx, scope, cipherIds);
  await tx
    .insert(cipherUserStates)
    .values(items.map((item) => ({ cipherId: item.id, userId, folderId })))
    .onConflictDoUpdate({
      target: [cipherUserStates.cipherId, cipherUserStates.userId],
      set: { folderId: sql`excluded.folder_id` },
    });
  return items;
}

/** Trash and restore need edit rights; deleting for good needs manage rights (or the item being one's own). */
export async function trashItems(tx: Executor, scope: UserScope, cipherIds: string[], trashed: boolean) {
  const items = await lockItemsForUser(tx, scope, cipherIds, requireEdit);
  await tx
    .update(ciphers)
    .set({ deletedAt: trashed ? new Date() : null })
    .where(
      inArray(
        ciphers.id,
        items.map((item) => item.id),
      ),
    );
  return items;
}

/**
 * Archives items or brings them back (Bitwarden's archive): the same rights as other changes to an item. An item in
 * the trash is restored first, as the apps ask; archiving an archived item keeps its first date.
 */
export async function archiveItems(tx: Executor, scope: UserScope, cipherIds: string[], archived: boolean) {
  const items = await lockItemsForUser(tx, scope, cipherIds, (item) => {
    requireEdit(item);
    if (archived && item.deletedAt) throw new ActionError("Restore this item from the trash before archiving it.");
  });
  await tx
    .update(ciphers)
    .set({ archivedAt: archived ? sql`coalesce(${ciphers.archivedAt}, now())` : null })
    .where(
      inArray(
        ciphers.id,
        items.map((item) => item.id),
      ),
    );
  return items;
}

export async function purgeItems(
  tx: Executor,
  scope: UserScope,
  cipherIds: string[],
  { evenOutsideTrash }: { evenOutsideTrash: boolean },
) {
  const items = await lockItemsForUser(tx, scope, cipherIds, (item) => {
    if (!item.canManage)
      throw new ActionError("Only members who manage this item's collection can delete it for good.");
    if (!item.deletedAt && !evenOutsideTrash) throw new ActionError("Move the item to the trash first.");
  });
  await tx.delete(ciphers).where(
    inArray(
      ciphers.id,
      items.map((item) => item.id),
    ),
  );
  return items;
}

/**
 * Moves a personal item into an organization: the browser re-encrypted it with the organization key, and it goes
 * into collections the user may add to. Favorite and folder stay (they are the user's own state).
 */
export async function moveItemToOrganization(
  tx: Executor,
  scope: UserScope,
  cipherId: string,
  organizationId: string,
  cipher: EncryptedCipherInput,
  collectionIds: string[],
) {
  const { userId } = assertScope(scope);
  const [own] = await tx
    .select({ id: ciphers.id })
    .from(ciphers)
    .where(and(eq(ciphers.id, cipherId), eq(ciphers.userId, userId), isNull(ciphers.deletedAt)))
    .for("update");
  if (!own) throw new ActionError(NOT_FOUND);
  // Their keys are wrapped by the personal key or the item's: the apps re-upload each file when they move an item.
  const [attached] = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.cipherId, cipherId));
  if (attached)
    throw new ActionError(
      "Items with attachments cannot move to an organization yet. Download the files, delete them, then move the item.",
    );
  await assertEditableCollections(tx, scope, organizationId, collectionIds);
  await tx
    .update(ciphers)
    .set({
      userId: null,
      organizationId,
      type: cipher.type,
      reprompt: cipher.reprompt,
      key: cipher.key,
      data: cipher.data,
    })
    .where(eq(ciphers.id, cipherId));
  await tx
    .insert(collectionCiphers)
    .values(collectionIds.map((collectionId) => ({ organizationId, collectionId, cipherId })));
}

const uuidArray = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/**
 * Puts an organization item in exactly these collections among those the caller may add to (Bitwarden's rule): its
 * links to collections the caller only views or does not reach stay, so nobody takes an item away from people they
 * cannot see. Every listed collection must be one the caller may add to, and the caller needs edit rights on the item.
 */
export async function assignItemCollections(tx: Executor, scope: UserScope, cipherId: string, collectionIds: string[]) {
  const item = await lockItemForUser(tx, scope, cipherId);
  if (!item.organizationId) throw new ActionError("Only organization items belong to collections.");
  requireEdit(item);
  await assertEditableCollections(tx, scope, item.organizationId, collectionIds);
  await tx.execute(
    sql`with ${collectionAccessCte(scope)}
        delete from collection_ciphers cc using collection_access ca
        where cc.cipher_id = ${cipherId} and ca.collection_id = cc.collection_id and not ca.read_only
          and cc.collection_id <> all(${uuidArray(collectionIds)})`,
  );
  await tx
    .insert(collectionCiphers)
    .values(collectionIds.map((collectionId) => ({ organizationId: item.organizationId!, collectionId, cipherId })))
    .onConflictDoNothing();
  return item;
}

/**
 * Adds organization items to more collections, keeping the ones they are in (Bitwarden's bulk "Assign to
 * collections"): the caller needs edit rights on every item and may add to every collection. All or nothing: one
 * item refused refuses the whole request.
 */
export async function addItemsToCollections(
  tx: Executor,
  scope: UserScope,
  organizationId: string,
  cipherIds: string[],
  collectionIds: string[],
) {
  const items = await lockItemsForUser(tx, scope, cipherIds, (item) => {
    if (item.organizationId !== organizationId)
      throw new ActionError("Only this organization's items can go into its collections.");
    requireEdit(item);
    if (item.deletedAt) throw new ActionError("Restore this item from the trash before changing its collections.");
  });
  await assertEditableCollections(tx, scope, organizationId, collectionIds);
  // Every pair in one statement, with one parameter per id (500 items × 100 collections as rows would pass
  // PostgreSQL's limit of 65,535 parameters).
  await tx.execute(
    sql`insert into collection_ciphers (organization_id, collection_id, cipher_id)
        select ${organizationId}, collection_id, cipher_id
        from unnest(${uuidArray(collectionIds)}) collection_id cross join unnest(${uuidArray(items.map((item) => item.id))}) cipher_id
        on conflict do nothing`,
  );
  return items;
}

/**
 * Deletes items that have been in the trash longer than the retention period (run at start and periodically).
 * Scope-less: a housekeeping job of the whole installation.
 */
export async function purgeExpiredTrash(executor: Executor, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const purged = await executor
    .delete(ciphers)
    .where(and(isNotNull(ciphers.deletedAt), lt(ciphers.deletedAt, cutoff)))
    .returning({ id: ciphers.id });
  return purged.length;
}

export async function createFolder(tx: Executor, scope: UserScope, name: EncString) {
  const { userId } = assertScope(scope);
  const [folder] = await tx.insert(folders).values({ userId, name }).returning({ id: folders.id });
  return folder!.id;
}

export async function renameFolder(tx: Executor, scope: UserScope, folderId: string, name: EncString) {
  const { userId } = assertScope(scope);
  const renamed = await tx
    .update(folders)
    .set({ name })
    .where(and(eq(folders.id, folderId), eq(folders.userId, userId)))
    .returning({ id: folders.id });
  if (renamed.length === 0) throw new ActionError("This folder does not exist.");
}

/** Deleting a folder moves its items out of it (they are not deleted). */
export async function deleteFolder(tx: Executor, scope: UserScope, folderId: string) {
  const { userId } = assertScope(scope);
  await tx
    .update(cipherUserStates)
    .set({ folderId: null })
    .where(and(eq(cipherUserStates.userId, userId), eq(cipherUserStates.folderId, folderId)));
  const deleted = await tx
    .delete(folders)
    .where(and(eq(folders.id, folderId), eq(folders.userId, userId)))
    .returning({ id: folders.id });
  if (deleted.length === 0) throw new ActionError("This folder does not exist.");
}
