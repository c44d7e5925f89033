import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, encString, id, revisionDate, updatedAt } from "./columns";

/**
 * Accounts. Only ciphertext and public material is stored: `key` is the user key wrapped by the stretched
 * master key, `private_key` is wrapped by the user key, and `master_password_hash` is bcrypt of the hash the
 * browser derived (never the password).
 *
 * Two-step login (authenticator app): like Bitwarden, the server keeps the authenticator key, since it checks the
 * codes. `two_factor_secret` is set when setup begins and counts only once `two_factor_enabled_at` is set; the
 * recovery code is stored as its SHA-256 (it is random, so a fast hash suffices) and used up when used.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: varchar("email", { length: 256 }).notNull().unique(),
    name: varchar("name", { length: 50 }).notNull(),
    kdfType: smallint("kdf_type").notNull().default(0),
    kdfIterations: integer("kdf_iterations").notNull(),
    masterPasswordHash: text("master_password_hash").notNull(),
    key: encString("key").notNull(),
    publicKey: text("public_key").notNull(),
    privateKey: encString("private_key").notNull(),
    securityStamp: uuid("security_stamp").notNull().defaultRandom(),
    emailVerified: boolean("email_verified").notNull().default(false),
    twoFactorSecret: varchar("two_factor_secret", { length: 64 }),
    twoFactorEnabledAt: timestamp("two_factor_enabled_at", { withTimezone: true }),
    twoFactorRecoveryCodeHash: varchar("two_factor_recovery_code_hash", { length: 64 }),
    /** The 30-second step of the last authenticator code accepted: no code of that step or before works again. */
    twoFactorLastStep: bigint("two_factor_last_step", { mode: "number" }),
    /**
     * The personal API key's secret (`bw login --apikey`) as its SHA-256: it is random, so a fast hash suffices, and
     * it is shown once when made. Null until the user makes one.
     */
    apiKeyHash: varchar("api_key_hash", { length: 64 }),
    /** The id the official apps give the user key (not secret): the first app to ask records it, the rest read it. */
    userKeyId: varchar("user_key_id", { length: 64 }),
    revisionDate: revisionDate(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_email_normalized", sql`${t.email} = lower(btrim(${t.email})) and position('@' in ${t.email}) > 1`),
    check("users_kdf_type", sql`${t.kdfType} = 0`),
    check("users_kdf_iterations", sql`${t.kdfIterations} between 100000 and 2000000`),
    check("users_name_not_blank", sql`btrim(${t.name}) <> ''`),
    check(
      "users_two_factor_complete",
      sql`${t.twoFactorEnabledAt} is null or (${t.twoFactorSecret} is not null and ${t.twoFactorRecoveryCodeHash} is not null)`,
    ),
  ],
);
