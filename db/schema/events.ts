import { bigserial, index, jsonb, pgTable, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

/**
 * The audit log. Append-only (a trigger refuses UPDATE and DELETE) and written in the same transaction as the
 * change it records. Ids of the things acted on are kept without foreign keys so history outlives them.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    type: varchar("type", { length: 64 }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actingUserId: uuid("acting_user_id"),
    providerId: uuid("provider_id"),
    organizationId: uuid("organization_id"),
    userId: uuid("user_id"),
    providerUserId: uuid("provider_user_id"),
    providerOrganizationId: uuid("provider_organization_id"),
    organizationUserId: uuid("organization_user_id"),
    groupId: uuid("group_id"),
    collectionId: uuid("collection_id"),
    cipherId: uuid("cipher_id"),
    policyId: uuid("policy_id"),
    ip: varchar("ip", { length: 64 }),
    device: varchar("device", { length: 256 }),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index("events_org_time_idx").on(t.organizationId, t.occurredAt),
    index("events_provider_time_idx").on(t.providerId, t.occurredAt),
    index("events_user_time_idx").on(t.actingUserId, t.occurredAt),
    // The provider's rolled-up log reads newest first across many clients: one walk down time, then id.
    index("events_time_idx").on(t.occurredAt, t.id),
    // A few kinds of event across every client (the dashboard's security list, a log filtered by type): by kind first.
    index("events_type_time_idx").on(t.type, t.occurredAt),
  ],
);
