import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";
import { policyType } from "./policies";
import { providerOrganizations, providers } from "./providers";
import { providerClientGroups } from "./provider-scopes";

/**
 * A provider's policy baseline (lib/policies/baseline.ts): the organization policies its clients should have on, each
 * at least as strict as here. It targets every client (the default) or the clients named here and those tagged with
 * one of its groups, as a service user's reach does (DESIGN §13). Composite foreign keys tie each target to the same
 * provider, and unlinking a client or deleting a group removes it from the target in the same statement.
 */
export const providerBaselines = pgTable("provider_baselines", {
  providerId: uuid("provider_id")
    .primaryKey()
    .references(() => providers.id, { onDelete: "cascade" }),
  allClients: boolean("all_clients").notNull().default(true),
  updatedAt: updatedAt(),
});

/** A policy in the baseline, with its options (lib/policies/types.ts); a policy not listed is left to each client. */
export const providerBaselinePolicies = pgTable(
  "provider_baseline_policies",
  {
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providerBaselines.providerId, { onDelete: "cascade" }),
    type: policyType("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ name: "provider_baseline_policies_pk", columns: [t.providerId, t.type] })],
);

/** A client the baseline names. */
export const providerBaselineClients = pgTable(
  "provider_baseline_clients",
  {
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providerBaselines.providerId, { onDelete: "cascade" }),
    providerOrganizationId: uuid("provider_organization_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "provider_baseline_clients_pk", columns: [t.providerId, t.providerOrganizationId] }),
    index("provider_baseline_clients_client_idx").on(t.providerOrganizationId),
    foreignKey({
      name: "provider_baseline_clients_client_fk",
      columns: [t.providerId, t.providerOrganizationId],
      foreignColumns: [providerOrganizations.providerId, providerOrganizations.id],
    }).onDelete("cascade"),
  ],
);

/** A client group the baseline names: it covers every client tagged with it, now and later. */
export const providerBaselineGroups = pgTable(
  "provider_baseline_groups",
  {
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providerBaselines.providerId, { onDelete: "cascade" }),
    groupId: uuid("group_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "provider_baseline_groups_pk", columns: [t.providerId, t.groupId] }),
    index("provider_baseline_groups_group_idx").on(t.groupId),
    foreignKey({
      name: "provider_baseline_groups_group_fk",
      columns: [t.providerId, t.groupId],
      foreignColumns: [providerClientGroups.providerId, providerClientGroups.id],
    }).onDelete("cascade"),
  ],
);
