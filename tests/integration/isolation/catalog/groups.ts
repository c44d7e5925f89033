import type { IsolationEntry } from "./types";

export const GROUP_ACTIONS: IsolationEntry[] = [];
