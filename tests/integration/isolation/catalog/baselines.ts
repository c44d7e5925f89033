import {
  applyBaselineAction,
  updateBaselinePolicyAction,
  updateBaselineTargetAction,
} from "@/app/(portal)/providers/[providerId]/baseline/actions";
import type { IsolationEntry } from "./types";

const ADMINS = ["provider_admin"] as const;

/**
 * The policy baseline changes clients' policies (stricter only) and grants nobody anything; it changes every client
 * at once, so all of it is provider admins'.
 */
export const BASELINE_ACTIONS: IsolationEntry[] = [
  {
    name: "provider.baseline.updatePolicy",
    grants: false,
    action: updateBaselinePolicyAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, type: "single_org", enabled: true, data: null }),
  },
  {
    name: "provider.baseline.updateTarget",
    grants: false,
    action: updateBaselineTargetAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, allClients: false, clientIds: [demo.client1], groupIds: [] }),
  },
  {
    name: "provider.baseline.apply",
    grants: false,
    action: applyBaselineAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, organizationId: demo.client1 }),
  },
];
