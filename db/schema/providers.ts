import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import {
  BILLING_BASES,
  PROVIDER_MEMBER_STATUSES,
  PROVIDER_PLANS,
  PROVIDER_ROLES,
  PROVIDER_STATUSES,
  PROVIDER_TYPES,
} from "@/lib/enums";
import { createdAt, encString, id, revisionDate, updatedAt } from "./columns";
import { memberColumns } from "./member-columns";
import { organizations } from "./organizations";

export const providerType = pgEnum("provider_type", PROVIDER_TYPES);
export const providerStatus = pgEnum("provider_status", PROVIDER_STATUSES);
export const providerUserType = pgEnum("provider_user_type", PROVIDER_ROLES);
export const providerUserStatus = pgEnum("provider_user_status", PROVIDER_MEMBER_STATUSES);
export const providerPlanType = pgEnum("provider_plan_type", PROVIDER_PLANS);
export const billingBasis = pgEnum("billing_basis", BILLING_BASES);

export const providers = pgTable(
  "providers",
  {
    id: id(),
    name: varchar("name", { length: 50 }).notNull(),
    businessName: varchar("business_name", { length: 50 }),
    billingEmail: varchar("billing_email", { length: 256 }),
    type: providerType("type").notNull().default("msp"),
    status: providerStatus("status").notNull().default("pending"),
    enabled: boolean("enabled").notNull().default(true),
    useEvents: boolean("use_events").notNull().default(true),
    /** How invoices count clients' seats from the usage ledger (set by operators with the seat minimums). */
    billingBasis: billingBasis("billing_basis").notNull().default("peak"),
    /**
     * The provider's own organization (its internal vault, DESIGN §11): never a client, never on its bill. A trigger
     * (migration 0005) refuses to make it a client, or to mark a client as internal.
     */
    internalOrganizationId: uuid("internal_organization_id")
      .unique("providers_internal_organization")
      .references(() => organizations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    revisionDate: revisionDate(),
  },
  (t) => [check("providers_name_not_blank", sql`btrim(${t.name}) <> ''`)],
);

/** Membership of a provider. `key` is the provider key wrapped (type 4) to the member's public key. */
export const providerUsers = pgTable(
  "provider_users",
  {
    ...memberColumns(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    type: providerUserType("type").notNull(),
    status: providerUserStatus("status").notNull().default("invited"),
    /** A service user's reach: every client (the default, Bitwarden's), or those of db/schema/provider-scopes.ts. */
    accessAllClients: boolean("access_all_clients").notNull().default(true),
  },
  (t) => [
    unique("provider_users_provider_email").on(t.providerId, t.email),
    uniqueIndex("provider_users_provider_user")
      .on(t.providerId, t.userId)
      .where(sql`${t.userId} is not null`),
    unique("provider_users_provider_id_id").on(t.providerId, t.id),
    index("provider_users_user_idx").on(t.userId),
    check("provider_users_email_normalized", sql`${t.email} = lower(btrim(${t.email}))`),
    check("provider_users_accepted_has_user", sql`${t.status} = 'invited' or ${t.userId} is not null`),
    // A confirmed member holds the provider key, except the first admin of an approved request until their browser
    // makes it (DESIGN §11): one such row per provider at most.
    check(
      "provider_users_confirmed_has_key",
      sql`${t.status} <> 'confirmed' or ${t.key} is not null or ${t.type} = 'provider_admin'`,
    ),
    uniqueIndex("provider_users_one_keyless_admin")
      .on(t.providerId)
      .where(sql`${t.status} = 'confirmed' and ${t.key} is null`),
  ],
);

export const providerPlans = pgTable(
  "provider_plans",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    planType: providerPlanType("plan_type").notNull(),
    seatMinimum: integer("seat_minimum").notNull().default(0),
    purchasedSeats: integer("purchased_seats").notNull().default(0),
    allocatedSeats: integer("allocated_seats").notNull().default(0),
  },
  (t) => [
    unique("provider_plans_provider_plan").on(t.providerId, t.planType),
    check(
      "provider_plans_seats_non_negative",
      sql`${t.seatMinimum} >= 0 and ${t.purchasedSeats} >= 0 and ${t.allocatedSeats} >= 0`,
    ),
    check("provider_plans_seat_minimum_bounded", sql`${t.seatMinimum} <= 100000`),
  ],
);

/** A client of a provider. `key` is the client's organization key wrapped (type 2) by the provider key. */
export const providerOrganizations = pgTable(
  "provider_organizations",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .unique("provider_organizations_one_provider")
      .references(() => organizations.id, { onDelete: "cascade" }),
    key: encString("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("provider_organizations_provider_id_id").on(t.providerId, t.id),
    unique("provider_organizations_id_organization_id").on(t.id, t.organizationId),
    index("provider_organizations_provider_idx").on(t.providerId),
  ],
);
