import { ACCOUNT_ACTIONS } from "./accounts";
import { BASELINE_ACTIONS } from "./baselines";
import { BILLING_ACTIONS } from "./billing";
import { CLIENT_ACTIONS } from "./clients";
import { CLIENT_MOVE_ACTIONS } from "./client-moves";
import { COLLECTION_ACTIONS } from "./collections";
import { EVENTS_ACTIONS } from "./events";
import { GROUP_ACTIONS } from "./groups";
import { IMPORT_EXPORT_ACTIONS } from "./import-export";
import { ITEM_ACTIONS } from "./items";
import { OPERATOR_ACTIONS } from "./operator";
import { ORGANIZATION_EVENTS_ACTIONS } from "./organization-events";
import { ORGANIZATION_MEMBER_ACTIONS } from "./organization-members";
import { ORGANIZATION_SETTINGS_ACTIONS } from "./organization-settings";
import { ORGANIZATION_ACTIONS } from "./organizations";
import { POLICY_ACTIONS } from "./policies";
import { PROVIDER_ACCESS_ACTIONS } from "./provider-access";
import { PROVIDER_REQUEST_ACTIONS } from "./provider-requests";
import { PROVIDER_ACTIONS } from "./providers";
import { PROVIDER_API_KEY_ACTIONS } from "./provider-api-keys";
import { PROVIDER_SCOPE_ACTIONS } from "./provider-scopes";
import type { IsolationEntry } from "./types";

export type { IsolationEntry };

/** Every exported server action of the app; the isolation test fails when one is missing here. One file per domain. */
export const ISOLATION_CATALOG: IsolationEntry[] = [
  ...ACCOUNT_ACTIONS,
  ...OPERATOR_ACTIONS,
  ...BILLING_ACTIONS,
  ...EVENTS_ACTIONS,
  ...PROVIDER_ACTIONS,
  ...PROVIDER_SCOPE_ACTIONS,
  ...BASELINE_ACTIONS,
  ...PROVIDER_API_KEY_ACTIONS,
  ...PROVIDER_REQUEST_ACTIONS,
  ...CLIENT_ACTIONS,
  ...CLIENT_MOVE_ACTIONS,
  ...ORGANIZATION_ACTIONS,
  ...ORGANIZATION_MEMBER_ACTIONS,
  ...ORGANIZATION_SETTINGS_ACTIONS,
  ...ORGANIZATION_EVENTS_ACTIONS,
  ...POLICY_ACTIONS,
  ...PROVIDER_ACCESS_ACTIONS,
  ...COLLECTION_ACTIONS,
  ...GROUP_ACTIONS,
  ...ITEM_ACTIONS,
  ...IMPORT_EXPORT_ACTIONS,
];
