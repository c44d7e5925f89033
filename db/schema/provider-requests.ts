import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { providers, providerType } from "./providers";
import { users } from "./users";

export const providerRequestStatus = pgEnum("provider_request_status", [
  "pending",
  "approved",
  "rejected",
  "withdrawn",
]);

/**
 * A business asking to become a provider (DESIGN §11, "Become a provider"): an owner of an Enterprise organization
 * that is nobody's client names it as the provider's internal organization; an operator approves or rejects.
 */
export const providerRequests = pgTable(
  "provider_requests",
  {
    id: id(),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    businessName: varchar("business_name", { length: 50 }).notNull(),
    type: providerType("type").notNull(),
    billingEmail: varchar("billing_email", { length: 256 }).notNull(),
    internalOrganizationId: uuid("internal_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The client the business has ready to onboard, if it named one: offered as the first client's name. */
    firstClientName: varchar("first_client_name", { length: 50 }),
    status: providerRequestStatus("status").notNull().default("pending"),
    /** Why an operator rejected it, mailed to the requester. */
    reason: varchar("reason", { length: 500 }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("provider_requests_one_pending_per_requester")
      .on(t.requesterId)
      .where(sql`${t.status} = 'pending'`),
    uniqueIndex("provider_requests_one_pending_per_organization")
      .on(t.internalOrganizationId)
      .where(sql`${t.status} = 'pending'`),
    index("provider_requests_status_idx").on(t.status, t.createdAt),
    check("provider_requests_business_name_not_blank", sql`btrim(${t.businessName}) <> ''`),
    check("provider_requests_type", sql`${t.type} in ('msp', 'reseller')`),
    check("provider_requests_rejected_has_reason", sql`${t.status} <> 'rejected' or ${t.reason} is not null`),
    check("provider_requests_decided", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);
