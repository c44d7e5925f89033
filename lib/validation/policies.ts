import { z } from "zod";
import type { PolicyType } from "@/lib/enums";
import { POLICY_DATA_SCHEMAS } from "@/lib/policies/types";
import { uuidSchema } from "./common";

function policyUpdate<T extends PolicyType>(type: T) {
  return z.object({
    organizationId: uuidSchema,
    type: z.literal(type),
    enabled: z.boolean({ error: "Choose whether the policy is on." }),
    data: POLICY_DATA_SCHEMAS[type],
  });
}

/** Saving one policy from the console: its type decides the shape of `data` (field errors read "data.minLength"). */
export const updatePolicySchema = z.discriminatedUnion(
  "type",
  [
    policyUpdate("master_password"),
    policyUpdate("password_generator"),
    policyUpdate("single_org"),
    policyUpdate("personal_ownership"),
    policyUpdate("disable_personal_vault_export"),
    policyUpdate("two_factor_authentication"),
  ],
  { error: "Unknown policy." },
);
export type UpdatePolicyInput = z.input<typeof updatePolicySchema>;
