import { index, integer, pgEnum, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const mailStatus = pgEnum("mail_status", ["pending", "sent", "logged", "failed"]);

/** Every mail the system sends is written here first, in the transaction of the change that causes it. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    to: varchar("to", { length: 256 }).notNull(),
    subject: varchar("subject", { length: 256 }).notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    status: mailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: varchar("last_error", { length: 500 }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("mail_outbox_status_idx").on(t.status, t.createdAt)],
);
