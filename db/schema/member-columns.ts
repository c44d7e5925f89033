import { uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, encString, id, updatedAt } from "./columns";
import { users } from "./users";

/**
 * The columns a membership shares, of an organization or of a provider: the invited email, the account once it
 * joined, and the organization or provider key wrapped (type 4) to that account's public key once confirmed.
 */
export const memberColumns = () => ({
  id: id(),
  userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
  email: varchar("email", { length: 256 }).notNull(),
  key: encString("key"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
