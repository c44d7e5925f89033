import type { IsolationEntry } from "./types";

export const POLICY_ACTIONS: IsolationEntry[] = [];
