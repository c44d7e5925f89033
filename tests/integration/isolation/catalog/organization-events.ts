import type { IsolationEntry } from "./types";

export const ORGANIZATION_EVENTS_ACTIONS: IsolationEntry[] = [];
