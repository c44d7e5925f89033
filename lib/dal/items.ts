import "server-only";
import { and, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, selectRows } from "@/db/client";
import { ciphers, collectionCiphers, collections, folders } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type OrganizationScope, type UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import type { EncryptedCipherInput } from "@/lib/validation/cipher";
import { type EncryptedCipherData, withStoredDefaults } from "@/lib/vault/cipher-crypto";
import { withoutUnknownParts } from "@/lib/vault/unknown-parts";
import type { CipherType } from "@/lib/enums";
import { collectionAccessCte } from "./vault-access";

export type ItemPermissions = { edit: boolean; viewPassword: boolean; manage: boolean };

/** A file attached to an item, once uploaded: its name and key are ciphertext, its size that of the encrypted file. */
export type VaultAttachment = { id: string; fileName: EncString; key: EncString; size: number };

export type VaultItem = {
  id: string;
  organizationId: string | null;
  type: CipherType;
  reprompt: 0 | 1;
  data: EncryptedCipherData;
  collectionIds: string[];
  favorite: boolean;
  folderId: string | null;
  deletedAt: string | null;
  /** In the archive (Bitwarden's archive): left out of the default lists. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The item's own key (Bitwarden's cipher key), type 2 under the owning key; null when the owning key is used. */
  key: EncString | null;
  permissions: ItemPermissions;
  attachments: VaultAttachment[];
};

export type VaultCollection = {
  id: string;
  organizationId: string;
  name: EncString;
  readOnly: boolean;
  hidePasswords: boolean;
  manage: boolean;
};

type ItemRow = {
  id: string;
  organization_id: string | null;
  type: CipherType;
  reprompt: number;
  data: EncryptedCipherData;
  collection_ids: string[] | null;
  favorite: boolean | null;
  folder_id: string | null;
  deleted_at: Date | string | null;
  archived_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  key: EncString | null;
  can_edit: boolean;
  view_password: boolean;
  can_manage: boolean;
  attachments: VaultAttachment[] | null;
};

/** The item's uploaded attachments as a JSON list, for the item queries' select lists (never their bytes). */
const attachmentsColumn = sql`(
  select json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'key', a.key, 'size', a.size) order by a.created_at)
  from attachments a where a.cipher_id = ci.id and a.uploaded_at is not null) as attachments`;

/**
 * "Can view, except passwords" is enforced here, not only hidden in the page: the server cannot read the item, but
 * it can leave out the encrypted password, TOTP secret, passkeys, password history and hidden fields, so they never
 * reach a member who may not see them.
 */
function withoutHiddenSecrets(stored: EncryptedCipherData): EncryptedCipherData {
  // What an app stored that Keyhouse does not know could be a secret too.
  const data = withoutUnknownParts(stored);
  return {
    ...data,
    // A passkey's private key signs in like a password does.
    login: data.login ? { ...data.login, password: null, totp: null, fido2Credentials: [] } : null,
    fields: data.fields.map((field) => (field.type === 1 ? { ...field, value: null } : field)),
    passwordHistory: [],
  };
}

