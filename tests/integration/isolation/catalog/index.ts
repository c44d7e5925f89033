import { ACCOUNT_ACTIONS } from "./accounts";
import { BILLING_ACTIONS } from "./billing";
import { EVENTS_ACTIONS } from "./events";
import { CLIENT_ACTIONS } from "./clients";
import { OPERATOR_ACTIONS } from "./operator";
import { ORGANIZATION_MEMBER_ACTIONS } from "./organization-members";
import { PROVIDER_ACTIONS } from "./providers";
import type { IsolationEntry } from "./types";

export type { IsolationEntry };

/** Every exported server action of the app; the isolation test fails when one is missing here. */
export const ISOLATION_CATALOG: IsolationEntry[] = [
  ...ACCOUNT_ACTIONS,
  ...OPERATOR_ACTIONS,
  ...BILLING_ACTIONS,
  ...EVENTS_ACTIONS,
  ...PROVIDER_ACTIONS,
  ...CLIENT_ACTIONS,
  ...ORGANIZATION_MEMBER_ACTIONS,
];
