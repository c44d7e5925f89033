import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, unique, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { providerOrganizations, providers, providerUsers } from "./providers";

/**
 * Which clients a service user reaches (DESIGN §13): all of them while provider_users.access_all_clients is set
 * (the default, Bitwarden's behaviour), otherwise the clients named here and those tagged with one of their groups.
 * Every row carries its provider_id, and composite foreign keys tie each side to that same provider, so a scope
 * cannot name another provider's client, group or member. Clients are named by their provider_organizations row:
 * unlinking a client deletes that row, and its assignments and tags go with it in the same statement.
 */

/** A provider's own label for a set of clients ("Dental practices"); the name is the provider's, not a secret. */
export const providerClientGroups = pgTable(
  "provider_client_groups",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 50 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("provider_client_groups_provider_id_id").on(t.providerId, t.id),
    uniqueIndex("provider_client_groups_provider_name").on(t.providerId, sql`lower(${t.name})`),
    check("provider_client_groups_name_not_blank", sql`btrim(${t.name}) <> ''`),
  ],
);

/** A client tagged with a group (a client may carry several). */
export const providerClientGroupClients = pgTable(
  "provider_client_group_clients",
  {
    providerId: uuid("provider_id").notNull(),
    groupId: uuid("group_id").notNull(),
    providerOrganizationId: uuid("provider_organization_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "provider_client_group_clients_pk", columns: [t.groupId, t.providerOrganizationId] }),
    index("provider_client_group_clients_client_idx").on(t.providerOrganizationId),
    foreignKey({
      name: "provider_client_group_clients_group_fk",
      columns: [t.providerId, t.groupId],
      foreignColumns: [providerClientGroups.providerId, providerClientGroups.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_client_group_clients_client_fk",
      columns: [t.providerId, t.providerOrganizationId],
      foreignColumns: [providerOrganizations.providerId, providerOrganizations.id],
    }).onDelete("cascade"),
  ],
);

/** A client named in a service user's scope. */
export const providerUserClients = pgTable(
  "provider_user_clients",
  {
    providerId: uuid("provider_id").notNull(),
    providerUserId: uuid("provider_user_id").notNull(),
    providerOrganizationId: uuid("provider_organization_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "provider_user_clients_pk", columns: [t.providerUserId, t.providerOrganizationId] }),
    index("provider_user_clients_client_idx").on(t.providerOrganizationId),
    foreignKey({
      name: "provider_user_clients_member_fk",
      columns: [t.providerId, t.providerUserId],
      foreignColumns: [providerUsers.providerId, providerUsers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_user_clients_client_fk",
      columns: [t.providerId, t.providerOrganizationId],
      foreignColumns: [providerOrganizations.providerId, providerOrganizations.id],
    }).onDelete("cascade"),
  ],
);

/** A client group named in a service user's scope: they reach every client tagged with it, now and later. */
export const providerUserClientGroups = pgTable(
  "provider_user_client_groups",
  {
    providerId: uuid("provider_id").notNull(),
    providerUserId: uuid("provider_user_id").notNull(),
    groupId: uuid("group_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "provider_user_client_groups_pk", columns: [t.providerUserId, t.groupId] }),
    index("provider_user_client_groups_group_idx").on(t.groupId),
    foreignKey({
      name: "provider_user_client_groups_member_fk",
      columns: [t.providerId, t.providerUserId],
      foreignColumns: [providerUsers.providerId, providerUsers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_user_client_groups_group_fk",
      columns: [t.providerId, t.groupId],
      foreignColumns: [providerClientGroups.providerId, providerClientGroups.id],
    }).onDelete("cascade"),
  ],
);
