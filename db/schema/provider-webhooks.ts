import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, smallint, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { PROVIDER_WEBHOOK_DELIVERY_STATUSES } from "@/lib/enums";
import { createdAt, id } from "./columns";
import { providers } from "./providers";
import { users } from "./users";

export const providerWebhookDeliveryStatus = pgEnum(
  "provider_webhook_delivery_status",
  PROVIDER_WEBHOOK_DELIVERY_STATUSES,
);

/**
 * A provider's webhook endpoint (issue 16 part 5): an https address its PSA listens on, told of clients created,
 * seats changed and invoices closed. The signing secret is kept as it is because every delivery is signed with it
 * (HMAC-SHA256); it is shown once, when the endpoint is added.
 */
export const providerWebhooks = pgTable(
  "provider_webhooks",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    url: varchar("url", { length: 2048 }).notNull(),
    secret: varchar("secret", { length: 64 }).notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("provider_webhooks_provider_idx").on(t.providerId)],
);

/**
 * One event for one endpoint, delivered at least once: a run claims a due row by moving its next attempt on (so two
 * instances never send it at once), then marks it delivered, or failed once the attempts run out.
 */
export const providerWebhookDeliveries = pgTable(
  "provider_webhook_deliveries",
  {
    id: id(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => providerWebhooks.id, { onDelete: "cascade" }),
    eventType: varchar("event_type", { length: 64 }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: providerWebhookDeliveryStatus("status").notNull().default("pending"),
    attempts: smallint("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastResponseStatus: integer("last_response_status"),
    lastError: varchar("last_error", { length: 200 }),
    createdAt: createdAt(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("provider_webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("provider_webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt),
    check("provider_webhook_deliveries_attempts_non_negative", sql`${t.attempts} >= 0`),
  ],
);
