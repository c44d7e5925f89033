import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { PROVIDER_ACCESS_LEVELS, PROVIDER_ACCESS_STATUSES } from "@/lib/enums";
import { collections } from "./collections";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";
import { providerOrganizations, providerUsers } from "./providers";
import { users } from "./users";

/**
 * Client-approved, time-boxed access of a provider member to a client's items (issue 15, DESIGN §11's grant rule).
 * Rows hang off the client's provider_organizations row through composite foreign keys, like the technician scopes:
 * unlinking the client, or moving it to another provider, deletes its requests and grants in the same statement,
 * and a request cannot name another provider's member or another organization's collection.
 */

export const providerAccessLevel = pgEnum("provider_access_level", PROVIDER_ACCESS_LEVELS);
export const providerAccessStatus = pgEnum("provider_access_status", PROVIDER_ACCESS_STATUSES);

/**
 * Under the client's "named" rule (organizations.provider_access_rule), the provider members whose requests are
 * approved at once. Moving the client to another provider drops them with its provider_organizations row.
 */
export const providerAccessTechnicians = pgTable(
  "provider_access_technicians",
  {
    providerOrganizationId: uuid("provider_organization_id").notNull(),
    providerId: uuid("provider_id").notNull(),
    providerUserId: uuid("provider_user_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "provider_access_technicians_pk", columns: [t.providerOrganizationId, t.providerUserId] }),
    index("provider_access_technicians_member_idx").on(t.providerUserId),
    foreignKey({
      name: "provider_access_technicians_client_fk",
      columns: [t.providerId, t.providerOrganizationId],
      foreignColumns: [providerOrganizations.providerId, providerOrganizations.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_access_technicians_member_fk",
      columns: [t.providerId, t.providerUserId],
      foreignColumns: [providerUsers.providerId, providerUsers.id],
    }).onDelete("cascade"),
  ],
);

/**
 * One request and, once approved, the grant it became: items are served while `status = 'approved'` and
 * `expires_at > now()`, a condition of the queries themselves (no timer ends a grant).
 */
export const providerAccessRequests = pgTable(
  "provider_access_requests",
  {
    id: id(),
    providerId: uuid("provider_id").notNull(),
    providerOrganizationId: uuid("provider_organization_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    providerUserId: uuid("provider_user_id").notNull(),
    /** One collection, or null for all the client's collections. */
    collectionId: uuid("collection_id"),
    /** Written by the provider member for the client to read; metadata, not a vault secret. */
    reason: varchar("reason", { length: 500 }).notNull(),
    requestedAccess: providerAccessLevel("requested_access").notNull(),
    requestedMinutes: integer("requested_minutes").notNull(),
    status: providerAccessStatus("status").notNull().default("pending"),
    grantedAccess: providerAccessLevel("granted_access"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Who approved or denied it; null for an approval by the client's standing rule. */
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    endedByUserId: uuid("ended_by_user_id").references(() => users.id, { onDelete: "set null" }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("provider_access_requests_organization_idx").on(t.organizationId, t.createdAt),
    index("provider_access_requests_member_idx").on(t.providerUserId, t.organizationId),
    // One open request per member and client: asking again while one waits would only repeat the mail.
    uniqueIndex("provider_access_requests_one_pending")
      .on(t.providerUserId, t.providerOrganizationId)
      .where(sql`${t.status} = 'pending'`),
    foreignKey({
      name: "provider_access_requests_client_fk",
      columns: [t.providerId, t.providerOrganizationId],
      foreignColumns: [providerOrganizations.providerId, providerOrganizations.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_access_requests_client_organization_fk",
      columns: [t.providerOrganizationId, t.organizationId],
      foreignColumns: [providerOrganizations.id, providerOrganizations.organizationId],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_access_requests_member_fk",
      columns: [t.providerId, t.providerUserId],
      foreignColumns: [providerUsers.providerId, providerUsers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_access_requests_collection_fk",
      columns: [t.organizationId, t.collectionId],
      foreignColumns: [collections.organizationId, collections.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "provider_access_requests_organization_fk",
      columns: [t.organizationId],
      foreignColumns: [organizations.id],
    }).onDelete("cascade"),
    check("provider_access_requests_reason_not_blank", sql`btrim(${t.reason}) <> ''`),
    // PROVIDER_ACCESS_MINUTES (lib/validation/provider-access.ts): 1 hour to 7 days.
    check("provider_access_requests_minutes_range", sql`${t.requestedMinutes} between 60 and 10080`),
    check(
      "provider_access_requests_approved_has_grant",
      sql`${t.status} <> 'approved' or (${t.grantedAccess} is not null and ${t.expiresAt} is not null)`,
    ),
  ],
);
