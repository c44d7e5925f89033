import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, smallint, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./users";

/**
 * One row per signed-in session: a browser (the session cookie names its row) or a device running an official
 * Bitwarden app (its access tokens name the row, DESIGN §12). Every request checks that the row is neither revoked
 * nor expired: logging out revokes it on the server, so a copied cookie or token stops working too.
 *
 * Device rows carry what the app said about itself and the current refresh token as its SHA-256 (the token is
 * random; a fast hash suffices). Refreshing replaces the token, and presenting a replaced one revokes the device.
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
    /** Bitwarden's DeviceType number (lib/bitwarden/devices.ts); null for a web vault session. */
    deviceType: smallint("device_type"),
    deviceIdentifier: varchar("device_identifier", { length: 64 }),
    deviceName: varchar("device_name", { length: 64 }),
    refreshTokenHash: varchar("refresh_token_hash", { length: 64 }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("user_sessions_user_idx").on(t.userId),
    check(
      "user_sessions_device_complete",
      sql`(${t.deviceType} is null) = (${t.deviceIdentifier} is null) and (${t.deviceType} is null) = (${t.refreshTokenHash} is null)`,
    ),
  ],
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
