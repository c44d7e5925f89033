import type { IsolationEntry } from "./types";

export const EVENTS_ACTIONS: IsolationEntry[] = [];
