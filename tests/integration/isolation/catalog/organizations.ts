import type { IsolationEntry } from "./types";

export const ORGANIZATION_ACTIONS: IsolationEntry[] = [];
