import { createOrganizationAction } from "@/app/(vault)/create-organization/actions";
import { FAKE_ENC_2, FAKE_ENC_4, FAKE_PUBLIC_KEY } from "../../../support/fakes";
import { SIGNED_IN_ROLES } from "../roles";
import type { IsolationEntry } from "./types";

export const ORGANIZATION_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.create",
    grants: false,
    action: createOrganizationAction,
    // Anyone with an account may create an organization (DESIGN §1); only signed-out callers are refused.
    allowed: SIGNED_IN_ROLES,
    input: () => ({
      name: "Anyone's Org",
      billingEmail: "someone@x.example",
      planType: "teams_monthly",
      seats: 2,
      publicKey: FAKE_PUBLIC_KEY,
      privateKey: FAKE_ENC_2,
      ownerKey: FAKE_ENC_4,
      collectionName: FAKE_ENC_2,
    }),
  },
];
