import {
  decideProviderAccessAction,
  endProviderAccessAction,
  requestProviderAccessAction,
  setProviderAccessRuleAction,
} from "@/app/(console)/organizations/[organizationId]/provider-access/actions";
import { UNKNOWN_ID } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

/**
 * Client-approved item access (issue 15) in "My Client's Organization": the managing provider's members reaching it
 * ask; its owner answers and sets the rule; both sides may end a grant.
 */
export const PROVIDER_ACCESS_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.providerAccess.request",
    grants: true,
    action: requestProviderAccessAction,
    allowed: ["service_user", "provider_admin"],
    input: (demo) => ({
      organizationId: demo.client1,
      collectionId: null,
      reason: "Isolation matrix",
      access: "view",
      minutes: 60,
    }),
  },
  {
    name: "organization.providerAccess.decide",
    grants: true,
    action: decideProviderAccessAction,
    allowed: ["client_owner"],
    input: (demo) => ({
      organizationId: demo.client1,
      requestId: UNKNOWN_ID,
      decision: "approve",
      access: "view",
      minutes: 60,
    }),
  },
  {
    name: "organization.providerAccess.end",
    grants: false,
    action: endProviderAccessAction,
    allowed: ["client_owner", "service_user", "provider_admin"],
    input: (demo) => ({ organizationId: demo.client1, requestId: UNKNOWN_ID }),
  },
  {
    name: "organization.providerAccess.setRule",
    grants: true,
    action: setProviderAccessRuleAction,
    allowed: ["client_owner"],
    input: (demo) => ({ organizationId: demo.client1, rule: "never", technicianIds: [] }),
  },
];
