import "server-only";
import type { PolicyType } from "@/lib/enums";
import { policyDataOf } from "@/lib/policies/types";
import { POLICY_TYPE_NUMBERS } from "./enums";

type PolicyRow = {
  id: string;
  organizationId: string;
  type: PolicyType;
  data: unknown;
  enabled: boolean;
  updatedAt: Date;
};

/** A policy's options under the names Bitwarden's clients read. */
function policyData(type: PolicyType, stored: unknown): Record<string, unknown> | null {
  if (type === "master_password") return { ...policyDataOf(type, stored), enforceOnLogin: false };
  if (type === "password_generator") {
    const { defaultType, minWords, ...rest } = policyDataOf(type, stored);
    return { ...rest, overridePasswordType: defaultType, minNumberWords: minWords };
  }
  return null;
}

/** PolicyResponse. `revisionDate` is required: clients from 2026.8 on fail to list items without it. */
export function policyResponse(row: PolicyRow) {
  return {
    object: "policy",
    id: row.id,
    organizationId: row.organizationId,
    type: POLICY_TYPE_NUMBERS[row.type],
    data: policyData(row.type, row.data),
    enabled: row.enabled,
    canToggleState: true,
    revisionDate: row.updatedAt.toISOString(),
  };
}
