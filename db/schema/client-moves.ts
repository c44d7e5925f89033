import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CLIENT_MOVE_STATUSES } from "@/lib/enums";
import { createdAt, encString, id } from "./columns";
import { organizations } from "./organizations";
import { providers } from "./providers";
import { users } from "./users";

export const clientMoveStatus = pgEnum("client_move_status", CLIENT_MOVE_STATUSES);

/**
 * A client organization's move to another provider (issue 15). The new provider's admin issues a move code in the
 * browser: a random secret, kept here only under the new provider's key. The client's owner enters the code; their
 * browser wraps the organization key with a key derived from the secret (`transfer_key`) and proves it knows the
 * secret with `verifier`, another derivation. The new provider's admin completes the move: their browser reads the
 * secret back with the provider key, unwraps the organization key and wraps it with the provider key, and the link
 * to the old provider is replaced in the same transaction. The server never holds what opens either key.
 */
export const clientMoves = pgTable(
  "client_moves",
  {
    id: id(),
    toProviderId: uuid("to_provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    issuedByUserId: uuid("issued_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The code's secret under the new provider's key (type 2); gone once the move is completed or cancelled. */
    secret: encString("secret"),
    /** A derivation of the secret the claiming browser must match (base64 of 32 bytes); it opens nothing. */
    verifier: text("verifier").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    status: clientMoveStatus("status").notNull().default("issued"),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    /** The provider the organization had when the code was entered, or null when it had none. */
    fromProviderId: uuid("from_provider_id").references(() => providers.id, { onDelete: "set null" }),
    /** The organization key under the code's derived key (type 2), from the owner's browser; kept only while claimed. */
    transferKey: encString("transfer_key"),
    claimedByUserId: uuid("claimed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    completedByUserId: uuid("completed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledByUserId: uuid("cancelled_by_user_id").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("client_moves_to_provider_idx").on(t.toProviderId, t.createdAt),
    index("client_moves_from_provider_idx").on(t.fromProviderId),
    // One move under way per organization: a second code waits until the first is completed or cancelled.
    uniqueIndex("client_moves_one_claimed")
      .on(t.organizationId)
      .where(sql`${t.status} = 'claimed'`),
    // The key material lives only while the move is open: a finished move keeps neither the secret nor the
    // organization key under it.
    check(
      "client_moves_key_material",
      sql`(${t.status} = 'issued' and ${t.secret} is not null and ${t.transferKey} is null)
        or (${t.status} = 'claimed' and ${t.secret} is not null and ${t.transferKey} is not null
            and ${t.organizationId} is not null and ${t.claimedAt} is not null)
        or (${t.status} = 'completed' and ${t.secret} is null and ${t.transferKey} is null
            and ${t.organizationId} is not null and ${t.completedAt} is not null)
        or (${t.status} = 'cancelled' and ${t.secret} is null and ${t.transferKey} is null)`,
    ),
    check("client_moves_not_to_itself", sql`${t.fromProviderId} is null or ${t.fromProviderId} <> ${t.toProviderId}`),
  ],
);
