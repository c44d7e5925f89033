import type { IsolationEntry } from "./types";

export const BILLING_ACTIONS: IsolationEntry[] = [];
