import { text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { EncString } from "@/lib/crypto";

/** Shared column builders so every table spells ids and timestamps the same way. */
export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * When what this row's users would get from a Bitwarden client sync last changed (DESIGN §12). Bumped by the action
 * wrapper for the tenants an action's events name; clients compare it to decide whether to sync.
 */
export const revisionDate = () => timestamp("revision_date", { withTimezone: true }).notNull().defaultNow();

/** A text column holding an EncString (ciphertext): plaintext does not type-check as its value. */
export const encString = (name: string) => text(name).$type<EncString>();
