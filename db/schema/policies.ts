import { boolean, jsonb, pgEnum, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { POLICY_TYPES } from "@/lib/enums";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";

export const policyType = pgEnum("policy_type", POLICY_TYPES);

export const policies = pgTable(
  "policies",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: policyType("type").notNull(),
    enabled: boolean("enabled").notNull().default(false),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("policies_org_type").on(t.organizationId, t.type)],
);
