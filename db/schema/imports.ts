import { pgTable, primaryKey, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/**
 * Files imported into an organization, known only by a keyed hash the browser makes under the organization key
 * (lib/crypto/keyed-hash.ts): the server can tell that the same file came again, never what it held. The import page
 * asks before a file is imported a second time.
 */
export const organizationImports = pgTable(
  "organization_imports",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** base64 of 32 bytes. */
    fileHash: varchar("file_hash", { length: 44 }).notNull(),
    /** The last time the file was imported. */
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.fileHash] })],
);
