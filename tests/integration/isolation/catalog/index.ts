import { ACCOUNT_ACTIONS } from "./accounts";
import { BILLING_ACTIONS } from "./billing";
import { EVENTS_ACTIONS } from "./events";
import { OPERATOR_ACTIONS } from "./operator";
import type { IsolationEntry } from "./types";

export type { IsolationEntry };

/** Every exported server action of the app; the isolation test fails when one is missing here. */
export const ISOLATION_CATALOG: IsolationEntry[] = [...ACCOUNT_ACTIONS, ...OPERATOR_ACTIONS, ...BILLING_ACTIONS, ...EVENTS_ACTIONS];
