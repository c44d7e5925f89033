import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { PROVIDER_API_ACCESS } from "@/lib/enums";
import { createdAt, id } from "./columns";
import { providers } from "./providers";
import { users } from "./users";

export const providerApiAccess = pgEnum("provider_api_access", PROVIDER_API_ACCESS);

/**
 * A provider's API key for its PSA or RMM tools (issue 16 part 5): made by a provider admin, read-only or read-write,
 * shown once and kept as the SHA-256 of its secret (random, so a fast hash suffices), revocable, with when it was last
 * used. A revoked key stays listed, so the log's mentions of it keep a name.
 */
export const providerApiKeys = pgTable(
  "provider_api_keys",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 50 }).notNull(),
    access: providerApiAccess("access").notNull(),
    secretHash: varchar("secret_hash", { length: 64 }).notNull().unique("provider_api_keys_secret_hash"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // The rate limit's current minute and the calls counted in it: one row per key, counted by the statement that
    // authenticates the call, so every instance counts against the same figure.
    rateWindow: timestamp("rate_window", { withTimezone: true }),
    rateCount: integer("rate_count").notNull().default(0),
  },
  (t) => [
    index("provider_api_keys_provider_idx").on(t.providerId),
    check("provider_api_keys_name_not_blank", sql`btrim(${t.name}) <> ''`),
  ],
);
