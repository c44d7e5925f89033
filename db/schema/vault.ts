import { sql } from "drizzle-orm";
import type { EncryptedCipherData } from "@/lib/vault/cipher-crypto";
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { CIPHER_TYPES } from "@/lib/enums";
import { collections } from "./collections";
import { createdAt, encString, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const cipherType = pgEnum("cipher_type", CIPHER_TYPES);

/** A personal folder; its name is a type-2 EncString under the user key. */
export const folders = pgTable(
  "folders",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: encString("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("folders_user_id_id").on(t.userId, t.id)],
);

/**
 * A vault item, owned by exactly one user or one organization. `data` is the item shaped as Bitwarden's API
 * shapes it: a JSON document whose every secret field is a type-2 EncString under the owning key.
 */
export const ciphers = pgTable(
  "ciphers",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    type: cipherType("type").notNull(),
    data: jsonb("data").$type<EncryptedCipherData>().notNull(),
    key: encString("key"),
    reprompt: smallint("reprompt").$type<0 | 1>().notNull().default(0),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** Archived (Bitwarden's archive): kept out of the default lists, still searchable and usable. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("ciphers_one_owner", sql`(${t.userId} is null) <> (${t.organizationId} is null)`),
    check("ciphers_reprompt", sql`${t.reprompt} in (0, 1)`),
    unique("ciphers_org_id_id").on(t.organizationId, t.id),
    index("ciphers_user_idx").on(t.userId),
    index("ciphers_org_idx").on(t.organizationId),
  ],
);

/** Per-user settings of an item (organization items are shared, but folder and favorite are personal). */
export const cipherUserStates = pgTable(
  "cipher_user_states",
  {
    cipherId: uuid("cipher_id")
      .notNull()
      .references(() => ciphers.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    folderId: uuid("folder_id"),
    favorite: boolean("favorite").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "cipher_user_states_pk", columns: [t.cipherId, t.userId] }),
    // The folder must be the same user's folder; deleting a folder first moves its items out (DAL).
    foreignKey({
      name: "cipher_user_states_folder_fk",
      columns: [t.userId, t.folderId],
      foreignColumns: [folders.userId, folders.id],
    }),
  ],
);

/** Composite keys: an item can only be put in a collection of its own organization. */
export const collectionCiphers = pgTable(
  "collection_ciphers",
  {
    organizationId: uuid("organization_id").notNull(),
    collectionId: uuid("collection_id").notNull(),
    cipherId: uuid("cipher_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "collection_ciphers_pk", columns: [t.collectionId, t.cipherId] }),
    foreignKey({
      name: "collection_ciphers_collection_fk",
      columns: [t.organizationId, t.collectionId],
      foreignColumns: [collections.organizationId, collections.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "collection_ciphers_cipher_fk",
      columns: [t.organizationId, t.cipherId],
      foreignColumns: [ciphers.organizationId, ciphers.id],
    }).onDelete("cascade"),
    index("collection_ciphers_cipher_idx").on(t.cipherId),
  ],
);
