import { updatePolicyAction } from "@/app/(console)/organizations/[organizationId]/settings/policies/actions";
import type { IsolationEntry } from "./types";

/** Console rights in "My Client's Organization" with policies: its owner and the managing provider's members (DESIGN §6). */
const POLICY_MANAGERS = ["client_owner", "service_user", "provider_admin"] as const;

export const POLICY_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.policies.update",
    grants: false,
    action: updatePolicyAction,
    allowed: POLICY_MANAGERS,
    input: (demo) => ({ organizationId: demo.client1, type: "single_org", enabled: true }),
  },
];
