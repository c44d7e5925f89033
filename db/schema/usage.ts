import { date, index, integer, pgTable, primaryKey, uuid, varchar } from "drizzle-orm/pg-core";
import { providers } from "./providers";

/**
 * The usage ledger: one row per client, provider and day (UTC) with the seats assigned and in use that day, the
 * highest seen when it was recorded more than once (lib/dal/usage-ledger.ts). It outlives the client's link (no
 * foreign key to the organization, and the client's name as it was): a provider's history stays its own after a
 * client leaves or moves.
 */
export const clientUsageDays = pgTable(
  "client_usage_days",
  {
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull(),
    clientName: varchar("client_name", { length: 50 }).notNull(),
    day: date("day").notNull(),
    seatsAssigned: integer("seats_assigned").notNull(),
    seatsUsed: integer("seats_used").notNull(),
  },
  (t) => [
    primaryKey({ name: "client_usage_days_pk", columns: [t.organizationId, t.providerId, t.day] }),
    index("client_usage_days_provider_day_idx").on(t.providerId, t.day),
  ],
);
