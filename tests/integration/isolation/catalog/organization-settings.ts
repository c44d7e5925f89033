import type { IsolationEntry } from "./types";

export const ORGANIZATION_SETTINGS_ACTIONS: IsolationEntry[] = [];
