import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { providerApiKeys } from "./provider-api-keys";
import { organizations } from "./organizations";
import { providerPlanType, providers } from "./providers";
import { users } from "./users";

/**
 * A client asked for through the provider API (issue 16 part 5), waiting for a provider member's browser to make its
 * keys (the organization key wrapped with the provider key, which no PSA holds). Setting it up in the portal creates
 * the client with these details and records which organization it became; discarding deletes it.
 */
export const providerPendingClients = pgTable(
  "provider_pending_clients",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 50 }).notNull(),
    ownerEmail: varchar("owner_email", { length: 256 }).notNull(),
    planType: providerPlanType("plan_type").notNull(),
    seats: integer("seats").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    apiKeyId: uuid("api_key_id").references(() => providerApiKeys.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    setUpAt: timestamp("set_up_at", { withTimezone: true }),
  },
  (t) => [
    index("provider_pending_clients_provider_idx").on(t.providerId, t.createdAt),
    check("provider_pending_clients_seats_positive", sql`${t.seats} >= 1`),
  ],
);
