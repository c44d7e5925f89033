import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, smallint, text, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

/**
 * Accounts. Only ciphertext and public material is stored: `key` is the user key wrapped by the stretched
 * master key, `private_key` is wrapped by the user key, and `master_password_hash` is bcrypt of the hash the
 * browser derived (never the password).
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
    key: text("key").notNull(),
    publicKey: text("public_key").notNull(),
    privateKey: text("private_key").notNull(),
    securityStamp: uuid("security_stamp").notNull().defaultRandom(),
    emailVerified: boolean("email_verified").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_email_normalized", sql`${t.email} = lower(btrim(${t.email})) and position('@' in ${t.email}) > 1`),
    check("users_kdf_type", sql`${t.kdfType} = 0`),
    check("users_kdf_iterations", sql`${t.kdfIterations} between 100000 and 2000000`),
    check("users_name_not_blank", sql`btrim(${t.name}) <> ''`),
  ],
);
