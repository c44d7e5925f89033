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
import type { KdfType } from "@/lib/crypto";
import { createdAt, encString, id, revisionDate, updatedAt } from "./columns";

/**
 * Accounts. Only ciphertext and public material is stored: `key` is the user key wrapped by the stretched
 * master key, `private_key` is wrapped by the user key, and `master_password_hash` is bcrypt of the hash the
 * browser derived (never the password).
 *
 * Two-step login (authenticator app): like Bitwarden, the server keeps the authenticator key, since it checks the
 * codes. `two_factor_secret` is set when setup begins and counts only once `two_factor_enabled_at` is set; the
 * recovery code is stored as its SHA-256 (it is random, so a fast hash suffices) and used up when used.
 *
 * The KDF columns are Bitwarden's (lib/crypto KdfConfig): type 0 is PBKDF2-SHA256 (iterations only), type 1 Argon2id
 * (iterations, memory in MiB, parallelism). The check holds the same bounds the browser derives within (spelling out
 * "is not null": a null would make the comparison, and so the check, pass).
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: varchar("email", { length: 256 }).notNull().unique(),
    name: varchar("name", { length: 50 }).notNull(),
    kdfType: smallint("kdf_type").$type<KdfType>().notNull().default(0),
    kdfIterations: integer("kdf_iterations").notNull(),
    kdfMemory: smallint("kdf_memory"),
    kdfParallelism: smallint("kdf_parallelism"),
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
    check(
      "users_kdf",
      sql`(${t.kdfType} = 0 and ${t.kdfIterations} between 100000 and 2000000 and ${t.kdfMemory} is null and ${t.kdfParallelism} is null)
        or (${t.kdfType} = 1 and ${t.kdfIterations} between 2 and 10 and ${t.kdfMemory} is not null and ${t.kdfParallelism} is not null
          and ${t.kdfMemory} between 16 and 1024 and ${t.kdfParallelism} between 1 and 16)`,
    ),
    check("users_name_not_blank", sql`btrim(${t.name}) <> ''`),
    check(
      "users_two_factor_complete",
      sql`${t.twoFactorEnabledAt} is null or (${t.twoFactorSecret} is not null and ${t.twoFactorRecoveryCodeHash} is not null)`,
    ),
  ],
);
