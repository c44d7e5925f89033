import { sql } from "drizzle-orm";
import { bigint, check, customType, foreignKey, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, encString, id } from "./columns";
import { ciphers } from "./vault";

/** PostgreSQL's bytea: node-postgres answers a Buffer and PGlite a Uint8Array, both Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A file attached to an item (Bitwarden's attachment). The server holds only ciphertext: the file name is an
 * EncString under the item's key (or the owning key), `key` is the file's own key wrapped the same way, and the
 * bytes (an EncArrayBuffer under that key) live in attachment_contents, so listing attachments never reads them.
 * A row is created before its upload; `uploaded_at` is set once the bytes are stored.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    cipherId: uuid("cipher_id")
      .notNull()
      .references(() => ciphers.id, { onDelete: "cascade" }),
    // The item's organization (null for a personal item), for tenant conditions in SQL as other vault tables have.
    organizationId: uuid("organization_id"),
    fileName: encString("file_name").notNull(),
    key: encString("key").notNull(),
    /** The encrypted file's size in bytes, as declared before the upload (the upload must match it). */
    size: bigint("size", { mode: "number" }).notNull(),
    createdAt: createdAt(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }),
  },
  (t) => [
    check("attachments_size", sql`${t.size} > 0`),
    // An organization item's attachment names that organization (MATCH SIMPLE: personal items' rows skip it).
    foreignKey({
      name: "attachments_cipher_org_fk",
      columns: [t.organizationId, t.cipherId],
      foreignColumns: [ciphers.organizationId, ciphers.id],
    }).onDelete("cascade"),
    index("attachments_cipher_idx").on(t.cipherId),
  ],
);

/** The encrypted bytes of an attachment, apart from its metadata. */
export const attachmentContents = pgTable("attachment_contents", {
  attachmentId: uuid("attachment_id")
    .primaryKey()
    .references(() => attachments.id, { onDelete: "cascade" }),
  data: bytea("data").notNull(),
});