function toVaultItem(row: ItemRow): VaultItem {
  const iso = (value: Date | string) => new Date(value).toISOString();
  return {
    id: row.id,
    organizationId: row.organization_id,
    type: row.type,
    reprompt: row.reprompt === 1 ? 1 : 0,
    data: row.view_password ? withStoredDefaults(row.data) : withoutHiddenSecrets(withStoredDefaults(row.data)),
    collectionIds: row.collection_ids ?? [],
    favorite: row.favorite ?? false,
    folderId: row.folder_id,
    deletedAt: row.deleted_at ? iso(row.deleted_at) : null,
    archivedAt: row.archived_at ? iso(row.archived_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    key: row.key,
    permissions: { edit: row.can_edit, viewPassword: row.view_password, manage: row.can_manage },
    attachments: (row.attachments ?? []).map((attachment) => ({ ...attachment, size: Number(attachment.size) })),
  };
}

/**
 * Items of organizations the scope's user reaches: through the collections they reach, and every item (collection
 * or not) where they are owner or admin. An organization scope narrows it to that organization.
 */
export function organizationItemsQuery(scope: UserScope | OrganizationScope): SQL {
  const { userId } = assertScope(scope);
  return sql`
    with ${collectionAccessCte(scope)},
    reachable as (
      select cc.cipher_id, ca.collection_id, ca.read_only, ca.hide_passwords, ca.manage
      from collection_access ca join collection_ciphers cc on cc.collection_id = ca.collection_id
      union all
      select ci.id, null::uuid, false, false, true
      from ciphers ci join memberships m on m.organization_id = ci.organization_id
      where m.type in ('owner', 'admin')
    )
    select ci.id, ci.organization_id, ci.type, ci.reprompt, ci.data, ci.deleted_at, ci.archived_at, ci.created_at, ci.updated_at, ci.key,
      array_remove(array_agg(distinct r.collection_id), null) as collection_ids,
      bool_or(not r.read_only) as can_edit, bool_or(not r.hide_passwords) as view_password, bool_or(r.manage) as can_manage,
      max(s.folder_id::text)::uuid as folder_id, bool_or(s.favorite) as favorite, ${attachmentsColumn}
    from reachable r
    join ciphers ci on ci.id = r.cipher_id
    left join cipher_user_states s on s.cipher_id = ci.id and s.user_id = ${userId}
    ${scope.kind === "organization" ? sql`where ci.organization_id = ${scope.organizationId}` : sql``}
    group by ci.id`;
}

export type VaultFolder = { id: string; name: EncString; updatedAt: Date };

const personalItemsQuery = (userId: string) =>
  sql`select ci.id, ci.organization_id, ci.type, ci.reprompt, ci.data, ci.deleted_at, ci.archived_at, ci.created_at, ci.updated_at, ci.key,
        null as collection_ids, true as can_edit, true as view_password, true as can_manage, s.folder_id, s.favorite,
        ${attachmentsColumn}
      from ciphers ci left join cipher_user_states s on s.cipher_id = ci.id and s.user_id = ${userId}
      where ci.user_id = ${userId}`;

/**
 * One item as the caller's vault has it (the official apps' answer after a change), with whether its organization
 * shows verification codes; null when the caller does not reach it.
 */
export async function getVaultItem(scope: UserScope, cipherId: string) {
  const [found] = await getVaultItems(scope, [cipherId]);
  return found ?? null;
}

/** Several items the user reaches, in one query; ids they do not reach are left out. */
export async function getVaultItems(scope: UserScope, cipherIds: string[]) {
  const { userId } = assertScope(scope);
  if (cipherIds.length === 0) return [];
  const db = await getDb();
  const rows = await selectRows<ItemRow & { use_totp: boolean }>(
    db,
    sql`select items.*, coalesce(o.use_totp, false) as use_totp
        from ((${personalItemsQuery(userId)}) union all (${organizationItemsQuery(scope)})) items
        left join organizations o on o.id = items.organization_id
        where items.id in (${sql.join(
          cipherIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return rows.map((row) => ({ item: toVaultItem(row), useTotp: row.use_totp }));
}

/** Everything the vault page needs, in four queries (run together) whatever the size of the vault. */
export async function listVaultItems(
  scope: UserScope,
): Promise<{ items: VaultItem[]; collections: VaultCollection[]; folders: VaultFolder[] }> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const [personal, shared, reachable, ownFolders] = await Promise.all([
    selectRows<ItemRow>(db, personalItemsQuery(userId)),
    selectRows<ItemRow>(db, organizationItemsQuery(scope)),
    listReachableCollections(scope),
    db
      .select({ id: folders.id, name: folders.name, updatedAt: folders.updatedAt })
      .from(folders)
      .where(eq(folders.userId, userId)),
  ]);
  return {
    folders: ownFolders,
    items: [...personal, ...shared].map(toVaultItem),
    collections: reachable,
  };
}

/** The collections the scope's user reaches, and how (one query). */
export async function listReachableCollections(scope: UserScope): Promise<VaultCollection[]> {
  const db = await getDb();
  const rows = await selectRows<{
    id: string;
    organization_id: string;
    name: EncString;
    read_only: boolean;
    hide_passwords: boolean;
    manage: boolean;
  }>(
    db,
    sql`with ${collectionAccessCte(scope)}
        select c.id, c.organization_id, c.name, ca.read_only, ca.hide_passwords, ca.manage
        from collection_access ca join collections c on c.id = ca.collection_id`,
  );
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    readOnly: row.read_only,
    hidePasswords: row.hide_passwords,
    manage: row.manage,
  }));
}

/**
 * The organization's items its member reaches (exports, reports). Provider members are not members: they get none,
 * by Bitwarden's rule (DESIGN §6).
 */
export async function listReachableOrganizationItems(scope: OrganizationScope): Promise<VaultItem[]> {
  const { access } = assertScope(scope);
  if (access.via === "provider") throw new ActionError("Provider members cannot read a client's vault items.");
  const db = await getDb();
  const rows = await selectRows<ItemRow>(db, organizationItemsQuery(scope));
  return rows.filter((row) => row.deleted_at === null).map(toVaultItem);
}

/** Refuses collection ids that are not this organization's (the composite foreign key is the last guard). */
async function assertCollectionsOf(tx: Executor, organizationId: string, collectionIds: string[]): Promise<void> {
  if (collectionIds.length === 0) return;
  const [row] = await tx
    .select({ n: count() })
    .from(collections)
    .where(and(eq(collections.organizationId, organizationId), inArray(collections.id, collectionIds)));
  if ((row?.n ?? 0) !== collectionIds.length)
    throw new ActionError("Some of these collections do not exist in this organization.");
}

/** Stores items encrypted under the organization's key, each in its collections (imports, moves into the org). */
export async function createOrganizationItems(
  tx: Executor,
  scope: OrganizationScope,
  items: { cipher: EncryptedCipherInput; collectionIds: string[] }[],
) {
  const { organizationId } = assertScope(scope);
  await assertCollectionsOf(tx, organizationId, [...new Set(items.flatMap((item) => item.collectionIds))]);
  const created = await tx
    .insert(ciphers)
    .values(
      items.map((item) => ({
        organizationId,
        type: item.cipher.type,
        reprompt: item.cipher.reprompt,
        key: item.cipher.key,
        data: item.cipher.data,
      })),
    )
    .returning({ id: ciphers.id });
  const links = created.flatMap((cipher, index) =>
    items[index]!.collectionIds.map((collectionId) => ({ organizationId, collectionId, cipherId: cipher.id })),
  );
  if (links.length > 0) await tx.insert(collectionCiphers).values(links);
  return created.map((cipher) => cipher.id);
}

/** Whether the user reaches an item (their own, or an organization item through a collection or as owner/admin). */
export async function findReachableItem(executor: Executor, scope: UserScope, cipherId: string) {
  const { userId } = assertScope(scope);
  const [own] = await executor
    .select({ id: ciphers.id })
    .from(ciphers)
    .where(and(eq(ciphers.id, cipherId), eq(ciphers.userId, userId), isNull(ciphers.organizationId)));
  if (own) return { id: own.id, organizationId: null as string | null, viewPassword: true };
  const [shared] = await selectRows<{ id: string; organization_id: string; view_password: boolean }>(
    executor,
    sql`select * from (${organizationItemsQuery(scope)}) items where items.id = ${cipherId}`,
  );
  return shared ? { id: shared.id, organizationId: shared.organization_id, viewPassword: shared.view_password } : null;
}

/** The organization's collections with their encrypted names: all of them for owners, admins and provider members. */
export async function listOrganizationCollectionNames(
  scope: OrganizationScope,
): Promise<{ id: string; name: EncString }[]> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({ id: collections.id, name: collections.name })
    .from(collections)
    .where(eq(collections.organizationId, organizationId));
}

/** The caller's folders, or one of them (null when it is not theirs). Names stay encrypted under the user key. */
export async function listFolders(scope: UserScope, folderId?: string): Promise<VaultFolder[]> {
  const { userId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({ id: folders.id, name: folders.name, updatedAt: folders.updatedAt })
    .from(folders)
    .where(and(eq(folders.userId, userId), folderId ? eq(folders.id, folderId) : undefined));
}
