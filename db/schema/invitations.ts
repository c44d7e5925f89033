import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { INVITATION_KINDS } from "@/lib/enums";
import { createdAt, id } from "./columns";
import { organizationUsers } from "./organizations";
import { providers, providerUsers } from "./providers";

export const invitationKind = pgEnum("invitation_kind", INVITATION_KINDS);

/**
 * Single-use, expiring links (setup, invitations). Only a SHA-256 of the token is stored, and the link is
 * bound to the invited email: accepting requires being signed in as that address.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    kind: invitationKind("kind").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    email: varchar("email", { length: 256 }).notNull(),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "cascade" }),
    providerUserId: uuid("provider_user_id").references(() => providerUsers.id, { onDelete: "cascade" }),
    organizationUserId: uuid("organization_user_id").references(() => organizationUsers.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("invitations_email_normalized", sql`${t.email} = lower(btrim(${t.email}))`),
    check(
      "invitations_target",
      sql`(${t.kind} = 'provider_setup' and ${t.providerId} is not null)
        or (${t.kind} = 'provider_user' and ${t.providerUserId} is not null)
        or (${t.kind} = 'organization_user' and ${t.organizationUserId} is not null)`,
    ),
    index("invitations_provider_user_idx").on(t.providerUserId),
    index("invitations_organization_user_idx").on(t.organizationUserId),
  ],
);

/**
 * Links that prove an address: `registration` starts an account (the account exists only once its owner followed
 * the link, so the address is verified from the start), `verification` verifies an existing account's address.
 * Stored as SHA-256 like invitations; single-use and expiring.
 */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: id(),
    purpose: varchar("purpose", { length: 16 }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    email: varchar("email", { length: 256 }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("email_tokens_purpose", sql`${t.purpose} in ('registration', 'verification')`),
    check("email_tokens_email_normalized", sql`${t.email} = lower(btrim(${t.email}))`),
    index("email_tokens_email_idx").on(t.email),
  ],
);
