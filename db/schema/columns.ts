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

/** A text column holding an EncString (ciphertext): plaintext does not type-check as its value. */
export const encString = (name: string) => text(name).$type<EncString>();
