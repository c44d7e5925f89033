import type { IsolationEntry } from "./types";

export const ITEM_ACTIONS: IsolationEntry[] = [];
