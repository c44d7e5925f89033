import { z } from "zod";
import type { PolicyType } from "@/lib/enums";
import { POLICY_DATA_SCHEMAS } from "@/lib/policies/types";
import { uuidSchema } from "./common";
import { clientIdsSchema, groupIdsSchema } from "./provider-scopes";

function baselinePolicy<T extends PolicyType>(type: T) {
  return z.object({
    providerId: uuidSchema,
    type: z.literal(type),
    enabled: z.boolean({ error: "Choose whether the baseline holds this policy." }),
    data: POLICY_DATA_SCHEMAS[type],
  });
}

/** One policy of the baseline, in or out, with its options: the console's policy form, for the provider. */
export const updateBaselinePolicySchema = z.discriminatedUnion(
  "type",
  [
    baselinePolicy("master_password"),
    baselinePolicy("password_generator"),
    baselinePolicy("single_org"),
    baselinePolicy("personal_ownership"),
    baselinePolicy("disable_personal_vault_export"),
    baselinePolicy("two_factor_authentication"),
  ],
  { error: "Unknown policy." },
);
export type BaselinePolicyInput = z.output<typeof updateBaselinePolicySchema>;

/** Which clients the baseline is for: all of them, or the chosen clients and client groups. */
export const updateBaselineTargetSchema = z
  .object({ providerId: uuidSchema, allClients: z.boolean(), clientIds: clientIdsSchema, groupIds: groupIdsSchema })
  .refine((input) => input.allClients || input.clientIds.length > 0 || input.groupIds.length > 0, {
    path: ["clientIds"],
    message: "Choose at least one client or group, or apply the baseline to all clients.",
  });
export type BaselineTargetInput = z.output<typeof updateBaselineTargetSchema>;

/** Applying the baseline: to one client (its organization id), or to every client it covers that drifted. */
export const applyBaselineSchema = z.object({ providerId: uuidSchema, organizationId: uuidSchema.optional() });
