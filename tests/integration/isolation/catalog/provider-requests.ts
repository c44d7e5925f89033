import { requestToBecomeProvider, withdrawProviderRequestAction } from "@/app/(vault)/become-a-provider/actions";
import { createProviderKeyAction } from "@/app/(portal)/providers/[providerId]/actions";
import { approveProviderRequestAction, rejectProviderRequestAction } from "@/app/admin/actions";
import { FAKE_ENC_4, UNKNOWN_ID } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

/** "Become a provider": requests (their requester), decisions (operators) and the first admin's provider key. */
export const PROVIDER_REQUEST_ACTIONS: IsolationEntry[] = [
  {
    // A client can never be a provider's internal organization, so even its owner is refused.
    name: "provider.request.submit",
    grants: false,
    action: requestToBecomeProvider,
    allowed: [],
    input: (demo) => ({
      businessName: "Isolation MSP",
      type: "msp",
      billingEmail: "billing@isolation.example",
      internalOrganizationId: demo.client1,
      firstClientName: "",
    }),
  },
  {
    name: "provider.request.withdraw",
    grants: false,
    action: withdrawProviderRequestAction,
    allowed: [],
    input: () => ({ requestId: UNKNOWN_ID }),
  },
  {
    name: "operator.providerRequest.approve",
    grants: true,
    action: approveProviderRequestAction,
    allowed: ["operator"],
    input: () => ({ requestId: UNKNOWN_ID }),
  },
  {
    name: "operator.providerRequest.reject",
    grants: false,
    action: rejectProviderRequestAction,
    allowed: ["operator"],
    input: () => ({ requestId: UNKNOWN_ID, reason: "Not today." }),
  },
  {
    // Demo MSP has its key: nobody may make another.
    name: "provider.key.create",
    grants: true,
    action: createProviderKeyAction,
    allowed: [],
    input: (demo) => ({ providerId: demo.providerId, key: FAKE_ENC_4 }),
  },
];
