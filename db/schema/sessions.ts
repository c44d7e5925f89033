import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./users";

/**
 * One row per signed-in browser session. The session cookie names its row, and every request checks that the row
 * is neither revoked nor expired: logging out revokes it on the server, so a copied cookie stops working too.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/**
 * Failed logins counted per key ("account:<email>" or "address:<ip>") in a sliding window, held in the database
 * so that every app instance sees the same counts. While `blocked_until` is in the future, logins for the key are
 * refused before any bcrypt work.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    key: varchar("key", { length: 320 }).primaryKey(),
    failures: integer("failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  },
  (t) => [check("login_throttles_failures_non_negative", sql`${t.failures} >= 0`)],
);
