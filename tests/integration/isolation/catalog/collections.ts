import type { IsolationEntry } from "./types";

export const COLLECTION_ACTIONS: IsolationEntry[] = [];
