import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import {
  ORGANIZATION_MEMBER_STATUSES,
  ORGANIZATION_PLANS,
  ORGANIZATION_ROLES,
  PROVIDER_ACCESS_RULES,
} from "@/lib/enums";
import { createdAt, encString, id, revisionDate, updatedAt } from "./columns";
import { memberColumns } from "./member-columns";

export const organizationPlanType = pgEnum("organization_plan_type", ORGANIZATION_PLANS);
export const organizationStatus = pgEnum("organization_status", ["created", "managed"]);
export const organizationUserType = pgEnum("organization_user_type", ORGANIZATION_ROLES);
export const organizationUserStatus = pgEnum("organization_user_status", ORGANIZATION_MEMBER_STATUSES);
export const providerAccessRule = pgEnum("provider_access_rule", PROVIDER_ACCESS_RULES);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: varchar("name", { length: 50 }).notNull(),
    billingEmail: varchar("billing_email", { length: 256 }).notNull(),
    planType: organizationPlanType("plan_type").notNull(),
    seats: integer("seats").notNull(),
    status: organizationStatus("status").notNull().default("created"),
    enabled: boolean("enabled").notNull().default(true),
    publicKey: text("public_key").notNull(),
    privateKey: encString("private_key").notNull(),
    useGroups: boolean("use_groups").notNull().default(true),
    usePolicies: boolean("use_policies").notNull().default(true),
    useEvents: boolean("use_events").notNull().default(true),
    useTotp: boolean("use_totp").notNull().default(true),
    /** Whether its provider's members may read its items (issue 15): never, on each approved request, or named ones. */
    providerAccessRule: providerAccessRule("provider_access_rule").notNull().default("ask"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    revisionDate: revisionDate(),
  },
  (t) => [
    check("organizations_name_not_blank", sql`btrim(${t.name}) <> ''`),
    // MAX_ORGANIZATION_SEATS (lib/limits.ts)
    check("organizations_seats_range", sql`${t.seats} between 1 and 100000`),
  ],
);

/**
 * Custom-role flags (DESIGN §6). Stored as jsonb on the membership; only meaningful for type `custom`.
 */
export type CustomPermissions = {
  manageUsers: boolean;
  manageGroups: boolean;
  managePolicies: boolean;
  accessEventLogs: boolean;
  accessReports: boolean;
  accessImportExport: boolean;
  createNewCollections: boolean;
  editAnyCollection: boolean;
  deleteAnyCollection: boolean;
};

/**
 * Membership of an organization. Seats used = rows with status invited, accepted or confirmed; the database
 * refuses a row that would exceed the organization's seats (trigger in the migrations).
 */
export const organizationUsers = pgTable(
  "organization_users",
  {
    ...memberColumns(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: organizationUserType("type").notNull(),
    status: organizationUserStatus("status").notNull().default("invited"),
    permissions: jsonb("permissions").$type<CustomPermissions>(),
  },
  (t) => [
    unique("organization_users_org_email").on(t.organizationId, t.email),
    uniqueIndex("organization_users_org_user")
      .on(t.organizationId, t.userId)
      .where(sql`${t.userId} is not null`),
    unique("organization_users_org_id_id").on(t.organizationId, t.id),
    index("organization_users_user_idx").on(t.userId),
    // Seats in use (lib/dal/seats.ts) are counted from this index alone, without reading the rows.
    index("organization_users_seated_idx")
      .on(t.organizationId)
      .where(sql`${t.status} <> 'revoked'`),
    // Members waiting for confirmation, counted per client on the clients page (lib/dal/clients.ts).
    index("organization_users_accepted_idx")
      .on(t.organizationId)
      .where(sql`${t.status} = 'accepted'`),
    check("organization_users_email_normalized", sql`${t.email} = lower(btrim(${t.email}))`),
    check(
      "organization_users_accepted_has_user",
      sql`${t.status} in ('invited', 'revoked') or ${t.userId} is not null`,
    ),
    check("organization_users_confirmed_has_key", sql`${t.status} <> 'confirmed' or ${t.key} is not null`),
  ],
);

export const groups = pgTable(
  "groups",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 100 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("groups_org_id_id").on(t.organizationId, t.id),
    check("groups_name_not_blank", sql`btrim(${t.name}) <> ''`),
  ],
);

/** Composite foreign keys keep a group's members inside the group's organization. */
export const groupUsers = pgTable(
  "group_users",
  {
    organizationId: uuid("organization_id").notNull(),
    groupId: uuid("group_id").notNull(),
    organizationUserId: uuid("organization_user_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "group_users_pk", columns: [t.groupId, t.organizationUserId] }),
    foreignKey({
      name: "group_users_group_fk",
      columns: [t.organizationId, t.groupId],
      foreignColumns: [groups.organizationId, groups.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "group_users_member_fk",
      columns: [t.organizationId, t.organizationUserId],
      foreignColumns: [organizationUsers.organizationId, organizationUsers.id],
    }).onDelete("cascade"),
  ],
);
