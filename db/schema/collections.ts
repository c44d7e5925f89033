import { boolean, foreignKey, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, encString, id, updatedAt } from "./columns";
import { groups, organizations, organizationUsers } from "./organizations";

/** A collection's name is a type-2 EncString under the organization key: the server never sees it. */
export const collections = pgTable(
  "collections",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: encString("name").notNull(),
    externalId: text("external_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("collections_org_id_id").on(t.organizationId, t.id)],
);

/**
 * Access flags give Bitwarden's five levels: can view (read_only), can view except passwords (read_only +
 * hide_passwords), can edit (none), can edit except passwords (hide_passwords), can manage (manage).
 */
const accessFlags = {
  readOnly: boolean("read_only").notNull().default(false),
  hidePasswords: boolean("hide_passwords").notNull().default(false),
  manage: boolean("manage").notNull().default(false),
};

export const collectionUsers = pgTable(
  "collection_users",
  {
    organizationId: uuid("organization_id").notNull(),
    collectionId: uuid("collection_id").notNull(),
    organizationUserId: uuid("organization_user_id").notNull(),
    ...accessFlags,
  },
  (t) => [
    primaryKey({ name: "collection_users_pk", columns: [t.collectionId, t.organizationUserId] }),
    foreignKey({
      name: "collection_users_collection_fk",
      columns: [t.organizationId, t.collectionId],
      foreignColumns: [collections.organizationId, collections.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "collection_users_member_fk",
      columns: [t.organizationId, t.organizationUserId],
      foreignColumns: [organizationUsers.organizationId, organizationUsers.id],
    }).onDelete("cascade"),
  ],
);

export const collectionGroups = pgTable(
  "collection_groups",
  {
    organizationId: uuid("organization_id").notNull(),
    collectionId: uuid("collection_id").notNull(),
    groupId: uuid("group_id").notNull(),
    ...accessFlags,
  },
  (t) => [
    primaryKey({ name: "collection_groups_pk", columns: [t.collectionId, t.groupId] }),
    foreignKey({
      name: "collection_groups_collection_fk",
      columns: [t.organizationId, t.collectionId],
      foreignColumns: [collections.organizationId, collections.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "collection_groups_group_fk",
      columns: [t.organizationId, t.groupId],
      foreignColumns: [groups.organizationId, groups.id],
    }).onDelete("cascade"),
  ],
);
